/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-time-import"

#include <string.h>

#include "dg-assistant-store.h"
#include "dg-task-store.h"
#include "dg-test-utils.h"
#include "dg-time-import.h"

/* Importing hours: each tracker's export and VEVENT time logs give the
 * entries they hold, every bad line is reported with its line and blocks
 * the import, and a second import of the same file adds nothing. Our own
 * fixtures are in tests/data/time; the exports other programs wrote are
 * read in place from $DG_SAMPLES_DIR. */

typedef struct
{
  DgDatabase       *db;
  DgAssistantStore *assistants;
  DgTaskStore      *tasks;
  DgTimesheetStore *store;
  DgAssistant      *maria;       /* Asia/Manila */
  DgAssistant      *ben;         /* America/New_York */
  DgAssistant      *peter;       /* Europe/Berlin, the samples' "Peter Tester" */
  gint64            maria_inbox;
  gint64            maria_newsletter;
  gint64            maria_research;
  gint64            ben_inbox;
  gint64            peter_task;
} World;

static DgAssistant *
add_assistant (World      *world,
               const char *name,
               const char *email,
               const char *zone)
{
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (assistant,
                "name", name,
                "email", email,
                "time-zone", zone,
                "currency", "EUR",
                "hourly-rate", (gint64) 1500,
                NULL);
  g_assert_true (dg_assistant_store_add (world->assistants, assistant, &error));
  g_assert_no_error (error);
  return assistant;
}

static gint64
add_task (World       *world,
          const char  *title,
          DgAssistant *assistant)
{
  g_autoptr(DgTask) task = dg_task_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (task,
                "assistant-id", dg_assistant_get_id (assistant),
                "due-date", "2026-03-31",
                "due-time", "",
                "time-zone", dg_assistant_get_time_zone (assistant),
                NULL);
  g_assert_true (dg_task_store_add (world->tasks, task, &error));
  g_assert_no_error (error);
  return dg_task_get_id (task);
}

static void
world_init (World      *world,
            DgDatabase *db)
{
  g_autoptr(GError) error = NULL;

  world->db = db;
  world->assistants = dg_assistant_store_new (db, &error);
  g_assert_no_error (error);
  world->tasks = dg_task_store_new (db, &error);
  g_assert_no_error (error);
  world->store = dg_timesheet_store_new (db);

  world->maria = add_assistant (world, "Maria Santos", "maria.santos@example.com", "Asia/Manila");
  world->ben = add_assistant (world, "Ben Carter", "ben.carter@example.com", "America/New_York");
  world->peter = add_assistant (world, "Peter Tester", "peter.test@email.test", "Europe/Berlin");
  world->maria_inbox = add_task (world, "Inbox zero", world->maria);
  world->maria_newsletter = add_task (world, "Newsletter", world->maria);
  world->maria_research = add_task (world, "Research", world->maria);
  world->ben_inbox = add_task (world, "Inbox zero", world->ben);
  world->peter_task = add_task (world, "Task 1", world->peter);
}

static void
world_clear (World *world)
{
  g_clear_object (&world->store);
  g_clear_object (&world->tasks);
  g_clear_object (&world->assistants);
}

static gint64
count_entries (World *world)
{
  return dg_test_query_int (world->db, "SELECT count(*) FROM time_entries");
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  const char *dir = g_getenv ("DG_TEST_DATA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "time", name, NULL);
  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* A prepared import of @data, which must be readable. */
static DgTimeImport *
prepare_text (World       *world,
              const char  *data,
              gsize        length,
              gint64       default_assistant)
{
  g_autoptr(DgTimeImport) import = dg_time_import_new (world->store);
  g_autoptr(GError) error = NULL;

  dg_time_import_set_default_assistant (import, default_assistant);
  g_assert_true (dg_time_import_prepare (import, data, length, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static DgTimeImport *
prepare_fixture (World      *world,
                 const char *name)
{
  gsize length = 0;
  g_autofree char *data = read_fixture (name, &length);

  return prepare_text (world, data, length, 0);
}

static DgTimeImportRow *
row_at (DgTimeImport *import,
        guint         line)
{
  GPtrArray *rows = dg_time_import_get_rows (import);

  for (guint i = 0; i < rows->len; i++)
    {
      DgTimeImportRow *row = rows->pdata[i];

      if (row->line == line)
        return row;
    }
  g_test_message ("no row on line %u", line);
  g_test_fail ();
  return NULL;
}

static gboolean
reason_mentions (DgTimeImportRow *row,
                 const char      *word)
{
  g_autofree char *reason = NULL;
  g_autofree char *needle = NULL;

  if (row == NULL || row->reason == NULL)
    return FALSE;
  reason = g_utf8_casefold (row->reason, -1);
  needle = g_utf8_casefold (word, -1);
  if (strstr (reason, needle) != NULL)
    return TRUE;
  g_test_message ("line %u: “%s” does not mention “%s”", row->line, row->reason, word);
  return FALSE;
}

static char *
utc_text (DgTimeEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dg_time_entry_get_start (entry));

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Row @line is to be added: @minutes from @start_utc, by @assistant, for
 * @task_id (0: none). */
static DgTimeEntry *
assert_add (DgTimeImport *import,
            guint         line,
            DgAssistant  *assistant,
            const char   *start_utc,
            int           minutes,
            gint64        task_id)
{
  DgTimeImportRow *row = row_at (import, line);
  g_autofree char *start = NULL;

  if (row == NULL)
    return NULL;
  if (row->kind != DG_TIME_IMPORT_ROW_ADD)
    g_test_message ("line %u: %s", line, row->reason != NULL ? row->reason : "(no reason)");
  g_assert_cmpint (row->kind, ==, DG_TIME_IMPORT_ROW_ADD);
  g_assert_null (row->reason);
  g_assert_nonnull (row->entry);
  if (row->entry == NULL)
    return NULL;
  start = utc_text (row->entry);
  g_assert_cmpstr (start, ==, start_utc);
  g_assert_cmpint (dg_time_entry_get_minutes (row->entry), ==, minutes);
  g_assert_cmpint (dg_time_entry_get_assistant_id (row->entry), ==, dg_assistant_get_id (assistant));
  g_assert_cmpstr (dg_time_entry_get_time_zone (row->entry), ==, dg_assistant_get_time_zone (assistant));
  g_assert_cmpstr (dg_time_entry_get_assistant_name (row->entry), ==, dg_assistant_get_name (assistant));
  g_assert_cmpint (dg_time_entry_get_task_id (row->entry), ==, task_id);
  g_assert_cmpstr (dg_time_entry_get_external_id (row->entry), !=, "");
  return row->entry;
}

static void
assert_kind (DgTimeImport        *import,
             guint                line,
             DgTimeImportRowKind  kind,
             const char          *reason_word)
{
  DgTimeImportRow *row = row_at (import, line);

  if (row == NULL)
    return;
  if (row->kind != kind)
    g_test_message ("line %u: %s", line, row->reason != NULL ? row->reason : "(no reason)");
  g_assert_cmpint (row->kind, ==, kind);
  g_assert_null (row->entry != NULL && kind != DG_TIME_IMPORT_ROW_DUPLICATE ? row->entry : NULL);
  g_assert_nonnull (row->reason);
  if (reason_word != NULL)
    g_assert_true (reason_mentions (row, reason_word));
}

static guint
apply_ok (DgTimeImport *import)
{
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  g_assert_true (dg_time_import_apply (import, &n_added, &error));
  g_assert_no_error (error);
  return n_added;
}

/* Importing @data a second time finds every entry again and adds none. */
static void
assert_reimport_adds_nothing (World       *world,
                              const char  *data,
                              gsize        length,
                              gint64       default_assistant,
                              const DgTimeColumnMapping *mapping,
                              guint        n_expected)
{
  g_autoptr(DgTimeImport) again = dg_time_import_new (world->store);
  g_autoptr(GError) error = NULL;
  gint64 before = count_entries (world);
  guint n_added = 99;

  dg_time_import_set_default_assistant (again, default_assistant);
  dg_time_import_set_mapping (again, mapping);
  g_assert_true (dg_time_import_prepare (again, data, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dg_time_import_count_rows (again, DG_TIME_IMPORT_ROW_ADD), ==, 0);
  g_assert_cmpuint (dg_time_import_count_rows (again, DG_TIME_IMPORT_ROW_DUPLICATE), ==, n_expected);
  g_assert_false (dg_time_import_can_apply (again));
  g_assert_false (dg_time_import_apply (again, &n_added, &error));
  g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NOTHING);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (count_entries (world), ==, before);
}

/* ---- our fixtures -------------------------------------------------------- */

static void
test_kimai (DgTestFixture *fixture,
            gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  DgTimeEntry *entry;

  world_init (&world, fixture->db);
  data = read_fixture ("kimai-export.csv", &length);
  /* Kimai's CSV writer puts a BOM before the header. */
  g_assert_true (memcmp (data, "\xEF\xBB\xBF", 3) == 0);
  import = prepare_text (&world, data, length, 0);

  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_KIMAI);
  g_assert_cmpstr (dg_time_import_get_header (import)[0], ==, "Date");
  g_assert_cmpuint (dg_time_import_get_rows (import)->len, ==, 4);
  /* 09:00 in Manila (UTC+8) */
  entry = assert_add (import, 2, world.maria, "2026-03-02T01:00:00Z", 90, world.maria_inbox);
  if (entry != NULL)
    {
      g_assert_cmpstr (dg_time_entry_get_note (entry), ==, "Answered the support mails");
      g_assert_cmpstr (dg_time_entry_get_source (entry), ==, "kimai");
      g_assert_cmpstr (dg_time_entry_get_task_title (entry), ==, "Inbox zero");
      g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-03-02");
    }
  entry = assert_add (import, 3, world.maria, "2026-03-02T05:15:00Z", 45, world.maria_newsletter);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_note (entry), ==, "Drafted the March newsletter, checked the links");
  /* 23:30 to 00:15: the Duration column says 0.75 h. */
  entry = assert_add (import, 4, world.maria, "2026-03-03T15:30:00Z", 45, world.maria_research);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-03-03");
  assert_kind (import, 5, DG_TIME_IMPORT_ROW_IGNORED, "half a minute");

  g_assert_true (dg_time_import_can_apply (import));
  g_assert_cmpint (count_entries (&world), ==, 0);
  g_assert_cmpuint (apply_ok (import), ==, 3);
  g_assert_cmpint (count_entries (&world), ==, 3);
  g_assert_cmpint (dg_test_query_int (fixture->db,
                                      "SELECT sum(minutes) FROM time_entries WHERE source = 'kimai' AND state = 'pending'"),
                   ==, 180);

  assert_reimport_adds_nothing (&world, data, length, 0, NULL, 3);
  world_clear (&world);
}

static void
test_kimai_german (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  DgTimeEntry *entry;

  world_init (&world, fixture->db);
  data = read_fixture ("kimai-export-de.csv", &length);
  import = prepare_text (&world, data, length, 0);

  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_KIMAI);
  /* 02.03.2026 09:00 in New York (UTC−5); "inbox zero " is Ben's task */
  entry = assert_add (import, 2, world.ben, "2026-03-02T14:00:00Z", 90, world.ben_inbox);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_note (entry), ==, "Postfach geleert");
  /* 1,33 h is 79.8 minutes */
  assert_add (import, 3, world.ben, "2026-03-03T19:00:00Z", 80, 0);
  entry = assert_add (import, 4, world.ben, "2026-03-04T13:00:00Z", 45, 0);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_note (entry), ==, "Bericht; Teil 1");
  /* The preview shows the line as the file has it, the separator inside
   * the note still quoted. */
  g_assert_true (g_str_has_prefix (row_at (import, 4)->text, "04.03.2026; 08:00; 08:45; 0,75;"));
  g_assert_nonnull (strstr (row_at (import, 4)->text, "; \"Bericht; Teil 1\";"));

  g_assert_cmpuint (apply_ok (import), ==, 3);
  assert_reimport_adds_nothing (&world, data, length, 0, NULL, 3);
  world_clear (&world);
}

static void
test_bad_lines (DgTestFixture *fixture,
                gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) first = NULL;
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  guint n_added = 99;
  gint64 before;

  world_init (&world, fixture->db);
  /* Something stored already, so that "nothing changes" is not "empty". */
  first = prepare_fixture (&world, "kimai-export.csv");
  g_assert_cmpuint (apply_ok (first), ==, 3);
  before = count_entries (&world);
  g_assert_cmpint (before, ==, 3);

  import = prepare_fixture (&world, "bad-lines.csv");
  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_TOGGL);
  assert_add (import, 2, world.maria, "2026-03-02T01:00:00Z", 60, world.maria_inbox);
  assert_kind (import, 3, DG_TIME_IMPORT_ROW_BAD, "“abc”");
  assert_kind (import, 4, DG_TIME_IMPORT_ROW_BAD, "2026-02-30");
  assert_kind (import, 5, DG_TIME_IMPORT_ROW_BAD, "10 fields");
  g_assert_true (reason_mentions (row_at (import, 5), "14"));
  assert_kind (import, 6, DG_TIME_IMPORT_ROW_BAD, "nobody@example.com");
  assert_add (import, 7, world.maria, "2026-03-04T01:00:00Z", 30, world.maria_newsletter);
  g_assert_cmpuint (dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_BAD), ==, 4);

  description = dg_time_import_describe (import);
  g_assert_nonnull (strstr (description, "2 entries (1:30 hours) will be added from a Toggl Track export."));
  g_assert_nonnull (strstr (description, "4 lines have an error"));

  g_assert_false (dg_time_import_can_apply (import));
  g_assert_false (dg_time_import_apply (import, &n_added, &error));
  g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_LINES);
  g_assert_cmpuint (n_added, ==, 0);
  g_assert_cmpint (count_entries (&world), ==, before);
  g_assert_cmpint (dg_test_query_int (fixture->db, "SELECT count(*) FROM time_entries WHERE source = 'toggl'"), ==, 0);

  world_clear (&world);
}

static void
test_multiline_note (DgTestFixture *fixture,
                     gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  DgTimeEntry *entry;

  world_init (&world, fixture->db);
  data = read_fixture ("multiline-note.csv", &length);
  import = prepare_text (&world, data, length, 0);

  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_CLOCKIFY);
  g_assert_cmpuint (dg_time_import_get_rows (import)->len, ==, 2);
  /* 03/05/2026 02:00 PM, month first, in Manila */
  entry = assert_add (import, 2, world.maria, "2026-03-05T06:00:00Z", 40, world.maria_research);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_note (entry), ==,
                     "Called the supplier:\n- prices for April\n- \"express\" delivery");
  /* The next record starts on line 5; no duration: 11:30 PM to 12:15 AM
   * the next day. */
  assert_add (import, 5, world.maria, "2026-03-05T15:30:00Z", 45, world.maria_inbox);
  g_assert_null (strchr (row_at (import, 2)->text, '\n'));

  g_assert_cmpuint (apply_ok (import), ==, 2);
  assert_reimport_adds_nothing (&world, data, length, 0, NULL, 2);
  world_clear (&world);
}

static void
test_mapping (DgTestFixture *fixture,
              gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  DgTimeColumnMapping mapping;
  DgTimeColumnMapping bad;
  const char * const *header;
  gsize length = 0;
  DgTimeEntry *entry;

  world_init (&world, fixture->db);
  data = read_fixture ("generic.csv", &length);
  import = dg_time_import_new (world.store);

  g_assert_false (dg_time_import_prepare (import, data, length, &error));
  g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NEEDS_MAPPING);
  g_clear_error (&error);
  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_NONE);
  header = dg_time_import_get_header (import);
  g_assert_nonnull (header);
  if (header == NULL)
    return;
  g_assert_cmpuint (g_strv_length ((char **) header), ==, 5);
  g_assert_cmpstr (header[1], ==, "Stunden");

  g_assert_true (dg_time_column_mapping_guess (header, &mapping));
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_DATE], ==, 0);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_DURATION], ==, 1);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_TASK], ==, 2);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_NOTE], ==, 3);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_PERSON], ==, 4);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_START_TIME], ==, -1);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_END_TIME], ==, -1);
  g_assert_cmpint (mapping.date_order, ==, DG_DATE_ORDER_YMD);

  /* A mapping without a date, or naming a column the file lacks. */
  bad = mapping;
  bad.columns[DG_TIME_COLUMN_DATE] = -1;
  dg_time_import_set_mapping (import, &bad);
  g_assert_false (dg_time_import_prepare (import, data, length, &error));
  g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING);
  g_clear_error (&error);
  bad = mapping;
  bad.columns[DG_TIME_COLUMN_DURATION] = -1;
  g_assert_false ((dg_time_import_set_mapping (import, &bad), dg_time_import_prepare (import, data, length, &error)));
  g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING);
  g_clear_error (&error);
  bad = mapping;
  bad.columns[DG_TIME_COLUMN_NOTE] = 9;
  g_assert_false ((dg_time_import_set_mapping (import, &bad), dg_time_import_prepare (import, data, length, &error)));
  g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING);
  g_clear_error (&error);

  /* The guess: 13/03/2026 can only be day first, 02/03/2026 is either. */
  dg_time_import_set_mapping (import, &mapping);
  g_assert_true (dg_time_import_prepare (import, data, length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_MAPPED_CSV);
  assert_add (import, 2, world.maria, "2026-03-13T01:00:00Z", 90, world.maria_inbox);
  assert_kind (import, 3, DG_TIME_IMPORT_ROW_BAD, "date order");
  g_assert_false (dg_time_import_can_apply (import));

  mapping.date_order = DG_DATE_ORDER_DMY;
  dg_time_import_set_mapping (import, &mapping);
  g_assert_true (dg_time_import_prepare (import, data, length, &error));
  g_assert_no_error (error);
  assert_add (import, 2, world.maria, "2026-03-13T01:00:00Z", 90, world.maria_inbox);
  entry = assert_add (import, 3, world.maria, "2026-03-02T01:00:00Z", 45, world.maria_newsletter);
  if (entry != NULL)
    {
      g_assert_cmpstr (dg_time_entry_get_source (entry), ==, "csv");
      g_assert_cmpstr (dg_time_entry_get_note (entry), ==, "Entwurf");
    }
  g_assert_cmpuint (apply_ok (import), ==, 2);
  assert_reimport_adds_nothing (&world, data, length, 0, &mapping, 2);

  world_clear (&world);
}

static void
test_ical_time_log (DgTestFixture *fixture,
                    gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  DgTimeEntry *entry;

  world_init (&world, fixture->db);
  data = read_fixture ("time-log.ics", &length);
  import = prepare_text (&world, data, length, 0);

  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_ICALENDAR);
  g_assert_null (dg_time_import_get_header (import));
  g_assert_cmpuint (dg_time_import_get_rows (import)->len, ==, 8);
  entry = assert_add (import, 4, world.maria, "2026-03-02T01:00:00Z", 90, world.maria_inbox);
  if (entry != NULL)
    {
      g_assert_cmpstr (dg_time_entry_get_external_id (entry), ==, "log-1@example.com");
      g_assert_cmpstr (dg_time_entry_get_source (entry), ==, "ical");
    }
  /* An attendee written in capitals, a DURATION, a DESCRIPTION */
  entry = assert_add (import, 12, world.maria, "2026-03-02T06:00:00Z", 45, 0);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_note (entry), ==, "Supplier call\nPrices for April, express delivery");
  /* Floating 14:00 is Manila's */
  assert_add (import, 22, world.maria, "2026-03-03T06:00:00Z", 60, world.maria_newsletter);
  assert_kind (import, 30, DG_TIME_IMPORT_ROW_IGNORED, "all-day");
  assert_kind (import, 38, DG_TIME_IMPORT_ROW_IGNORED, "cancelled");
  assert_kind (import, 47, DG_TIME_IMPORT_ROW_IGNORED, "repeats");
  entry = assert_add (import, 56, world.maria, "2026-03-03T09:00:00Z", 20, 0);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_external_id (entry), ==, "log-6@example.com;20260303T160000");
  assert_kind (import, 65, DG_TIME_IMPORT_ROW_IGNORED, "free time");

  g_assert_cmpuint (apply_ok (import), ==, 4);
  g_assert_cmpint (count_entries (&world), ==, 4);
  assert_reimport_adds_nothing (&world, data, length, 0, NULL, 4);
  world_clear (&world);
}

/* ---- rules -------------------------------------------------------------- */

static const char toggl_header[] =
  "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n";

static void
test_person (DgTestFixture *fixture,
             gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *data = g_strconcat (toggl_header,
                                       ",,,,,Work,No,2026-03-02,09:00:00,2026-03-02,10:00:00,01:00:00,,\n"
                                       "Ben Carter,,,,,Work,No,2026-03-02,09:00:00,2026-03-02,10:00:00,01:00:00,,\n"
                                       "Someone Else,someone@example.com,,,,Work,No,2026-03-02,09:00:00,2026-03-02,10:00:00,01:00:00,,\n",
                                       NULL);
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(GError) error = NULL;

  world_init (&world, fixture->db);

  /* Nobody named and no default: bad lines; a name alone finds Ben. */
  import = prepare_text (&world, data, strlen (data), 0);
  assert_kind (import, 2, DG_TIME_IMPORT_ROW_BAD, "whose hours");
  assert_add (import, 3, world.ben, "2026-03-02T14:00:00Z", 60, 0);
  assert_kind (import, 4, DG_TIME_IMPORT_ROW_BAD, "someone@example.com");
  g_clear_object (&import);

  /* With a default assistant, both go to Maria, in her zone. */
  import = prepare_text (&world, data, strlen (data), dg_assistant_get_id (world.maria));
  assert_add (import, 2, world.maria, "2026-03-02T01:00:00Z", 60, 0);
  assert_add (import, 3, world.ben, "2026-03-02T14:00:00Z", 60, 0);
  assert_add (import, 4, world.maria, "2026-03-02T01:00:00Z", 60, 0);
  g_clear_object (&import);

  /* An archived assistant takes no new hours. */
  g_assert_true (dg_assistant_store_archive (world.assistants, world.ben, &error));
  g_assert_no_error (error);
  import = prepare_text (&world, data, strlen (data), dg_assistant_get_id (world.maria));
  assert_kind (import, 3, DG_TIME_IMPORT_ROW_BAD, "archived");

  world_clear (&world);
}

/* New York skips 02:00–03:00 on 8 March 2026 and has 01:00–02:00 twice on
 * 1 November 2026. */
static void
test_daylight_saving (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  World world = { 0, };
  g_autofree char *data = g_strconcat (toggl_header,
                                       "Ben Carter,,,,,Gap,No,2026-03-08,02:30:00,2026-03-08,03:30:00,,,\n"
                                       "Ben Carter,,,,,Across,No,2026-03-08,01:30:00,2026-03-08,03:30:00,,,\n"
                                       "Ben Carter,,,,,Twice,No,2026-11-01,01:30:00,2026-11-01,01:45:00,00:15:00,,\n",
                                       NULL);
  g_autoptr(DgTimeImport) import = NULL;
  DgTimeImportRow *row;

  world_init (&world, fixture->db);
  import = prepare_text (&world, data, strlen (data), 0);

  assert_kind (import, 2, DG_TIME_IMPORT_ROW_BAD, "does not exist");
  g_assert_true (reason_mentions (row_at (import, 2), "America/New_York"));
  /* 01:30 EST to 03:30 EDT is one hour of work. */
  assert_add (import, 3, world.ben, "2026-03-08T06:30:00Z", 60, 0);
  row = row_at (import, 4);
  g_assert_nonnull (row);
  if (row != NULL)
    g_assert_cmpint (row->kind, ==, DG_TIME_IMPORT_ROW_ADD);

  world_clear (&world);
}

static void
test_bom_crlf_and_identical_rows (DgTestFixture *fixture,
                                  gconstpointer  user_data)
{
  World world = { 0, };
  static const char data[] =
    "\xEF\xBB\xBFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\r\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,2026-03-02,09:00:00,2026-03-02,09:30:00,00:30:00,,\r\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,2026-03-02,09:00:00,2026-03-02,09:30:00,00:30:00,,\r\n"
    "\r\n"
    "Maria Santos,maria.santos@example.com,,,,Long,No,2026-03-02,00:00:00,2026-03-03,02:00:00,26:00:00,,\r\n";
  g_autoptr(DgTimeImport) import = NULL;
  DgTimeImportRow *a, *b;

  world_init (&world, fixture->db);
  import = prepare_text (&world, data, sizeof data - 1, 0);
  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_TOGGL);
  g_assert_cmpstr (dg_time_import_get_header (import)[0], ==, "User");

  /* Two rows alike are two entries, with ids of their own. */
  assert_add (import, 2, world.maria, "2026-03-02T01:00:00Z", 30, 0);
  assert_add (import, 3, world.maria, "2026-03-02T01:00:00Z", 30, 0);
  a = row_at (import, 2);
  b = row_at (import, 3);
  if (a != NULL && b != NULL && a->entry != NULL && b->entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_external_id (a->entry), !=, dg_time_entry_get_external_id (b->entry));
  /* An empty line is skipped; the physical line numbers stay. */
  assert_kind (import, 5, DG_TIME_IMPORT_ROW_BAD, "26:00");

  /* Without the long line, the rest imports, and only once. */
  {
    const char *end = strstr (data, "\r\n\r\n");
    gsize length = end - data + 2;
    g_autoptr(DgTimeImport) good = prepare_text (&world, data, length, 0);

    g_assert_cmpuint (apply_ok (good), ==, 2);
    assert_reimport_adds_nothing (&world, data, length, 0, NULL, 2);
  }
  world_clear (&world);
}

static void
test_unreadable (DgTestFixture *fixture,
                 gconstpointer  user_data)
{
  World world = { 0, };
  static const struct
  {
    const char *data;
    gsize       length;  /* 0: up to the NUL */
    const char *word;
  } cases[] = {
    { "Date,Hours\n2026-03-02,1\n\xff\xfe,2\n", 0, "Line 3" },
    { "Date,Hours\n2026-03-02,\"1\n", 0, "line 2" },
    { "Date,Hours\n2026-03-02,1\0\n", 25, "NUL" },
    { "BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT\n", 0, "Line 1" },
  };

  world_init (&world, fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgTimeImport) import = dg_time_import_new (world.store);
      g_autoptr(GError) error = NULL;
      gsize length = cases[i].length != 0 ? cases[i].length : strlen (cases[i].data);

      g_assert_false (dg_time_import_prepare (import, cases[i].data, length, &error));
      g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_UNREADABLE);
      if (error != NULL)
        dg_test_assert_error_mentions (error, cases[i].word);
      g_assert_cmpuint (dg_time_import_get_rows (import)->len, ==, 0);
      g_assert_false (dg_time_import_can_apply (import));
    }
  world_clear (&world);
}

/* Trackers write slash dates in their user's format: a date that is a
 * date only day first (13/03/2026) settles the order for the whole file,
 * 04/03/2026 included. */
static void
test_date_order_day_first (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *description = NULL;
  gsize length = 0;
  DgTimeEntry *entry;

  world_init (&world, fixture->db);
  data = read_fixture ("clockify-day-first.csv", &length);
  import = prepare_text (&world, data, length, 0);
  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_CLOCKIFY);
  g_assert_false (dg_time_import_get_date_order_guessed (import));

  /* 4 March, not 3 April: 09:00 in Manila (UTC+8) */
  entry = assert_add (import, 2, world.maria, "2026-03-04T01:00:00Z", 90, world.maria_inbox);
  if (entry != NULL)
    g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-03-04");
  assert_add (import, 3, world.maria, "2026-03-13T06:00:00Z", 45, world.maria_newsletter);
  description = dg_time_import_describe (import);
  g_assert_null (strstr (description, "first"));

  /* The owner's choice wins over the file: read month first, 13/03 is no date. */
  dg_time_import_set_date_order (import, DG_DATE_ORDER_MDY);
  g_assert_true (dg_time_import_prepare (import, data, length, &error));
  g_assert_no_error (error);
  assert_add (import, 2, world.maria, "2026-04-03T01:00:00Z", 90, world.maria_inbox);
  assert_kind (import, 3, DG_TIME_IMPORT_ROW_BAD, "13/03/2026");
  g_assert_true (reason_mentions (row_at (import, 3), "month first"));
  g_assert_false (dg_time_import_get_date_order_guessed (import));
  world_clear (&world);
}

/* A file whose dates read both ways is read in the tool's usual order,
 * and the import says so, with a date to check, until the owner chooses. */
static void
test_date_order_undecided (DgTestFixture *fixture,
                           gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *description = NULL;
  gsize length = 0;

  world_init (&world, fixture->db);
  data = read_fixture ("clockify-undecided.csv", &length);
  import = prepare_text (&world, data, length, 0);
  g_assert_true (dg_time_import_get_date_order_guessed (import));
  /* Clockify's usual order is the American one: 4 March, 3 May. */
  assert_add (import, 2, world.maria, "2026-03-04T01:00:00Z", 60, world.maria_inbox);
  assert_add (import, 3, world.maria, "2026-05-03T05:00:00Z", 30, world.maria_newsletter);
  description = dg_time_import_describe (import);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "month first"));
  g_assert_nonnull (strstr (description, "Clockify"));
  g_assert_nonnull (strstr (description, "“03/04/2026” is 2026-03-04"));

  dg_time_import_set_date_order (import, DG_DATE_ORDER_DMY);
  g_assert_true (dg_time_import_prepare (import, data, length, &error));
  g_assert_no_error (error);
  g_assert_false (dg_time_import_get_date_order_guessed (import));
  assert_add (import, 2, world.maria, "2026-04-03T01:00:00Z", 60, world.maria_inbox);
  assert_add (import, 3, world.maria, "2026-03-05T05:00:00Z", 30, world.maria_newsletter);
  g_clear_pointer (&description, g_free);
  description = dg_time_import_describe (import);
  g_assert_null (strstr (description, "first"));

  /* YMD gives the choice back to the file. */
  dg_time_import_set_date_order (import, DG_DATE_ORDER_YMD);
  g_assert_true (dg_time_import_prepare (import, data, length, &error));
  g_assert_no_error (error);
  g_assert_true (dg_time_import_get_date_order_guessed (import));
  assert_add (import, 2, world.maria, "2026-03-04T01:00:00Z", 60, world.maria_inbox);
  world_clear (&world);
}

/* Dashes as Clockify's DD-MM-YYYY; Kimai's usual order is day first; a
 * file that has dates only day first and others only month first is
 * refused on the lines that do not fit, saying why. */
static void
test_date_order_other_files (DgTestFixture *fixture,
                             gconstpointer  user_data)
{
  World world = { 0, };
  static const char dashes[] =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,02-03-2026,09:00:00,02-03-2026,09:30:00,00:30:00,,\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,13-03-2026,09:00:00,13-03-2026,09:30:00,00:30:00,,\n";
  static const char kimai[] =
    "Date,From,To,Duration,User,E-mail,Activity,Description\n"
    "03/04/2026,09:00,10:00,1,maria,maria.santos@example.com,Inbox zero,Mails\n";
  static const char mixed[] =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,13/03/2026,09:00:00,13/03/2026,09:30:00,00:30:00,,\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,03/14/2026,09:00:00,03/14/2026,09:30:00,00:30:00,,\n";
  g_autoptr(DgTimeImport) import = NULL;
  g_autofree char *description = NULL;

  world_init (&world, fixture->db);
  import = prepare_text (&world, dashes, sizeof dashes - 1, 0);
  g_assert_false (dg_time_import_get_date_order_guessed (import));
  assert_add (import, 2, world.maria, "2026-03-02T01:00:00Z", 30, 0);
  assert_add (import, 3, world.maria, "2026-03-13T01:00:00Z", 30, 0);
  g_clear_object (&import);

  import = prepare_text (&world, kimai, sizeof kimai - 1, 0);
  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_KIMAI);
  g_assert_true (dg_time_import_get_date_order_guessed (import));
  assert_add (import, 2, world.maria, "2026-04-03T01:00:00Z", 60, world.maria_inbox);
  description = dg_time_import_describe (import);
  g_assert_nonnull (strstr (description, "day first"));
  g_assert_nonnull (strstr (description, "“03/04/2026” is 2026-04-03"));
  g_clear_object (&import);

  import = prepare_text (&world, mixed, sizeof mixed - 1, 0);
  g_assert_false (dg_time_import_get_date_order_guessed (import));
  assert_kind (import, 2, DG_TIME_IMPORT_ROW_BAD, "other dates of the file");
  assert_add (import, 3, world.maria, "2026-03-14T01:00:00Z", 30, 0);
  g_assert_false (dg_time_import_can_apply (import));
  world_clear (&world);
}

/* A re-export after an edit in the tool (a typo in a note) has a new
 * digest: it is left out with the reason, not added beside the entry
 * imported before, which would count the work twice. Rows of another
 * assistant, of another tool, or with only a day are not such a row. */
static void
test_edited_reexport (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  World world = { 0, };
  static const char first[] =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n"
    "Maria Santos,maria.santos@example.com,,,Inbox zero,Answerd the mails,No,2026-03-02,09:00:00,2026-03-02,10:00:00,01:00:00,,\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,2026-03-02,11:00:00,2026-03-02,11:30:00,00:30:00,,\n";
  static const char edited[] =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n"
    "Maria Santos,maria.santos@example.com,,,Inbox zero,Answered the mails,No,2026-03-02,09:00:20,2026-03-02,10:00:20,01:00:00,,\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,2026-03-02,11:00:00,2026-03-02,11:30:00,00:30:00,,\n"
    "Ben Carter,ben.carter@example.com,,,,Calls,No,2026-03-01,20:00:00,2026-03-01,20:30:00,00:30:00,,\n";
  static const char clockify[] =
    "Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal)\n"
    "Office,,Other work,,Maria Santos,,maria.santos@example.com,,Yes,2026-03-02,09:00,2026-03-02,09:15,00:15:00,0.25\n";
  static const char harvest_first[] =
    "Date,Client,Project,Task,Notes,Hours,First Name,Last Name\n"
    "2026-03-02,,Office,,Filed the receipts,1.5,Maria,Santos\n";
  static const char harvest_more[] =
    "Date,Client,Project,Task,Notes,Hours,First Name,Last Name\n"
    "2026-03-02,,Office,,Updated the price list,2,Maria,Santos\n";
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(DgTimeImport) again = NULL;
  g_autoptr(DgTimeImport) other_tool = NULL;
  g_autoptr(DgTimeImport) harvest = NULL;
  g_autoptr(DgTimeImport) harvest_again = NULL;
  g_autofree char *description = NULL;

  world_init (&world, fixture->db);
  import = prepare_text (&world, first, sizeof first - 1, 0);
  g_assert_cmpuint (apply_ok (import), ==, 2);

  again = prepare_text (&world, edited, sizeof edited - 1, 0);
  /* 09:00:20 is the same minute as 09:00:00 (01:00 in UTC). */
  assert_kind (again, 2, DG_TIME_IMPORT_ROW_IGNORED, "Timesheets page");
  g_assert_true (reason_mentions (row_at (again, 2), "Maria Santos"));
  g_assert_true (reason_mentions (row_at (again, 2), "2026-03-02 09:00"));
  g_assert_true (reason_mentions (row_at (again, 2), "1:00"));
  assert_kind (again, 3, DG_TIME_IMPORT_ROW_DUPLICATE, "imported before");
  /* Ben's evening in New York is 01:00 UTC too: another assistant. */
  assert_add (again, 4, world.ben, "2026-03-02T01:00:00Z", 30, 0);
  g_assert_cmpuint (dg_time_import_count_rows (again, DG_TIME_IMPORT_ROW_ADD), ==, 1);
  g_assert_cmpuint (dg_time_import_count_rows (again, DG_TIME_IMPORT_ROW_IGNORED), ==, 1);
  description = dg_time_import_describe (again);
  g_assert_nonnull (strstr (description, "1 entry of the file has nothing to import"));
  g_assert_cmpuint (apply_ok (again), ==, 1);
  g_assert_cmpint (dg_test_query_int (world.db, "SELECT count(*) FROM time_entries WHERE assistant_id = (SELECT id FROM assistants WHERE name = 'Maria Santos')"),
                   ==, 2);

  /* Another tool's entry at that minute is not the Toggl entry edited. */
  other_tool = prepare_text (&world, clockify, sizeof clockify - 1, 0);
  assert_add (other_tool, 2, world.maria, "2026-03-02T01:00:00Z", 15, 0);

  /* Harvest has days only: every row of a day "starts" at 09:00. */
  harvest = prepare_text (&world, harvest_first, sizeof harvest_first - 1, 0);
  g_assert_cmpuint (apply_ok (harvest), ==, 1);
  harvest_again = prepare_text (&world, harvest_more, sizeof harvest_more - 1, 0);
  assert_add (harvest_again, 2, world.maria, "2026-03-02T01:00:00Z", 120, 0);
  world_clear (&world);
}

/* When the database cannot say whether a row was imported before, the
 * row is a bad line with the error, not an entry "to add". */
static void
test_lookup_fails (DgTestFixture *fixture,
                   gconstpointer  user_data)
{
  World world = { 0, };
  static const char data[] =
    "User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount (EUR)\n"
    "Maria Santos,maria.santos@example.com,,,,Calls,No,2026-03-02,09:00:00,2026-03-02,09:30:00,00:30:00,,\n";
  g_autoptr(DgTimeImport) import = NULL;

  world_init (&world, fixture->db);
  dg_test_execute (world.db, "ALTER TABLE time_entries RENAME TO time_entries_gone");
  import = prepare_text (&world, data, sizeof data - 1, 0);
  assert_kind (import, 2, DG_TIME_IMPORT_ROW_BAD, "time_entries");
  g_assert_null (row_at (import, 2)->entry);
  g_assert_false (dg_time_import_can_apply (import));
  world_clear (&world);
}

static void
test_guess (void)
{
  static const char * const toggl_like[] = { "Start", "End", "Description", "Email", NULL };
  static const char * const hours_only[] = { "Day", "Time", "Notes", "Project", "User", NULL };
  static const char * const nothing[] = { "A", "B", "C", NULL };
  DgTimeColumnMapping mapping;

  /* Start and end stand in for a duration; "Start" is not taken as the date. */
  g_assert_false (dg_time_column_mapping_guess (toggl_like, &mapping));
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_DATE], ==, -1);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_START_TIME], ==, 0);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_END_TIME], ==, 1);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_PERSON], ==, 3);

  g_assert_true (dg_time_column_mapping_guess (hours_only, &mapping));
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_DATE], ==, 0);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_DURATION], ==, 1);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_NOTE], ==, 2);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_TASK], ==, 3);
  g_assert_cmpint (mapping.columns[DG_TIME_COLUMN_PERSON], ==, 4);

  g_assert_false (dg_time_column_mapping_guess (nothing, &mapping));
  for (guint i = 0; i < DG_TIME_COLUMN_COUNT; i++)
    g_assert_cmpint (mapping.columns[i], ==, -1);
  g_assert_cmpstr (dg_time_column_get_label (DG_TIME_COLUMN_DURATION), ==, "Duration");
  g_assert_cmpstr (dg_time_import_format_get_label (DG_TIME_IMPORT_FORMAT_CLOCKIFY), ==, "Clockify");
  g_assert_cmpstr (dg_time_import_format_get_source (DG_TIME_IMPORT_FORMAT_MAPPED_CSV), ==, "csv");
}

/* ---- other programs' files ----------------------------------------------- */

static char *
read_sample (const char *relative,
             gsize      *length)
{
  const char *samples = g_getenv ("DG_SAMPLES_DIR");
  g_autofree char *path = g_build_filename (samples, relative, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static gboolean
have_samples (void)
{
  const char *samples = g_getenv ("DG_SAMPLES_DIR");

  if (samples != NULL && g_file_test (samples, G_FILE_TEST_IS_DIR))
    return TRUE;
  g_test_skip ("The shared sample files are not here ($DG_SAMPLES_DIR is not a folder).");
  return FALSE;
}

/* The trackers' exports of A/, all of "Peter Tester" (Europe/Berlin, UTC+1
 * then) on 4 March 2024. */
typedef struct
{
  guint       line;
  const char *start_utc;
  int         minutes;
  gboolean    task;        /* linked to "Task 1" */
  const char *note;
} SampleEntry;

static const struct
{
  const char         *name;
  DgTimeImportFormat  format;
  gboolean            date_order_guessed;
  guint               ignored_line;  /* a zero-length timer; 0: none */
  SampleEntry         entries[2];    /* to add; line 0 ends the list */
} tracker_samples[] = {
  /* 10:23:00 for 01:00:01 */
  { "A/solidtime_toggl_detailed_test1.csv", DG_TIME_IMPORT_FORMAT_TOGGL, FALSE, 2,
    { { 3, "2024-03-04T09:23:00Z", 60, TRUE, "Working hard" } } },
  /* 03/04/2024 is 4 March, as Clockify writes dates by default, but the
   * file does not show it: the owner is told. "10:23 AM" has no seconds. */
  { "A/solidtime_clockify_detailed_test1.csv", DG_TIME_IMPORT_FORMAT_CLOCKIFY, TRUE, 2,
    { { 3, "2024-03-04T09:23:00Z", 60, TRUE, "Working hard" } } },
  /* A day and "20,0" hours, by "Peter" "Tester": 09:00 in Berlin; "0,01"
   * hours are 36 seconds: one minute. */
  { "A/solidtime_harvest_detailed_time_eu_decimals.csv", DG_TIME_IMPORT_FORMAT_HARVEST, FALSE, 0,
    { { 2, "2024-03-04T08:00:00Z", 1200, FALSE, "" },
      { 3, "2024-03-04T08:00:00Z", 1, TRUE, "Working hard" } } },
};

static void
test_sample_trackers (DgTestFixture *fixture,
                      gconstpointer  user_data)
{
  World world = { 0, };

  if (!have_samples ())
    return;
  world_init (&world, fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (tracker_samples); i++)
    {
      g_autoptr(DgTimeImport) import = NULL;
      g_autofree char *data = NULL;
      gsize length = 0;
      guint n_add = 0;

      g_test_message ("%s", tracker_samples[i].name);
      data = read_sample (tracker_samples[i].name, &length);
      import = prepare_text (&world, data, length, 0);
      g_assert_cmpint (dg_time_import_get_format (import), ==, tracker_samples[i].format);
      g_assert_cmpuint (dg_time_import_get_rows (import)->len, ==, 2);
      g_assert_cmpint (dg_time_import_get_date_order_guessed (import), ==,
                       tracker_samples[i].date_order_guessed);
      if (tracker_samples[i].ignored_line != 0)
        assert_kind (import, tracker_samples[i].ignored_line, DG_TIME_IMPORT_ROW_IGNORED, "half a minute");

      for (const SampleEntry *e = tracker_samples[i].entries;
           e < tracker_samples[i].entries + G_N_ELEMENTS (tracker_samples[i].entries) && e->line != 0;
           e++)
        {
          DgTimeEntry *entry = assert_add (import, e->line, world.peter, e->start_utc, e->minutes,
                                           e->task ? world.peter_task : 0);

          if (entry != NULL)
            {
              g_assert_cmpstr (dg_time_entry_get_note (entry), ==, e->note);
              g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2024-03-04");
            }
          n_add++;
        }
      g_assert_cmpuint (dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_ADD), ==, n_add);

      g_assert_cmpuint (apply_ok (import), ==, n_add);
      assert_reimport_adds_nothing (&world, data, length, 0, NULL, n_add);
    }
  /* The samples hold the same work, but each tool's entries are its own. */
  g_assert_cmpint (count_entries (&world), ==, 4);
  world_clear (&world);
}

static void
test_sample_short_row (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  World world = { 0, };
  g_autoptr(DgTimeImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  guint n_added = 0;

  if (!have_samples ())
    return;
  world_init (&world, fixture->db);
  data = read_sample ("D/solidtime_clockify_detailed_short_row.csv", &length);
  import = prepare_text (&world, data, length, 0);

  g_assert_cmpint (dg_time_import_get_format (import), ==, DG_TIME_IMPORT_FORMAT_CLOCKIFY);
  g_assert_cmpuint (dg_time_import_get_rows (import)->len, ==, 1);
  assert_kind (import, 2, DG_TIME_IMPORT_ROW_BAD, "12 fields");
  g_assert_true (reason_mentions (row_at (import, 2), "13"));
  g_assert_false (dg_time_import_apply (import, &n_added, &error));
  g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_LINES);
  g_assert_cmpint (count_entries (&world), ==, 0);
  world_clear (&world);
}

/* The calendars of C/ name nobody: without a default assistant each event
 * with hours is a bad line; with one, they import. */
static const struct
{
  const char *name;
  guint       line;          /* of the event to add, 0: none */
  const char *start_utc;
  int         minutes;
  guint       n_ignored;
} calendar_samples[] = {
  /* 17:00 Eastern Standard Time (Exchange's name), still daylight time then */
  { "C/icalendar_exchange2010_eastern_standard_time_unquoted.ics", 20, "2024-10-28T21:00:00Z", 60, 0 },
  { "C/icalendar_exchange2010_pacific_standard_time_quoted.ics", 20, "2017-02-24T20:00:00Z", 30, 0 },
  /* a weekday rule only: nothing to add */
  { "C/icalendar_google_weekly_apple_structured_location.ics", 0, NULL, 0, 1 },
  /* two all-day repeating events and one of half an hour, 18:30 in London */
  { "C/icalendar_outlook_exchange2010_gmt_standard_time.ics", 70, "2024-10-04T17:30:00Z", 30, 2 },
  { "C/icalendar_thunderbird_europe_london_snoozed_alarms.ics", 603, "2024-10-23T14:00:00Z", 60, 0 },
};

static void
test_sample_calendars (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  World world = { 0, };

  if (!have_samples ())
    return;
  world_init (&world, fixture->db);

  for (guint i = 0; i < G_N_ELEMENTS (calendar_samples); i++)
    {
      g_autofree char *data = NULL;
      g_autoptr(DgTimeImport) nobody = NULL;
      g_autoptr(DgTimeImport) import = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;
      guint n_add = calendar_samples[i].start_utc != NULL ? 1 : 0;
      GPtrArray *rows;

      g_test_message ("%s", calendar_samples[i].name);
      data = read_sample (calendar_samples[i].name, &length);

      nobody = prepare_text (&world, data, length, 0);
      g_assert_cmpint (dg_time_import_get_format (nobody), ==, DG_TIME_IMPORT_FORMAT_ICALENDAR);
      g_assert_cmpuint (dg_time_import_count_rows (nobody, DG_TIME_IMPORT_ROW_BAD), ==, n_add);
      g_assert_cmpuint (dg_time_import_count_rows (nobody, DG_TIME_IMPORT_ROW_IGNORED), ==,
                        calendar_samples[i].n_ignored);

      import = prepare_text (&world, data, length, dg_assistant_get_id (world.peter));
      rows = dg_time_import_get_rows (import);
      g_assert_cmpuint (dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_ADD), ==, n_add);
      g_assert_cmpuint (dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_BAD), ==, 0);
      g_assert_cmpuint (dg_time_import_count_rows (import, DG_TIME_IMPORT_ROW_IGNORED), ==,
                        calendar_samples[i].n_ignored);
      for (guint r = 0; r < rows->len; r++)
        {
          DgTimeImportRow *row = rows->pdata[r];
          g_autofree char *start = NULL;

          if (row->kind != DG_TIME_IMPORT_ROW_ADD)
            {
              g_assert_nonnull (row->reason);
              continue;
            }
          if (calendar_samples[i].line != 0)
            g_assert_cmpuint (row->line, ==, calendar_samples[i].line);
          start = utc_text (row->entry);
          g_assert_cmpstr (start, ==, calendar_samples[i].start_utc);
          g_assert_cmpint (dg_time_entry_get_minutes (row->entry), ==, calendar_samples[i].minutes);
          g_assert_cmpstr (dg_time_entry_get_time_zone (row->entry), ==, "Europe/Berlin");
        }

      if (n_add == 0)
        {
          g_assert_false (dg_time_import_apply (import, NULL, &error));
          g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NOTHING);
          continue;
        }
      g_assert_cmpuint (apply_ok (import), ==, n_add);
      assert_reimport_adds_nothing (&world, data, length, dg_assistant_get_id (world.peter), NULL, n_add);
    }
  g_assert_cmpint (count_entries (&world), ==, 4);
  world_clear (&world);
}

static const struct
{
  const char *name;
  const char *word;     /* NULL: read, with nothing to import */
} malformed_samples[] = {
  { "D/icalendar_bom_crlf_empty_calendar.ics", NULL },
  { "D/icalendar_missing_end_vcalendar.ics", "Line 1:" },
  { "D/libical_fuzz_issue252_non_utf8_nul_mixed_eol.ics", "Line 2:" },
  { "D/libical_itip_stream_bad_dtend.ics", "Line 17:" },
  { "D/libical_recur_errors_colon_on_continuation_line.ics", "Line 1:" },
};

static void
test_sample_malformed (DgTestFixture *fixture,
                       gconstpointer  user_data)
{
  World world = { 0, };

  if (!have_samples ())
    return;
  world_init (&world, fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (malformed_samples); i++)
    {
      g_autofree char *data = NULL;
      g_autoptr(DgTimeImport) import = dg_time_import_new (world.store);
      g_autoptr(GError) error = NULL;
      gsize length = 0;
      gboolean read;

      g_test_message ("%s", malformed_samples[i].name);
      data = read_sample (malformed_samples[i].name, &length);
      dg_time_import_set_default_assistant (import, dg_assistant_get_id (world.peter));
      read = dg_time_import_prepare (import, data, length, &error);
      if (malformed_samples[i].word == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (read);
          g_assert_cmpuint (dg_time_import_get_rows (import)->len, ==, 0);
          g_assert_false (dg_time_import_apply (import, NULL, &error));
          g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NOTHING);
          continue;
        }
      g_assert_false (read);
      g_assert_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_UNREADABLE);
      if (error != NULL)
        g_assert_true (g_str_has_prefix (error->message, malformed_samples[i].word));
    }
  g_assert_cmpint (count_entries (&world), ==, 0);
  world_clear (&world);
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  dg_test_add_with_database ("/time-import/kimai", test_kimai);
  dg_test_add_with_database ("/time-import/kimai-german", test_kimai_german);
  dg_test_add_with_database ("/time-import/bad-lines", test_bad_lines);
  dg_test_add_with_database ("/time-import/multiline-note", test_multiline_note);
  dg_test_add_with_database ("/time-import/mapping", test_mapping);
  dg_test_add_with_database ("/time-import/ical-time-log", test_ical_time_log);
  dg_test_add_with_database ("/time-import/person", test_person);
  dg_test_add_with_database ("/time-import/daylight-saving", test_daylight_saving);
  dg_test_add_with_database ("/time-import/bom-crlf-identical-rows", test_bom_crlf_and_identical_rows);
  dg_test_add_with_database ("/time-import/unreadable", test_unreadable);
  dg_test_add_with_database ("/time-import/date-order/day-first", test_date_order_day_first);
  dg_test_add_with_database ("/time-import/date-order/undecided", test_date_order_undecided);
  dg_test_add_with_database ("/time-import/date-order/other-files", test_date_order_other_files);
  dg_test_add_with_database ("/time-import/edited-reexport", test_edited_reexport);
  dg_test_add_with_database ("/time-import/lookup-fails", test_lookup_fails);
  g_test_add_func ("/time-import/guess", test_guess);
  dg_test_add_with_database ("/time-import/samples/trackers", test_sample_trackers);
  dg_test_add_with_database ("/time-import/samples/clockify-short-row", test_sample_short_row);
  dg_test_add_with_database ("/time-import/samples/calendars", test_sample_calendars);
  dg_test_add_with_database ("/time-import/samples/malformed", test_sample_malformed);

  return g_test_run ();
}
