/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-preferences-window"

#include <glib/gi18n.h>

#include "dg-accessible.h"
#include "dg-confirmation.h"
#include "dg-money.h"
#include "dg-preferences-window.h"
#include "dg-validation.h"

struct _DgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  DgDatabase           *db;
  DgBusinessProfile    *profile;
  /* The toast that reports a failed load or save, while it is shown: a
   * second failure updates it rather than queueing one toast per keystroke. */
  AdwToast             *error_toast;
  /* The full reason, shown by the toast's Details button: a toast has room
   * for one short line only. */
  char                 *error_heading;
  char                 *error_message;
  /* Edits are committed from an idle callback, so that the steps of one
   * edit (replacing a selection is a deletion and an insertion) are stored as
   * the one value they make, not as the blank in between. */
  guint                 commit_source;
  /* The profile holds values that are not saved yet. */
  gboolean              dirty;
  /* Set while the widgets are filled from the profile, so that doing so is
   * not taken for an edit. */
  gboolean              loading;

  AdwPreferencesPage   *business_page;
  AdwPreferencesPage   *invoices_page;
  AdwPreferencesPage   *timesheets_page;

  AdwEntryRow          *name_row;
  AdwPreferencesRow    *address_row;
  GtkTextView          *address_view;
  GtkTextBuffer        *address_buffer;
  AdwEntryRow          *email_row;
  AdwEntryRow          *tax_number_row;
  AdwEntryRow          *vat_id_row;
  AdwEntryRow          *iban_row;
  AdwEntryRow          *bic_row;
  AdwEntryRow          *pattern_row;
  AdwEntryRow          *cancellation_pattern_row;

  GtkLabel             *name_error;
  GtkLabel             *address_error;
  GtkLabel             *email_error;
  GtkLabel             *tax_number_error;
  GtkLabel             *vat_id_error;
  GtkLabel             *iban_error;
  GtkLabel             *bic_error;
  GtkLabel             *pattern_error;
  GtkLabel             *cancellation_pattern_error;

  AdwComboRow          *currency_row;
  GtkStringList        *currency_list;
  GtkSpinButton        *payment_terms_spin;

  AdwComboRow          *week_start_row;
  AdwActionRow         *auto_approve_row;
  GtkSpinButton        *auto_approve_spin;
};

G_DEFINE_FINAL_TYPE (DgPreferencesWindow, dg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A text property of the profile, the row that edits it and the label that
 * says why a value was refused. All text fields go through the same
 * check → commit path; the table says which widgets belong to which property. */
typedef struct
{
  const char *property;
  goffset     row_offset;
  goffset     error_offset;
} TextField;

#define TEXT_FIELD(property, name) \
  { property, G_STRUCT_OFFSET (DgPreferencesWindow, name##_row), G_STRUCT_OFFSET (DgPreferencesWindow, name##_error) }

static const TextField text_fields[] = {
  TEXT_FIELD ("name", name),
  TEXT_FIELD ("address", address),
  TEXT_FIELD ("email", email),
  TEXT_FIELD ("tax-number", tax_number),
  TEXT_FIELD ("vat-id", vat_id),
  TEXT_FIELD ("iban", iban),
  TEXT_FIELD ("bic", bic),
  TEXT_FIELD ("invoice-number-pattern", pattern),
  TEXT_FIELD ("cancellation-number-pattern", cancellation_pattern),
};

#undef TEXT_FIELD

#define FIELD_ROW(self, field) G_STRUCT_MEMBER (GtkWidget *, (self), (field)->row_offset)
#define FIELD_ERROR(self, field) G_STRUCT_MEMBER (GtkLabel *, (self), (field)->error_offset)

static const TextField *
find_text_field (DgPreferencesWindow *self,
                 GtkWidget           *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (FIELD_ROW (self, &text_fields[i]) == row)
      return &text_fields[i];

  g_assert_not_reached ();
}

/* How a stored value is shown: an IBAN in groups of four is far easier to
 * compare with a bank statement than 22 digits in a row. */
static char *
display_value (const char *property,
               const char *value)
{
  if (g_str_equal (property, "iban") && value != NULL && *value != '\0')
    return dg_iban_format (value);
  return g_strdup (value);
}

static void
on_error_toast_dismissed (DgPreferencesWindow *self)
{
  g_clear_object (&self->error_toast);
}

static void
show_error (DgPreferencesWindow *self,
            const char          *title,
            const char          *heading,
            const GError        *error)
{
  g_free (self->error_heading);
  self->error_heading = g_strdup (heading);
  g_free (self->error_message);
  self->error_message = g_strdup (error->message);

  if (self->error_toast != NULL)
    {
      adw_toast_set_title (self->error_toast, title);
      return;
    }

  self->error_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->error_toast, _("_Details"));
  adw_toast_set_action_name (self->error_toast, "preferences.show-error");
  g_signal_connect_object (self->error_toast, "dismissed",
                           G_CALLBACK (on_error_toast_dismissed), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    g_object_ref (self->error_toast));
}

static void
show_error_details (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       self->error_heading,
                                                       self->error_message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_profile (DgPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (dg_business_profile_save (self->profile, self->db, &error))
    return;

  /* A value the profile held when it was loaded may fail validation; the
   * field shows why, so the toast only points there. */
  if (error->domain == DG_VALIDATION_ERROR)
    show_error (self, _("Correct the fields marked in red to save changes"),
                _("Changes Could Not Be Saved"), error);
  else
    show_error (self, _("Changes could not be saved"),
                _("Changes Could Not Be Saved"), error);
}

static void
set_field_error (GtkWidget  *row,
                 GtkLabel   *error_label,
                 const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_label_set_text (error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_label_set_text (error_label, "");
      gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static char *
get_field_text (DgPreferencesWindow *self,
                const TextField     *field)
{
  GtkWidget *row = FIELD_ROW (self, field);
  GtkTextIter start;
  GtkTextIter end;

  if (row != GTK_WIDGET (self->address_row))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  gtk_text_buffer_get_bounds (self->address_buffer, &start, &end);
  return gtk_text_buffer_get_text (self->address_buffer, &start, &end, FALSE);
}

static gboolean
is_pattern_field (const TextField *field)
{
  return g_str_equal (field->property, "invoice-number-pattern") ||
         g_str_equal (field->property, "cancellation-number-pattern");
}

/* Cancellations are numbered in a series of their own: the two patterns as
 * typed must differ. FALSE, with the profile's sentence that names both
 * fields, when they do not. */
static gboolean
check_patterns_differ (DgPreferencesWindow  *self,
                       GError              **error)
{
  g_autoptr(DgBusinessProfile) probe = NULL;
  g_autofree char *invoice = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pattern_row))));
  g_autofree char *cancellation = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cancellation_pattern_row))));

  if (!g_str_equal (invoice, cancellation))
    return TRUE;
  /* A new profile is valid in every other field, so its validation fails
   * only for the two patterns and words the message as saving would. */
  probe = dg_business_profile_new ();
  g_object_set (probe,
                "invoice-number-pattern", invoice,
                "cancellation-number-pattern", cancellation,
                NULL);
  return dg_business_profile_validate (probe, error);
}

/* Shows whether @text is valid for @field; TRUE when it is. */
static gboolean
check_text_field (DgPreferencesWindow *self,
                  const TextField     *field,
                  const char          *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = dg_business_profile_validate_field (field->property, stripped, &error);
  if (valid && is_pattern_field (field))
    valid = check_patterns_differ (self, &error);
  set_field_error (FIELD_ROW (self, field), FIELD_ERROR (self, field),
                   valid ? NULL : error->message);
  return valid;
}

/* An edit of one pattern can end a clash with the other: the other row is
 * checked again on its own, as the clash is shown at the row just edited,
 * whose value is the one that is not saved. */
static void
check_other_pattern (DgPreferencesWindow *self,
                     const TextField     *edited)
{
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const TextField *field = &text_fields[i];
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (field == edited || !is_pattern_field (field))
        continue;
      text = g_strstrip (get_field_text (self, field));
      dg_business_profile_validate_field (field->property, text, &error);
      set_field_error (FIELD_ROW (self, field), FIELD_ERROR (self, field),
                       error != NULL ? error->message : NULL);
    }
}

/* Sets @property unless it already holds @value; the profile is then dirty. */
static void
apply_value (DgPreferencesWindow *self,
             const char          *property,
             const char          *value)
{
  g_autofree char *current = NULL;

  g_object_get (self->profile, property, &current, NULL);
  if (g_strcmp0 (current, value) == 0)
    return;

  g_object_set (self->profile, property, value, NULL);
  self->dirty = TRUE;
}

/* Takes every valid text field into the profile and saves it if anything
 * changed. An invalid value stays in its widget for the owner to correct, but
 * never reaches the profile: the database keeps the last valid one. */
static void
commit (DgPreferencesWindow *self)
{
  gboolean patterns_differ;

  g_clear_handle_id (&self->commit_source, g_source_remove);

  patterns_differ = check_patterns_differ (self, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const TextField *field = &text_fields[i];
      g_autofree char *text = g_strstrip (get_field_text (self, field));
      g_autofree char *value = NULL;

      if (!dg_business_profile_validate_field (field->property, text, NULL) ||
          (is_pattern_field (field) && !patterns_differ))
        continue;
      value = dg_business_profile_normalize_field (field->property, text);
      apply_value (self, field->property, value);
    }

  if (self->dirty)
    {
      /* Cleared even when the save fails: the toast has said so, and the
       * next edit saves the whole profile again. */
      self->dirty = FALSE;
      save_profile (self);
    }
}

static gboolean
on_commit_idle (gpointer user_data)
{
  DgPreferencesWindow *self = user_data;

  self->commit_source = 0;
  commit (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_commit (DgPreferencesWindow *self)
{
  if (self->commit_source == 0)
    self->commit_source = g_idle_add (on_commit_idle, self);
}

static void
on_text_row_changed (GtkEditable         *editable,
                     DgPreferencesWindow *self)
{
  const TextField *field;

  if (self->loading)
    return;

  field = find_text_field (self, GTK_WIDGET (editable));
  check_text_field (self, field, gtk_editable_get_text (editable));
  if (is_pattern_field (field))
    check_other_pattern (self, field);
  schedule_commit (self);
}

static void
on_address_buffer_changed (GtkTextBuffer       *buffer,
                           DgPreferencesWindow *self)
{
  const TextField *field = find_text_field (self, GTK_WIDGET (self->address_row));
  g_autofree char *text = NULL;

  if (self->loading)
    return;

  text = get_field_text (self, field);
  check_text_field (self, field, text);
  schedule_commit (self);
}

static void
on_text_row_focus_leave (GtkEventControllerFocus *controller,
                         DgPreferencesWindow     *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  const TextField *field = find_text_field (self, row);
  g_autofree char *value = NULL;
  g_autofree char *shown = NULL;

  /* Rewriting the text while it is being typed would move the cursor, so the
   * stored form is shown only once the owner has moved on. An invalid value
   * is left as typed, to be corrected. */
  if (gtk_widget_has_css_class (row, "error"))
    return;

  commit (self);
  g_object_get (self->profile, field->property, &value, NULL);
  shown = display_value (field->property, value);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), shown);
}

static char *
currency_display_name (GtkStringObject *item,
                       const char      *code)
{
  const char *symbol;

  if (code == NULL)
    return NULL;

  symbol = dg_currency_get_symbol (code);
  if (g_strcmp0 (symbol, code) == 0)
    return g_strdup (code);
  /* Translators: a currency code and its symbol, as in "EUR — €". */
  return g_strdup_printf (_("%s — %s"), code, symbol);
}

static void
on_currency_row_selected (AdwComboRow         *row,
                          GParamSpec          *pspec,
                          DgPreferencesWindow *self)
{
  GtkStringObject *item;
  const char *code;

  if (self->loading)
    return;

  item = adw_combo_row_get_selected_item (row);
  if (item == NULL)
    return;

  code = gtk_string_object_get_string (item);
  /* Every code in the list is one the profile accepts, so this cannot fail;
   * it is checked all the same so that no value bypasses validation. */
  if (dg_business_profile_validate_field ("currency", code, NULL))
    {
      apply_value (self, "currency", code);
      schedule_commit (self);
    }
}

static void
on_payment_terms_changed (GtkSpinButton       *spin,
                          DgPreferencesWindow *self)
{
  int days = gtk_spin_button_get_value_as_int (spin);

  if (self->loading || days == dg_business_profile_get_payment_terms_days (self->profile))
    return;

  g_object_set (self->profile, "payment-terms-days", days, NULL);
  self->dirty = TRUE;
  schedule_commit (self);
}

/* The combo row lists the days from Monday, as GDateWeekday counts them. */
static void
on_week_start_row_selected (AdwComboRow         *row,
                            GParamSpec          *pspec,
                            DgPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (row);
  GDateWeekday week_start;

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  week_start = (GDateWeekday) (G_DATE_MONDAY + selected);
  if (week_start == dg_business_profile_get_week_start (self->profile))
    return;

  g_object_set (self->profile, "week-start", (int) week_start, NULL);
  self->dirty = TRUE;
  schedule_commit (self);
}

/* Says what the number means, as "0" alone would not. */
static void
update_auto_approve_subtitle (DgPreferencesWindow *self,
                              int                  days)
{
  g_autofree char *subtitle = NULL;

  if (days == 0)
    subtitle = g_strdup (_("Off: every week waits for your approval"));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "A week still pending %d day after it ends is approved",
                                             "A week still pending %d days after it ends is approved",
                                             days),
                                days);
  adw_action_row_set_subtitle (self->auto_approve_row, subtitle);
}

static void
on_auto_approve_changed (GtkSpinButton       *spin,
                         DgPreferencesWindow *self)
{
  int days = gtk_spin_button_get_value_as_int (spin);

  update_auto_approve_subtitle (self, days);
  if (self->loading || days == dg_business_profile_get_auto_approve_days (self->profile))
    return;

  g_object_set (self->profile, "auto-approve-days", days, NULL);
  self->dirty = TRUE;
  schedule_commit (self);
}

static void
fill_from_profile (DgPreferencesWindow *self)
{
  const char *currency = dg_business_profile_get_currency (self->profile);
  const char * const *codes = dg_currency_get_codes ();
  guint selected = GTK_INVALID_LIST_POSITION;

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      const TextField *field = &text_fields[i];
      g_autofree char *value = NULL;
      g_autofree char *shown = NULL;

      g_object_get (self->profile, field->property, &value, NULL);
      shown = display_value (field->property, value);
      if (FIELD_ROW (self, field) == GTK_WIDGET (self->address_row))
        gtk_text_buffer_set_text (self->address_buffer, shown, -1);
      else
        gtk_editable_set_text (GTK_EDITABLE (FIELD_ROW (self, field)), shown);
    }

  for (guint i = 0; codes[i] != NULL; i++)
    {
      gtk_string_list_append (self->currency_list, codes[i]);
      if (g_str_equal (codes[i], currency))
        selected = i;
    }
  adw_combo_row_set_selected (self->currency_row, selected);

  gtk_spin_button_set_value (self->payment_terms_spin,
                             dg_business_profile_get_payment_terms_days (self->profile));

  adw_combo_row_set_selected (self->week_start_row,
                              dg_business_profile_get_week_start (self->profile) - G_DATE_MONDAY);
  gtk_spin_button_set_value (self->auto_approve_spin,
                             dg_business_profile_get_auto_approve_days (self->profile));
  update_auto_approve_subtitle (self, dg_business_profile_get_auto_approve_days (self->profile));

  self->loading = FALSE;

  /* A value stored by an older version, or by hand, may no longer pass: show
   * it as any other invalid field, so the owner sees what to correct. */
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (self->profile, text_fields[i].property, &value, NULL);
      check_text_field (self, &text_fields[i], value);
    }
}

static void
dg_preferences_window_constructed (GObject *object)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (dg_preferences_window_parent_class)->constructed (object);

  self->profile = dg_business_profile_load (self->db, &error);
  if (self->profile == NULL)
    {
      /* Without the stored profile, any save would overwrite it with blanks:
       * show why, and let nothing be edited. */
      self->profile = dg_business_profile_new ();
      gtk_widget_set_sensitive (GTK_WIDGET (self->business_page), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->invoices_page), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->timesheets_page), FALSE);
      show_error (self, _("The business profile could not be loaded"),
                  _("The Business Profile Could Not Be Loaded"), error);
      return;
    }

  fill_from_profile (self);
}

static gboolean
destroy_window (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_dialog_response (AdwMessageDialog    *dialog,
                            const char          *response,
                            DgPreferencesWindow *self)
{
  /* Once the dialog has finished: it is destroyed with this window, and
   * GTK would leave it pointing at a freed parent if the window went first. */
  if (g_str_equal (response, "discard"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (self), g_object_unref);
}

/* One sentence per field marked invalid, or NULL when there is none. */
static char *
describe_invalid_fields (DgPreferencesWindow *self)
{
  g_autoptr(GString) body = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *row = FIELD_ROW (self, &text_fields[i]);

      if (!gtk_widget_has_css_class (row, "error"))
        continue;

      if (body == NULL)
        body = g_string_new (NULL);
      else
        g_string_append_c (body, '\n');
      /* Translators: the title of a field in the preferences, such as "IBAN". */
      g_string_append_printf (body, _("The field “%s” is not valid, so it was not saved."),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  return body != NULL ? g_string_free (g_steal_pointer (&body), FALSE) : NULL;
}

static gboolean
dg_preferences_window_close_request (GtkWindow *window)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (window);
  g_autofree char *body = NULL;

  /* Valid edits are stored whatever the owner decides below. */
  commit (self);

  /* An invalid value never reaches the database: closing would drop what
   * was typed without a word, so the owner decides. */
  body = describe_invalid_fields (self);
  if (body == NULL)
    return GTK_WINDOW_CLASS (dg_preferences_window_parent_class)->close_request (window);

  dg_confirmation_present (window, _("Discard Invalid Changes?"), body,
                           _("_Keep Editing"), "discard", _("_Discard"),
                           G_CALLBACK (on_discard_dialog_response), self);
  return TRUE;
}

static void
dg_preferences_window_dispose (GObject *object)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (object);

  /* What was typed last is kept, while the widgets still hold it. */
  if (self->commit_source != 0)
    commit (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->error_toast);
  g_clear_object (&self->profile);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (dg_preferences_window_parent_class)->dispose (object);
}

static void
dg_preferences_window_finalize (GObject *object)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (object);

  g_free (self->error_heading);
  g_free (self->error_message);

  G_OBJECT_CLASS (dg_preferences_window_parent_class)->finalize (object);
}

static void
dg_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DgPreferencesWindow *self = DG_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->db = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_preferences_window_class_init (DgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = dg_preferences_window_constructed;
  object_class->dispose = dg_preferences_window_dispose;
  object_class->finalize = dg_preferences_window_finalize;
  object_class->set_property = dg_preferences_window_set_property;
  window_class->close_request = dg_preferences_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         DG_TYPE_DATABASE,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/delegatedesk/Delegate/dg-preferences-window.ui");

  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, business_page);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, invoices_page);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, timesheets_page);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, address_view);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, address_buffer);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, tax_number_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, vat_id_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, iban_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, bic_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, pattern_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, cancellation_pattern_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, name_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, address_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, email_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, tax_number_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, vat_id_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, iban_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, bic_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, pattern_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, cancellation_pattern_error);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, currency_list);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, payment_terms_spin);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, week_start_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, auto_approve_row);
  gtk_widget_class_bind_template_child (widget_class, DgPreferencesWindow, auto_approve_spin);

  gtk_widget_class_install_action (widget_class, "preferences.show-error", NULL, show_error_details);

  gtk_widget_class_bind_template_callback (widget_class, on_text_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_text_row_focus_leave);
  gtk_widget_class_bind_template_callback (widget_class, on_address_buffer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_payment_terms_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_week_start_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_auto_approve_changed);
  gtk_widget_class_bind_template_callback (widget_class, currency_display_name);
}

static void
dg_preferences_window_init (DgPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dg_accessible_name_search_button (GTK_WIDGET (self));

  /* The address is typed straight onto the row, like the entry rows around
   * it; the "view" background would draw a box of another shade inside the
   * row in the dark style. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->address_view), "view");
}

GtkWidget *
dg_preferences_window_new (GtkWindow  *parent,
                           DgDatabase *db)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  return g_object_new (DG_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "database", db,
                       NULL);
}

DgBusinessProfile *
dg_preferences_window_get_profile (DgPreferencesWindow *self)
{
  g_return_val_if_fail (DG_IS_PREFERENCES_WINDOW (self), NULL);

  return self->profile;
}
