/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-preferences"

#include <glib/gstdio.h>
#include <string.h>

#include "dg-gui-test.h"
#include "dg-preferences-window.h"

typedef struct
{
  char       *dir;
  char       *path;
  DgDatabase *db;
} Fixture;

static GtkWidget *
child (GtkWidget  *window,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (window, DG_TYPE_PREFERENCES_WINDOW, name));

  g_assert_nonnull (widget);
  return widget;
}

/* The profile as the database holds it, after pending saves ran. */
static DgBusinessProfile *
stored_profile (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  DgBusinessProfile *profile;

  dg_gui_test_iterate ();
  profile = dg_business_profile_load (fixture->db, &error);
  g_assert_no_error (error);
  return profile;
}

static GtkWidget *
open_window (Fixture *fixture)
{
  GtkWidget *window = dg_preferences_window_new (NULL, fixture->db);

  gtk_window_present (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  return window;
}

static void
select_currency (GtkWidget  *window,
                 const char *code)
{
  AdwComboRow *combo = ADW_COMBO_ROW (child (window, "currency_row"));
  GListModel *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), code))
      {
        adw_combo_row_set_selected (combo, i);
        return;
      }
  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("delegate-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static void
test_iban_validated_inline (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *window = open_window (fixture);
  GtkWidget *iban = child (window, "iban_row");
  GtkWidget *iban_error = child (window, "iban_error");
  g_autoptr(DgBusinessProfile) saved = NULL;
  g_autoptr(DgBusinessProfile) after_bad = NULL;
  g_autoptr(DgBusinessProfile) cleared = NULL;

  gtk_editable_set_text (GTK_EDITABLE (iban), "de89 3704 0044 0532 0130 00");
  g_assert_false (gtk_widget_has_css_class (iban, "error"));
  saved = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_iban (saved), ==, "DE89370400440532013000");

  /* A wrong check digit is marked and never reaches the database. */
  gtk_editable_set_text (GTK_EDITABLE (iban), "DE89 3704 0044 0532 0130 01");
  g_assert_true (gtk_widget_has_css_class (iban, "error"));
  g_assert_true (gtk_widget_get_visible (iban_error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (iban_error)), !=, "");
  after_bad = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_iban (after_bad), ==, "DE89370400440532013000");

  gtk_editable_set_text (GTK_EDITABLE (iban), "");
  g_assert_false (gtk_widget_has_css_class (iban, "error"));
  g_assert_false (gtk_widget_get_visible (iban_error));
  cleared = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_iban (cleared), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_fields_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *window = open_window (fixture);
  GtkTextBuffer *address = gtk_text_view_get_buffer (GTK_TEXT_VIEW (child (window, "address_view")));
  g_autoptr(DgBusinessProfile) stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (child (window, "pattern_row")), "INV");
  g_assert_true (gtk_widget_has_css_class (child (window, "pattern_row"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (child (window, "pattern_row")), "RE-{YY}{MM}-{NNN}");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "name_row")), "  Muster GmbH ");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "vat_id_row")), "de 123 456 789");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "email_row")), "owner@");
  gtk_text_buffer_set_text (address, "Hauptstraße 1\n12345 Musterstadt\n", -1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child (window, "payment_terms_spin")), 30);
  select_currency (window, "USD");

  stored = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (stored), ==, "RE-{YY}{MM}-{NNN}");
  g_assert_cmpstr (dg_business_profile_get_name (stored), ==, "Muster GmbH");
  g_assert_cmpstr (dg_business_profile_get_vat_id (stored), ==, "DE123456789");
  /* The invalid e-mail address was not stored. */
  g_assert_cmpstr (dg_business_profile_get_email (stored), ==, "");
  g_assert_cmpstr (dg_business_profile_get_address (stored), ==, "Hauptstraße 1\n12345 Musterstadt");
  g_assert_cmpint (dg_business_profile_get_payment_terms_days (stored), ==, 30);
  g_assert_cmpstr (dg_business_profile_get_currency (stored), ==, "USD");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancellation_pattern (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *window = open_window (fixture);
  GtkWidget *invoices = child (window, "pattern_row");
  GtkWidget *cancellations = child (window, "cancellation_pattern_row");
  GtkWidget *cancellation_error = child (window, "cancellation_pattern_error");
  g_autoptr(DgBusinessProfile) saved = NULL;
  g_autoptr(DgBusinessProfile) after_clash = NULL;
  g_autoptr(DgBusinessProfile) after_invoice_clash = NULL;
  g_autoptr(DgBusinessProfile) resolved = NULL;

  /* The default series is shown, and a new pattern is saved. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cancellations)), ==, "ST-{YYYY}-{NNNN}");
  gtk_editable_set_text (GTK_EDITABLE (cancellations), " GS-{YYYY}-{NNNNN} ");
  g_assert_false (gtk_widget_has_css_class (cancellations, "error"));
  saved = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_cancellation_number_pattern (saved), ==, "GS-{YYYY}-{NNNNN}");

  /* An invalid pattern is marked at its row and not saved. */
  gtk_editable_set_text (GTK_EDITABLE (cancellations), "GS-{YYYY}");
  g_assert_true (gtk_widget_has_css_class (cancellations, "error"));
  g_assert_true (gtk_widget_get_visible (cancellation_error));

  /* The same pattern as the invoices' is refused with a sentence naming both. */
  gtk_editable_set_text (GTK_EDITABLE (cancellations), "{YYYY}-{NNNN}");
  g_assert_true (gtk_widget_has_css_class (cancellations, "error"));
  g_assert_false (gtk_widget_has_css_class (invoices, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (cancellation_error)), "cancellation numbers"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (cancellation_error)), "invoice numbers"));
  after_clash = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_cancellation_number_pattern (after_clash), ==, "GS-{YYYY}-{NNNNN}");
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (after_clash), ==, "{YYYY}-{NNNN}");

  /* Changing the invoice pattern ends the clash: both are saved. */
  gtk_editable_set_text (GTK_EDITABLE (invoices), "RE-{YYYY}-{NNNN}");
  g_assert_false (gtk_widget_has_css_class (cancellations, "error"));
  g_assert_false (gtk_widget_has_css_class (invoices, "error"));
  g_assert_false (gtk_widget_get_visible (cancellation_error));
  resolved = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (resolved), ==, "RE-{YYYY}-{NNNN}");
  g_assert_cmpstr (dg_business_profile_get_cancellation_number_pattern (resolved), ==, "{YYYY}-{NNNN}");

  /* A clash made at the invoice row is shown there, and that value is not saved. */
  gtk_editable_set_text (GTK_EDITABLE (invoices), "{YYYY}-{NNNN}");
  g_assert_true (gtk_widget_has_css_class (invoices, "error"));
  g_assert_false (gtk_widget_has_css_class (cancellations, "error"));
  after_invoice_clash = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_invoice_number_pattern (after_invoice_clash), ==, "RE-{YYYY}-{NNNN}");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reopen_and_pending_edit (Fixture       *fixture,
                              gconstpointer  data)
{
  GtkWidget *window;
  sqlite3 *handle = NULL;
  g_autoptr(DgBusinessProfile) stored = NULL;

  /* A value that is invalid in the database is shown as an error. */
  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "UPDATE business_profile SET iban = 'DE00 1234'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);

  window = open_window (fixture);
  g_assert_true (gtk_widget_has_css_class (child (window, "iban_row"), "error"));

  /* Edits still pending when the window goes are saved. */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "bic_row")), "deut de ff");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "iban_row")), "GB82 WEST 1234 5698 7654 32");
  gtk_window_destroy (GTK_WINDOW (window));

  stored = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_bic (stored), ==, "DEUTDEFF");
  g_assert_cmpstr (dg_business_profile_get_iban (stored), ==, "GB82WEST12345698765432");
}

/* What a click on a response button does: the dialog closes, then reports
 * the response while it is still alive. */
static void
answer_dialog (GtkWindow  *dialog,
               const char *response)
{
  g_object_ref (dialog);
  gtk_window_destroy (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  g_object_unref (dialog);
  dg_gui_test_iterate ();
}

static void
test_close_with_invalid_field (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *window = open_window (fixture);
  GtkWidget *iban = child (window, "iban_row");
  GtkWindow *dialog;
  g_autoptr(DgBusinessProfile) stored = NULL;

  gtk_editable_set_text (GTK_EDITABLE (iban), "DE89 3704 0044 0532 0130 00");
  dg_gui_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (iban), "DE89 3704 0044 0532 0130 01");
  gtk_editable_set_text (GTK_EDITABLE (child (window, "bic_row")), "deut de ff");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* The invalid IBAN keeps the window open and is named in the question. */
  gtk_window_close (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (window));
  dialog = dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "IBAN"));
  g_assert_null (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "BIC"));

  /* Keep Editing leaves the typed text where it was. */
  answer_dialog (dialog, "cancel");
  g_assert_nonnull (window);
  g_assert_null (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iban)), ==, "DE89 3704 0044 0532 0130 01");

  gtk_window_close (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  dialog = dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  answer_dialog (dialog, "discard");
  g_assert_null (window);
  g_assert_null (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* The database keeps the last valid IBAN, and the valid BIC typed
   * beside the invalid IBAN was saved all the same. */
  stored = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_iban (stored), ==, "DE89370400440532013000");
  g_assert_cmpstr (dg_business_profile_get_bic (stored), ==, "DEUTDEFF");
}

static void
test_close_when_valid (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *window = open_window (fixture);
  g_autoptr(DgBusinessProfile) stored = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* Closed before the pending edit was committed: it is saved on the way. */
  gtk_editable_set_text (GTK_EDITABLE (child (window, "iban_row")), "gb82 west 1234 5698 7654 32");
  gtk_window_close (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  g_assert_null (window);
  g_assert_null (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  stored = stored_profile (fixture);
  g_assert_cmpstr (dg_business_profile_get_iban (stored), ==, "GB82WEST12345698765432");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/preferences/iban-inline", Fixture, NULL, fixture_set_up, test_iban_validated_inline, fixture_tear_down);
  g_test_add ("/preferences/fields-saved", Fixture, NULL, fixture_set_up, test_fields_saved, fixture_tear_down);
  g_test_add ("/preferences/cancellation-pattern", Fixture, NULL, fixture_set_up, test_cancellation_pattern, fixture_tear_down);
  g_test_add ("/preferences/reopen-and-pending-edit", Fixture, NULL, fixture_set_up, test_reopen_and_pending_edit, fixture_tear_down);
  g_test_add ("/preferences/close-with-invalid-field", Fixture, NULL, fixture_set_up, test_close_with_invalid_field, fixture_tear_down);
  g_test_add ("/preferences/close-when-valid", Fixture, NULL, fixture_set_up, test_close_when_valid, fixture_tear_down);
  return g_test_run ();
}
