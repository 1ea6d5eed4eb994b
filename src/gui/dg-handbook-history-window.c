/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-history-window"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-assistant-store.h"
#include "dg-handbook-history-window.h"
#include "dg-handbook-printing.h"
#include "dg-validation.h"

struct _DgHandbookHistoryWindow
{
  AdwWindow             parent_instance;

  DgHandbookStore      *store;
  DgHandbook           *draft;
  DgAssistantStore     *assistants;
  /* What the version list shows, top to bottom: the draft first when it
   * has unpublished changes, then the published versions, newest first.
   * Each one is compared with the one below it unless the owner picks
   * another in "Compare With", which lists the entries below it. */
  GPtrArray            *entries;
  /* The index in entries of the selected version. */
  guint                 selected;
  /* Set while the "Compare With" choices are replaced, so that the reset
   * of the selection does not compare twice. */
  gboolean              filling_compare_row;
  /* The index in entries of the latest published version: the
   * acknowledgement's version choices are the entries from there on. */
  guint                 first_published;
  /* Gives the change tags one width, so that the titles beside them line up. */
  GtkSizeGroup         *tag_size_group;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkListBox           *version_list;
  GtkLabel             *version_title;
  GtkLabel             *version_description;
  GtkToggleButton      *content_button;
  GtkStack             *detail_stack;
  GtkWidget            *compare_list;
  AdwComboRow          *compare_row;
  GtkBox               *content_box;
  AdwPreferencesGroup  *changes_group;
  GtkListBox           *change_list;
  GtkListBox           *acknowledgement_list;
  AdwPreferencesGroup  *record_group;
  AdwComboRow          *assistant_row;
  AdwComboRow          *ack_version_row;
  AdwEntryRow          *date_row;
  GtkLabel             *date_error_label;
  GtkButton            *record_button;
};

G_DEFINE_FINAL_TYPE (DgHandbookHistoryWindow, dg_handbook_history_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_DRAFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (date);
  /* Translators: a date as in "Published 3 March 2025"; see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static char *
format_iso_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return g_strdup (iso_date);
  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  return date != NULL ? format_date (date) : g_strdup (iso_date);
}

static void
show_error (DgHandbookHistoryWindow *self,
            const GError            *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Removes the rows only: the placeholder is a child of the list too. */
static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
create_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* ---- the version list ------------------------------------------------- */

static GtkWidget *
create_version_label (const char *text,
                      const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_version_row (DgHandbook *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  g_autofree char *title = NULL;
  g_autofree char *date = format_date (dg_handbook_get_date (entry));
  g_autofree char *when = NULL;
  const char *note;

  if (dg_handbook_get_published (entry))
    {
      title = g_strdup_printf (_("Version %d"), dg_handbook_get_version (entry));
      note = dg_handbook_get_change_note (entry);
      /* Translators: the date a version was published */
      when = g_strdup_printf (_("Published %s"), date);
    }
  else
    {
      title = g_strdup (_("Current Draft"));
      note = _("Not published yet");
      /* Translators: the date the draft was last saved */
      when = g_strdup_printf (_("Saved %s"), date);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), create_version_label (title, "heading"));
  if (note != NULL && *note != '\0')
    gtk_box_append (GTK_BOX (box), create_version_label (note, NULL));
  if (dg_handbook_get_date (entry) != NULL)
    gtk_box_append (GTK_BOX (box), create_version_label (when, "dim-label"));
  gtk_widget_set_tooltip_text (row, note);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, "version_row");
  return row;
}

/* ---- the comparison --------------------------------------------------- */

static GtkWidget *
create_change_row (DgHandbookHistoryWindow *self,
                   const char              *kind,
                   const char              *kind_class,
                   const char              *title,
                   const char              *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *tag = gtk_label_new (kind);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, "change_row");

  gtk_widget_set_name (tag, "change_kind");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "dg-tag");
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, kind_class);
  gtk_size_group_add_widget (self->tag_size_group, tag);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
  return row;
}

static GtkWidget *
create_step_change_row (DgHandbookHistoryWindow *self,
                        const DgStepChange      *change)
{
  g_autofree char *positions = NULL;

  switch (change->kind)
    {
    case DG_STEP_CHANGE_ADDED:
      positions = g_strdup_printf (_("Step %d"), change->new_position);
      return create_change_row (self, _("Added"), "success", change->title, positions);

    case DG_STEP_CHANGE_REMOVED:
      /* Translators: the position a removed step had */
      positions = g_strdup_printf (_("Was step %d"), change->old_position);
      return create_change_row (self, _("Removed"), "error", change->title, positions);

    case DG_STEP_CHANGE_CHANGED:
      if (change->old_position == change->new_position)
        positions = g_strdup_printf (_("Step %d"), change->new_position);
      else
        /* Translators: a step that changed and moved from position 2 to 4 */
        positions = g_strdup_printf (_("Step %d → %d"), change->old_position, change->new_position);
      return create_change_row (self, _("Changed"), "warning", change->title, positions);

    case DG_STEP_CHANGE_MOVED:
      /* Translators: a step that moved from position 2 to 4 */
      positions = g_strdup_printf (_("Step %d → %d"), change->old_position, change->new_position);
      return create_change_row (self, _("Moved"), "dim-label", change->title, positions);

    default:
      g_assert_not_reached ();
    }
}

/* Compares the selected entry with entries[@older_index], or with an empty
 * handbook when @older_index is past the end. */
static void
show_comparison (DgHandbookHistoryWindow *self,
                 guint                    older_index)
{
  DgHandbook *newer = g_ptr_array_index (self->entries, self->selected);
  g_autoptr(DgHandbook) older = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *title = NULL;
  gboolean title_changed = FALSE;
  gboolean purpose_changed = FALSE;

  if (older_index < self->entries->len)
    {
      older = g_object_ref (g_ptr_array_index (self->entries, older_index));
      title = g_strdup_printf (_("Changes Since Version %d"), dg_handbook_get_version (older));
    }
  else
    {
      /* The first version is compared with an empty handbook of the same
       * title and purpose: every step shows as added. */
      older = dg_handbook_new (dg_handbook_get_title (newer));
      g_object_set (older, "purpose", dg_handbook_get_purpose (newer), NULL);
      title = g_strdup (_("Steps of the First Version"));
    }
  adw_preferences_group_set_title (self->changes_group, title);

  clear_list (self->change_list);
  changes = dg_handbook_compare (older, newer, &title_changed, &purpose_changed);
  if (title_changed)
    {
      /* Translators: the old and the new title of a handbook */
      g_autofree char *titles = g_strdup_printf (_("“%s” → “%s”"), dg_handbook_get_title (older), dg_handbook_get_title (newer));

      gtk_list_box_append (self->change_list, create_change_row (self, _("Changed"), "warning", _("Title"), titles));
    }
  if (purpose_changed)
    gtk_list_box_append (self->change_list,
                         create_change_row (self, _("Changed"), "warning", _("Purpose"), _("Reworded")));
  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->change_list, create_step_change_row (self, g_ptr_array_index (changes, i)));
}

static void
on_compare_row_selected (DgHandbookHistoryWindow *self)
{
  guint choice = adw_combo_row_get_selected (self->compare_row);

  if (self->filling_compare_row || choice == GTK_INVALID_LIST_POSITION)
    return;
  show_comparison (self, self->selected + 1 + choice);
}

/* The choices are the entries below the selected one, the one right
 * below first: comparing with a newer version would show every change
 * backwards. */
static void
fill_compare_row (DgHandbookHistoryWindow *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  for (guint i = self->selected + 1; i < self->entries->len; i++)
    {
      g_autofree char *name = g_strdup_printf (_("Version %d"), dg_handbook_get_version (g_ptr_array_index (self->entries, i)));

      gtk_string_list_append (choices, name);
    }

  self->filling_compare_row = TRUE;
  adw_combo_row_set_model (self->compare_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->compare_row, 0);
  self->filling_compare_row = FALSE;
  gtk_widget_set_visible (self->compare_list, self->selected + 1 < self->entries->len);
}

/* ---- the content ------------------------------------------------------ */

static GtkWidget *
create_content_label (const char *text,
                      const char *css_class,
                      const char *name)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A wrapping label asks for its whole text on one line; a long step
   * would otherwise widen the window past the screen. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (name != NULL)
    gtk_widget_set_name (label, name);
  return label;
}

/* The whole text of the selected version, for reading it as the
 * assistants got it. */
static void
show_content (DgHandbookHistoryWindow *self)
{
  DgHandbook *entry = g_ptr_array_index (self->entries, self->selected);
  GListModel *steps = dg_handbook_get_steps (entry);
  const char *purpose = dg_handbook_get_purpose (entry);
  GtkWidget *child;
  guint n_steps = g_list_model_get_n_items (steps);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);

  gtk_box_append (self->content_box, create_content_label (dg_handbook_get_title (entry), "title-3", "content_title"));
  if (purpose != NULL && *purpose != '\0')
    gtk_box_append (self->content_box, create_content_label (purpose, NULL, "content_purpose"));
  if (n_steps == 0)
    gtk_box_append (self->content_box, create_content_label (_("This version has no steps."), "dim-label", NULL));

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);
      const char *details = dg_handbook_step_get_details (step);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      /* Translators: a numbered step, "2. Reply to the customer" */
      g_autofree char *heading = g_strdup_printf (_("%u. %s"), i + 1, dg_handbook_step_get_title (step));

      gtk_widget_set_margin_top (box, 6);
      gtk_box_append (GTK_BOX (box), create_content_label (heading, "heading", "content_step"));
      if (details != NULL && *details != '\0')
        gtk_box_append (GTK_BOX (box), create_content_label (details, NULL, "content_details"));
      gtk_box_append (self->content_box, box);
    }
}

static void
on_content_button_toggled (DgHandbookHistoryWindow *self)
{
  gtk_stack_set_visible_child_name (self->detail_stack,
                                    gtk_toggle_button_get_active (self->content_button) ? "content" : "changes");
}

static void
show_header (DgHandbookHistoryWindow *self)
{
  DgHandbook *entry = g_ptr_array_index (self->entries, self->selected);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (!dg_handbook_get_published (entry))
    {
      title = g_strdup (_("Current Draft"));
      description = g_strdup (_("Not published yet: assistants see these changes once you publish them."));
    }
  else
    {
      g_autofree char *date = format_date (dg_handbook_get_date (entry));
      const char *note = dg_handbook_get_change_note (entry);

      title = g_strdup_printf (_("Version %d"), dg_handbook_get_version (entry));
      if (note != NULL && *note != '\0')
        /* Translators: "Published 3 March 2025: " and the change note */
        description = g_strdup_printf (_("Published %s: %s"), date, note);
      else
        description = g_strdup_printf (_("Published %s"), date);
    }
  gtk_label_set_label (self->version_title, title);
  gtk_label_set_label (self->version_description, description);
}

static void
on_version_list_row_selected (DgHandbookHistoryWindow *self,
                              GtkListBoxRow           *row)
{
  if (row == NULL)
    return;

  self->selected = gtk_list_box_row_get_index (row);
  show_header (self);
  fill_compare_row (self);
  show_comparison (self, self->selected + 1);
  show_content (self);
}

static DgHandbook *
selected_entry (DgHandbookHistoryWindow *self)
{
  g_return_val_if_fail (self->selected < self->entries->len, NULL);

  return g_ptr_array_index (self->entries, self->selected);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DgHandbookHistoryWindow *self = DG_HANDBOOK_HISTORY_WINDOW (widget);

  dg_handbook_print (GTK_WINDOW (self), selected_entry (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DgHandbookHistoryWindow *self = DG_HANDBOOK_HISTORY_WINDOW (widget);

  dg_handbook_export (GTK_WINDOW (self), selected_entry (self),
                      g_str_equal (action_name, "history.export-pdf"));
}

/* ---- acknowledgements ------------------------------------------------- */

static GtkWidget *
create_acknowledgement_row (const DgAcknowledgement *ack)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = format_iso_date (ack->date);
  /* Translators: "Read version 2 on 3 March 2025" */
  g_autofree char *subtitle = g_strdup_printf (_("Read version %d on %s"), ack->version, date);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ack->assistant_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, "acknowledgement_row");

  if (ack->outdated)
    {
      GtkWidget *tag = gtk_label_new (_("Outdated"));

      gtk_widget_set_name (tag, "outdated_tag");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (tag, _("A newer version has been published since."));
      gtk_widget_add_css_class (tag, "dg-tag");
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_add_css_class (tag, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  return row;
}

static void
load_acknowledgements (DgHandbookHistoryWindow *self)
{
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->acknowledgement_list);
  acks = dg_handbook_store_list_acknowledgements (self->store, dg_handbook_get_id (self->draft), &error);
  if (acks == NULL)
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < acks->len; i++)
    gtk_list_box_append (self->acknowledgement_list, create_acknowledgement_row (g_ptr_array_index (acks, i)));
}

static void
set_up_assistant_row (DgHandbookHistoryWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkFilterListModel *active;
  gboolean any;

  self->assistants = dg_assistant_store_new (dg_handbook_store_get_database (self->store), &error);
  if (self->assistants == NULL)
    {
      show_error (self, error);
      gtk_widget_set_sensitive (GTK_WIDGET (self->record_group), FALSE);
      return;
    }

  /* Only assistants who work for the business now confirm new reading. */
  active = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->assistants)),
                                      GTK_FILTER (gtk_bool_filter_new (gtk_property_expression_new (DG_TYPE_ASSISTANT, NULL, "active"))));
  adw_combo_row_set_expression (self->assistant_row, gtk_property_expression_new (DG_TYPE_ASSISTANT, NULL, "name"));
  adw_combo_row_set_model (self->assistant_row, G_LIST_MODEL (active));
  any = g_list_model_get_n_items (G_LIST_MODEL (active)) > 0;
  g_object_unref (active);

  adw_preferences_group_set_description (self->record_group,
                                         any ? _("Which version an assistant has read, and on which day.")
                                             : _("Add an assistant first: then you can record who has read this handbook."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->assistant_row), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->ack_version_row), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), any);
}

/* The published versions, the latest first and chosen; the date today. */
static void
set_up_version_and_date_rows (DgHandbookHistoryWindow *self)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  for (guint i = self->first_published; i < self->entries->len; i++)
    {
      int version = dg_handbook_get_version (g_ptr_array_index (self->entries, i));
      g_autofree char *name = NULL;

      if (i == self->first_published)
        /* Translators: the latest published version in the version choice */
        name = g_strdup_printf (_("Version %d (Latest)"), version);
      else
        name = g_strdup_printf (_("Version %d"), version);
      gtk_string_list_append (choices, name);
    }
  adw_combo_row_set_model (self->ack_version_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->ack_version_row, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
}

/* Shows what is wrong with the date below the form, as the assistant
 * editor does, and tells whether it is valid. */
static gboolean
check_date (DgHandbookHistoryWindow *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *row = GTK_WIDGET (self->date_row);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  gboolean valid = dg_validate_date (text, &error);

  if (!valid)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, error->message);
      gtk_label_set_label (self->date_error_label, error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->date_error_label), !valid);
  /* Without an assistant to choose there is nothing to record either. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button),
                            valid && gtk_widget_get_sensitive (GTK_WIDGET (self->assistant_row)));
  return valid;
}

static void
on_date_row_changed (DgHandbookHistoryWindow *self)
{
  check_date (self);
}

static void
on_record_button_clicked (DgHandbookHistoryWindow *self)
{
  DgAssistant *assistant = adw_combo_row_get_selected_item (self->assistant_row);
  guint choice = adw_combo_row_get_selected (self->ack_version_row);
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  int version;

  if (assistant == NULL || choice == GTK_INVALID_LIST_POSITION || !check_date (self))
    return;

  version = dg_handbook_get_version (g_ptr_array_index (self->entries, self->first_published + choice));
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (!dg_handbook_store_acknowledge (self->store, dg_handbook_get_id (self->draft),
                                      dg_assistant_get_id (assistant), version,
                                      date, &error))
    {
      show_error (self, error);
      return;
    }

  load_acknowledgements (self);
  /* Translators: "Recorded that Maria Santos has read version 3" */
  message = g_strdup_printf (_("Recorded that %s has read version %d"),
                             dg_assistant_get_name (assistant), version);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- loading ---------------------------------------------------------- */

static void
load (DgHandbookHistoryWindow *self)
{
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *window_title = NULL;

  adw_view_switcher_title_set_subtitle (self->switcher_title, dg_handbook_get_display_title (self->draft));
  /* Translators: the window title; the handbook's title */
  window_title = g_strdup_printf (_("History of “%s”"), dg_handbook_get_display_title (self->draft));
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  /* A handbook that was never saved has no versions to ask for. */
  if (dg_handbook_get_id (self->draft) != 0)
    {
      versions = dg_handbook_store_list_versions (self->store, dg_handbook_get_id (self->draft), &error);
      if (versions == NULL)
        show_error (self, error);
    }

  if (versions == NULL || versions->len == 0)
    {
      /* Nothing to switch between: the header shows the title instead. */
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  if (dg_handbook_get_has_changes (self->draft))
    g_ptr_array_add (self->entries, g_object_ref (self->draft));
  for (guint i = 0; i < versions->len; i++)
    g_ptr_array_add (self->entries, g_object_ref (g_ptr_array_index (versions, i)));
  self->first_published = dg_handbook_get_has_changes (self->draft) ? 1 : 0;

  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->version_list, create_version_row (g_ptr_array_index (self->entries, i)));
  gtk_list_box_select_row (self->version_list, gtk_list_box_get_row_at_index (self->version_list, 0));

  load_acknowledgements (self);
  set_up_assistant_row (self);
  set_up_version_and_date_rows (self);
  gtk_stack_set_visible_child_name (self->main_stack, "history");
}

static void
dg_handbook_history_window_constructed (GObject *object)
{
  DgHandbookHistoryWindow *self = DG_HANDBOOK_HISTORY_WINDOW (object);

  G_OBJECT_CLASS (dg_handbook_history_window_parent_class)->constructed (object);

  gtk_list_box_set_placeholder (self->change_list,
                                create_placeholder (_("The title, the purpose and the steps are the same in both versions.")));
  gtk_list_box_set_placeholder (self->acknowledgement_list,
                                create_placeholder (_("No one has confirmed reading this handbook yet.")));
  load (self);
}

static void
dg_handbook_history_window_dispose (GObject *object)
{
  DgHandbookHistoryWindow *self = DG_HANDBOOK_HISTORY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_HANDBOOK_HISTORY_WINDOW);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->tag_size_group);
  g_clear_object (&self->assistants);
  g_clear_object (&self->draft);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_handbook_history_window_parent_class)->dispose (object);
}

static void
dg_handbook_history_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  DgHandbookHistoryWindow *self = DG_HANDBOOK_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DRAFT:
      g_value_set_object (value, self->draft);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_handbook_history_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  DgHandbookHistoryWindow *self = DG_HANDBOOK_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DRAFT:
      self->draft = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_handbook_history_window_class_init (DgHandbookHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dg_handbook_history_window_constructed;
  object_class->dispose = dg_handbook_history_window_dispose;
  object_class->get_property = dg_handbook_history_window_get_property;
  object_class->set_property = dg_handbook_history_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DG_TYPE_HANDBOOK_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DRAFT] =
    g_param_spec_object ("draft", NULL, NULL,
                         DG_TYPE_HANDBOOK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-handbook-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, version_list);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, version_title);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, version_description);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, content_button);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, compare_list);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, compare_row);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, changes_group);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, change_list);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, acknowledgement_list);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, record_group);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, assistant_row);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, ack_version_row);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookHistoryWindow, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_version_list_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_compare_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_content_button_toggled);

  gtk_widget_class_install_action (widget_class, "history.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "history.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "history.export-markdown", NULL, export_action);
  gtk_widget_class_bind_template_callback (widget_class, on_record_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_date_row_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_handbook_history_window_init (DgHandbookHistoryWindow *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->tag_size_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dg_handbook_history_window_new (GtkWindow       *parent,
                                DgHandbookStore *store,
                                DgHandbook      *draft)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (store), NULL);
  g_return_val_if_fail (DG_IS_HANDBOOK (draft), NULL);

  return g_object_new (DG_TYPE_HANDBOOK_HISTORY_WINDOW,
                       "transient-for", parent,
                       "store", store,
                       "draft", draft,
                       NULL);
}
