/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-handbook-windows"

#include <glib/gstdio.h>
#include <string.h>

#include "dg-assistant-store.h"
#include "dg-gui-test.h"
#include "dg-handbook-history-window.h"
#include "dg-handbook-printing-private.h"
#include "dg-handbook-template-dialog.h"
#include "dg-handbook-templates.h"

#define HANDBOOK_TITLE "Answer support e-mails"
#define CHANGED_STEP "Reply with the right template"

typedef struct
{
  char            *dir;
  char            *path;
  DgDatabase      *db;
  DgHandbookStore *store;
} Fixture;

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
  fixture->store = dg_handbook_store_new (fixture->db, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->db);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static GtkWidget *
child (GtkWidget  *window,
       GType       type,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (window, type, name));

  g_assert_nonnull (widget);
  return widget;
}

static void
publish (Fixture    *fixture,
         DgHandbook *handbook,
         const char *note,
         int         expected_version)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_handbook_store_save (fixture->store, handbook, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_handbook_store_publish (fixture->store, handbook, note, &error), ==, expected_version);
  g_assert_no_error (error);
}

/* Three steps published as version 1, then the second step's details
 * changed and published as version 2. Returns the draft from the store. */
static DgHandbook *
create_published_handbook (Fixture *fixture)
{
  g_autoptr(DgHandbook) handbook = dg_handbook_new (HANDBOOK_TITLE);
  g_autoptr(DgHandbookStep) removed = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (handbook, "purpose", "Every customer gets an answer within one working day.", NULL);
  dg_handbook_insert_step (handbook, 0, dg_handbook_step_new ("Open the shared inbox", "", FALSE, 5));
  dg_handbook_insert_step (handbook, 1, dg_handbook_step_new (CHANGED_STEP, "Use the saved replies.", FALSE, 20));
  dg_handbook_insert_step (handbook, 2, dg_handbook_step_new ("Archive the thread", "", TRUE, 1));
  publish (fixture, handbook, "First version", 1);

  removed = dg_handbook_remove_step (handbook, 1);
  dg_handbook_insert_step (handbook, 1, dg_handbook_step_new (CHANGED_STEP, "Use the refund reply for refunds.", FALSE, 20));
  publish (fixture, handbook, "Refunds get their own reply", 2);

  return g_object_ref (dg_handbook_store_find (fixture->store, dg_handbook_get_id (handbook)));
}

static GList *
rows_named (GtkWidget  *list,
            const char *name)
{
  GList *rows = NULL;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      rows = g_list_append (rows, row);
  return rows;
}

static const char *
change_kind (GtkWidget *row)
{
  GtkWidget *tag = dg_gui_test_find_by_name (row, "change_kind");

  g_assert_nonnull (tag);
  return gtk_label_get_text (GTK_LABEL (tag));
}

static GtkWidget *
open_history (Fixture    *fixture,
              DgHandbook *draft)
{
  GtkWidget *window = dg_handbook_history_window_new (NULL, fixture->store, draft);

  gtk_window_present (GTK_WINDOW (window));
  dg_gui_test_iterate ();
  return window;
}

static void
test_history_compares_versions (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_published_handbook (fixture);
  GtkWidget *window = open_history (fixture, draft);
  GtkWidget *version_list = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "version_list");
  GtkWidget *change_list = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "change_list");
  GtkListBoxRow *first_version;
  g_autoptr(GList) versions = NULL;
  g_autoptr(GList) changes = NULL;
  g_autoptr(GList) first_changes = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "main_stack"))), ==, "history");

  /* The draft has no unpublished changes: only the two versions, and the
   * newest is shown first, compared with the one before it. */
  versions = rows_named (version_list, "version_row");
  g_assert_cmpuint (g_list_length (versions), ==, 2);
  g_assert_true (gtk_list_box_get_selected_row (GTK_LIST_BOX (version_list)) == versions->data);

  changes = rows_named (change_list, "change_row");
  g_assert_cmpuint (g_list_length (changes), ==, 1);
  g_assert_cmpstr (change_kind (changes->data), ==, "Changed");
  g_assert_cmpstr (adw_preferences_row_get_title (changes->data), ==, CHANGED_STEP);
  g_assert_cmpstr (adw_action_row_get_subtitle (changes->data), ==, "Step 2");

  /* The first version: every step is new. */
  first_version = versions->next->data;
  gtk_list_box_select_row (GTK_LIST_BOX (version_list), first_version);
  dg_gui_test_iterate ();
  first_changes = rows_named (change_list, "change_row");
  g_assert_cmpuint (g_list_length (first_changes), ==, 3);
  for (GList *l = first_changes; l; l = l->next)
    g_assert_cmpstr (change_kind (l->data), ==, "Added");

  /* Without assistants there is no one to record an acknowledgement for. */
  g_assert_false (gtk_widget_get_sensitive (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "record_button")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_history_shows_draft_changes (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_published_handbook (fixture);
  g_autoptr(DgHandbookStep) removed = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  g_autoptr(GList) versions = NULL;
  g_autoptr(GList) changes = NULL;

  /* Moving the last step to the top changes nothing but positions. */
  dg_handbook_move_step (draft, 2, 0);
  g_assert_true (dg_handbook_store_save (fixture->store, draft, &error));
  g_assert_no_error (error);
  g_assert_true (dg_handbook_get_has_changes (draft));

  window = open_history (fixture, draft);
  versions = rows_named (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "version_list"), "version_row");
  g_assert_cmpuint (g_list_length (versions), ==, 3);

  changes = rows_named (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "change_list"), "change_row");
  g_assert_cmpuint (g_list_length (changes), >=, 1);
  for (GList *l = changes; l; l = l->next)
    g_assert_cmpstr (change_kind (l->data), ==, "Moved");
  g_assert_cmpstr (adw_preferences_row_get_title (changes->data), ==, "Archive the thread");
  g_assert_cmpstr (adw_action_row_get_subtitle (changes->data), ==, "Step 3 → 1");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_history_not_published (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(DgHandbook) handbook = dg_handbook_new ("Book travel");
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  g_assert_true (dg_handbook_store_save (fixture->store, handbook, &error));
  g_assert_no_error (error);

  window = open_history (fixture, handbook);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "main_stack"))), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
add_assistant (Fixture    *fixture,
               const char *name)
{
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autoptr(GError) error = NULL;

  assistants = dg_assistant_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_object_set (assistant, "name", name, "time-zone", "Asia/Manila", "currency", "USD", NULL);
  g_assert_true (dg_assistant_store_add (assistants, assistant, &error));
  g_assert_no_error (error);
  return dg_assistant_get_id (assistant);
}

static void
test_history_records_acknowledgement (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_published_handbook (fixture);
  gint64 assistant_id = add_assistant (fixture, "Maria Santos");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) rows = NULL;
  g_autoptr(GList) outdated_rows = NULL;
  DgAcknowledgement *ack;
  GtkWidget *window = open_history (fixture, draft);
  GtkWidget *ack_list = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "acknowledgement_list");
  AdwComboRow *assistant_row = ADW_COMBO_ROW (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "assistant_row"));
  GtkWidget *record_button = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "record_button");

  g_assert_null (rows_named (ack_list, "acknowledgement_row"));
  g_assert_true (gtk_widget_get_sensitive (record_button));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (assistant_row)), ==, 1);

  adw_combo_row_set_selected (assistant_row, 0);
  g_signal_emit_by_name (record_button, "clicked");
  dg_gui_test_iterate ();

  /* The latest version, read today, is in the database and in the list. */
  acks = dg_handbook_store_list_acknowledgements (fixture->store, dg_handbook_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acks->len, ==, 1);
  ack = g_ptr_array_index (acks, 0);
  g_assert_cmpint (ack->assistant_id, ==, assistant_id);
  g_assert_cmpint (ack->version, ==, 2);
  g_assert_cmpstr (ack->date, ==, today);
  g_assert_false (ack->outdated);

  rows = rows_named (ack_list, "acknowledgement_row");
  g_assert_cmpuint (g_list_length (rows), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->data), ==, "Maria Santos");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->data), "Read version 2 on "));
  g_assert_null (dg_gui_test_find_by_name (rows->data, "outdated_tag"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* A new version makes the acknowledgement outdated. */
  dg_handbook_insert_step (draft, 3, dg_handbook_step_new ("Tag the customer", "", FALSE, 1));
  publish (fixture, draft, "Tagging", 3);
  window = open_history (fixture, draft);
  outdated_rows = rows_named (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "acknowledgement_list"), "acknowledgement_row");
  g_assert_cmpuint (g_list_length (outdated_rows), ==, 1);
  g_assert_nonnull (dg_gui_test_find_by_name (outdated_rows->data, "outdated_tag"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Version 3 adds a fourth step to version 2. */
static DgHandbook *
create_three_versions (Fixture *fixture)
{
  DgHandbook *draft = create_published_handbook (fixture);

  dg_handbook_insert_step (draft, 3, dg_handbook_step_new ("Tag the customer", "", FALSE, 1));
  publish (fixture, draft, "Tagging", 3);
  return draft;
}

static void
select_version (GtkWidget *window,
                guint      index)
{
  GtkListBox *list = GTK_LIST_BOX (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "version_list"));

  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, index));
  dg_gui_test_iterate ();
}

/* Runs @action of the history window as if @path had been chosen in its
 * file chooser. */
static void
export_through_action (GtkWidget  *window,
                       const char *action,
                       const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_unlink (path);
  dg_handbook_export_set_test_file (file);
  g_assert_true (gtk_widget_activate_action (window, action, NULL));
  dg_handbook_export_set_test_file (NULL);
  dg_gui_test_iterate ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void assert_pdf_shows (const char *path, const char *text);
static char *output_path (const char *name);

static void
test_history_exports_older_version (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_three_versions (fixture);
  GtkWidget *window = open_history (fixture, draft);
  g_autofree char *md_path = output_path ("test-history-version-1.md");
  g_autofree char *pdf_path = output_path ("test-history-version-1.pdf");
  g_autofree char *markdown = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *content_box = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "content_box");
  GtkWidget *details;

  /* Version 1, the oldest, is the last row. */
  select_version (window, 2);

  export_through_action (window, "history.export-markdown", md_path);
  g_assert_true (g_file_get_contents (md_path, &markdown, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (markdown, "Use the saved replies."));
  g_assert_null (strstr (markdown, "refund reply"));
  g_assert_null (strstr (markdown, "Tag the customer"));

  export_through_action (window, "history.export-pdf", pdf_path);
  assert_pdf_shows (pdf_path, "Use the saved replies.");
  assert_pdf_shows (pdf_path, "Version 1,");

  /* Its content is readable in the window as well. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "content_button")), TRUE);
  dg_gui_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "detail_stack"))), ==, "content");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_gui_test_find_by_name (content_box, "content_title"))), ==, HANDBOOK_TITLE);
  details = dg_gui_test_find_by_name (content_box, "content_details");
  g_assert_nonnull (details);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (details)), ==, "Use the saved replies.");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (dg_gui_test_find_by_name (content_box, "content_step"))), ==, "1. Open the shared inbox");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_history_compares_any_two (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_three_versions (fixture);
  GtkWidget *window = open_history (fixture, draft);
  AdwComboRow *compare_row = ADW_COMBO_ROW (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "compare_row"));
  GtkWidget *change_list = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "change_list");
  g_autoptr(GList) changes = NULL;
  g_autoptr(GList) with_v1 = NULL;

  /* Version 3 is compared with version 2 first: only the new step. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (compare_row)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (compare_row), ==, 0);
  changes = rows_named (change_list, "change_row");
  g_assert_cmpuint (g_list_length (changes), ==, 1);
  g_assert_cmpstr (change_kind (changes->data), ==, "Added");

  /* Compared with version 1: the reworded step as well. */
  adw_combo_row_set_selected (compare_row, 1);
  dg_gui_test_iterate ();
  with_v1 = rows_named (change_list, "change_row");
  g_assert_cmpuint (g_list_length (with_v1), ==, 2);
  g_assert_cmpstr (change_kind (with_v1->data), ==, "Changed");
  g_assert_cmpstr (adw_preferences_row_get_title (with_v1->data), ==, CHANGED_STEP);
  g_assert_cmpstr (adw_action_row_get_subtitle (with_v1->data), ==, "Step 2");
  g_assert_cmpstr (change_kind (with_v1->next->data), ==, "Added");
  g_assert_cmpstr (adw_preferences_row_get_title (with_v1->next->data), ==, "Tag the customer");
  g_assert_cmpstr (adw_action_row_get_subtitle (with_v1->next->data), ==, "Step 4");

  /* The first version has nothing older to choose. */
  select_version (window, 2);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (compare_row))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_history_acknowledges_chosen_version (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_three_versions (fixture);
  gint64 assistant_id = add_assistant (fixture, "Maria Santos");
  g_autoptr(GPtrArray) acks = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = open_history (fixture, draft);
  AdwComboRow *version_row = ADW_COMBO_ROW (child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "ack_version_row"));
  GtkWidget *date_row = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "date_row");
  GtkWidget *error_label = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "date_error_label");
  GtkWidget *record_button = child (window, DG_TYPE_HANDBOOK_HISTORY_WINDOW, "record_button");
  DgAcknowledgement *ack;

  /* Three published versions, the latest chosen. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (version_row)), ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (version_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* A date that does not exist is refused where it was typed. */
  adw_combo_row_set_selected (version_row, 2);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-02-30");
  dg_gui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_false (gtk_widget_get_sensitive (record_button));
  g_signal_emit_by_name (record_button, "clicked");
  dg_gui_test_iterate ();
  acks = dg_handbook_store_list_acknowledgements (fixture->store, dg_handbook_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acks->len, ==, 0);
  g_clear_pointer (&acks, g_ptr_array_unref);

  /* Version 1, read on 15 January 2026. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-01-15");
  dg_gui_test_iterate ();
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_get_sensitive (record_button));
  g_signal_emit_by_name (record_button, "clicked");
  dg_gui_test_iterate ();

  acks = dg_handbook_store_list_acknowledgements (fixture->store, dg_handbook_get_id (draft), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acks->len, ==, 1);
  ack = g_ptr_array_index (acks, 0);
  g_assert_cmpint (ack->assistant_id, ==, assistant_id);
  g_assert_cmpint (ack->version, ==, 1);
  g_assert_cmpstr (ack->date, ==, "2026-01-15");
  g_assert_true (ack->outdated);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_created (DgHandbookTemplateDialog  *dialog,
            DgHandbook                *saved,
            DgHandbook               **out_saved)
{
  g_set_object (out_saved, saved);
}

static void
test_template_dialog_creates_handbook (Fixture       *fixture,
                                       gconstpointer  data)
{
  const DgHandbookTemplateInfo *templates = dg_handbook_templates_list ("de");
  GtkWidget *dialog = dg_handbook_template_dialog_new (NULL, fixture->store);
  g_autoptr(DgHandbook) created = NULL;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgHandbookStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *list = child (dialog, DG_TYPE_HANDBOOK_TEMPLATE_DIALOG, "template_list");
  g_autoptr(GList) rows = NULL;
  DgHandbook *stored;

  g_assert_nonnull (templates);
  g_assert_nonnull (templates[0].id);
  g_signal_connect (dialog, "created", G_CALLBACK (on_created), &created);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();

  /* The German templates are listed once German is chosen. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, DG_TYPE_HANDBOOK_TEMPLATE_DIALOG, "language_row")), 1);
  rows = rows_named (list, "template_row");
  g_assert_cmpuint (g_list_length (rows), >, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->data), ==, templates[0].title);

  g_signal_emit_by_name (rows->data, "activate");
  dg_gui_test_iterate ();

  /* The dialog reported the stored handbook and closed. */
  g_assert_null (dialog);
  g_assert_nonnull (created);
  g_assert_cmpint (dg_handbook_get_id (created), >, 0);
  g_assert_cmpstr (dg_handbook_get_title (created), ==, templates[0].title);
  stored = dg_handbook_store_find (fixture->store, dg_handbook_get_id (created));
  g_assert_nonnull (stored);
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (stored)), >, 0);

  /* It is in the database, not only in memory. */
  db = dg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  reopened = dg_handbook_store_new (db, &error);
  g_assert_no_error (error);
  stored = dg_handbook_store_find (reopened, dg_handbook_get_id (created));
  g_assert_nonnull (stored);
  g_assert_cmpstr (dg_handbook_get_title (stored), ==, templates[0].title);
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (stored)),
                    ==, g_list_model_get_n_items (dg_handbook_get_steps (created)));
}

static char *
output_path (const char *name)
{
  const char *dir = g_getenv ("DG_TEST_OUTPUT_DIR");

  return g_build_filename (dir != NULL ? dir : g_get_tmp_dir (), name, NULL);
}

static void
assert_pdf_shows (const char *path,
                  const char *text)
{
  g_autofree char *contents = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *extracted = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  int status = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 4, "%PDF", 4);

  if (pdftotext == NULL)
    return;
  {
    const char *argv[] = { pdftotext, path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &extracted, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (extracted, text));
  }
}

static void
test_print_operation_exports_pdf (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_published_handbook (fixture);
  g_autofree char *path = output_path ("test-handbook-print.pdf");
  g_autoptr(GError) error = NULL;

  g_unlink (path);
  g_assert_cmpint (dg_handbook_print_run (NULL, draft, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  assert_pdf_shows (path, CHANGED_STEP);
}

static void
test_export_write (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DgHandbook) draft = create_published_handbook (fixture);
  g_autofree char *pdf_path = output_path ("test-handbook-export.pdf");
  g_autofree char *md_path = output_path ("test-handbook-export.md");
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autoptr(GFile) md = g_file_new_for_path (md_path);
  g_autofree char *markdown = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_handbook_export_write (draft, pdf, TRUE, &error));
  g_assert_no_error (error);
  assert_pdf_shows (pdf_path, HANDBOOK_TITLE);

  g_assert_true (dg_handbook_export_write (draft, md, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (md_path, &markdown, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (markdown, HANDBOOK_TITLE));
  g_assert_nonnull (strstr (markdown, CHANGED_STEP));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/handbook-windows/history/compares-versions", test_history_compares_versions);
  ADD ("/handbook-windows/history/draft-changes", test_history_shows_draft_changes);
  ADD ("/handbook-windows/history/not-published", test_history_not_published);
  ADD ("/handbook-windows/history/exports-older-version", test_history_exports_older_version);
  ADD ("/handbook-windows/history/compares-any-two", test_history_compares_any_two);
  ADD ("/handbook-windows/history/records-acknowledgement", test_history_records_acknowledgement);
  ADD ("/handbook-windows/history/acknowledges-chosen-version", test_history_acknowledges_chosen_version);
  ADD ("/handbook-windows/templates/creates-handbook", test_template_dialog_creates_handbook);
  ADD ("/handbook-windows/print/operation-exports-pdf", test_print_operation_exports_pdf);
  ADD ("/handbook-windows/export/write", test_export_write);
#undef ADD
  return g_test_run ();
}
