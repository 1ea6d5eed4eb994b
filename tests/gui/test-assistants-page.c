/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-assistants-page"

#include "dg-assistant-editor.h"
#include "dg-assistant-store.h"
#include "dg-assistants-page.h"
#include "dg-gui-test.h"

static char *database_path;

static void
add_assistant (DgAssistantStore *store,
               const char       *name,
               const char       *zone,
               gboolean          active)
{
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (assistant, "name", name, "time-zone", zone, "currency", "EUR", NULL);
  g_assert_true (dg_assistant_store_add (store, assistant, &error));
  g_assert_no_error (error);
  if (!active)
    g_assert_true (dg_assistant_store_archive (store, assistant, &error));
}

/* Three active assistants and an archived one; Jonas is referred to by a
 * record, as tasks and hours will be. */
static void
fill_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgDatabase) db = dg_database_open (database_path, &error);
  g_autoptr(DgAssistantStore) store = NULL;
  sqlite3 *handle = NULL;

  g_assert_no_error (error);
  store = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  add_assistant (store, "Jonas Becker", "Europe/Berlin", TRUE);
  add_assistant (store, "Lucía Fernández", "America/Argentina/Buenos_Aires", TRUE);
  add_assistant (store, "Maria Santos", "Asia/Manila", TRUE);
  add_assistant (store, "Tomás Ruiz", "Europe/Madrid", FALSE);

  g_assert_cmpint (sqlite3_open (database_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle,
                                 "CREATE TABLE test_references (assistant_id INTEGER REFERENCES assistants (id));"
                                 "INSERT INTO test_references SELECT id FROM assistants WHERE name = 'Jonas Becker';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
}

static GListModel *
list_model (GtkWidget *page)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (dg_gui_test_find_by_name (page, "assistant_list"))));
}

static guint
position_of (GListModel *model,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (model, i);

      if (g_str_equal (dg_assistant_get_name (assistant), name))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
search (GtkWidget  *page,
        const char *text)
{
  GtkWidget *entry = dg_gui_test_find_by_type (page, GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search entry reports changes after a short delay. */
  g_signal_emit_by_name (entry, "search-changed");
  dg_gui_test_iterate ();
}

static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (dg_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_nonnull (dialog);
  /* The response may close the main window, and the dialog with it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (dialog, response);
  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
}

static void
set_notes (GtkWidget  *editor,
           const char *text)
{
  GtkTextView *notes = GTK_TEXT_VIEW (dg_gui_test_find_by_name (editor, "notes_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), text, -1);
  dg_gui_test_iterate ();
  g_assert_true (dg_assistant_editor_get_dirty (DG_ASSISTANT_EDITOR (editor)));
}

static void
set_text (GtkWidget  *editor,
          const char *row_name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, row_name)), text);
  dg_gui_test_iterate ();
}

static const char *
edited_name (GtkWidget *editor)
{
  DgAssistant *edited = dg_assistant_editor_get_edited (DG_ASSISTANT_EDITOR (editor));

  return edited ? dg_assistant_get_name (edited) : NULL;
}

static void
drive_page (DgApplication *app,
            GtkWindow     *window)
{
  GtkWidget *page = dg_gui_test_find_by_type (GTK_WIDGET (window), DG_TYPE_ASSISTANTS_PAGE);
  GListModel *model = list_model (page);
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (model);
  GtkToggleButton *show_archived =
    GTK_TOGGLE_BUTTON (dg_gui_test_find_by_type (page, GTK_TYPE_TOGGLE_BUTTON));
  GtkWidget *editor;

  dg_gui_test_show_page (window, "assistants");

  /* Archived assistants are hidden until asked for. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  gtk_toggle_button_set_active (show_archived, TRUE);
  dg_gui_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 4);
  gtk_toggle_button_set_active (show_archived, FALSE);
  dg_gui_test_iterate ();

  /* Search looks at names and zones, ignoring case. */
  search (page, "manila");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  search (page, "LUCÍA");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  search (page, "nobody by this name");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_true (gtk_widget_get_mapped (dg_gui_test_find_by_name (page, "no_results")));
  search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Nothing is selected at first; picking a row opens the editor. */
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, position_of (model, "Maria Santos"));
  dg_gui_test_iterate ();
  editor = dg_gui_test_find_by_type (page, DG_TYPE_ASSISTANT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_cmpstr (dg_assistant_get_name (dg_assistant_editor_get_edited (DG_ASSISTANT_EDITOR (editor))), ==, "Maria Santos");

  /* Delete asks first: cancelling keeps the assistant. */
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  dg_gui_test_iterate ();
  answer_dialog ("cancel");
  g_assert_cmpuint (position_of (model, "Maria Santos"), !=, GTK_INVALID_LIST_POSITION);

  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  dg_gui_test_iterate ();
  answer_dialog ("delete");
  g_assert_cmpuint (position_of (model, "Maria Santos"), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* An assistant other records refer to is kept, with the reason shown. */
  gtk_single_selection_set_selected (selection, position_of (model, "Jonas Becker"));
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  dg_gui_test_iterate ();
  answer_dialog ("delete");
  g_assert_cmpuint (position_of (model, "Jonas Becker"), !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (dg_assistant_get_name (dg_assistant_editor_get_edited (DG_ASSISTANT_EDITOR (editor))), ==, "Jonas Becker");

  /* Payment details are checked as typed: a wrong IBAN is marked and
   * cannot be saved. */
  set_text (editor, "iban_row", "DE89 3704 0044 0532 0130 01");
  g_assert_true (gtk_widget_has_css_class (dg_gui_test_find_by_name (editor, "iban_row"), "error"));
  g_assert_false (dg_assistant_editor_get_valid (DG_ASSISTANT_EDITOR (editor)));
  set_text (editor, "bic_row", "DEUT");
  g_assert_true (gtk_widget_has_css_class (dg_gui_test_find_by_name (editor, "bic_row"), "error"));
  set_text (editor, "iban_row", "de89 3704 0044 0532 0130 00");
  set_text (editor, "bic_row", "deut de ff");
  set_text (editor, "tax_number_row", "12/345/67890");
  g_assert_false (gtk_widget_has_css_class (dg_gui_test_find_by_name (editor, "iban_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (dg_gui_test_find_by_name (editor, "bic_row"), "error"));
  /* English first, German second. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dg_gui_test_find_by_name (editor, "invoice_language_row"))), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dg_gui_test_find_by_name (editor, "invoice_language_row")), 1);
  dg_gui_test_iterate ();
  g_assert_true (dg_assistant_editor_get_valid (DG_ASSISTANT_EDITOR (editor)));

  /* Valid changes are saved on the way to another assistant, and the one
   * clicked is the one that opens. */
  set_notes (editor, "Prefers calls before noon.");
  gtk_single_selection_set_selected (selection, position_of (model, "Lucía Fernández"));
  dg_gui_test_iterate ();
  g_assert_cmpstr (edited_name (editor), ==, "Lucía Fernández");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position_of (model, "Lucía Fernández"));

  /* A new assistant that is discarded is never saved later. */
  g_assert_true (gtk_widget_activate_action (page, "assistants.add", NULL));
  dg_gui_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "name_row")), "Dora Discarded");
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_activate_action (editor, "editor.discard", NULL));
  dg_gui_test_iterate ();
  g_assert_false (dg_assistant_editor_get_dirty (DG_ASSISTANT_EDITOR (editor)));
  gtk_single_selection_set_selected (selection, position_of (model, "Jonas Becker"));
  dg_gui_test_iterate ();
  g_assert_cmpstr (edited_name (editor), ==, "Jonas Becker");
  g_assert_cmpuint (position_of (model, "Dora Discarded"), ==, GTK_INVALID_LIST_POSITION);
  /* Back in the form as stored: without spaces, in capitals. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "iban_row"))), ==,
                   "DE89370400440532013000");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "bic_row"))), ==, "DEUTDEFF");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dg_gui_test_find_by_name (editor, "invoice_language_row"))), ==, 1);

  /* Unsaved edits of a deleted assistant go with it. */
  gtk_single_selection_set_selected (selection, position_of (model, "Lucía Fernández"));
  dg_gui_test_iterate ();
  set_notes (editor, "Typed, then deleted.");
  g_assert_true (gtk_widget_activate_action (editor, "editor.delete", NULL));
  dg_gui_test_iterate ();
  answer_dialog ("delete");
  g_assert_false (dg_assistant_editor_get_dirty (DG_ASSISTANT_EDITOR (editor)));
  gtk_single_selection_set_selected (selection, position_of (model, "Jonas Becker"));
  dg_gui_test_iterate ();
  g_assert_cmpstr (edited_name (editor), ==, "Jonas Becker");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* Closing with an invalid new assistant asks first; Discard closes. */
  g_assert_true (gtk_widget_activate_action (page, "assistants.add", NULL));
  dg_gui_test_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (dg_gui_test_find_by_name (editor, "email_row")), "not an address");
  dg_gui_test_iterate ();
  gtk_window_close (window);
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  answer_dialog ("discard");
  g_assert_null (window);
}

static void
check_database_after (void)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (database_path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT group_concat(name, '|') FROM (SELECT name FROM assistants ORDER BY name)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Jonas Becker|Tomás Ruiz");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT notes FROM assistants WHERE name = 'Jonas Becker'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Prefers calls before noon.");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT tax_number || '|' || iban || '|' || bic || '|' || invoice_language "
                                       "FROM assistants WHERE name = 'Jonas Becker'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "12/345/67890|DE89370400440532013000|DEUTDEFF|de");
  sqlite3_finalize (stmt);
  sqlite3_close (handle);
}

static void
test_search_archive_delete (void)
{
  fill_database ();
  dg_gui_test_run_app (database_path, drive_page);
  check_database_after ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  gtk_test_init (&argc, &argv, NULL);
  dir = g_dir_make_tmp ("delegate-test-XXXXXX", NULL);
  database_path = g_build_filename (dir, "delegate.db", NULL);

  g_test_add_func ("/assistants-page/search-archive-delete", test_search_archive_delete);
  return g_test_run ();
}
