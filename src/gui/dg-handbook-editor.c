/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-editor"

#include <glib/gi18n.h>

#include "dg-confirmation.h"
#include "dg-handbook-editor.h"
#include "dg-handbook-history-window.h"
#include "dg-handbook-printing.h"
#include "dg-handbook-step-row.h"
#include "dg-validation.h"
#include "dg-window.h"

/* Long enough to save once per burst of typing, short enough that a crash
 * loses almost nothing. */
#define SAVE_DELAY_MS 500

struct _DgHandbookEditor
{
  AdwBin            parent_instance;

  DgHandbookStore  *store;
  DgHandbook       *handbook;
  GDateTime        *published_date;  /* of the latest version, if any */
  GHashTable       *rows;            /* DgHandbookStep → DgHandbookStepRow */
  guint             save_id;
  gboolean          dirty;
  gboolean          loading;
  gboolean          moving;          /* a move is a removal plus an insertion */
  gboolean          title_touched;
  GError           *save_error;      /* why the last save failed, until one works */

  /* The step removed last, for Undo. */
  DgHandbookStep   *removed_step;
  guint             removed_position;
  AdwToast         *removed_toast;

  GtkLabel         *title_label;
  GtkLabel         *status_label;
  GtkLabel         *summary_label;
  GtkWidget        *archived_box;
  AdwEntryRow      *title_row;
  GtkLabel         *title_errors;
  AdwEntryRow      *tags_row;
  GtkTextView      *purpose_view;
  GtkTextView      *links_view;
  GtkListBox       *steps_list;
  GtkLabel         *save_status_label;
};

G_DEFINE_FINAL_TYPE (DgHandbookEditor, dg_handbook_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  OPEN,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWindow *
parent_window (DgHandbookEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (DgHandbookEditor *self,
           AdwToast         *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (DG_IS_WINDOW (root))
    dg_window_add_toast (DG_WINDOW (root), toast);
  else
    {
      g_warning ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

static void
show_toast (DgHandbookEditor *self,
            const char       *message)
{
  add_toast (self, adw_toast_new (message));
}

static gboolean
is_stored (DgHandbookEditor *self)
{
  return self->handbook != NULL && dg_handbook_get_id (self->handbook) != 0;
}

/* ---- what the header says -------------------------------------------- */

static void
update_header (DgHandbookEditor *self)
{
  int version = dg_handbook_get_version (self->handbook);
  gboolean changes = dg_handbook_get_has_changes (self->handbook) || self->dirty;
  guint n_steps = g_list_model_get_n_items (dg_handbook_get_steps (self->handbook));
  int minutes = dg_handbook_get_total_minutes (self->handbook);
  g_autofree char *published = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  GtkWidget *status = GTK_WIDGET (self->status_label);

  gtk_label_set_label (self->title_label, dg_handbook_get_display_title (self->handbook));

  if (version > 0 && self->published_date != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->published_date);
      /* Translators: the date a version was published, in g_date_time_format() notation */
      g_autofree char *date = g_date_time_format (local, _("%B %-d, %Y"));

      /* Translators: the latest published version and its date */
      published = g_strdup_printf (_("Version %d, published %s"), version, date);
    }
  else if (version > 0)
    /* Translators: the latest published version */
    published = g_strdup_printf (_("Version %d"), version);

  /* What assistants see is the published version: say plainly when the
   * draft on screen is not it. */
  if (version == 0)
    gtk_label_set_label (self->status_label, _("Draft — not yet published"));
  else if (changes)
    gtk_label_set_label (self->status_label, _("Draft — changes not yet published"));
  else
    gtk_label_set_label (self->status_label, published);
  if (version == 0 || changes)
    gtk_widget_add_css_class (status, "warning");
  else
    gtk_widget_remove_css_class (status, "warning");

  if (version > 0 && changes)
    {
      g_string_append (summary, published);
      g_string_append (summary, " · ");
    }
  g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u step", "%u steps", n_steps), n_steps);
  if (minutes > 0)
    {
      g_autofree char *duration = dg_handbook_format_minutes (minutes);

      /* Translators: follows the number of steps: "5 steps · about 1 h 15 min" */
      g_string_append_printf (summary, _(" · about %s"), duration);
    }
  gtk_label_set_label (self->summary_label, summary->str);
}

static void
update_published_date (DgHandbookEditor *self)
{
  g_autoptr(DgHandbook) latest = NULL;
  int version = dg_handbook_get_version (self->handbook);

  g_clear_pointer (&self->published_date, g_date_time_unref);
  if (version > 0 && self->store != NULL && is_stored (self))
    latest = dg_handbook_store_get_version (self->store, dg_handbook_get_id (self->handbook),
                                            version, NULL);
  if (latest != NULL && dg_handbook_get_date (latest) != NULL)
    self->published_date = g_date_time_ref (dg_handbook_get_date (latest));
}

static void
update_actions (DgHandbookEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean stored = is_stored (self);
  gboolean archived = self->handbook != NULL && dg_handbook_get_archived (self->handbook);

  /* A draft like the latest version has nothing to publish, and an
   * incomplete one cannot be published (it is saved all the same). */
  gtk_widget_action_set_enabled (widget, "handbook.publish",
                                 stored && dg_handbook_validate (self->handbook, NULL) &&
                                 (self->dirty || dg_handbook_get_has_changes (self->handbook)));
  gtk_widget_action_set_enabled (widget, "handbook.history", stored);
  gtk_widget_action_set_enabled (widget, "handbook.print", self->handbook != NULL);
  gtk_widget_action_set_enabled (widget, "handbook.export-pdf", self->handbook != NULL);
  gtk_widget_action_set_enabled (widget, "handbook.export-markdown", self->handbook != NULL);
  gtk_widget_action_set_enabled (widget, "handbook.duplicate", stored);
  gtk_widget_action_set_enabled (widget, "handbook.archive", stored && !archived);
  gtk_widget_action_set_enabled (widget, "handbook.restore", stored && archived);
  gtk_widget_action_set_enabled (widget, "handbook.delete", stored);
  gtk_widget_action_set_enabled (widget, "handbook.undo-remove", self->removed_step != NULL);
  gtk_widget_action_set_enabled (widget, "handbook.add-step", self->handbook != NULL);
  gtk_widget_set_visible (self->archived_box, stored && archived);
}

/* ---- validity and saving --------------------------------------------- */

static void
set_title_problem (DgHandbookEditor *self,
                   const char       *message)
{
  GtkWidget *row = GTK_WIDGET (self->title_row);

  gtk_label_set_label (self->title_errors, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_errors), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

/* Shows what keeps the draft from being published, at the fields, and in
 * the status at the bottom whether it is saved: an incomplete draft is
 * saved all the same, only a failed save is an error. */
static gboolean
update_validity (DgHandbookEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean valid = dg_handbook_validate (self->handbook, &error);
  gboolean blank_title = dg_text_is_blank (dg_handbook_get_title (self->handbook));
  GtkWidget *status = GTK_WIDGET (self->save_status_label);

  set_title_problem (self, blank_title && self->title_touched ? _("Give the handbook a title.") : NULL);

  gtk_widget_remove_css_class (status, "dg-field-error");
  gtk_widget_add_css_class (status, "dim-label");
  if (self->dirty && self->save_error != NULL)
    {
      /* Translators: the reason follows, e.g. "The handbook no longer exists. …" */
      g_autofree char *text = g_strdup_printf (_("Not saved yet: %s"), self->save_error->message);

      gtk_label_set_label (self->save_status_label, text);
      gtk_widget_remove_css_class (status, "dim-label");
      gtk_widget_add_css_class (status, "dg-field-error");
    }
  else if (self->dirty)
    gtk_label_set_label (self->save_status_label, _("Saving…"));
  else if (is_stored (self) && !valid)
    {
      /* Translators: the draft is saved; what it lacks to be published
       * follows, e.g. "Step 3 needs a title." */
      g_autofree char *text = g_strdup_printf (_("All changes saved. Before publishing: %s"), error->message);

      gtk_label_set_label (self->save_status_label, text);
    }
  else if (is_stored (self))
    gtk_label_set_label (self->save_status_label, _("All changes saved"));
  else
    gtk_label_set_label (self->save_status_label, "");
  return valid;
}

/* Marks every problem, also on fields not typed into yet. */
static void
show_all_problems (DgHandbookEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  self->title_touched = TRUE;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    dg_handbook_step_row_show_problems (row);
  update_validity (self);
}

/* Saves the draft as it is, complete or not: nothing typed waits for a
 * title to be safe. Only the database can refuse (or the handbook may have
 * been deleted meanwhile): the reason goes to @error, or to a toast when
 * the caller passes none. @explicit also marks every field that keeps the
 * draft from being published. */
static gboolean
save_now (DgHandbookEditor  *self,
          gboolean           explicit,
          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DgHandbook) handbook = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->handbook != NULL && explicit && !dg_handbook_validate (self->handbook, NULL))
    show_all_problems (self);
  if (!self->dirty || self->handbook == NULL)
    return TRUE;

  if (!dg_handbook_store_save (self->store, self->handbook, &local_error))
    {
      g_clear_error (&self->save_error);
      self->save_error = g_error_copy (local_error);
      update_validity (self);
      if (error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        show_toast (self, local_error->message);
      return FALSE;
    }

  g_clear_error (&self->save_error);
  self->dirty = FALSE;
  update_validity (self);
  update_header (self);
  update_actions (self);
  handbook = g_object_ref (self->handbook);
  g_signal_emit (self, signals[SAVED], 0, handbook);
  return TRUE;
}

static gboolean
on_save_timeout (gpointer user_data)
{
  DgHandbookEditor *self = user_data;

  self->save_id = 0;
  save_now (self, FALSE, NULL);
  return G_SOURCE_REMOVE;
}

static void
content_changed (DgHandbookEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, on_save_timeout, self);
  update_validity (self);
  update_header (self);
  update_actions (self);
}

/* ---- steps ------------------------------------------------------------ */

static void on_row_changed (DgHandbookStepRow *row,
                            DgHandbookEditor  *self);
static void on_row_move    (DgHandbookStepRow *row,
                            guint              from,
                            guint              to,
                            DgHandbookEditor  *self);
static void on_row_remove  (DgHandbookStepRow *row,
                            DgHandbookEditor  *self);

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  guint position_a = dg_handbook_step_row_get_position (DG_HANDBOOK_STEP_ROW (a));
  guint position_b = dg_handbook_step_row_get_position (DG_HANDBOOK_STEP_ROW (b));

  return position_a < position_b ? -1 : position_a > position_b;
}

/* Rows follow the steps by identity, not by position: a moved step keeps
 * its row, and with it the keyboard focus and what the row shows. */
static void
sync_rows (DgHandbookEditor *self)
{
  GListModel *steps = dg_handbook_get_steps (self->handbook);
  guint n_steps = g_list_model_get_n_items (steps);
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer step, row;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) item = g_list_model_get_item (steps, i);

      row = g_hash_table_lookup (self->rows, item);
      if (row == NULL)
        {
          row = dg_handbook_step_row_new (item);
          g_signal_connect_object (row, "changed", G_CALLBACK (on_row_changed), self, 0);
          g_signal_connect_object (row, "move", G_CALLBACK (on_row_move), self, 0);
          g_signal_connect_object (row, "remove", G_CALLBACK (on_row_remove), self, 0);
          g_hash_table_insert (self->rows, item, row);
          gtk_list_box_append (self->steps_list, row);
        }
      dg_handbook_step_row_set_position (row, i, n_steps);
      g_hash_table_add (present, item);
    }

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &step, &row))
    if (!g_hash_table_contains (present, step))
      {
        gtk_list_box_remove (self->steps_list, row);
        g_hash_table_iter_remove (&iter);
      }

  gtk_list_box_invalidate_sort (self->steps_list);
  update_header (self);
}

static void
on_steps_changed (GListModel       *steps,
                  guint             position,
                  guint             removed,
                  guint             added,
                  DgHandbookEditor *self)
{
  if (!self->moving)
    sync_rows (self);
}

static void
on_row_changed (DgHandbookStepRow *row,
                DgHandbookEditor  *self)
{
  content_changed (self);
}

static void
on_row_move (DgHandbookStepRow *row,
             guint              from,
             guint              to,
             DgHandbookEditor  *self)
{
  self->moving = TRUE;
  dg_handbook_move_step (self->handbook, from, to);
  self->moving = FALSE;
  sync_rows (self);
  content_changed (self);
}

static void
forget_removed_step (DgHandbookEditor *self)
{
  AdwToast *toast = g_steal_pointer (&self->removed_toast);

  g_clear_object (&self->removed_step);
  if (toast != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->removed_toast);
      adw_toast_dismiss (toast);
    }
  update_actions (self);
}

static void
undo_remove (DgHandbookEditor *self)
{
  g_autoptr(DgHandbookStep) step = g_steal_pointer (&self->removed_step);
  guint n_steps;
  GtkWidget *row;

  if (step == NULL || self->handbook == NULL)
    return;
  n_steps = g_list_model_get_n_items (dg_handbook_get_steps (self->handbook));
  dg_handbook_insert_step (self->handbook, MIN (self->removed_position, n_steps), step);
  forget_removed_step (self);
  content_changed (self);
  row = g_hash_table_lookup (self->rows, step);
  if (row != NULL)
    dg_handbook_step_row_focus_title (DG_HANDBOOK_STEP_ROW (row));
}

static void
on_undo_clicked (AdwToast         *toast,
                 DgHandbookEditor *self)
{
  undo_remove (self);
}

static void
on_removed_toast_dismissed (AdwToast         *toast,
                            DgHandbookEditor *self)
{
  /* Once the toast is gone, so is the way to undo. */
  if (toast == self->removed_toast)
    {
      g_object_remove_weak_pointer (G_OBJECT (toast), (gpointer *) &self->removed_toast);
      self->removed_toast = NULL;
      g_clear_object (&self->removed_step);
      update_actions (self);
    }
}

static void
on_row_remove (DgHandbookStepRow *row,
               DgHandbookEditor  *self)
{
  guint position = dg_handbook_step_row_get_position (row);
  AdwToast *toast;

  forget_removed_step (self);
  self->removed_step = dg_handbook_remove_step (self->handbook, position);
  self->removed_position = position;
  content_changed (self);

  toast = adw_toast_new (_("Step removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_removed_toast_dismissed), self, 0);
  self->removed_toast = toast;
  g_object_add_weak_pointer (G_OBJECT (toast), (gpointer *) &self->removed_toast);
  update_actions (self);
  add_toast (self, toast);
}

/* ---- the fields -------------------------------------------------------- */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The non-empty, trimmed pieces of @text between @separators. */
static GStrv
split_list (const char *text,
            const char *separators)
{
  g_auto(GStrv) pieces = g_strsplit_set (text, separators, -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      char *piece = g_strstrip (pieces[i]);

      if (*piece != '\0')
        g_strv_builder_add (builder, piece);
    }
  return g_strv_builder_end (builder);
}

static void
on_title_row_changed (GtkEditable      *row,
                      DgHandbookEditor *self)
{
  if (self->loading || self->handbook == NULL)
    return;
  self->title_touched = TRUE;
  g_object_set (self->handbook, "title", gtk_editable_get_text (row), NULL);
  content_changed (self);
}

static void
on_tags_row_changed (GtkEditable      *row,
                     DgHandbookEditor *self)
{
  g_auto(GStrv) tags = NULL;

  if (self->loading || self->handbook == NULL)
    return;
  tags = split_list (gtk_editable_get_text (row), ",");
  g_object_set (self->handbook, "tags", tags, NULL);
  content_changed (self);
}

static void
on_purpose_changed (GtkTextBuffer    *buffer,
                    DgHandbookEditor *self)
{
  g_autofree char *text = NULL;

  if (self->loading || self->handbook == NULL)
    return;
  text = buffer_text (self->purpose_view);
  g_object_set (self->handbook, "purpose", text, NULL);
  content_changed (self);
}

static void
on_links_changed (GtkTextBuffer    *buffer,
                  DgHandbookEditor *self)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) links = NULL;

  if (self->loading || self->handbook == NULL)
    return;
  text = buffer_text (self->links_view);
  links = split_list (text, "\n");
  g_object_set (self->handbook, "links", links, NULL);
  content_changed (self);
}

static void
on_handbook_notify (DgHandbook       *handbook,
                    GParamSpec       *pspec,
                    DgHandbookEditor *self)
{
  if (g_str_equal (pspec->name, "version") || g_str_equal (pspec->name, "id"))
    update_published_date (self);
  update_header (self);
  update_actions (self);
}

static void
clear_handbook (DgHandbookEditor *self)
{
  GHashTableIter iter;
  gpointer row;

  g_clear_handle_id (&self->save_id, g_source_remove);
  forget_removed_step (self);
  if (self->handbook != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->handbook, self);
      g_signal_handlers_disconnect_by_data (dg_handbook_get_steps (self->handbook), self);
    }
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    gtk_list_box_remove (self->steps_list, row);
  g_hash_table_remove_all (self->rows);
  g_clear_object (&self->handbook);
  g_clear_pointer (&self->published_date, g_date_time_unref);
  g_clear_error (&self->save_error);
  self->dirty = FALSE;
  update_actions (self);
}

/* Undo in the field must not bring back the previous handbook's text. */
static void
set_text_irreversibly (GtkTextView *view,
                       const char  *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_end_irreversible_action (buffer);
}

void
dg_handbook_editor_edit (DgHandbookEditor *self,
                         DgHandbook       *handbook)
{
  g_autofree char *tags = NULL;
  g_autofree char *links = NULL;

  g_return_if_fail (DG_IS_HANDBOOK_EDITOR (self));
  g_return_if_fail (DG_IS_HANDBOOK (handbook));

  clear_handbook (self);
  self->handbook = g_object_ref (handbook);
  g_signal_connect_object (handbook, "notify", G_CALLBACK (on_handbook_notify), self, 0);
  g_signal_connect_object (dg_handbook_get_steps (handbook), "items-changed",
                           G_CALLBACK (on_steps_changed), self, 0);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), dg_handbook_get_title (handbook));
  tags = g_strjoinv (", ", (char **) dg_handbook_get_tags (handbook));
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  links = g_strjoinv ("\n", (char **) dg_handbook_get_links (handbook));
  set_text_irreversibly (self->purpose_view, dg_handbook_get_purpose (handbook));
  set_text_irreversibly (self->links_view, links);
  sync_rows (self);
  self->loading = FALSE;

  /* A stored handbook shows its problems at once; a new one only once the
   * owner has typed into it. */
  self->title_touched = is_stored (self);
  update_published_date (self);
  update_validity (self);
  update_header (self);
  update_actions (self);
}

DgHandbook *
dg_handbook_editor_get_handbook (DgHandbookEditor *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_EDITOR (self), NULL);

  return self->handbook;
}

void
dg_handbook_editor_focus_title (DgHandbookEditor *self)
{
  g_return_if_fail (DG_IS_HANDBOOK_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

gboolean
dg_handbook_editor_get_dirty (DgHandbookEditor *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_EDITOR (self), FALSE);

  return self->dirty;
}

gboolean
dg_handbook_editor_get_valid (DgHandbookEditor *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_EDITOR (self), FALSE);

  return self->handbook == NULL || dg_handbook_validate (self->handbook, NULL);
}

gboolean
dg_handbook_editor_save (DgHandbookEditor  *self,
                         GError           **error)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_now (self, TRUE, error);
}

void
dg_handbook_editor_discard (DgHandbookEditor *self)
{
  g_return_if_fail (DG_IS_HANDBOOK_EDITOR (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_error (&self->save_error);
  self->dirty = FALSE;
  if (self->handbook != NULL)
    update_validity (self);
}

void
dg_handbook_editor_set_store (DgHandbookEditor *self,
                              DgHandbookStore  *store)
{
  g_return_if_fail (DG_IS_HANDBOOK_EDITOR (self));
  g_return_if_fail (DG_IS_HANDBOOK_STORE (store));

  g_set_object (&self->store, store);
}

/* ---- actions ------------------------------------------------------------ */

static void
on_add_step_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (widget);
  g_autoptr(DgHandbookStep) step = dg_handbook_step_new ("", "", FALSE, 0);
  guint n_steps = g_list_model_get_n_items (dg_handbook_get_steps (self->handbook));

  dg_handbook_insert_step (self->handbook, n_steps, step);
  content_changed (self);
  dg_handbook_step_row_focus_title (g_hash_table_lookup (self->rows, step));
}

static void
on_undo_remove_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  undo_remove (DG_HANDBOOK_EDITOR (widget));
}

static void
on_publish_response (AdwMessageDialog *dialog,
                     const char       *response,
                     DgHandbookEditor *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *note = NULL;
  int number;

  if (g_strcmp0 (response, "publish") != 0 || self->handbook == NULL)
    return;
  /* Typed into while the dialog was open, e.g. from another window. */
  if (!save_now (self, TRUE, NULL))
    return;

  note = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  number = dg_handbook_store_publish (self->store, self->handbook, note, &error);
  if (number == 0)
    {
      if (g_error_matches (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NO_CHANGES))
        show_toast (self, _("Nothing to publish: the latest version already says all this."));
      else
        show_toast (self, error->message);
      return;
    }
  update_published_date (self);
  update_header (self);
  /* Translators: after publishing, with the new version's number */
  message = g_strdup_printf (_("Version %d published"), number);
  show_toast (self, message);
  g_signal_emit (self, signals[SAVED], 0, self->handbook);
}

static void
on_publish_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (!save_now (self, TRUE, NULL))
    return;
  /* The action is off while the draft is incomplete; a shortcut pressed
   * in the same moment still gets the reason. */
  if (!dg_handbook_validate (self->handbook, &error))
    {
      show_toast (self, error->message);
      return;
    }
  if (dg_handbook_get_version (self->handbook) > 0 && !dg_handbook_get_has_changes (self->handbook))
    {
      show_toast (self, _("Nothing to publish: the latest version already says all this."));
      return;
    }

  /* Translators: the heading of the publish dialog, with the new version's number */
  heading = g_strdup_printf (_("Publish Version %d?"), dg_handbook_get_version (self->handbook) + 1);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading,
                                                       _("Assistants then work from this version, and those who read an earlier one are asked to read it again. Say briefly what changed.")));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What changed"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Change note"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "publish", _("_Publish"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "publish", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "publish");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_publish_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
on_history_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (widget);

  save_now (self, FALSE, NULL);
  gtk_window_present (GTK_WINDOW (dg_handbook_history_window_new (parent_window (self),
                                                                  self->store, self->handbook)));
}

static void
on_print_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (widget);

  save_now (self, FALSE, NULL);
  dg_handbook_print (parent_window (self), self->handbook);
}

static void
on_export_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (widget);

  save_now (self, FALSE, NULL);
  dg_handbook_export (parent_window (self), self->handbook,
                      g_str_equal (action_name, "handbook.export-pdf"));
}

static void
on_duplicate_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgHandbook) copy = NULL;

  if (!save_now (self, TRUE, NULL))
    return;
  copy = dg_handbook_store_duplicate (self->store, self->handbook, &error);
  if (copy == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  g_signal_emit (self, signals[OPEN], 0, copy);
}

static void
set_archived (DgHandbookEditor *self,
              gboolean          archived)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  save_now (self, FALSE, NULL);
  ok = archived ? dg_handbook_store_archive (self->store, self->handbook, &error)
                : dg_handbook_store_restore (self->store, self->handbook, &error);
  if (!ok)
    {
      show_toast (self, error->message);
      return;
    }
  update_actions (self);
  g_signal_emit (self, signals[SAVED], 0, self->handbook);
}

static void
on_archive_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_archived (DG_HANDBOOK_EDITOR (widget), TRUE);
}

static void
on_restore_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_archived (DG_HANDBOOK_EDITOR (widget), FALSE);
}

static void
on_archive_instead_clicked (AdwToast         *toast,
                            DgHandbookEditor *self)
{
  if (is_stored (self) && !dg_handbook_get_archived (self->handbook))
    set_archived (self, TRUE);
}

static void
on_delete_response (AdwMessageDialog *dialog,
                    const char       *response,
                    DgHandbookEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || !is_stored (self))
    return;

  if (!dg_handbook_store_delete (self->store, self->handbook, &error))
    {
      if (g_error_matches (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_IN_USE))
        {
          AdwToast *toast = adw_toast_new (_("This handbook is in use and cannot be deleted. Archive it instead."));

          adw_toast_set_button_label (toast, _("_Archive"));
          g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_archive_instead_clicked), self, 0);
          add_toast (self, toast);
        }
      else
        show_toast (self, error->message);
      return;
    }
  /* Whatever was typed belonged to the deleted handbook. */
  clear_handbook (self);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_delete_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (widget);
  g_autofree char *body = g_strdup_printf (_("“%s” and all its published versions will be removed from this database. This cannot be undone; archive the handbook instead to keep it on record."),
                                           dg_handbook_get_display_title (self->handbook));

  dg_confirmation_present (parent_window (self), _("Delete Handbook?"), body,
                           _("_Cancel"), "delete", _("_Delete"),
                           G_CALLBACK (on_delete_response), self);
}

/* ---- GObject ------------------------------------------------------------ */

static void
dg_handbook_editor_dispose (GObject *object)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (object);

  /* The last safety net: edits are never dropped, complete or not. */
  if (self->dirty && self->store != NULL && self->handbook != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!dg_handbook_store_save (self->store, self->handbook, &error))
        g_warning ("The handbook could not be saved: %s", error->message);
      self->dirty = FALSE;
    }
  if (self->rows != NULL)
    clear_handbook (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_HANDBOOK_EDITOR);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_handbook_editor_parent_class)->dispose (object);
}

static void
dg_handbook_editor_finalize (GObject *object)
{
  DgHandbookEditor *self = DG_HANDBOOK_EDITOR (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_error (&self->save_error);

  G_OBJECT_CLASS (dg_handbook_editor_parent_class)->finalize (object);
}

static void
dg_handbook_editor_class_init (DgHandbookEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_handbook_editor_dispose;
  object_class->finalize = dg_handbook_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, DG_TYPE_HANDBOOK);
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, DG_TYPE_HANDBOOK);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-handbook-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, archived_box);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, title_errors);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, tags_row);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, links_view);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookEditor, save_status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tags_row_changed);

  gtk_widget_class_install_action (widget_class, "handbook.add-step", NULL, on_add_step_activated);
  gtk_widget_class_install_action (widget_class, "handbook.undo-remove", NULL, on_undo_remove_activated);
  gtk_widget_class_install_action (widget_class, "handbook.publish", NULL, on_publish_activated);
  gtk_widget_class_install_action (widget_class, "handbook.history", NULL, on_history_activated);
  gtk_widget_class_install_action (widget_class, "handbook.print", NULL, on_print_activated);
  gtk_widget_class_install_action (widget_class, "handbook.export-pdf", NULL, on_export_activated);
  gtk_widget_class_install_action (widget_class, "handbook.export-markdown", NULL, on_export_activated);
  gtk_widget_class_install_action (widget_class, "handbook.duplicate", NULL, on_duplicate_activated);
  gtk_widget_class_install_action (widget_class, "handbook.archive", NULL, on_archive_activated);
  gtk_widget_class_install_action (widget_class, "handbook.restore", NULL, on_restore_activated);
  gtk_widget_class_install_action (widget_class, "handbook.delete", NULL, on_delete_activated);
}

static void
dg_handbook_editor_init (DgHandbookEditor *self)
{
  self->rows = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_sort_func (self->steps_list, compare_rows, NULL, NULL);
  g_signal_connect (gtk_text_view_get_buffer (self->purpose_view), "changed",
                    G_CALLBACK (on_purpose_changed), self);
  g_signal_connect (gtk_text_view_get_buffer (self->links_view), "changed",
                    G_CALLBACK (on_links_changed), self);
  update_actions (self);
}
