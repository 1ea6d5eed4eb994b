/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-time-import-dialog"

#include "dg-assistant-store.h"
#include "dg-gui-test.h"
#include "dg-time-import.h"
#include "dg-time-import-dialog.h"

typedef struct
{
  char             *dir;
  DgDatabase       *db;
  DgAssistantStore *assistants;
  DgTimesheetStore *store;
  gint64            maria_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(DgAssistant) maria = dg_assistant_new ();
  g_autoptr(DgAssistant) ben = dg_assistant_new ();

  fixture->dir = g_dir_make_tmp ("delegate-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "delegate.db", NULL);
  fixture->db = dg_database_open (path, &error);
  g_assert_no_error (error);
  fixture->assistants = dg_assistant_store_new (fixture->db, &error);
  g_assert_no_error (error);
  g_object_set (maria,
                "name", "Maria Santos",
                "email", "maria@example.com",
                "time-zone", "Europe/Berlin",
                "currency", "EUR",
                NULL);
  g_assert_true (dg_assistant_store_add (fixture->assistants, maria, &error));
  g_assert_no_error (error);
  fixture->maria_id = dg_assistant_get_id (maria);
  /* First in the list of assistants, and named by none of the files. */
  g_object_set (ben, "name", "Ben Carter", "time-zone", "America/New_York", "currency", "USD", NULL);
  g_assert_true (dg_assistant_store_add (fixture->assistants, ben, &error));
  g_assert_no_error (error);
  fixture->store = dg_timesheet_store_new (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  dg_gui_test_iterate ();
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->assistants);
  g_clear_object (&fixture->db);
  g_free (fixture->dir);
}

static GFile *
fixture_file (const char *name)
{
  const char *dir = g_getenv ("DG_TEST_DATA_DIR");

  g_assert_nonnull (dir);
  return g_file_new_build_filename (dir, "time", name, NULL);
}

static GPtrArray *
stored_entries (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *entries = dg_timesheet_store_list_entries (fixture->store, 0, NULL, NULL, &error);

  g_assert_no_error (error);
  return entries;
}

static void
on_imported (DgTimeImportDialog *dialog,
             guint               n_added,
             int                *imported)
{
  *imported = (int) n_added;
}

static GtkWidget *
open_dialog (Fixture    *fixture,
             const char *name,
             int        *imported)
{
  g_autoptr(GFile) file = fixture_file (name);
  GtkWidget *dialog = GTK_WIDGET (dg_time_import_dialog_new (NULL, fixture->store, fixture->assistants, file));

  *imported = -1;
  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), imported);
  gtk_window_present (GTK_WINDOW (dialog));
  dg_gui_test_iterate ();
  return dialog;
}

static GtkWidget *
child (GtkWidget  *dialog,
       const char *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (dialog, DG_TYPE_TIME_IMPORT_DIALOG, name));

  g_assert_nonnull (widget);
  return widget;
}

static const char *
page (GtkWidget *dialog)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (child (dialog, "stack")));
}

static void
collect_named (GtkWidget  *root,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    g_ptr_array_add (found, root);
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget; widget = gtk_widget_get_next_sibling (widget))
    collect_named (widget, name, found);
}

/* The label of @column in the preview's row for line @line of the file
 * (the list makes rows only in sight: these files are short). */
static GtkLabel *
preview_cell (GtkWidget  *dialog,
              guint       line,
              const char *column)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *text = g_strdup_printf ("%u", line);

  collect_named (child (dialog, "row_view"), "import_cell_line", lines);
  for (guint i = 0; i < lines->len; i++)
    if (g_str_equal (gtk_label_get_text (g_ptr_array_index (lines, i)), text))
      {
        /* label → cell → row */
        GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (g_ptr_array_index (lines, i)));
        GtkWidget *label = dg_gui_test_find_by_name (row, column);

        g_assert_true (GTK_IS_LABEL (label));
        return GTK_LABEL (label);
      }
  return NULL;
}

static gboolean
first_preview_row_is (GtkWidget *dialog,
                      guint      line)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  g_autofree char *text = g_strdup_printf ("%u", line);
  GtkWidget *view = child (dialog, "row_view");
  GtkWidget *first = NULL;
  float first_y = G_MAXFLOAT;

  /* The row highest up in the list. */
  collect_named (view, "import_cell_line", lines);
  for (guint i = 0; i < lines->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (lines, i);
      graphene_point_t point;

      if (gtk_widget_compute_point (label, view, &GRAPHENE_POINT_INIT (0, 0), &point) && point.y < first_y)
        {
          first = label;
          first_y = point.y;
        }
    }
  return first != NULL && g_str_equal (gtk_label_get_text (GTK_LABEL (first)), text);
}

static guint
count_preview_rows (GtkWidget *dialog)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  collect_named (child (dialog, "row_view"), "import_cell_line", lines);
  return lines->len;
}

static void
screenshot (GtkWidget  *dialog,
            const char *name)
{
  const char *dir = g_getenv ("DG_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (dg_gui_test_render_png (dialog, path), >, 300);
}

static void
test_bad_line (Fixture       *fixture,
               gconstpointer  data)
{
  int imported;
  GtkWidget *dialog = open_dialog (fixture, "gui-toggl-bad-line.csv", &imported);
  GtkLabel *kind;
  GtkLabel *reason;
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpstr (page (dialog), ==, "preview");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "summary_label"))), !=, "");
  g_assert_cmpuint (count_preview_rows (dialog), ==, 3);
  /* The bad line comes first, however far down the file it is. */
  g_assert_true (first_preview_row_is (dialog, 3));

  /* The bad line, with its number, marked as an error and why. */
  kind = preview_cell (dialog, 3, "import_cell_kind");
  g_assert_nonnull (kind);
  g_assert_cmpstr (gtk_label_get_text (kind), ==, "Error");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (kind), "error"));
  reason = preview_cell (dialog, 3, "import_cell_reason");
  g_assert_cmpstr (gtk_label_get_text (reason), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (reason), "error"));
  /* The good ones around it. */
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_kind")), ==, "To Add");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (preview_cell (dialog, 2, "import_cell_kind")), "error"));
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_duration")), ==, "1:30");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_date")), ==, "Mon 2 Mar 2026, 09:00");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_note")), ==, "Sorted the invoices");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 4, "import_cell_kind")), ==, "To Add");

  g_assert_false (gtk_widget_get_sensitive (child (dialog, "import_button")));
  g_assert_null (gtk_window_get_default_widget (GTK_WINDOW (dialog)));
  screenshot (dialog, "test-time-import-dialog-bad-line.png");

  /* Even when asked, nothing is added: the refusal is said in the dialog. */
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  dg_gui_test_iterate ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "error_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (dialog, "error_label"))), !=, "");
  g_assert_cmpint (imported, ==, -1);
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 0);

  /* Escape closes it. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (dialog, "window.close", NULL));
  dg_gui_test_iterate ();
  g_assert_null (dialog);
}

static void
test_good_file (Fixture       *fixture,
                gconstpointer  data)
{
  int imported;
  GtkWidget *dialog = open_dialog (fixture, "gui-toggl-good.csv", &imported);
  GtkWidget *import_button = child (dialog, "import_button");
  g_autoptr(GPtrArray) entries = NULL;
  DgTimeEntry *first;

  g_assert_cmpstr (page (dialog), ==, "preview");
  g_assert_cmpuint (count_preview_rows (dialog), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 3, "import_cell_kind")), ==, "To Add");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 3, "import_cell_assistant")), ==, "Maria Santos");
  /* Every line names Maria: the file is hers. */
  g_assert_cmpstr (dg_assistant_get_name (adw_combo_row_get_selected_item (ADW_COMBO_ROW (child (dialog, "assistant_row")))),
                   ==, "Maria Santos");
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_true (gtk_widget_get_visible (import_button));
  g_assert_false (gtk_widget_get_visible (child (dialog, "preview_button")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "columns_button")));
  /* Its dates are year first: nothing to ask. */
  g_assert_false (gtk_widget_get_visible (child (dialog, "slash_order_row")));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == import_button);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (import_button, "clicked");
  /* Said at once; closed once the click is over. */
  g_assert_cmpint (imported, ==, 2);
  dg_gui_test_iterate ();
  g_assert_null (dialog);

  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 2);
  first = g_ptr_array_index (entries, 0);
  g_assert_cmpint (dg_time_entry_get_assistant_id (first), ==, fixture->maria_id);
  g_assert_cmpint (dg_time_entry_get_minutes (first), ==, 90);
  g_assert_cmpstr (dg_time_entry_get_local_date (first), ==, "2026-03-02");
  g_assert_cmpstr (dg_time_entry_get_source (first), ==, "toggl");
  g_assert_cmpint (dg_time_entry_get_minutes (g_ptr_array_index (entries, 1)), ==, 45);

  /* The same file again: recognised, nothing to import. */
  dialog = open_dialog (fixture, "gui-toggl-good.csv", &imported);
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_kind")), ==, "Imported Before");
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "import_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 2);
}

static void
choose_column (GtkWidget    *dialog,
               DgTimeColumn  column,
               guint         choice)
{
  g_autofree char *name = g_strdup_printf ("import_column_%u", column);
  GtkWidget *row = dg_gui_test_find_by_name (dialog, name);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), choice);
}

static void
test_mapping (Fixture       *fixture,
              gconstpointer  data)
{
  int imported;
  GtkWidget *dialog = open_dialog (fixture, "gui-unknown-header.csv", &imported);
  GtkWidget *preview_button = child (dialog, "preview_button");
  g_autoptr(GPtrArray) entries = NULL;
  GtkWidget *date_row;
  GListModel *choices;

  /* "Day;Worked;What we did" is no tool's header: which column is what? */
  g_assert_cmpstr (page (dialog), ==, "mapping");
  g_assert_true (gtk_widget_get_visible (preview_button));
  /* The mapping has its own date order. */
  g_assert_false (gtk_widget_get_visible (child (dialog, "slash_order_row")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "import_button")));
  date_row = dg_gui_test_find_by_name (dialog, "import_column_0");
  g_assert_true (ADW_IS_COMBO_ROW (date_row));
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (date_row));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "(none)");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 3), ==, "What we did");
  for (guint c = 0; c < DG_TIME_COLUMN_COUNT; c++)
    choose_column (dialog, c, 0);

  /* Without a date: said, and still the mapping. */
  g_signal_emit_by_name (preview_button, "clicked");
  dg_gui_test_iterate ();
  g_assert_cmpstr (page (dialog), ==, "mapping");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "error_revealer"))));

  /* Nobody is named in this file: whose hours they are is chosen. */
  g_assert_cmpstr (dg_assistant_get_name (adw_combo_row_get_selected_item (ADW_COMBO_ROW (child (dialog, "assistant_row")))),
                   ==, "Ben Carter");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "assistant_row")), 1);
  dg_gui_test_iterate ();
  g_assert_cmpstr (page (dialog), ==, "mapping");

  choose_column (dialog, DG_TIME_COLUMN_DATE, 1);
  choose_column (dialog, DG_TIME_COLUMN_DURATION, 2);
  choose_column (dialog, DG_TIME_COLUMN_NOTE, 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, "date_order_row")), DG_DATE_ORDER_DMY);
  g_signal_emit_by_name (preview_button, "clicked");
  dg_gui_test_iterate ();

  g_assert_cmpstr (page (dialog), ==, "preview");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (dialog, "error_revealer"))));
  g_assert_true (gtk_widget_get_visible (child (dialog, "columns_button")));
  g_assert_cmpuint (count_preview_rows (dialog), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_duration")), ==, "2:30");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 3, "import_cell_note")), ==, "Updated the price list");
  /* Nobody named: the assistant chosen. */
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_assistant")), ==, "Maria Santos");

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  dg_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_cmpint (imported, ==, 2);

  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (dg_time_entry_get_local_date (g_ptr_array_index (entries, 0)), ==, "2026-03-02");
  g_assert_cmpint (dg_time_entry_get_minutes (g_ptr_array_index (entries, 0)), ==, 150);
  g_assert_cmpstr (dg_time_entry_get_source (g_ptr_array_index (entries, 0)), ==, "csv");
  g_assert_cmpint (dg_time_entry_get_minutes (g_ptr_array_index (entries, 1)), ==, 75);
}

/* A Clockify export whose dates (03/04/2026, 03/05/2026) read as dates day
 * first and month first alike: read month first, as Clockify writes them
 * unless told otherwise, and the owner can turn them round. */
static void
test_ambiguous_dates (Fixture       *fixture,
                      gconstpointer  data)
{
  int imported;
  GtkWidget *dialog = open_dialog (fixture, "gui-clockify-ambiguous.csv", &imported);
  GtkWidget *order_row = child (dialog, "slash_order_row");
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpstr (page (dialog), ==, "preview");
  g_assert_true (gtk_widget_get_visible (order_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (order_row)), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_date")), ==, "Wed 4 Mar 2026, 09:00");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 3, "import_cell_date")), ==, "Thu 5 Mar 2026, 14:00");
  screenshot (dialog, "test-time-import-dialog-date-order.png");

  /* Day first: the same lines, other days. The choice stays offered. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (order_row), 1);
  dg_gui_test_iterate ();
  g_assert_cmpstr (page (dialog), ==, "preview");
  g_assert_true (gtk_widget_get_visible (order_row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (order_row)), ==, 1);
  g_assert_cmpuint (count_preview_rows (dialog), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_date")), ==, "Fri 3 Apr 2026, 09:00");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 3, "import_cell_date")), ==, "Sun 3 May 2026, 14:00");
  g_assert_cmpstr (gtk_label_get_text (preview_cell (dialog, 2, "import_cell_kind")), ==, "To Add");

  /* And imported so. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (child (dialog, "import_button"), "clicked");
  dg_gui_test_iterate ();
  g_assert_null (dialog);
  g_assert_cmpint (imported, ==, 2);
  entries = stored_entries (fixture);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (dg_time_entry_get_local_date (g_ptr_array_index (entries, 0)), ==, "2026-04-03");
  g_assert_cmpstr (dg_time_entry_get_local_date (g_ptr_array_index (entries, 1)), ==, "2026-05-03");
}

static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  int imported;
  GtkWidget *dialog = open_dialog (fixture, "gui-does-not-exist.csv", &imported);

  /* Said instead of a preview, and nothing to press but Cancel. */
  g_assert_cmpstr (page (dialog), ==, "failed");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (child (dialog, "failed_page"))), !=, "");
  g_assert_false (gtk_widget_get_visible (child (dialog, "import_button")));
  g_assert_false (gtk_widget_get_visible (child (dialog, "preview_button")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/time-import-dialog/bad-line", test_bad_line);
  ADD ("/time-import-dialog/good-file", test_good_file);
  ADD ("/time-import-dialog/mapping", test_mapping);
  ADD ("/time-import-dialog/ambiguous-dates", test_ambiguous_dates);
  ADD ("/time-import-dialog/unreadable", test_unreadable);
#undef ADD
  return g_test_run ();
}
