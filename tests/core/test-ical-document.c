/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ical-document"

#include <string.h>

#include "dg-ical-document.h"
#include "dg-test-utils.h"

/* Our own fixtures are in tests/data/ical (each named after what it tries);
 * the files other programs wrote are read in place from $DG_SAMPLES_DIR. */

static char *
read_fixture (const char *name,
              gsize      *length)
{
  const char *dir = g_getenv ("DG_TEST_DATA_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_assert_nonnull (dir);
  path = g_build_filename (dir, "ical", name, NULL);
  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static DgIcalDocument *
read_fixture_document (const char *name)
{
  gsize length = 0;
  g_autofree char *data = read_fixture (name, &length);
  g_autoptr(GError) error = NULL;
  DgIcalDocument *document = dg_ical_document_read (data, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_line_error (const GError *error,
                   guint         line)
{
  g_autofree char *prefix = g_strdup_printf ("Line %u: ", line);

  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_assert_true (error->domain == DG_ICAL_ERROR);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("expected an error on line %u, got: %s", line, error->message);
}

/* The fixture is refused with a "Line N: …" error that says @word. */
static void
assert_fixture_refused (const char *name,
                        guint       line,
                        const char *word)
{
  gsize length = 0;
  g_autofree char *data = read_fixture (name, &length);
  g_autoptr(GError) error = NULL;
  g_autoptr(DgIcalDocument) document = dg_ical_document_read (data, length, &error);

  g_test_message ("%s: %s", name, error != NULL ? error->message : "(read)");
  g_assert_null (document);
  g_assert_error (error, DG_ICAL_ERROR, DG_ICAL_ERROR_MALFORMED);
  assert_line_error (error, line);
  dg_test_assert_error_mentions (error, word);
}

static const char *
get_text (icalcomponent     *component,
          icalproperty_kind  kind)
{
  icalproperty *property = icalcomponent_get_first_property (component, kind);

  g_assert_nonnull (property);
  return property != NULL ? icalproperty_get_value_as_string (property) : NULL;
}

static char *
date_time_utc (DgIcalDocument    *document,
               icalcomponent     *component,
               icalproperty_kind  kind,
               GTimeZone         *fallback)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = dg_ical_document_get_date_time (document, component,
                                                              kind, fallback, &error);
  g_autoptr(GDateTime) utc = NULL;

  g_assert_no_error (error);
  if (time == NULL)
    return NULL;
  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* ---- accepted files ----------------------------------------------------- */

static void
test_two_calendars (void)
{
  g_autoptr(DgIcalDocument) document = read_fixture_document ("valid-two-calendars.ics");
  GPtrArray *todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
  GPtrArray *events = dg_ical_document_get_components (document, ICAL_VEVENT_COMPONENT);
  g_autofree char *due = NULL;

  g_assert_cmpuint (todos->len, ==, 2);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (icalcomponent_get_uid (todos->pdata[0]), ==, "first@delegate.test");
  g_assert_cmpstr (icalcomponent_get_uid (todos->pdata[1]), ==, "second@delegate.test");
  g_assert_cmpuint (dg_ical_document_get_line (document, todos->pdata[0]), ==, 4);
  g_assert_cmpuint (dg_ical_document_get_line (document, events->pdata[0]), ==, 18);
  g_assert_cmpuint (dg_ical_document_get_line (document, todos->pdata[1]), ==, 25);
  /* The same array again: owned by the document. */
  g_assert_true (dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT) == todos);

  /* Our line marks must not be visible to the importers. */
  g_assert_null (strstr (icalcomponent_as_ical_string (todos->pdata[0]), "X-DG-LINE"));
  g_assert_cmpstr (get_text (todos->pdata[0], ICAL_RRULE_PROPERTY), ==, "FREQ=WEEKLY;BYDAY=MO");

  /* 09:00 in Berlin in winter is 08:00 UTC. */
  due = date_time_utc (document, todos->pdata[0], ICAL_DUE_PROPERTY, NULL);
  g_assert_cmpstr (due, ==, "2026-11-30T08:00:00Z");
}

/* The same calendar with CRLF, with LF and with a mix reads the same. */
static void
test_line_ends (void)
{
  gsize length = 0;
  g_autofree char *lf = read_fixture ("valid-two-calendars.ics", &length);
  g_auto(GStrv) lines = g_strsplit (lf, "\n", -1);
  g_autofree char *crlf = g_strjoinv ("\r\n", lines);
  g_autoptr(GString) mixed = g_string_new (NULL);
  const char *variants[3];

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (mixed, "%s%s", lines[i],
                            lines[i + 1] == NULL ? "" : (i % 2 == 0 ? "\r\n" : "\n"));
  variants[0] = lf;
  variants[1] = crlf;
  variants[2] = mixed->str;

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DgIcalDocument) document = dg_ical_document_read (variants[v], -1, &error);
      GPtrArray *todos;

      g_assert_no_error (error);
      if (document == NULL)
        continue;
      todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
      g_assert_cmpuint (todos->len, ==, 2);
      g_assert_cmpuint (dg_ical_document_get_line (document, todos->pdata[1]), ==, 25);
      g_assert_cmpstr (get_text (todos->pdata[1], ICAL_SUMMARY_PROPERTY), ==, "Book keeping");
    }
}

static void
test_mixed_line_ends_fixture (void)
{
  g_autoptr(DgIcalDocument) document = read_fixture_document ("mixed-line-ends.ics");
  GPtrArray *todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);

  g_assert_cmpuint (todos->len, ==, 1);
  g_assert_cmpuint (dg_ical_document_get_line (document, todos->pdata[0]), ==, 4);
  /* A continuation drops exactly one space. */
  g_assert_cmpstr (get_text (todos->pdata[0], ICAL_SUMMARY_PROPERTY), ==, "CRLF and LF in one file");
}

static void
test_bom (void)
{
  g_autoptr(DgIcalDocument) document = read_fixture_document ("bom-crlf.ics");
  GPtrArray *todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
  g_autoptr(GTimeZone) manila = g_time_zone_new_identifier ("Asia/Manila");
  g_autofree char *due = NULL;

  g_assert_cmpuint (todos->len, ==, 1);
  g_assert_cmpuint (dg_ical_document_get_line (document, todos->pdata[0]), ==, 4);
  /* A date is midnight in the zone the caller gives. */
  due = date_time_utc (document, todos->pdata[0], ICAL_DUE_PROPERTY, manila);
  g_assert_cmpstr (due, ==, "2026-11-29T16:00:00Z");
}

static void
test_folded (void)
{
  g_autoptr(DgIcalDocument) document = read_fixture_document ("folded.ics");
  GPtrArray *todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
  g_autofree char *due = NULL;

  g_assert_cmpuint (todos->len, ==, 1);
  g_assert_cmpstr (get_text (todos->pdata[0], ICAL_SUMMARY_PROPERTY), ==,
                   "Grüße an München und „Köln“");
  g_assert_cmpstr (get_text (todos->pdata[0], ICAL_DESCRIPTION_PROPERTY), ==,
                   "Split inside é a character");
  /* Name, parameter and value each on a line of their own. */
  due = date_time_utc (document, todos->pdata[0], ICAL_DUE_PROPERTY, NULL);
  g_assert_cmpstr (due, ==, "2026-11-30T08:00:00Z");
  g_assert_cmpuint (dg_ical_document_get_property_line (document,
                      icalcomponent_get_first_property (todos->pdata[0], ICAL_DUE_PROPERTY)),
                    ==, 11);
}

static void
test_time_zones (void)
{
  g_autoptr(DgIcalDocument) document = read_fixture_document ("time-zones.ics");
  GPtrArray *todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
  g_autoptr(GTimeZone) manila = g_time_zone_new_identifier ("Asia/Manila");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) unknown = NULL;
  static const char *expected[] = {
    "2026-07-01T07:00:00Z",   /* W. Europe Standard Time = Europe/Berlin, summer */
    "2026-01-04T22:00:00Z",   /* Lord Howe in January: +11 */
    "2026-07-01T03:30:00Z",   /* the file's own +05:30 */
    "2026-07-01T01:00:00Z",   /* floating: in the fallback zone, Manila +08 */
  };

  g_assert_cmpuint (todos->len, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *due = date_time_utc (document, todos->pdata[i], ICAL_DUE_PROPERTY, manila);

      g_assert_cmpstr (due, ==, expected[i]);
    }

  /* An unknown zone: the error names the DUE line, and the other dates of
   * the same task are still readable. */
  unknown = dg_ical_document_get_date_time (document, todos->pdata[4], ICAL_DUE_PROPERTY,
                                            manila, &error);
  g_assert_null (unknown);
  assert_line_error (error, 41);
  dg_test_assert_error_mentions (error, "Mars/Olympus_Mons");
  g_clear_error (&error);
  g_clear_pointer (&unknown, g_date_time_unref);
  unknown = dg_ical_document_get_date_time (document, todos->pdata[4], ICAL_DTSTART_PROPERTY,
                                            manila, &error);
  g_assert_no_error (error);

  /* A property the component does not have. */
  g_assert_null (dg_ical_document_get_date_time (document, todos->pdata[0],
                                                 ICAL_COMPLETED_PROPERTY, NULL, &error));
  assert_line_error (error, 12);
}

static void
test_windows_zones (void)
{
  g_assert_cmpstr (dg_ical_windows_zone_to_iana ("W. Europe Standard Time"), ==, "Europe/Berlin");
  g_assert_cmpstr (dg_ical_windows_zone_to_iana ("eastern standard time"), ==, "America/New_York");
  g_assert_cmpstr (dg_ical_windows_zone_to_iana ("AUS Eastern Standard Time"), ==, "Australia/Sydney");
  g_assert_cmpstr (dg_ical_windows_zone_to_iana ("India Standard Time"), ==, "Asia/Kolkata");
  g_assert_null (dg_ical_windows_zone_to_iana ("Europe/Berlin"));
}

/* The import compares a RECURRENCE-ID's TZID with the task's zone by the
 * IANA name it stands for. */
static void
test_tzid_to_iana (void)
{
  g_autofree char *plain = dg_ical_tzid_to_iana ("Europe/Berlin");
  g_autofree char *windows = dg_ical_tzid_to_iana ("Eastern Standard Time");
  g_autofree char *prefixed = dg_ical_tzid_to_iana ("/mozilla.org/20050126_1/America/New_York");
  g_autofree char *utc = dg_ical_tzid_to_iana ("Etc/UTC");
  g_autofree char *windows_utc = dg_ical_tzid_to_iana ("UTC");
  g_autofree char *unknown = dg_ical_tzid_to_iana ("Custom Zone 1");

  g_assert_cmpstr (plain, ==, "Europe/Berlin");
  g_assert_cmpstr (windows, ==, "America/New_York");
  g_assert_cmpstr (prefixed, ==, "America/New_York");
  g_assert_cmpstr (utc, ==, "Etc/UTC");
  /* Windows has a zone of that name, which CLDR maps to Etc/UTC. */
  g_assert_cmpstr (windows_utc, ==, "Etc/UTC");
  g_assert_null (unknown);
}

/* Names from a newer standard are ignored (RFC 5545 §3.8.8), not refused,
 * and the lines after them are still named right. */
static void
test_unknown_names (void)
{
  g_autoptr(DgIcalDocument) document = read_fixture_document ("unknown-names.ics");
  GPtrArray *todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
  icalproperty *status;

  g_assert_cmpuint (todos->len, ==, 1);
  g_assert_null (icalcomponent_get_first_property (todos->pdata[0], ICAL_XLICERROR_PROPERTY));
  status = icalcomponent_get_first_property (todos->pdata[0], ICAL_STATUS_PROPERTY);
  g_assert_nonnull (status);
  g_assert_cmpuint (dg_ical_document_get_property_line (document, status), ==, 11);
  g_assert_cmpstr (get_text (todos->pdata[0], ICAL_ATTENDEE_PROPERTY), ==, "mailto:a@example.com");
}

/* ---- refused files ------------------------------------------------------ */

static void
test_refused_fixtures (void)
{
  assert_fixture_refused ("missing-end-vtodo.ics", 4, "END:VTODO");
  assert_fixture_refused ("missing-end-vcalendar.ics", 1, "END:VCALENDAR");
  assert_fixture_refused ("bad-due-date.ics", 8, "DUE");
  assert_fixture_refused ("bad-dtstart.ics", 8, "DTSTART");
  assert_fixture_refused ("bad-rrule.ics", 9, "RRULE");
  assert_fixture_refused ("bad-percent.ics", 8, "PERCENT-COMPLETE");
  assert_fixture_refused ("not-a-property.ics", 8, "NAME:VALUE");
  assert_fixture_refused ("content-before-calendar.ics", 1, "outside");
  assert_fixture_refused ("nul-byte.ics", 6, "NUL");
  assert_fixture_refused ("invalid-utf8.ics", 6, "UTF-8");
}

/* Damage made in memory, where a fixture per case would say less. */
static void
test_refused_text (void)
{
  static const struct
  {
    const char *text;
    guint       line;
    const char *word;
  } cases[] = {
    { "BEGIN:VCALENDAR\nEND:VCALENDAR\nSUMMARY:after the end\n", 3, "outside" },
    { "BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VTODO\nEND:VTODO\n", 3, "outside" },
    /* values only libical checks: the line is found after unknown names */
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nFROBNICATE:1\nGEO:north\nEND:VTODO\nEND:VCALENDAR\n", 4, "value" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nBEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT15Q\nEND:VALARM\nEND:VTODO\nEND:VCALENDAR\n", 5, "value" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nPRIORITY:high\nEND:VTODO\nEND:VCALENDAR\n", 3, "PRIORITY" },
    /* a long line is quoted shortened, ending in "…" */
    { "BEGIN:VCALENDAR\nThis line is much longer than the forty characters a message quotes\nEND:VCALENDAR\n", 2, "the forty …" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nEND:VEVENT\nEND:VCALENDAR\n", 3, "END:VEVENT" },
    { "BEGIN:VCALENDAR\nEND:VTODO\nEND:VCALENDAR\n", 2, "END:VTODO" },
    { "BEGIN:VCALENDAR\nBEGIN:VTMDO\nEND:VTMDO\nEND:VCALENDAR\n", 2, "VTMDO" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nDUE:\nEND:VTODO\nEND:VCALENDAR\n", 3, "DUE" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nDUE;VALUE=DATE:20261130T090000\nEND:VTODO\nEND:VCALENDAR\n", 3, "DUE" },
    /* VALUE after a parameter with quoted values holding ':' and ';' */
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nDUE;X-A=\"a:b\",\"c;d\";value=date:20261130T090000\nEND:VTODO\nEND:VCALENDAR\n", 3, "DUE" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nCOMPLETED:20261130\nEND:VTODO\nEND:VCALENDAR\n", 3, "COMPLETED" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nRECURRENCE-ID:20261131T090000\nEND:VTODO\nEND:VCALENDAR\n", 3, "RECURRENCE-ID" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nEXDATE:20261130T090000,2026113\nEND:VTODO\nEND:VCALENDAR\n", 3, "EXDATE" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nDURATION:PT1X\nEND:VTODO\nEND:VCALENDAR\n", 3, "DURATION" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nDTSTAMP:20261130T250000Z\nEND:VTODO\nEND:VCALENDAR\n", 3, "DTSTAMP" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY;LANGUAGE=\"en:x\nEND:VTODO\nEND:VCALENDAR\n", 3, "NAME:VALUE" },
    { "BEGIN:VCALENDAR\nBEGIN:VTODO\nSUMMARY:tab\tis fine, bell\a is not\nEND:VTODO\nEND:VCALENDAR\n", 3, "control" },
    { "BEGIN:VCALENDAR\r\nBEGIN:VTODO\rSUMMARY:a lone CR\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", 2, "control" },
    { "BEGIN:VCALENDAR\n\n continues nothing\nEND:VCALENDAR\n", 3, "continuation" },
    { "BEGIN:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\nEND:VCALENDAR\n", 2, "calendar" },
    { "BEGIN:VCALENDAR\nSUMMARY:first\n part \xc3\n\x28 and a bad byte\nEND:VCALENDAR\n", 3, "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DgIcalDocument) document = dg_ical_document_read (cases[i].text, -1, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(read)");
      g_assert_null (document);
      assert_line_error (error, cases[i].line);
      if (error != NULL)
        dg_test_assert_error_mentions (error, cases[i].word);
    }
}

static void
test_not_a_calendar (void)
{
  static const char *texts[] = {
    "",
    "\n\n",
    "Project,Client,Description\nWebsite,ACME,Header\n",
    "BEGIN:VEVENT\nSUMMARY:no calendar\nEND:VEVENT\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DgIcalDocument) document = dg_ical_document_read (texts[i], -1, &error);

      g_assert_null (document);
      g_assert_error (error, DG_ICAL_ERROR, DG_ICAL_ERROR_NOT_CALENDAR);
      assert_line_error (error, 1);
    }
}

/* ---- other programs' files ---------------------------------------------- */

/* What each shared sample must give: 0 = read, else refused on that line. */
static const struct
{
  const char *name;
  guint       refused_line;
} sample_expectations[] = {
  { "B/nextcloud_tasks_subsubtask_related_to.ics", 0 },
  { "B/tasksorg_apple_ios_geofence_alarm_todo.ics", 0 },
  { "B/tasksorg_nextcloud_all_day_todo.ics", 0 },
  { "B/tasksorg_thunderbird_completed_recurring_todo.ics", 0 },
  { "B/tasksorg_thunderbird_todo_relative_valarm.ics", 0 },
  { "C/icalendar_exchange2010_eastern_standard_time_unquoted.ics", 0 },
  { "C/icalendar_exchange2010_pacific_standard_time_quoted.ics", 0 },
  { "C/icalendar_google_weekly_apple_structured_location.ics", 0 },
  { "C/icalendar_outlook_exchange2010_gmt_standard_time.ics", 0 },
  { "C/icalendar_thunderbird_europe_london_snoozed_alarms.ics", 0 },
  { "D/icalendar_bom_crlf_empty_calendar.ics", 0 },
  { "D/icalendar_missing_end_vcalendar.ics", 1 },
  { "D/libical_fuzz_issue252_non_utf8_nul_mixed_eol.ics", 2 },
  { "D/libical_itip_stream_bad_dtend.ics", 17 },
  { "D/libical_recur_errors_colon_on_continuation_line.ics", 1 },
  { "D/solidtime_clockify_detailed_short_row.csv", 1 },
};

static int
find_sample_expectation (const char *relative)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_expectations); i++)
    if (g_str_equal (sample_expectations[i].name, relative))
      return (int) i;
  return -1;
}

/* Every date of every component can be asked for without a crash. */
static void
touch_dates (DgIcalDocument *document)
{
  static const icalcomponent_kind kinds[] = { ICAL_VTODO_COMPONENT, ICAL_VEVENT_COMPONENT };
  static const icalproperty_kind properties[] = {
    ICAL_DTSTART_PROPERTY, ICAL_DUE_PROPERTY, ICAL_DTEND_PROPERTY,
    ICAL_RECURRENCEID_PROPERTY, ICAL_COMPLETED_PROPERTY,
  };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GPtrArray *components = dg_ical_document_get_components (document, kinds[k]);

      for (guint c = 0; c < components->len; c++)
        {
          g_assert_cmpuint (dg_ical_document_get_line (document, components->pdata[c]), >, 0);
          for (guint p = 0; p < G_N_ELEMENTS (properties); p++)
            {
              g_autoptr(GError) error = NULL;
              g_autoptr(GDateTime) time = NULL;

              if (icalcomponent_get_first_property (components->pdata[c], properties[p]) == NULL)
                continue;
              time = dg_ical_document_get_date_time (document, components->pdata[c],
                                                     properties[p], NULL, &error);
              g_assert_no_error (error);
              g_assert_nonnull (time);
            }
        }
    }
}

static void
test_samples (void)
{
  const char *samples = g_getenv ("DG_SAMPLES_DIR");
  static const char *folders[] = { "B", "C", "D" };
  guint seen = 0;

  if (samples == NULL || !g_file_test (samples, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The shared sample files are not here ($DG_SAMPLES_DIR is not a folder); "
                   "only our own fixtures were read.");
      return;
    }

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autofree char *folder = g_build_filename (samples, folders[f], NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          g_autofree char *relative = g_build_filename (folders[f], name, NULL);
          g_autofree char *data = NULL;
          gsize length = 0;
          g_autoptr(GError) error = NULL;
          g_autoptr(DgIcalDocument) document = NULL;
          int expected;

          g_file_get_contents (path, &data, &length, &error);
          g_assert_no_error (error);
          document = dg_ical_document_read (data, length, &error);
          g_test_message ("%s: %s", relative, error != NULL ? error->message : "read");
          seen++;

          expected = find_sample_expectation (relative);
          if (document != NULL)
            {
              touch_dates (document);
            }
          else
            {
              /* Every refusal names a line, whatever the file. */
              g_assert_nonnull (error);
              g_assert_true (g_regex_match_simple ("^Line [0-9]+: .+", error->message, 0, 0));
            }
          if (expected < 0)
            {
              g_test_message ("%s is new: no expectation recorded", relative);
              continue;
            }
          if (sample_expectations[expected].refused_line == 0)
            g_assert_no_error (error);
          else
            assert_line_error (error, sample_expectations[expected].refused_line);
        }
    }
  g_assert_cmpuint (seen, >=, G_N_ELEMENTS (sample_expectations));
}

/* The Thunderbird override names its occurrence in America/Chicago, which
 * the file describes in a VTIMEZONE. */
static void
test_sample_recurrence_id (void)
{
  const char *samples = g_getenv ("DG_SAMPLES_DIR");
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(DgIcalDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *recurrence_id = NULL;
  GPtrArray *todos;
  gsize length;

  if (samples == NULL || !g_file_test (samples, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The shared sample files are not here ($DG_SAMPLES_DIR is not a folder).");
      return;
    }
  path = g_build_filename (samples, "B", "tasksorg_thunderbird_completed_recurring_todo.ics", NULL);
  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  document = dg_ical_document_read (data, length, &error);
  g_assert_no_error (error);
  if (document == NULL)
    return;
  todos = dg_ical_document_get_components (document, ICAL_VTODO_COMPONENT);
  g_assert_cmpuint (todos->len, ==, 2);
  g_assert_cmpuint (dg_ical_document_get_line (document, todos->pdata[1]), ==, 32);
  recurrence_id = date_time_utc (document, todos->pdata[1], ICAL_RECURRENCEID_PROPERTY, NULL);
  g_assert_cmpstr (recurrence_id, ==, "2020-12-20T23:00:00Z");
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/ical-document/two-calendars", test_two_calendars);
  g_test_add_func ("/ical-document/line-ends", test_line_ends);
  g_test_add_func ("/ical-document/mixed-line-ends", test_mixed_line_ends_fixture);
  g_test_add_func ("/ical-document/bom", test_bom);
  g_test_add_func ("/ical-document/folded", test_folded);
  g_test_add_func ("/ical-document/time-zones", test_time_zones);
  g_test_add_func ("/ical-document/windows-zones", test_windows_zones);
  g_test_add_func ("/ical-document/tzid-to-iana", test_tzid_to_iana);
  g_test_add_func ("/ical-document/unknown-names", test_unknown_names);
  g_test_add_func ("/ical-document/refused-fixtures", test_refused_fixtures);
  g_test_add_func ("/ical-document/refused-text", test_refused_text);
  g_test_add_func ("/ical-document/not-a-calendar", test_not_a_calendar);
  g_test_add_func ("/ical-document/samples", test_samples);
  g_test_add_func ("/ical-document/sample-recurrence-id", test_sample_recurrence_id);

  return g_test_run ();
}
