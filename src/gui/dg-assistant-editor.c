/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-assistant-editor"

#include <glib/gi18n.h>

#include "dg-assistant-editor.h"
#include "dg-business-profile.h"
#include "dg-confirmation.h"
#include "dg-form-row.h"
#include "dg-money.h"
#include "dg-validation.h"
#include "dg-window.h"

struct _DgAssistantEditor
{
  AdwBin             parent_instance;

  DgAssistantStore  *store;
  DgTaskStore       *tasks;
  DgAssistant       *edited;      /* the stored assistant, or NULL for a new one */
  DgAssistant       *working;     /* the copy the form writes to */
  GHashTable        *problems;    /* the rows marked invalid */
  gboolean           dirty;
  gboolean           loading;
  guint              clock_id;

  GtkLabel          *title_label;
  GtkLabel          *local_time_label;
  GtkWidget         *archived_box;
  AdwEntryRow       *name_row;
  AdwEntryRow       *email_row;
  AdwEntryRow       *time_zone_row;
  AdwEntryRow       *country_row;
  GtkTextView       *address_view;
  AdwComboRow       *currency_row;
  AdwEntryRow       *rate_row;
  AdwComboRow       *tax_status_row;
  AdwEntryRow       *vat_rate_row;
  AdwEntryRow       *vat_id_row;
  AdwEntryRow       *self_billing_row;
  AdwEntryRow       *tax_number_row;
  AdwEntryRow       *iban_row;
  AdwEntryRow       *bic_row;
  AdwComboRow       *invoice_language_row;
  GtkTextView       *notes_view;
  GtkWidget         *tasks_group;
  GtkListBox        *tasks_list;
  GtkLabel          *contact_errors;
  GtkLabel          *billing_errors;
  GtkStringList     *currency_model;
  GtkStringList     *tax_status_model;
};

/* The codes of the invoice languages, in the order of invoice_language_model. */
static const char * const invoice_languages[] = { "en", "de" };

G_DEFINE_FINAL_TYPE (DgAssistantEditor, dg_assistant_editor, ADW_TYPE_BIN)

enum {
  SAVED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (DgAssistantEditor *self,
            const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (DG_IS_WINDOW (root))
    dg_window_add_toast (DG_WINDOW (root), adw_toast_new (message));
  else
    g_warning ("%s", message);
}

static void
update_actions (DgAssistantEditor *self)
{
  gboolean valid = g_hash_table_size (self->problems) == 0;
  gboolean stored = self->edited != NULL;
  gboolean active = !stored || dg_assistant_get_active (self->edited);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->dirty && valid);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.discard", self->dirty || !stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.archive", stored && active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.restore", stored && !active);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", stored);
  gtk_widget_set_visible (self->archived_box, stored && !active);
}

/* Marks @row, and lists its message under its group (the label the row
 * was given in init). */
static void
set_problem (DgAssistantEditor *self,
             GtkWidget         *row,
             const GError      *error)
{
  dg_form_row_set_error (row, g_object_get_data (G_OBJECT (row), "dg-errors-label"), error);
  if (error != NULL)
    g_hash_table_add (self->problems, row);
  else
    g_hash_table_remove (self->problems, row);
}

static void
update_header (DgAssistantEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *local_time = dg_assistant_format_local_time (self->working, now);
  const char *name = dg_assistant_get_name (self->working);

  gtk_label_set_label (self->title_label,
                       *name ? name : (self->edited ? "" : _("New Assistant")));
  if (local_time != NULL)
    {
      /* Translators: the assistant's current time, then their time zone */
      g_autofree char *text = g_strdup_printf (_("Local time %s · %s"), local_time,
                                               dg_assistant_get_time_zone (self->working));
      gtk_label_set_label (self->local_time_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->local_time_label), local_time != NULL);
}

static void
mark_dirty (DgAssistantEditor *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  update_header (self);
  update_actions (self);
}

static void
validate_rate (DgAssistantEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 rate = 0;

  /* Translators: the title of the rate field, with the currency code: "Hourly Rate in EUR" */
  title = g_strdup_printf (_("Hourly Rate in %s"), dg_assistant_get_currency (self->working));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rate_row), title);

  if (dg_assistant_parse_hourly_rate (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)),
                                      dg_assistant_get_currency (self->working),
                                      &rate, &error))
    g_object_set (self->working, "hourly-rate", rate, NULL);
  set_problem (self, GTK_WIDGET (self->rate_row), error);
}

static void
validate_vat_rate (DgAssistantEditor *self)
{
  g_autoptr(GError) error = NULL;
  int basis_points = 0;
  gboolean charges_vat = dg_assistant_get_tax_status (self->working) == DG_TAX_STATUS_VAT;

  /* The rate only matters, and is only checked, when the assistant charges VAT. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->vat_rate_row), charges_vat);
  if (!charges_vat)
    {
      set_problem (self, GTK_WIDGET (self->vat_rate_row), NULL);
      return;
    }
  if (dg_assistant_parse_vat_rate (gtk_editable_get_text (GTK_EDITABLE (self->vat_rate_row)),
                                   &basis_points, &error))
    g_object_set (self->working, "vat-rate", basis_points, NULL);
  set_problem (self, GTK_WIDGET (self->vat_rate_row), error);
}

static void
on_text_row_changed (GtkEditable       *row,
                     DgAssistantEditor *self)
{
  const char *property = g_object_get_data (G_OBJECT (row), "dg-property");
  const char *text = gtk_editable_get_text (row);
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (dg_assistant_validate_field (property, text, &error))
    g_object_set (self->working, property, text, NULL);
  set_problem (self, GTK_WIDGET (row), error);
  mark_dirty (self);
}

static void
on_rate_row_changed (GtkEditable       *row,
                     DgAssistantEditor *self)
{
  if (self->loading)
    return;
  validate_rate (self);
  mark_dirty (self);
}

static void
on_vat_rate_row_changed (GtkEditable       *row,
                         DgAssistantEditor *self)
{
  if (self->loading)
    return;
  validate_vat_rate (self);
  mark_dirty (self);
}

static void
on_currency_selected (AdwComboRow       *row,
                      GParamSpec        *pspec,
                      DgAssistantEditor *self)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->loading || position == GTK_INVALID_LIST_POSITION)
    return;
  g_object_set (self->working, "currency",
                gtk_string_list_get_string (self->currency_model, position), NULL);
  /* The number of minor digits may differ: "12.345" is fine in KWD only. */
  validate_rate (self);
  mark_dirty (self);
}

static void
on_tax_status_selected (AdwComboRow       *row,
                        GParamSpec        *pspec,
                        DgAssistantEditor *self)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->loading || position == GTK_INVALID_LIST_POSITION)
    return;
  g_object_set (self->working, "tax-status", (DgTaxStatus) position, NULL);
  validate_vat_rate (self);
  mark_dirty (self);
}

static void
on_invoice_language_selected (AdwComboRow       *row,
                              GParamSpec        *pspec,
                              DgAssistantEditor *self)
{
  guint position = adw_combo_row_get_selected (row);

  if (self->loading || position >= G_N_ELEMENTS (invoice_languages))
    return;
  g_object_set (self->working, "invoice-language", invoice_languages[position], NULL);
  mark_dirty (self);
}

static void
on_text_buffer_changed (GtkTextBuffer     *buffer,
                        DgAssistantEditor *self)
{
  const char *property = g_object_get_data (G_OBJECT (buffer), "dg-property");
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->loading)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (self->working, property, text, NULL);
  mark_dirty (self);
}

static int
compare_next_due (gconstpointer a,
                  gconstpointer b)
{
  return g_date_time_compare (dg_task_occurrence_get_due (*(DgTaskOccurrence **) a),
                              dg_task_occurrence_get_due (*(DgTaskOccurrence **) b));
}

/* The assistant's pending tasks, each with the first date still to do:
 * an overdue one too, which is the most urgent. */
static void
refill_tasks (DgAssistantEditor *self)
{
  g_autoptr(GPtrArray) next = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GTimeZone) owner_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = g_date_time_new_now (owner_zone);
  g_autoptr(GDateTime) since = g_date_time_add_days (now, -90);
  GtkWidget *row;
  guint n;

  gtk_widget_set_visible (self->tasks_group, self->tasks != NULL && self->edited != NULL);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->tasks_list))) != NULL)
    gtk_list_box_remove (self->tasks_list, row);
  if (self->tasks == NULL || self->edited == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tasks));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);
      DgTaskOccurrence *occurrence;

      if (dg_task_get_assistant_id (task) != dg_assistant_get_id (self->edited) ||
          !dg_task_status_is_pending (dg_task_get_status (task)))
        continue;
      occurrence = dg_task_store_next_occurrence (self->tasks, task, since);
      if (occurrence != NULL)
        g_ptr_array_add (next, occurrence);
    }
  g_ptr_array_sort (next, compare_next_due);

  for (guint i = 0; i < next->len; i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (next, i);
      DgTask *task = dg_task_occurrence_get_task (occurrence);
      g_autofree char *due = dg_task_occurrence_format_due (occurrence, owner_zone);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dg_task_get_title (task));
      if (dg_task_occurrence_is_overdue (occurrence, now))
        {
          /* Translators: the due time of an overdue task in the assistant's open tasks */
          g_autofree char *overdue = g_strdup_printf (_("Overdue since %s"), due);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), overdue);
        }
      else
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), due);
        }
      if (dg_task_is_recurring (task))
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("media-playlist-repeat-symbolic");

          gtk_widget_set_tooltip_text (icon, _("Repeats"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Repeats"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (self->tasks_list, row);
    }
  if (next->len == 0)
    {
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No open tasks"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->tasks_list, row);
    }
}

static void
on_tasks_changed (DgAssistantEditor *self)
{
  refill_tasks (self);
}

static guint
currency_position (DgAssistantEditor *self,
                   const char        *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->currency_model));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currency_model, i), code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static guint
invoice_language_position (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (invoice_languages); i++)
    if (g_strcmp0 (invoice_languages[i], code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
load_form (DgAssistantEditor *self)
{
  DgMoney rate;
  g_autofree char *rate_text = NULL;
  g_autofree char *vat_text = NULL;
  GtkWidget *text_rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->email_row),
    GTK_WIDGET (self->time_zone_row), GTK_WIDGET (self->country_row),
    GTK_WIDGET (self->vat_id_row), GTK_WIDGET (self->self_billing_row),
    GTK_WIDGET (self->tax_number_row), GTK_WIDGET (self->iban_row),
    GTK_WIDGET (self->bic_row),
  };

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    {
      const char *property = g_object_get_data (G_OBJECT (text_rows[i]), "dg-property");
      g_autofree char *value = NULL;

      g_object_get (self->working, property, &value, NULL);
      gtk_editable_set_text (GTK_EDITABLE (text_rows[i]), value);
    }

  dg_money_init (&rate, dg_assistant_get_hourly_rate (self->working),
                 dg_assistant_get_currency (self->working));
  rate_text = dg_money_format_number (&rate);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), rate_text);
  vat_text = dg_assistant_format_vat_rate (dg_assistant_get_vat_rate (self->working));
  gtk_editable_set_text (GTK_EDITABLE (self->vat_rate_row), vat_text);

  adw_combo_row_set_selected (self->currency_row,
                              currency_position (self, dg_assistant_get_currency (self->working)));
  adw_combo_row_set_selected (self->tax_status_row, dg_assistant_get_tax_status (self->working));
  adw_combo_row_set_selected (self->invoice_language_row,
                              invoice_language_position (dg_assistant_get_invoice_language (self->working)));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->address_view),
                            dg_assistant_get_address (self->working), -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            dg_assistant_get_notes (self->working), -1);

  self->loading = FALSE;

  /* A stored assistant is valid; a new one shows what it still needs only
   * once the owner has typed something. */
  g_hash_table_remove_all (self->problems);
  for (guint i = 0; i < G_N_ELEMENTS (text_rows); i++)
    set_problem (self, text_rows[i], NULL);
  validate_rate (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->vat_rate_row),
                            dg_assistant_get_tax_status (self->working) == DG_TAX_STATUS_VAT);
  set_problem (self, GTK_WIDGET (self->vat_rate_row), NULL);

  self->dirty = FALSE;
  update_header (self);
  update_actions (self);
}

void
dg_assistant_editor_edit (DgAssistantEditor *self,
                          DgAssistant       *assistant)
{
  g_return_if_fail (DG_IS_ASSISTANT_EDITOR (self));
  g_return_if_fail (assistant == NULL || DG_IS_ASSISTANT (assistant));

  g_set_object (&self->edited, assistant);
  g_clear_object (&self->working);
  if (assistant != NULL)
    {
      self->working = dg_assistant_copy (assistant);
    }
  else
    {
      g_autoptr(DgBusinessProfile) profile = NULL;
      g_autofree char *zone = dg_time_zone_get_default ();
      const char *currency = "EUR";

      if (self->store != NULL)
        profile = dg_business_profile_load (dg_assistant_store_get_database (self->store), NULL);
      if (profile != NULL)
        currency = dg_business_profile_get_currency (profile);
      self->working = dg_assistant_new ();
      g_object_set (self->working, "time-zone", zone, "currency", currency, NULL);
    }

  load_form (self);
  refill_tasks (self);
}

DgAssistant *
dg_assistant_editor_get_edited (DgAssistantEditor *self)
{
  g_return_val_if_fail (DG_IS_ASSISTANT_EDITOR (self), NULL);

  return self->edited;
}

gboolean
dg_assistant_editor_get_dirty (DgAssistantEditor *self)
{
  g_return_val_if_fail (DG_IS_ASSISTANT_EDITOR (self), FALSE);

  return self->dirty;
}

gboolean
dg_assistant_editor_get_valid (DgAssistantEditor *self)
{
  g_return_val_if_fail (DG_IS_ASSISTANT_EDITOR (self), FALSE);

  return g_hash_table_size (self->problems) == 0 &&
         dg_assistant_validate (self->working, NULL);
}

gboolean
dg_assistant_editor_save (DgAssistantEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgAssistant) stored = NULL;

  g_return_val_if_fail (DG_IS_ASSISTANT_EDITOR (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  if (!self->dirty)
    return TRUE;

  if (g_hash_table_size (self->problems) > 0)
    {
      show_toast (self, _("Correct the highlighted fields first."));
      return FALSE;
    }

  if (self->edited == NULL)
    {
      if (!dg_assistant_store_add (self->store, self->working, &error))
        goto failed;
      /* The store keeps the object that was added; edit a copy of it. */
      stored = g_object_ref (self->working);
    }
  else
    {
      if (!dg_assistant_store_update (self->store, self->working, &error))
        goto failed;
      stored = g_object_ref (self->edited);
    }

  dg_assistant_editor_edit (self, stored);
  g_signal_emit (self, signals[SAVED], 0, stored);
  return TRUE;

failed:
  /* e.g. the name is still empty: say so at the field. */
  if (g_error_matches (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED) &&
      *dg_assistant_get_name (self->working) == '\0')
    set_problem (self, GTK_WIDGET (self->name_row), error);
  show_toast (self, error->message);
  update_actions (self);
  return FALSE;
}

static void
on_save_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  dg_assistant_editor_save (DG_ASSISTANT_EDITOR (widget));
}

static void
on_discard_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  DgAssistantEditor *self = DG_ASSISTANT_EDITOR (widget);

  if (self->edited != NULL)
    {
      dg_assistant_editor_edit (self, self->edited);
      return;
    }
  /* A new assistant discarded: nothing of it may be saved later. */
  dg_assistant_editor_edit (self, NULL);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
set_active (DgAssistantEditor *self,
            gboolean           active)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->dirty && !dg_assistant_editor_save (self))
    return;

  ok = active ? dg_assistant_store_restore (self->store, self->edited, &error)
              : dg_assistant_store_archive (self->store, self->edited, &error);
  if (!ok)
    {
      show_toast (self, error->message);
      return;
    }
  g_object_set (self->working, "active", active, NULL);
  update_actions (self);
  g_signal_emit (self, signals[SAVED], 0, self->edited);
}

static void
on_archive_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_active (DG_ASSISTANT_EDITOR (widget), FALSE);
}

static void
on_restore_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_active (DG_ASSISTANT_EDITOR (widget), TRUE);
}

static void
on_delete_dialog_response (AdwMessageDialog  *dialog,
                           const char        *response,
                           DgAssistantEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->edited == NULL)
    return;

  if (!dg_assistant_store_delete (self->store, self->edited, &error))
    {
      show_toast (self, error->message);
      return;
    }
  /* Leaves a blank form behind, so the unsaved edits of the deleted
   * assistant can never be saved as a new one. */
  dg_assistant_editor_edit (self, NULL);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
on_delete_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgAssistantEditor *self = DG_ASSISTANT_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  g_autofree char *body = g_strdup_printf (_("“%s” will be removed from this database. This cannot be undone; archive the assistant instead to keep their records."),
                                           dg_assistant_get_name (self->edited));

  dg_confirmation_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           _("Delete Assistant?"), body,
                           _("_Cancel"), "delete", _("_Delete"),
                           G_CALLBACK (on_delete_dialog_response), self);
}

static gboolean
on_clock_tick (gpointer user_data)
{
  DgAssistantEditor *self = user_data;

  update_header (self);
  return G_SOURCE_CONTINUE;
}

void
dg_assistant_editor_set_store (DgAssistantEditor *self,
                               DgAssistantStore  *store)
{
  g_return_if_fail (DG_IS_ASSISTANT_EDITOR (self));
  g_return_if_fail (DG_IS_ASSISTANT_STORE (store));

  g_set_object (&self->store, store);
}

void
dg_assistant_editor_set_task_store (DgAssistantEditor *self,
                                    DgTaskStore       *tasks)
{
  g_return_if_fail (DG_IS_ASSISTANT_EDITOR (self));
  g_return_if_fail (DG_IS_TASK_STORE (tasks));

  if (self->tasks != NULL)
    g_signal_handlers_disconnect_by_data (self->tasks, self);
  g_set_object (&self->tasks, tasks);
  g_signal_connect_object (tasks, "items-changed", G_CALLBACK (on_tasks_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tasks, "occurrences-changed", G_CALLBACK (on_tasks_changed), self, G_CONNECT_SWAPPED);
  refill_tasks (self);
}

static void
dg_assistant_editor_dispose (GObject *object)
{
  DgAssistantEditor *self = DG_ASSISTANT_EDITOR (object);

  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->tasks != NULL)
    g_signal_handlers_disconnect_by_data (self->tasks, self);
  g_clear_object (&self->tasks);
  g_clear_object (&self->store);
  g_clear_object (&self->edited);
  g_clear_object (&self->working);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_ASSISTANT_EDITOR);

  G_OBJECT_CLASS (dg_assistant_editor_parent_class)->dispose (object);
}

static void
dg_assistant_editor_finalize (GObject *object)
{
  DgAssistantEditor *self = DG_ASSISTANT_EDITOR (object);

  g_clear_pointer (&self->problems, g_hash_table_unref);

  G_OBJECT_CLASS (dg_assistant_editor_parent_class)->finalize (object);
}

static void
dg_assistant_editor_class_init (DgAssistantEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_assistant_editor_dispose;
  object_class->finalize = dg_assistant_editor_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, DG_TYPE_ASSISTANT);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-assistant-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, local_time_label);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, archived_box);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, country_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, address_view);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, rate_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, tax_status_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, vat_rate_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, vat_id_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, self_billing_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, tax_number_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, iban_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, bic_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, invoice_language_row);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, tasks_group);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, tasks_list);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, contact_errors);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, billing_errors);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, currency_model);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantEditor, tax_status_model);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_vat_rate_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_tax_status_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_invoice_language_selected);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, on_save_activated);
  gtk_widget_class_install_action (widget_class, "editor.discard", NULL, on_discard_activated);
  gtk_widget_class_install_action (widget_class, "editor.archive", NULL, on_archive_activated);
  gtk_widget_class_install_action (widget_class, "editor.restore", NULL, on_restore_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, on_delete_activated);
}

static void
dg_assistant_editor_init (DgAssistantEditor *self)
{
  struct { GtkWidget *row; const char *property; GtkLabel *errors; } fields[] = {
    { NULL, "name", NULL }, { NULL, "email", NULL }, { NULL, "time-zone", NULL },
    { NULL, "country", NULL }, { NULL, "vat-id", NULL }, { NULL, "self-billing-date", NULL },
    { NULL, "tax-number", NULL }, { NULL, "iban", NULL }, { NULL, "bic", NULL },
  };
  GtkTextBuffer *address_buffer;
  GtkTextBuffer *notes_buffer;

  self->problems = g_hash_table_new (NULL, NULL);
  self->working = dg_assistant_new ();

  /* The combo rows announce their first selection while the template is
   * built and their models filled: that is no edit. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  fields[0].row = GTK_WIDGET (self->name_row);
  fields[1].row = GTK_WIDGET (self->email_row);
  fields[2].row = GTK_WIDGET (self->time_zone_row);
  fields[3].row = GTK_WIDGET (self->country_row);
  fields[4].row = GTK_WIDGET (self->vat_id_row);
  fields[5].row = GTK_WIDGET (self->self_billing_row);
  fields[6].row = GTK_WIDGET (self->tax_number_row);
  fields[7].row = GTK_WIDGET (self->iban_row);
  fields[8].row = GTK_WIDGET (self->bic_row);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gboolean contact = i < 4;

      g_object_set_data (G_OBJECT (fields[i].row), "dg-property", (gpointer) fields[i].property);
      g_object_set_data (G_OBJECT (fields[i].row), "dg-errors-label",
                         contact ? self->contact_errors : self->billing_errors);
    }
  g_object_set_data (G_OBJECT (self->rate_row), "dg-errors-label", self->billing_errors);
  g_object_set_data (G_OBJECT (self->vat_rate_row), "dg-errors-label", self->billing_errors);

  address_buffer = gtk_text_view_get_buffer (self->address_view);
  notes_buffer = gtk_text_view_get_buffer (self->notes_view);
  g_object_set_data (G_OBJECT (address_buffer), "dg-property", (gpointer) "address");
  g_object_set_data (G_OBJECT (notes_buffer), "dg-property", (gpointer) "notes");
  g_signal_connect (address_buffer, "changed", G_CALLBACK (on_text_buffer_changed), self);
  g_signal_connect (notes_buffer, "changed", G_CALLBACK (on_text_buffer_changed), self);

  for (const char * const *code = dg_currency_get_codes (); *code != NULL; code++)
    gtk_string_list_append (self->currency_model, *code);
  for (DgTaxStatus status = DG_TAX_STATUS_OUTSIDE_SCOPE; status <= DG_TAX_STATUS_REVERSE_CHARGE; status++)
    gtk_string_list_append (self->tax_status_model, dg_tax_status_get_label (status));

  self->loading = FALSE;

  self->clock_id = g_timeout_add_seconds (30, on_clock_tick, self);
  update_actions (self);
}
