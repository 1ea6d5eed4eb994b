/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-handbook"

#include <string.h>

#include "dg-handbook.h"
#include "dg-test-utils.h"
#include "dg-validation.h"

/* Helpers */

static void
append_step (DgHandbook *handbook,
             const char *title,
             const char *details)
{
  g_autoptr(DgHandbookStep) step = dg_handbook_step_new (title, details, FALSE, 5);
  GListModel *steps = dg_handbook_get_steps (handbook);

  dg_handbook_insert_step (handbook, g_list_model_get_n_items (steps), step);
}

/* A handbook whose steps have the comma-separated @titles, each with the
 * details "Do <title>." */
static DgHandbook *
make_handbook (const char *titles)
{
  DgHandbook *handbook = dg_handbook_new ("Weekly bookkeeping");
  g_auto(GStrv) names = g_strsplit (titles, ",", -1);

  for (guint i = 0; names[i] != NULL && names[i][0] != '\0'; i++)
    {
      g_autofree char *details = g_strdup_printf ("Do %s.", names[i]);

      append_step (handbook, names[i], details);
    }
  return handbook;
}

static DgHandbookStep *
step_at (DgHandbook *handbook,
         guint       position)
{
  DgHandbookStep *step = g_list_model_get_item (dg_handbook_get_steps (handbook), position);

  g_assert_nonnull (step);
  /* Still owned by the handbook after this reference is dropped. */
  g_object_unref (step);
  return step;
}

static char *
describe_changes (GPtrArray *changes)
{
  static const char * const kinds[] = { "added", "removed", "changed", "moved" };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < changes->len; i++)
    {
      DgStepChange *change = g_ptr_array_index (changes, i);

      g_string_append_printf (text, "%s%s %s %d→%d", i > 0 ? "; " : "",
                              kinds[change->kind], change->title,
                              change->old_position, change->new_position);
    }
  return g_string_free (text, FALSE);
}

static void
assert_changes (const char *old_titles,
                const char *new_titles,
                const char *expected)
{
  g_autoptr(DgHandbook) older = make_handbook (old_titles);
  g_autoptr(DgHandbook) newer = make_handbook (new_titles);
  g_autoptr(GPtrArray) changes = dg_handbook_compare (older, newer, NULL, NULL);
  g_autofree char *description = describe_changes (changes);

  g_assert_cmpstr (description, ==, expected);
}

/* Tests */

static void
test_step_properties (void)
{
  g_autoptr(DgHandbookStep) step = dg_handbook_step_new ("Log in", "Use the shared account.", TRUE, 10);
  g_autoptr(DgHandbookStep) copy = dg_handbook_step_copy (step);
  g_autoptr(DgHandbookStep) empty = dg_handbook_step_new (NULL, NULL, FALSE, 0);

  g_assert_cmpstr (dg_handbook_step_get_title (step), ==, "Log in");
  g_assert_cmpstr (dg_handbook_step_get_details (step), ==, "Use the shared account.");
  g_assert_true (dg_handbook_step_get_checklist (step));
  g_assert_cmpint (dg_handbook_step_get_minutes (step), ==, 10);
  g_assert_true (dg_handbook_step_equal (step, copy));

  g_object_set (copy, "minutes", 15, NULL);
  g_assert_false (dg_handbook_step_equal (step, copy));
  g_object_set (copy, "minutes", 10, "checklist", FALSE, NULL);
  g_assert_false (dg_handbook_step_equal (step, copy));

  /* NULL texts read back as empty strings, never NULL. */
  g_assert_cmpstr (dg_handbook_step_get_title (empty), ==, "");
  g_assert_cmpstr (dg_handbook_step_get_details (empty), ==, "");
}

static void
test_copy_is_deep (void)
{
  g_autoptr(DgHandbook) handbook = make_handbook ("Collect receipts,Enter expenses,File");
  g_autoptr(DgHandbook) copy = NULL;
  const char *tags[] = { "finance", "weekly", NULL };
  const char *links[] = { "https://example.com/ledger", NULL };
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 1, 9, 30, 0);

  g_object_set (handbook,
                "id", (gint64) 42,
                "purpose", "Keep the books current.",
                "tags", tags,
                "links", links,
                "archived", TRUE,
                "version", 3,
                "change-note", "Clearer receipts step",
                "date", date,
                "has-changes", TRUE,
                NULL);
  copy = dg_handbook_copy (handbook);

  g_assert_true (copy != handbook);
  g_assert_cmpint (dg_handbook_get_id (copy), ==, 42);
  g_assert_cmpstr (dg_handbook_get_title (copy), ==, "Weekly bookkeeping");
  g_assert_cmpstr (dg_handbook_get_purpose (copy), ==, "Keep the books current.");
  g_assert_cmpstrv (dg_handbook_get_tags (copy), tags);
  g_assert_cmpstrv (dg_handbook_get_links (copy), links);
  g_assert_true (dg_handbook_get_archived (copy));
  g_assert_cmpint (dg_handbook_get_version (copy), ==, 3);
  g_assert_cmpstr (dg_handbook_get_change_note (copy), ==, "Clearer receipts step");
  g_assert_true (g_date_time_equal (dg_handbook_get_date (copy), date));
  g_assert_true (dg_handbook_get_has_changes (copy));
  g_assert_true (dg_handbook_content_equal (handbook, copy));
  g_assert_cmpint (dg_handbook_get_total_minutes (copy), ==, 15);

  /* The steps are copies too: changing one leaves the original alone. */
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (copy)), ==, 3);
  g_assert_true (step_at (copy, 0) != step_at (handbook, 0));
  g_object_set (step_at (copy, 0), "title", "Scan receipts", NULL);
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (handbook, 0)), ==, "Collect receipts");
  g_assert_false (dg_handbook_content_equal (handbook, copy));

  g_object_unref (dg_handbook_remove_step (copy, 2));
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (handbook)), ==, 3);
}

static void
on_steps_items_changed (GListModel *steps,
                        guint       position,
                        guint       removed,
                        guint       added,
                        guint      *n_changes)
{
  (*n_changes)++;
}

static void
test_step_editing (void)
{
  g_autoptr(DgHandbook) handbook = make_handbook ("A,B,C,D");
  g_autoptr(DgHandbookStep) removed = NULL;
  guint n_changes = 0;

  g_signal_connect (dg_handbook_get_steps (handbook), "items-changed",
                    G_CALLBACK (on_steps_items_changed), &n_changes);

  dg_handbook_move_step (handbook, 0, 3);
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (handbook, 0)), ==, "B");
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (handbook, 3)), ==, "A");
  dg_handbook_move_step (handbook, 3, 1);
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (handbook, 1)), ==, "A");

  removed = dg_handbook_remove_step (handbook, 2);
  g_assert_cmpstr (dg_handbook_step_get_title (removed), ==, "C");
  g_assert_cmpuint (g_list_model_get_n_items (dg_handbook_get_steps (handbook)), ==, 3);
  g_assert_cmpuint (n_changes, >=, 3);
}

static void
test_validate (void)
{
  g_autoptr(DgHandbook) handbook = make_handbook ("Open the inbox,Sort mail,Reply");
  g_autoptr(GError) error = NULL;

  g_assert_true (dg_handbook_validate (handbook, &error));
  g_assert_no_error (error);

  g_object_set (handbook, "title", "   ", NULL);
  g_assert_false (dg_handbook_validate (handbook, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  dg_test_assert_error_mentions (error, "title");
  g_clear_error (&error);

  g_object_set (handbook, "title", "Inbox zero", NULL);
  g_object_set (step_at (handbook, 2), "title", " \t", NULL);
  g_assert_false (dg_handbook_validate (handbook, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
  /* The message names the step, counted from 1 as the user sees it. */
  dg_test_assert_error_mentions (error, "3");
  dg_test_assert_error_mentions (error, "title");
  g_clear_error (&error);

  /* A handbook without steps is fine: the steps come later. */
  g_object_unref (dg_handbook_remove_step (handbook, 2));
  g_object_unref (dg_handbook_remove_step (handbook, 1));
  g_object_unref (dg_handbook_remove_step (handbook, 0));
  g_assert_true (dg_handbook_validate (handbook, &error));
  g_assert_no_error (error);
}

static void
test_long_and_unusual_text (void)
{
  g_autoptr(DgHandbook) handbook = dg_handbook_new ("مراجعة الفواتير 🧾");
  g_autoptr(DgHandbook) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_details = g_strnfill (100000, 'x');
  g_autoptr(DgHandbookStep) step = dg_handbook_step_new ("Check ✅ every line — שלום", long_details, TRUE, 90);

  dg_handbook_insert_step (handbook, 0, step);
  g_assert_true (dg_handbook_validate (handbook, &error));
  g_assert_no_error (error);

  copy = dg_handbook_copy (handbook);
  g_assert_cmpstr (dg_handbook_get_title (copy), ==, "مراجعة الفواتير 🧾");
  g_assert_cmpstr (dg_handbook_step_get_title (step_at (copy, 0)), ==, "Check ✅ every line — שלום");
  g_assert_cmpuint (strlen (dg_handbook_step_get_details (step_at (copy, 0))), ==, 100000);
}

static void
test_total_minutes (void)
{
  g_autoptr(DgHandbook) handbook = dg_handbook_new ("Timed");
  g_autoptr(DgHandbookStep) a = dg_handbook_step_new ("A", "", FALSE, 20);
  g_autoptr(DgHandbookStep) b = dg_handbook_step_new ("B", "", FALSE, 0);
  g_autoptr(DgHandbookStep) c = dg_handbook_step_new ("C", "", FALSE, 45);

  g_assert_cmpint (dg_handbook_get_total_minutes (handbook), ==, 0);
  dg_handbook_insert_step (handbook, 0, a);
  dg_handbook_insert_step (handbook, 1, b);
  dg_handbook_insert_step (handbook, 2, c);
  g_assert_cmpint (dg_handbook_get_total_minutes (handbook), ==, 65);
}

static void
assert_minutes (int         minutes,
                const char *expected)
{
  g_autofree char *text = dg_handbook_format_minutes (minutes);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_minutes (void)
{
  assert_minutes (0, "0 min");
  assert_minutes (45, "45 min");
  assert_minutes (59, "59 min");
  assert_minutes (60, "1 h");
  assert_minutes (90, "1 h 30 min");
  assert_minutes (125, "2 h 5 min");
  assert_minutes (600, "10 h");
}

static void
test_compare_identical (void)
{
  assert_changes ("A,B,C", "A,B,C", "");
  assert_changes ("", "", "");
}

static void
test_compare_added_removed (void)
{
  assert_changes ("A,B,C", "A,X,B,C", "added X 0→2");
  assert_changes ("A,B,C", "A,C", "removed B 2→0");
  /* Steps that only shift because of an insertion are not reported. */
  assert_changes ("A,B,C", "X,A,B,C,Y", "added X 0→1; added Y 0→5");
  /* New steps in the order of the newer version, removed ones after. */
  assert_changes ("A,B,C,D", "X,B,Y,D", "added X 0→1; added Y 0→3; removed A 1→0; removed C 3→0");
  assert_changes ("", "A", "added A 0→1");
  assert_changes ("A", "", "removed A 1→0");
}

static void
test_compare_changed (void)
{
  g_autoptr(DgHandbook) older = make_handbook ("A,B,C");
  g_autoptr(DgHandbook) newer = dg_handbook_copy (older);
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *description = NULL;
  gboolean title_changed = TRUE;
  gboolean purpose_changed = TRUE;

  g_object_set (step_at (newer, 1), "details", "Do B twice.", NULL);
  g_object_set (step_at (newer, 2), "checklist", TRUE, NULL);
  changes = dg_handbook_compare (older, newer, &title_changed, &purpose_changed);
  description = describe_changes (changes);
  g_assert_cmpstr (description, ==, "changed B 2→2; changed C 3→3");
  g_assert_false (title_changed);
  g_assert_false (purpose_changed);
  g_clear_pointer (&changes, g_ptr_array_unref);
  g_clear_pointer (&description, g_free);

  g_object_set (step_at (newer, 1), "details", "Do B.", NULL);
  g_object_set (step_at (newer, 2), "checklist", FALSE, "minutes", 30, NULL);
  g_object_set (newer, "title", "Monthly bookkeeping", "purpose", "Close the month.", NULL);
  changes = dg_handbook_compare (older, newer, &title_changed, &purpose_changed);
  description = describe_changes (changes);
  g_assert_cmpstr (description, ==, "changed C 3→3");
  g_assert_true (title_changed);
  g_assert_true (purpose_changed);
}

static void
test_compare_moved (void)
{
  /* One step moved to the end: only it is reported, not the ones that
   * slid up to fill its place. */
  assert_changes ("A,B,C,D", "B,C,D,A", "moved A 1→4");
  assert_changes ("A,B,C,D", "D,A,B,C", "moved D 4→1");
  /* Two swapped: one of them counts as moved. */
  assert_changes ("A,B", "B,A", "moved B 2→1");
  /* Moved and added together. */
  assert_changes ("A,B,C,D,E", "B,C,A,X,E", "moved A 1→3; added X 0→4; removed D 4→0");
  /* Reversed: everything but one step is out of order. */
  assert_changes ("A,B,C", "C,B,A", "moved C 3→1; moved B 2→2");
}

static void
test_compare_renamed (void)
{
  g_autoptr(DgHandbook) older = make_handbook ("A,B,C");
  g_autoptr(DgHandbook) newer = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *description = NULL;

  g_object_set (step_at (older, 1), "details", "Call the client.", NULL);
  newer = dg_handbook_copy (older);
  /* Same details, a clearer title: the step changed, it was not replaced. */
  g_object_set (step_at (newer, 1), "title", "Call the client back", NULL);
  changes = dg_handbook_compare (older, newer, NULL, NULL);
  description = describe_changes (changes);
  g_assert_cmpstr (description, ==, "changed Call the client back 2→2");
}

static void
test_compare_duplicate_titles (void)
{
  /* Steps with the same title pair up in order. */
  assert_changes ("Check,Send,Check", "Check,Send,Check", "");
  assert_changes ("Check,Send,Check", "Check,Send", "removed Check 3→0");
  assert_changes ("Check,Send", "Check,Send,Check", "added Check 0→3");
}

static void
test_compare_moved_and_changed (void)
{
  g_autoptr(DgHandbook) older = make_handbook ("A,B,C");
  g_autoptr(DgHandbook) newer = make_handbook ("B,C,A");
  g_autoptr(GPtrArray) changes = NULL;
  DgStepChange *change;

  g_object_set (step_at (newer, 2), "details", "Do A later.", NULL);
  changes = dg_handbook_compare (older, newer, NULL, NULL);
  g_assert_cmpuint (changes->len, ==, 1);
  change = g_ptr_array_index (changes, 0);
  /* Reported as changed; the positions still show the move. */
  g_assert_cmpint (change->kind, ==, DG_STEP_CHANGE_CHANGED);
  g_assert_cmpint (change->old_position, ==, 1);
  g_assert_cmpint (change->new_position, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/handbook/step/properties", test_step_properties);
  g_test_add_func ("/handbook/copy-is-deep", test_copy_is_deep);
  g_test_add_func ("/handbook/step-editing", test_step_editing);
  g_test_add_func ("/handbook/validate", test_validate);
  g_test_add_func ("/handbook/long-and-unusual-text", test_long_and_unusual_text);
  g_test_add_func ("/handbook/total-minutes", test_total_minutes);
  g_test_add_func ("/handbook/format-minutes", test_format_minutes);
  g_test_add_func ("/handbook/compare/identical", test_compare_identical);
  g_test_add_func ("/handbook/compare/added-removed", test_compare_added_removed);
  g_test_add_func ("/handbook/compare/changed", test_compare_changed);
  g_test_add_func ("/handbook/compare/moved", test_compare_moved);
  g_test_add_func ("/handbook/compare/duplicate-titles", test_compare_duplicate_titles);
  g_test_add_func ("/handbook/compare/renamed", test_compare_renamed);
  g_test_add_func ("/handbook/compare/moved-and-changed", test_compare_moved_and_changed);

  return g_test_run ();
}
