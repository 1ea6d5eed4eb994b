/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-time-entry"

#include "dg-task-private.h"
#include "dg-test-utils.h"
#include "dg-time-entry-private.h"
#include "dg-validation.h"

/* An entry that passes validation, to be spoiled one field at a time:
 * 09:00 on Monday 30 November 2026 in Manila (01:00 UTC). */
static DgTimeEntry *
make_valid_entry (void)
{
  g_autoptr(GTimeZone) manila = _dg_task_lookup_zone ("Asia/Manila");
  g_autoptr(GDateTime) start = g_date_time_new (manila, 2026, 11, 30, 9, 0, 0);
  DgTimeEntry *entry = dg_time_entry_new ();

  dg_time_entry_set_assistant_id (entry, 1);
  dg_time_entry_set_time_zone (entry, "Asia/Manila");
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_minutes (entry, 90);
  dg_time_entry_set_note (entry, "Inbox zero");
  return entry;
}

static void
test_state_strings (void)
{
  static const struct { DgTimeEntryState state; const char *text; gboolean editable; } states[] = {
    { DG_TIME_ENTRY_STATE_PENDING, "pending", TRUE },
    { DG_TIME_ENTRY_STATE_APPROVED, "approved", FALSE },
    { DG_TIME_ENTRY_STATE_REJECTED, "rejected", TRUE },
    { DG_TIME_ENTRY_STATE_INVOICED, "invoiced", FALSE },
  };
  DgTimeEntryState state;
  GEnumClass *enum_class;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_assert_cmpstr (dg_time_entry_state_to_string (states[i].state), ==, states[i].text);
      g_assert_true (dg_time_entry_state_from_string (states[i].text, &state));
      g_assert_cmpint (state, ==, states[i].state);
      g_assert_cmpstr (dg_time_entry_state_get_label (states[i].state), !=, "");
      g_assert_cmpint (dg_time_entry_state_is_editable (states[i].state), ==, states[i].editable);
    }
  g_assert_cmpstr (dg_time_entry_state_get_label (DG_TIME_ENTRY_STATE_APPROVED), ==, "Approved");

  state = DG_TIME_ENTRY_STATE_APPROVED;
  g_assert_false (dg_time_entry_state_from_string ("Pending", &state));
  g_assert_false (dg_time_entry_state_from_string ("", &state));
  g_assert_false (dg_time_entry_state_from_string (NULL, &state));
  g_assert_cmpint (state, ==, DG_TIME_ENTRY_STATE_APPROVED);

  enum_class = g_type_class_ref (DG_TYPE_TIME_ENTRY_STATE);
  g_assert_cmpstr (g_enum_get_value (enum_class, DG_TIME_ENTRY_STATE_INVOICED)->value_nick, ==, "invoiced");
  g_type_class_unref (enum_class);
}

static void
test_defaults (void)
{
  g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (dg_time_entry_get_id (entry), ==, 0);
  g_assert_cmpint (dg_time_entry_get_task_id (entry), ==, 0);
  g_assert_null (dg_time_entry_get_start (entry));
  g_assert_null (dg_time_entry_dup_local_start (entry));
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "");
  g_assert_cmpstr (dg_time_entry_get_source (entry), ==, DG_TIME_ENTRY_SOURCE_MANUAL);
  g_assert_cmpstr (dg_time_entry_get_external_id (entry), ==, "");
  g_assert_cmpint (dg_time_entry_get_state (entry), ==, DG_TIME_ENTRY_STATE_PENDING);
  g_assert_cmpstr (dg_time_entry_get_reason (entry), ==, "");
  g_assert_cmpstr (dg_time_entry_get_assistant_name (entry), ==, "");
  g_assert_cmpstr (dg_time_entry_get_task_title (entry), ==, "");
  g_assert_false (dg_time_entry_validate (entry, &error));
  g_assert_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED);
}

/* The start is kept as the instant in UTC, whatever zone it was given in;
 * the local date is that instant's day in the entry's zone. */
static void
test_start_and_local_date (void)
{
  g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
  g_autoptr(GTimeZone) manila = _dg_task_lookup_zone ("Asia/Manila");
  /* 23:30 on Sunday 29 November in Manila is 15:30 UTC that Sunday. */
  g_autoptr(GDateTime) sunday_night = g_date_time_new (manila, 2026, 11, 29, 23, 30, 0);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *utc_text = NULL;
  GDateTime *start;

  dg_time_entry_set_start (entry, sunday_night);
  start = dg_time_entry_get_start (entry);
  g_assert_nonnull (start);
  g_assert_cmpint (g_date_time_get_utc_offset (start), ==, 0);
  utc_text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");
  g_assert_cmpstr (utc_text, ==, "2026-11-29T15:30:00Z");
  g_assert_true (g_date_time_equal (start, sunday_night));
  /* No zone yet: no local day. */
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "");

  dg_time_entry_set_time_zone (entry, "Asia/Manila");
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-11-29");
  local = dg_time_entry_dup_local_start (entry);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 23);
  g_assert_cmpint (g_date_time_get_minute (local), ==, 30);
  g_assert_cmpint (g_date_time_get_day_of_week (local), ==, 7);
  g_clear_pointer (&local, g_date_time_unref);

  /* The same instant is already Monday in Tokyo and still Sunday in
   * Berlin: the zone decides the day. */
  dg_time_entry_set_time_zone (entry, "Asia/Tokyo");
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-11-30");
  dg_time_entry_set_time_zone (entry, "Europe/Berlin");
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-11-29");

  /* An unknown zone gives no local day, and the start stays the instant. */
  dg_time_entry_set_time_zone (entry, "Mars/Olympus_Mons");
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "");
  local = dg_time_entry_dup_local_start (entry);
  g_assert_true (g_date_time_equal (local, sunday_night));
  g_clear_pointer (&local, g_date_time_unref);

  dg_time_entry_set_time_zone (entry, "Asia/Manila");
  dg_time_entry_set_start (entry, NULL);
  g_assert_null (dg_time_entry_get_start (entry));
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "");
}

/* A local date across a change of the clocks: 00:30 on the Sunday Berlin
 * goes to summer time is 23:30 UTC on Saturday. */
static void
test_local_date_dst (void)
{
  g_autoptr(DgTimeEntry) entry = dg_time_entry_new ();
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 3, 28, 23, 30, 0);
  g_autoptr(GDateTime) after = g_date_time_new_utc (2026, 3, 29, 22, 30, 0);

  g_object_set (entry, "time-zone", "Europe/Berlin", "start", utc, NULL);
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-03-29");
  /* 22:30 UTC on the Sunday is 00:30 on Monday in summer time (UTC+2). */
  dg_time_entry_set_start (entry, after);
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-03-30");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  GHashTable *counts = user_data;
  const char *name = g_param_spec_get_name (pspec);

  g_hash_table_insert (counts, (gpointer) name,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
}

static guint
notified (GHashTable *counts,
          const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, name));
}

static void
test_notify (void)
{
  g_autoptr(DgTimeEntry) entry = make_valid_entry ();
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) same = g_date_time_new_utc (2026, 11, 30, 1, 0, 0);
  g_autoptr(GDateTime) next_day = g_date_time_new_utc (2026, 12, 1, 1, 0, 0);

  g_signal_connect (entry, "notify", G_CALLBACK (count_notify), counts);

  /* Setting what is already there notifies nothing. */
  dg_time_entry_set_start (entry, same);
  dg_time_entry_set_minutes (entry, 90);
  dg_time_entry_set_time_zone (entry, "Asia/Manila");
  dg_time_entry_set_note (entry, "Inbox zero");
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  dg_time_entry_set_start (entry, next_day);
  g_assert_cmpuint (notified (counts, "start"), ==, 1);
  g_assert_cmpuint (notified (counts, "local-date"), ==, 1);
  g_assert_cmpstr (dg_time_entry_get_local_date (entry), ==, "2026-12-01");

  dg_time_entry_set_source (entry, "toggl", "123");
  dg_time_entry_set_source (entry, "toggl", "123");
  g_assert_cmpuint (notified (counts, "source"), ==, 1);
  g_assert_cmpuint (notified (counts, "external-id"), ==, 1);
  /* No source means a manual entry. */
  dg_time_entry_set_source (entry, NULL, NULL);
  g_assert_cmpstr (dg_time_entry_get_source (entry), ==, DG_TIME_ENTRY_SOURCE_MANUAL);
  g_assert_cmpstr (dg_time_entry_get_external_id (entry), ==, "");

  _dg_time_entry_set_stored (entry, 7, DG_TIME_ENTRY_STATE_REJECTED, "Twice the same hour");
  g_assert_cmpuint (notified (counts, "id"), ==, 1);
  g_assert_cmpuint (notified (counts, "state"), ==, 1);
  g_assert_cmpuint (notified (counts, "reason"), ==, 1);
  g_assert_cmpint (dg_time_entry_get_id (entry), ==, 7);
  g_assert_cmpint (dg_time_entry_get_state (entry), ==, DG_TIME_ENTRY_STATE_REJECTED);
  g_assert_cmpstr (dg_time_entry_get_reason (entry), ==, "Twice the same hour");
  _dg_time_entry_set_stored (entry, 7, DG_TIME_ENTRY_STATE_PENDING, NULL);
  g_assert_cmpstr (dg_time_entry_get_reason (entry), ==, "");
  g_assert_cmpuint (notified (counts, "id"), ==, 1);

  _dg_time_entry_set_display (entry, "Maria Santos", NULL);
  g_assert_cmpstr (dg_time_entry_get_assistant_name (entry), ==, "Maria Santos");
  g_assert_cmpstr (dg_time_entry_get_task_title (entry), ==, "");
  g_assert_cmpuint (notified (counts, "assistant-name"), ==, 1);
  g_assert_cmpuint (notified (counts, "task-title"), ==, 0);
}

static void
test_properties (void)
{
  g_autoptr(DgTimeEntry) entry = make_valid_entry ();
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *local_date = NULL;
  g_autofree char *source = NULL;
  DgTimeEntryState state;
  gint64 assistant_id;
  int minutes;

  g_object_set (entry, "task-id", (gint64) 4, "source", "clockify", "external-id", "abc", NULL);
  g_object_get (entry,
                "assistant-id", &assistant_id,
                "minutes", &minutes,
                "start", &start,
                "local-date", &local_date,
                "source", &source,
                "state", &state,
                NULL);
  g_assert_cmpint (assistant_id, ==, 1);
  g_assert_cmpint (minutes, ==, 90);
  g_assert_true (g_date_time_equal (start, dg_time_entry_get_start (entry)));
  g_assert_cmpstr (local_date, ==, "2026-11-30");
  g_assert_cmpstr (source, ==, "clockify");
  g_assert_cmpstr (dg_time_entry_get_external_id (entry), ==, "abc");
  g_assert_cmpint (dg_time_entry_get_task_id (entry), ==, 4);
  g_assert_cmpint (state, ==, DG_TIME_ENTRY_STATE_PENDING);
}

static void
test_copy (void)
{
  g_autoptr(DgTimeEntry) entry = make_valid_entry ();
  g_autoptr(DgTimeEntry) copy = NULL;

  dg_time_entry_set_task_id (entry, 3);
  dg_time_entry_set_source (entry, "harvest", "9");
  _dg_time_entry_set_stored (entry, 12, DG_TIME_ENTRY_STATE_REJECTED, "Wrong task");
  _dg_time_entry_set_display (entry, "Maria Santos", "Bookkeeping");

  copy = dg_time_entry_copy (entry);
  g_assert_true (copy != entry);
  g_assert_cmpint (dg_time_entry_get_id (copy), ==, 12);
  g_assert_cmpint (dg_time_entry_get_assistant_id (copy), ==, 1);
  g_assert_cmpint (dg_time_entry_get_task_id (copy), ==, 3);
  g_assert_true (g_date_time_equal (dg_time_entry_get_start (copy), dg_time_entry_get_start (entry)));
  g_assert_cmpstr (dg_time_entry_get_time_zone (copy), ==, "Asia/Manila");
  g_assert_cmpstr (dg_time_entry_get_local_date (copy), ==, "2026-11-30");
  g_assert_cmpint (dg_time_entry_get_minutes (copy), ==, 90);
  g_assert_cmpstr (dg_time_entry_get_note (copy), ==, "Inbox zero");
  g_assert_cmpstr (dg_time_entry_get_source (copy), ==, "harvest");
  g_assert_cmpstr (dg_time_entry_get_external_id (copy), ==, "9");
  g_assert_cmpint (dg_time_entry_get_state (copy), ==, DG_TIME_ENTRY_STATE_REJECTED);
  g_assert_cmpstr (dg_time_entry_get_reason (copy), ==, "Wrong task");
  g_assert_cmpstr (dg_time_entry_get_assistant_name (copy), ==, "Maria Santos");
  g_assert_cmpstr (dg_time_entry_get_task_title (copy), ==, "Bookkeeping");

  /* Independent: changing the copy leaves the original alone. */
  dg_time_entry_set_note (copy, "Changed");
  dg_time_entry_set_time_zone (copy, "Asia/Tokyo");
  g_assert_cmpstr (dg_time_entry_get_note (entry), ==, "Inbox zero");
  g_assert_cmpstr (dg_time_entry_get_time_zone (entry), ==, "Asia/Manila");
}

typedef enum { SPOIL_ASSISTANT, SPOIL_START, SPOIL_ZONE_EMPTY, SPOIL_ZONE_UNKNOWN,
               SPOIL_MINUTES_ZERO, SPOIL_MINUTES_NEGATIVE, SPOIL_MINUTES_OVER,
               SPOIL_NOTE_CONTROL, KEEP_MINUTES_ONE, KEEP_MINUTES_DAY,
               KEEP_NOTE_LINES } Spoil;

static void
test_validation (void)
{
  static const struct { Spoil spoil; gboolean valid; const char *word; } cases[] = {
    { SPOIL_ASSISTANT, FALSE, "assistant" },
    { SPOIL_START, FALSE, "started" },
    { SPOIL_ZONE_EMPTY, FALSE, "time zone" },
    { SPOIL_ZONE_UNKNOWN, FALSE, "Mars/Olympus_Mons" },
    { SPOIL_MINUTES_ZERO, FALSE, "duration" },
    { SPOIL_MINUTES_NEGATIVE, FALSE, "duration" },
    { SPOIL_MINUTES_OVER, FALSE, "duration" },
    { SPOIL_NOTE_CONTROL, FALSE, "note" },
    { KEEP_MINUTES_ONE, TRUE, NULL },
    { KEEP_MINUTES_DAY, TRUE, NULL },
    { KEEP_NOTE_LINES, TRUE, NULL },
  };
  g_autoptr(DgTimeEntry) valid = make_valid_entry ();

  g_assert_true (dg_time_entry_validate (valid, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(DgTimeEntry) entry = make_valid_entry ();
      g_autoptr(GError) error = NULL;

      switch (cases[i].spoil)
        {
        case SPOIL_ASSISTANT:        dg_time_entry_set_assistant_id (entry, 0); break;
        case SPOIL_START:            dg_time_entry_set_start (entry, NULL); break;
        case SPOIL_ZONE_EMPTY:       dg_time_entry_set_time_zone (entry, "  "); break;
        case SPOIL_ZONE_UNKNOWN:     dg_time_entry_set_time_zone (entry, "Mars/Olympus_Mons"); break;
        case SPOIL_MINUTES_ZERO:     dg_time_entry_set_minutes (entry, 0); break;
        case SPOIL_MINUTES_NEGATIVE: dg_time_entry_set_minutes (entry, -30); break;
        case SPOIL_MINUTES_OVER:     dg_time_entry_set_minutes (entry, 1441); break;
        case SPOIL_NOTE_CONTROL:     dg_time_entry_set_note (entry, "bell\a"); break;
        case KEEP_MINUTES_ONE:       dg_time_entry_set_minutes (entry, 1); break;
        case KEEP_MINUTES_DAY:       dg_time_entry_set_minutes (entry, 1440); break;
        case KEEP_NOTE_LINES:        dg_time_entry_set_note (entry, "one\ttwo\r\nthree\n"); break;
        default:                     g_assert_not_reached ();
        }

      g_test_message ("case %u", i);
      if (cases[i].valid)
        {
          g_assert_true (dg_time_entry_validate (entry, &error));
          g_assert_no_error (error);
        }
      else
        {
          g_assert_false (dg_time_entry_validate (entry, &error));
          g_assert_true (error != NULL && error->domain == DG_VALIDATION_ERROR);
          dg_test_assert_error_mentions (error, cases[i].word);
        }
    }
}

/* One summary for an entry's audit rows, whichever store writes them. */
static void
test_audit_summary (void)
{
  g_autofree char *task = dg_time_entry_format_audit_summary ("2026-03-02", 90, "Inbox triage", "Sorted mail");
  g_autofree char *note = dg_time_entry_format_audit_summary ("2026-03-02", 20, "", "  Phone call \nwith the bank");
  g_autofree char *long_note = NULL;
  g_autofree char *bare = dg_time_entry_format_audit_summary ("", 5, "", "");
  g_autofree char *sixty = g_strnfill (60, 'x');
  g_autofree char *expected = g_strdup_printf ("Mon 2 Mar 2026, 0:45, %s…", sixty);
  g_autofree char *seventy = g_strnfill (70, 'x');

  g_assert_cmpstr (task, ==, "Mon 2 Mar 2026, 1:30, Inbox triage");
  /* Without a task, the note's first line. */
  g_assert_cmpstr (note, ==, "Mon 2 Mar 2026, 0:20, Phone call");
  long_note = dg_time_entry_format_audit_summary ("2026-03-02", 45, NULL, seventy);
  g_assert_cmpstr (long_note, ==, expected);
  g_assert_cmpstr (bare, ==, "0:05");
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/time-entry/state-strings", test_state_strings);
  g_test_add_func ("/time-entry/defaults", test_defaults);
  g_test_add_func ("/time-entry/start-and-local-date", test_start_and_local_date);
  g_test_add_func ("/time-entry/local-date-dst", test_local_date_dst);
  g_test_add_func ("/time-entry/notify", test_notify);
  g_test_add_func ("/time-entry/properties", test_properties);
  g_test_add_func ("/time-entry/copy", test_copy);
  g_test_add_func ("/time-entry/validation", test_validation);
  g_test_add_func ("/time-entry/audit-summary", test_audit_summary);

  return g_test_run ();
}
