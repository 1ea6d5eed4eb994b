/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-time-import"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-duration.h"
#include "dg-time-import-private.h"

/* The CSV side of the time import: which tool wrote a header, and what one
 * row of it says (who, when, how long, what). Each tool writes its own
 * columns and date formats:
 *   Toggl Track  "Start date" 2024-03-04, "Start time" 10:23:00, "Duration" 01:00:01
 *   Clockify     "Start Date" 03/04/2024 (in the exporting user's date format:
 *                month or day first), "Start Time" 10:23 AM, "Duration (h)"
 *   Kimai        "Date" 2024-03-04, "From"/"To" 10:23, "Duration" 1.5 (or 1:30);
 *                German headers ("Datum", "Von", "Bis", "Dauer") from a German template
 *   Harvest      "Date" 2024-03-04 and decimal "Hours" only ("20,0" in European files)
 * Any other CSV comes through a column mapping. */

/* Harvest writes only a day; its entries begin at 09:00 there, as those of
 * the weekly grid do, so that a day's hours stay on that day. */
#define DAY_ONLY_START_HOUR 9

/* Displayed row text is cut here. */
#define ROW_TEXT_CHARS 120

typedef struct
{
  int          date;
  int          start_time;   /* -1: the date column may hold the time */
  int          end_date;
  int          end_time;
  int          duration;
  int          duration_alt; /* read when @duration is empty */
  int          note;
  int          task;
  int          email;
  int          user;
  int          user_alt;
  int          first_name;
  int          last_name;
  DgDateOrder  slash_order;  /* what "03/04/2024" means in this file */
  gboolean     mixed_slash_orders; /* some dates are dates only day first,
                                    * others only month first */
} Columns;

/* ---- header names -------------------------------------------------------- */

static char *
fold_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));

  return g_utf8_casefold (stripped, -1);
}

/* The first column whose name is one of @names (ignoring case and
 * surrounding spaces) and not taken in @used, or -1. @names are in the
 * order of preference. */
static int
find_column (const char * const *header,
             const char * const *names,
             const gboolean     *used)
{
  for (guint n = 0; names[n] != NULL; n++)
    {
      g_autofree char *wanted = g_utf8_casefold (names[n], -1);

      for (guint i = 0; header[i] != NULL; i++)
        {
          g_autofree char *folded = NULL;

          if (used != NULL && used[i])
            continue;
          folded = fold_name (header[i]);
          if (strcmp (folded, wanted) == 0)
            return (int) i;
        }
    }
  return -1;
}

#define FIND(header, ...) find_column ((header), (const char * const[]) { __VA_ARGS__, NULL }, NULL)

static gboolean
has_exact (const char * const *header,
           const char         *name)
{
  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
columns_init (Columns *columns)
{
  columns->date = columns->start_time = columns->end_date = columns->end_time = -1;
  columns->duration = columns->duration_alt = columns->note = columns->task = -1;
  columns->email = columns->user = columns->user_alt = -1;
  columns->first_name = columns->last_name = -1;
  columns->slash_order = DG_DATE_ORDER_MDY;
  columns->mixed_slash_orders = FALSE;
}

/* Toggl and Clockify both write "Start date"/"Start Date" … "End time";
 * Clockify's durations are "Duration (h)" and "Duration (decimal)",
 * Toggl's is "Duration". Without either (a trimmed export), the casing
 * tells them apart: Clockify capitalises "Date" and "Time". */
static gboolean
is_toggl_or_clockify (const char * const *header,
                      gboolean           *clockify)
{
  if (FIND (header, "start date") < 0 || FIND (header, "start time") < 0)
    return FALSE;
  if (FIND (header, "duration (h)") >= 0 || FIND (header, "duration (decimal)") >= 0)
    *clockify = TRUE;
  else if (FIND (header, "duration") >= 0)
    *clockify = FALSE;
  else
    *clockify = has_exact (header, "Start Date");
  return TRUE;
}

static gboolean
is_harvest (const char * const *header)
{
  return FIND (header, "date") >= 0 && FIND (header, "hours") >= 0 &&
         FIND (header, "notes") >= 0 && FIND (header, "first name") >= 0 &&
         FIND (header, "last name") >= 0;
}

/* Kimai's export names its columns in the template's language: English
 * "Date, From, To, Duration", German "Datum, Von, Bis, Dauer". */
static gboolean
is_kimai (const char * const *header)
{
  return FIND (header, "date", "datum") >= 0 &&
         FIND (header, "from", "von", "begin", "beginn") >= 0 &&
         FIND (header, "to", "bis", "end", "ende") >= 0 &&
         FIND (header, "duration", "dauer") >= 0;
}

DgTimeImportFormat
_dg_time_import_csv_recognize (const char * const *header)
{
  gboolean clockify = FALSE;

  g_assert (header != NULL);

  if (is_harvest (header))
    return DG_TIME_IMPORT_FORMAT_HARVEST;
  if (is_toggl_or_clockify (header, &clockify))
    return clockify ? DG_TIME_IMPORT_FORMAT_CLOCKIFY : DG_TIME_IMPORT_FORMAT_TOGGL;
  if (is_kimai (header))
    return DG_TIME_IMPORT_FORMAT_KIMAI;
  return DG_TIME_IMPORT_FORMAT_MAPPED_CSV;
}

static void
columns_for_tool (DgTimeImportFormat  format,
                  const char * const *header,
                  Columns            *columns)
{
  columns_init (columns);
  switch (format)
    {
    case DG_TIME_IMPORT_FORMAT_TOGGL:
    case DG_TIME_IMPORT_FORMAT_CLOCKIFY:
      columns->date = FIND (header, "start date");
      columns->start_time = FIND (header, "start time");
      columns->end_date = FIND (header, "end date");
      columns->end_time = FIND (header, "end time");
      if (format == DG_TIME_IMPORT_FORMAT_TOGGL)
        columns->duration = FIND (header, "duration");
      else
        {
          columns->duration = FIND (header, "duration (h)");
          columns->duration_alt = FIND (header, "duration (decimal)");
        }
      columns->note = FIND (header, "description");
      columns->task = FIND (header, "task");
      columns->email = FIND (header, "email", "e-mail");
      columns->user = FIND (header, "user");
      break;
    case DG_TIME_IMPORT_FORMAT_KIMAI:
      columns->date = FIND (header, "date", "datum");
      columns->start_time = FIND (header, "from", "von", "begin", "beginn");
      columns->end_time = FIND (header, "to", "bis", "end", "ende");
      columns->duration = FIND (header, "duration", "dauer");
      columns->note = FIND (header, "description", "beschreibung");
      columns->task = FIND (header, "activity", "tätigkeit");
      columns->email = FIND (header, "e-mail", "email");
      columns->user = FIND (header, "name");
      columns->user_alt = FIND (header, "user", "benutzer", "username", "benutzername");
      columns->slash_order = DG_DATE_ORDER_DMY;
      break;
    case DG_TIME_IMPORT_FORMAT_HARVEST:
      columns->date = FIND (header, "date");
      columns->duration = FIND (header, "hours");
      columns->note = FIND (header, "notes");
      columns->task = FIND (header, "task");
      columns->first_name = FIND (header, "first name");
      columns->last_name = FIND (header, "last name");
      break;
    case DG_TIME_IMPORT_FORMAT_NONE:
    case DG_TIME_IMPORT_FORMAT_MAPPED_CSV:
    case DG_TIME_IMPORT_FORMAT_ICALENDAR:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
columns_for_mapping (const DgTimeColumnMapping  *mapping,
                     guint                       n_columns,
                     Columns                    *columns,
                     GError                    **error)
{
  const int *c = mapping->columns;

  for (guint i = 0; i < DG_TIME_COLUMN_COUNT; i++)
    if (c[i] >= (int) n_columns)
      {
        g_set_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING,
                     /* TRANSLATORS: %s is a field such as "Duration", %d a
                      * column number, %u how many columns the file has */
                     ngettext ("“%s” is set to column %d, but the file has only %u column.",
                               "“%s” is set to column %d, but the file has only %u columns.",
                               n_columns),
                     dg_time_column_get_label (i), c[i] + 1, n_columns);
        return FALSE;
      }
  if (c[DG_TIME_COLUMN_DATE] < 0)
    {
      g_set_error_literal (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING,
                           _("Choose the column that holds the date."));
      return FALSE;
    }
  if (c[DG_TIME_COLUMN_DURATION] < 0 &&
      (c[DG_TIME_COLUMN_START_TIME] < 0 || c[DG_TIME_COLUMN_END_TIME] < 0))
    {
      g_set_error_literal (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING,
                           _("Choose the column that holds the duration, or the columns of the start and end time."));
      return FALSE;
    }

  columns_init (columns);
  columns->date = c[DG_TIME_COLUMN_DATE];
  columns->start_time = c[DG_TIME_COLUMN_START_TIME];
  columns->end_time = c[DG_TIME_COLUMN_END_TIME];
  columns->duration = c[DG_TIME_COLUMN_DURATION];
  columns->note = c[DG_TIME_COLUMN_NOTE];
  columns->task = c[DG_TIME_COLUMN_TASK];
  /* One person column: an e-mail address or a name, row by row. */
  columns->user = c[DG_TIME_COLUMN_PERSON];
  columns->slash_order = mapping->date_order;
  return TRUE;
}

/* ---- the mapping step ---------------------------------------------------- */

const char *
dg_time_column_get_label (DgTimeColumn column)
{
  switch (column)
    {
    case DG_TIME_COLUMN_DATE:
      return _("Date");
    case DG_TIME_COLUMN_START_TIME:
      return _("Start Time");
    case DG_TIME_COLUMN_END_TIME:
      return _("End Time");
    case DG_TIME_COLUMN_DURATION:
      return _("Duration");
    case DG_TIME_COLUMN_NOTE:
      return _("Note");
    case DG_TIME_COLUMN_TASK:
      return _("Task");
    case DG_TIME_COLUMN_PERSON:
      return _("Person");
    case DG_TIME_COLUMN_COUNT:
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
dg_time_column_mapping_guess (const char * const  *header,
                              DgTimeColumnMapping *out_mapping)
{
  /* Names people and spreadsheets give these columns, most specific
   * first; a column is used for one field only. */
  static const char * const date_names[] = {
    "date", "datum", "day", "tag", "start date", "startdatum", "work date", NULL
  };
  static const char * const start_names[] = {
    "start time", "startzeit", "start", "from", "von", "begin", "beginn", "time from", NULL
  };
  static const char * const end_names[] = {
    "end time", "endzeit", "end", "to", "bis", "ende", "time to", NULL
  };
  static const char * const duration_names[] = {
    "duration", "dauer", "hours", "stunden", "duration (h)", "time spent", "arbeitszeit",
    "zeit", "time", "std.", NULL
  };
  static const char * const note_names[] = {
    "description", "beschreibung", "notes", "note", "notiz", "notizen", "comment",
    "kommentar", "bemerkung", "details", NULL
  };
  static const char * const task_names[] = {
    "task", "aufgabe", "activity", "tätigkeit", "project", "projekt", NULL
  };
  static const char * const person_names[] = {
    "e-mail", "email", "mail", "e-mail address", "email address", "user", "benutzer",
    "person", "name", "employee", "mitarbeiter", "mitarbeiterin", "assistant", "assistent",
    "assistentin", NULL
  };
  static const char * const * const names[DG_TIME_COLUMN_COUNT] = {
    [DG_TIME_COLUMN_DATE] = date_names,
    [DG_TIME_COLUMN_START_TIME] = start_names,
    [DG_TIME_COLUMN_END_TIME] = end_names,
    [DG_TIME_COLUMN_DURATION] = duration_names,
    [DG_TIME_COLUMN_NOTE] = note_names,
    [DG_TIME_COLUMN_TASK] = task_names,
    [DG_TIME_COLUMN_PERSON] = person_names,
  };
  g_autofree gboolean *used = NULL;
  guint n_columns;

  g_return_val_if_fail (header != NULL, FALSE);
  g_return_val_if_fail (out_mapping != NULL, FALSE);

  n_columns = g_strv_length ((char **) header);
  used = g_new0 (gboolean, MAX (n_columns, 1));
  for (guint i = 0; i < DG_TIME_COLUMN_COUNT; i++)
    {
      int column = find_column (header, names[i], used);

      out_mapping->columns[i] = column;
      if (column >= 0)
        used[column] = TRUE;
    }
  out_mapping->date_order = DG_DATE_ORDER_YMD;

  return out_mapping->columns[DG_TIME_COLUMN_DATE] >= 0 &&
         (out_mapping->columns[DG_TIME_COLUMN_DURATION] >= 0 ||
          (out_mapping->columns[DG_TIME_COLUMN_START_TIME] >= 0 &&
           out_mapping->columns[DG_TIME_COLUMN_END_TIME] >= 0));
}

/* ---- dates and times ----------------------------------------------------- */

/* Reads 1 to @max_digits digits at *@p. */
static gboolean
read_number (const char **p,
             guint        max_digits,
             int         *out_value)
{
  guint n = 0;
  int value = 0;

  while (n < max_digits && g_ascii_isdigit ((*p)[n]))
    {
      value = value * 10 + ((*p)[n] - '0');
      n++;
    }
  if (n == 0)
    return FALSE;
  *p += n;
  *out_value = value;
  return TRUE;
}

typedef enum
{
  DATE_OK,
  DATE_INVALID,
  DATE_AMBIGUOUS,  /* 03/04/2026 without a known order */
} DateResult;

/* A date as the trackers write it: 2026-03-02 (also with / or .), 02.03.2026
 * (always day first), 03/02/2026 or 03-02-2026 in @slash_order. Sets *@rest
 * to what follows (a time, perhaps). */
static DateResult
parse_date (const char   *text,
            DgDateOrder   slash_order,
            DgLocalTime  *out,
            const char  **rest)
{
  const char *p = text;
  const char *second_part;
  int a, b, c;
  char separator;
  int year, month, day;
  gboolean year_first;

  if (!read_number (&p, 4, &a) || (*p != '-' && *p != '/' && *p != '.'))
    return DATE_INVALID;
  year_first = p - text == 4;
  separator = *p++;
  if (!read_number (&p, 2, &b) || *p != separator)
    return DATE_INVALID;
  p++;
  second_part = p;
  if (!read_number (&p, 4, &c))
    return DATE_INVALID;

  if (year_first)
    {
      if (p - second_part > 2)
        return DATE_INVALID;
      year = a;
      month = b;
      day = c;
    }
  else if (p - second_part != 4)
    return DATE_INVALID;
  else if (separator == '.')
    {
      year = c;
      month = b;
      day = a;
    }
  else
    {
      year = c;
      if (slash_order == DG_DATE_ORDER_MDY || (slash_order == DG_DATE_ORDER_YMD && b > 12 && a <= 12))
        {
          month = a;
          day = b;
        }
      else if (slash_order == DG_DATE_ORDER_DMY || (slash_order == DG_DATE_ORDER_YMD && a > 12 && b <= 12))
        {
          day = a;
          month = b;
        }
      else if (a == b)
        day = month = a;
      else
        return DATE_AMBIGUOUS;
    }

  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy (day, month, year))
    return DATE_INVALID;
  out->year = year;
  out->month = month;
  out->day = day;
  *rest = p;
  return DATE_OK;
}

/* "10:23", "10:23:52", "10:23 AM", "11:23:01 PM", optionally followed by
 * "Z" or an offset "+02:00" (then *@has_offset and *@offset_seconds). */
static gboolean
parse_time (const char  *text,
            DgLocalTime *out,
            gboolean    *has_offset,
            int         *offset_seconds)
{
  const char *p = text;
  int hour, minute, second = 0;

  *has_offset = FALSE;
  *offset_seconds = 0;
  while (*p == ' ')
    p++;
  if (!read_number (&p, 2, &hour) || *p != ':')
    return FALSE;
  p++;
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || !read_number (&p, 2, &minute))
    return FALSE;
  if (*p == ':')
    {
      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || !read_number (&p, 2, &second))
        return FALSE;
      /* Fractions of a second, as ISO 8601 allows, are dropped. */
      if (*p == '.' || *p == ',')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }
  while (*p == ' ')
    p++;

  if (g_ascii_strncasecmp (p, "am", 2) == 0 || g_ascii_strncasecmp (p, "pm", 2) == 0 ||
      g_ascii_strncasecmp (p, "a.m.", 4) == 0 || g_ascii_strncasecmp (p, "p.m.", 4) == 0)
    {
      gboolean pm = g_ascii_tolower (*p) == 'p';

      if (hour < 1 || hour > 12)
        return FALSE;
      hour = hour % 12 + (pm ? 12 : 0);
      p += p[1] == '.' ? 4 : 2;
    }
  else if (*p == 'Z' || *p == 'z')
    {
      *has_offset = TRUE;
      p++;
    }
  else if (*p == '+' || *p == '-')
    {
      int sign = *p == '-' ? -1 : 1;
      int offset_hours, offset_minutes = 0;

      p++;
      if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]) || !read_number (&p, 2, &offset_hours))
        return FALSE;
      if (*p == ':')
        p++;
      if (g_ascii_isdigit (*p) && !read_number (&p, 2, &offset_minutes))
        return FALSE;
      if (offset_hours > 23 || offset_minutes > 59)
        return FALSE;
      *has_offset = TRUE;
      *offset_seconds = sign * (offset_hours * 3600 + offset_minutes * 60);
    }
  while (*p == ' ')
    p++;
  if (*p != '\0' || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  out->hour = hour;
  out->minute = minute;
  out->second = second;
  out->set = TRUE;
  return TRUE;
}

/* The instant a wall clock with a stated offset names. */
static GDateTime *
local_with_offset (const DgLocalTime *local,
                   int                offset_seconds)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_offset (offset_seconds);

  return g_date_time_new (zone, local->year, local->month, local->day,
                          local->hour, local->minute, local->second);
}

static char *
date_reason (const char    *text,
             DateResult     result,
             const Columns *columns)
{
  DgDateOrder slash_order = columns->slash_order;

  if (columns->mixed_slash_orders && slash_order == DG_DATE_ORDER_MDY)
    /* TRANSLATORS: %s is a date as the file has it, such as 13/03/2026 */
    return g_strdup_printf (_("“%s” is a date only when read day first, but other dates of the file are dates only when read month first: correct the dates in the file."),
                            text);
  if (columns->mixed_slash_orders && slash_order == DG_DATE_ORDER_DMY)
    /* TRANSLATORS: %s is a date as the file has it, such as 03/13/2026 */
    return g_strdup_printf (_("“%s” is a date only when read month first, but other dates of the file are dates only when read day first: correct the dates in the file."),
                            text);
  if (result == DATE_AMBIGUOUS)
    /* TRANSLATORS: %s is a date as the file has it, such as 03/04/2026 */
    return g_strdup_printf (_("The date “%s” could be read day first or month first: choose the date order in the column mapping."),
                            text);
  if (slash_order == DG_DATE_ORDER_MDY)
    /* TRANSLATORS: %s is the text the file has where a date should be */
    return g_strdup_printf (_("“%s” is not a date; write dates as 2026-03-02, 02.03.2026 or 03/02/2026 (month first)."),
                            text);
  return g_strdup_printf (_("“%s” is not a date; write dates as 2026-03-02, 02.03.2026 or 02/03/2026 (day first)."),
                          text);
}

static char *
time_reason (const char *text)
{
  /* TRANSLATORS: %s is the text the file has where a time of day should be */
  return g_strdup_printf (_("“%s” is not a time of day; write times as 14:30, 14:30:00 or 2:30 PM."),
                          text);
}

/* ---- one row ------------------------------------------------------------- */

static const char *
field (DgCsvRecord *record,
       int          column)
{
  if (column < 0 || (guint) column >= record->n_fields)
    return "";
  return record->fields[column];
}

/* The field without surrounding white space, or NULL when that leaves
 * nothing. */
static char *
dup_field (DgCsvRecord *record,
           int          column)
{
  char *text = g_strstrip (g_strdup (field (record, column)));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The record as a CSV line again (quoted where a field needs it), with a
 * space after each separator for reading. */
static char *
record_text (DgCsvRecord *record,
             char         separator)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < record->n_fields; i++)
    {
      const char *text = record->fields[i];

      if (i > 0)
        {
          g_string_append_c (line, separator);
          if (separator != '\t')
            g_string_append_c (line, ' ');
        }
      if (strchr (text, separator) != NULL || strchr (text, '"') != NULL)
        {
          g_autoptr(GString) quoted = g_string_new (text);

          g_string_replace (quoted, "\"", "\"\"", 0);
          g_string_append_printf (line, "\"%s\"", quoted->str);
        }
      else
        g_string_append (line, text);
    }
  return _dg_time_import_shorten (line->str, ROW_TEXT_CHARS);
}

static void
add_person (DgTimeImportCandidate *candidate,
            char                  *text)
{
  if (text == NULL)
    return;
  if (strchr (text, '@') != NULL)
    g_ptr_array_add (candidate->emails, text);
  else
    g_ptr_array_add (candidate->names, text);
}

/* The start: a date (which may carry the time) and a time column, or a
 * date alone. FALSE with the candidate marked bad when unreadable. */
static gboolean
read_start (DgTimeImportCandidate *candidate,
            DgCsvRecord           *record,
            const Columns         *columns,
            gboolean              *out_has_time)
{
  g_autofree char *date_text = dup_field (record, columns->date);
  g_autofree char *time_text = dup_field (record, columns->start_time);
  DgLocalTime *local = &candidate->local_start;
  const char *rest = NULL;
  DateResult result;
  gboolean has_offset = FALSE;
  int offset = 0;

  if (date_text == NULL)
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                     g_strdup (_("The line has no date.")));
      return FALSE;
    }
  result = parse_date (date_text, columns->slash_order, local, &rest);
  if (result != DATE_OK)
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                     date_reason (date_text, result, columns));
      return FALSE;
    }

  *out_has_time = TRUE;
  if (*rest == 'T' || *rest == 't' || *rest == ' ')
    {
      /* A date-time in one column: "2026-03-02 14:30", ISO 8601. */
      if (!parse_time (rest + 1, local, &has_offset, &offset))
        {
          _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                         date_reason (date_text, DATE_INVALID, columns));
          return FALSE;
        }
    }
  else if (*rest != '\0')
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                     date_reason (date_text, DATE_INVALID, columns));
      return FALSE;
    }
  else if (time_text != NULL)
    {
      if (!parse_time (time_text, local, &has_offset, &offset))
        {
          _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD, time_reason (time_text));
          return FALSE;
        }
    }
  else
    {
      *out_has_time = FALSE;
      candidate->day_only = TRUE;
      local->hour = DAY_ONLY_START_HOUR;
      local->minute = local->second = 0;
    }
  local->set = TRUE;

  if (has_offset)
    {
      candidate->start = local_with_offset (local, offset);
      local->set = FALSE;
    }
  return TRUE;
}

/* The end from an end time (and an end date, when the file has one): a
 * time before the start on the same day is on the next day, as when work
 * goes past midnight. */
static gboolean
read_end (DgTimeImportCandidate *candidate,
          DgCsvRecord           *record,
          const Columns         *columns,
          const char            *time_text)
{
  g_autofree char *end_date_text = dup_field (record, columns->end_date);
  DgLocalTime *end = &candidate->local_end;
  const DgLocalTime *start = &candidate->local_start;
  gboolean has_offset = FALSE;
  int offset = 0;

  *end = *start;
  if (candidate->start != NULL)
    {
      end->year = g_date_time_get_year (candidate->start);
      end->month = g_date_time_get_month (candidate->start);
      end->day = g_date_time_get_day_of_month (candidate->start);
    }
  if (end_date_text != NULL)
    {
      const char *rest = NULL;
      DateResult result = parse_date (end_date_text, columns->slash_order, end, &rest);

      if (result != DATE_OK || *rest != '\0')
        {
          _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                         date_reason (end_date_text, result == DATE_OK ? DATE_INVALID : result,
                                                      columns));
          return FALSE;
        }
    }
  if (!parse_time (time_text, end, &has_offset, &offset))
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD, time_reason (time_text));
      return FALSE;
    }
  end->set = TRUE;

  if (end_date_text == NULL)
    {
      int start_clock = start->hour * 3600 + start->minute * 60 + start->second;
      int end_clock = end->hour * 3600 + end->minute * 60 + end->second;

      if (candidate->start != NULL)
        start_clock = g_date_time_get_hour (candidate->start) * 3600 +
                      g_date_time_get_minute (candidate->start) * 60 +
                      g_date_time_get_second (candidate->start);
      if (end_clock < start_clock)
        {
          GDate date;

          g_date_clear (&date, 1);
          g_date_set_dmy (&date, end->day, end->month, end->year);
          g_date_add_days (&date, 1);
          end->year = g_date_get_year (&date);
          end->month = g_date_get_month (&date);
          end->day = g_date_get_day (&date);
        }
    }

  if (has_offset)
    {
      candidate->end = local_with_offset (end, offset);
      end->set = FALSE;
    }
  return TRUE;
}

static void
read_record (DgTimeImportCandidate *candidate,
             DgCsvRecord           *record,
             guint                  n_columns,
             const Columns         *columns)
{
  g_autofree char *duration_text = NULL;
  g_autofree char *end_time_text = NULL;
  gboolean has_time = FALSE;
  gboolean empty = TRUE;

  if (record->problem != NULL)
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD, g_strdup (record->problem));
      return;
    }
  if (record->n_fields != n_columns)
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                     /* TRANSLATORS: the first %u is the
                                      * fields of a line, the second those
                                      * of the header; the first plural
                                      * is chosen by the first number */
                                     g_strdup_printf (ngettext ("The line has %u field, but the header has %u; a separator or a quote is missing or one too many.",
                                                                "The line has %u fields, but the header has %u; a separator or a quote is missing or one too many.",
                                                                record->n_fields),
                                                      record->n_fields, n_columns));
      return;
    }
  for (guint i = 0; i < record->n_fields && empty; i++)
    for (const char *c = record->fields[i]; *c != '\0' && empty; c++)
      empty = g_ascii_isspace (*c);
  if (empty)
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_IGNORED,
                                     g_strdup (_("The line is empty.")));
      return;
    }

  if (!read_start (candidate, record, columns, &has_time))
    return;

  duration_text = dup_field (record, columns->duration);
  if (duration_text == NULL)
    duration_text = dup_field (record, columns->duration_alt);
  end_time_text = dup_field (record, columns->end_time);

  if (duration_text != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!dg_duration_parse (duration_text, 0, &candidate->seconds, &error))
        {
          _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD, g_strdup (error->message));
          return;
        }
    }
  else if (end_time_text != NULL && has_time)
    {
      if (!read_end (candidate, record, columns, end_time_text))
        return;
    }
  else
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                     g_strdup (_("The line has neither a duration nor a start and end time.")));
      return;
    }

  add_person (candidate, dup_field (record, columns->email));
  add_person (candidate, dup_field (record, columns->user));
  add_person (candidate, dup_field (record, columns->user_alt));
  if (columns->first_name >= 0 || columns->last_name >= 0)
    {
      g_autofree char *first = dup_field (record, columns->first_name);
      g_autofree char *last = dup_field (record, columns->last_name);

      if (first != NULL || last != NULL)
        add_person (candidate, g_strjoin (" ", first != NULL ? first : last,
                                          first != NULL ? last : NULL, NULL));
    }

  candidate->task = dup_field (record, columns->task);
  candidate->note = g_strdup (field (record, columns->note));
  candidate->description = dup_field (record, columns->note);
}

/* ---- the order of slash dates ------------------------------------------- */

void
_dg_time_import_date_reading_clear (DgTimeImportDateReading *reading)
{
  reading->order = DG_DATE_ORDER_YMD;
  reading->guessed = FALSE;
  g_clear_pointer (&reading->example, g_free);
  g_clear_pointer (&reading->example_read, g_free);
}

/* Tools write slash dates in their user's format (Clockify: MM/DD/YYYY,
 * DD/MM/YYYY, DD-MM-YYYY, …), so a file can only show its order through
 * its dates: one that is a date only day first (13/03/2024) or only month
 * first (03/13/2024) settles it for the whole file. A file that shows
 * neither is read in the tool's usual order (columns->slash_order), and
 * @reading says that this was a guess, with one of its dates as an example
 * the owner can check. A file that shows both is read in the usual order
 * too, its rows that fail then say that the file contradicts itself. */
static void
settle_slash_order (Columns                 *columns,
                    GPtrArray               *records,
                    guint                    n_columns,
                    DgTimeImportDateReading *reading)
{
  const int date_columns[] = { columns->date, columns->end_date };
  gboolean day_first = FALSE;
  gboolean month_first = FALSE;
  g_autofree char *example = NULL;
  DgLocalTime example_dmy = { 0, };
  DgLocalTime example_mdy = { 0, };

  for (guint i = 1; i < records->len; i++)
    {
      DgCsvRecord *record = records->pdata[i];

      if (record->problem != NULL || record->n_fields != n_columns)
        continue;
      for (guint c = 0; c < G_N_ELEMENTS (date_columns); c++)
        {
          g_autofree char *text = dup_field (record, date_columns[c]);
          DgLocalTime dmy = { 0, }, mdy = { 0, };
          const char *rest = NULL;
          gboolean is_dmy, is_mdy;

          if (text == NULL)
            continue;
          is_dmy = parse_date (text, DG_DATE_ORDER_DMY, &dmy, &rest) == DATE_OK;
          is_mdy = parse_date (text, DG_DATE_ORDER_MDY, &mdy, &rest) == DATE_OK;
          if (is_dmy && !is_mdy)
            day_first = TRUE;
          else if (is_mdy && !is_dmy)
            month_first = TRUE;
          else if (is_dmy && is_mdy && example == NULL &&
                   (dmy.month != mdy.month || dmy.day != mdy.day))
            {
              example = g_steal_pointer (&text);
              example_dmy = dmy;
              example_mdy = mdy;
            }
        }
    }

  if (day_first != month_first)
    columns->slash_order = day_first ? DG_DATE_ORDER_DMY : DG_DATE_ORDER_MDY;
  else if (day_first)
    /* No order reads every date, and choosing one would not help: the rows
     * that fail say so. */
    columns->mixed_slash_orders = TRUE;
  else if (example != NULL)
    {
      const DgLocalTime *read = columns->slash_order == DG_DATE_ORDER_DMY ? &example_dmy : &example_mdy;

      reading->guessed = TRUE;
      reading->example_read = g_strdup_printf ("%04d-%02d-%02d", read->year, read->month, read->day);
      reading->example = g_steal_pointer (&example);
    }
  reading->order = columns->slash_order;
}

gboolean
_dg_time_import_csv_read (DgTimeImportFormat          format,
                          const DgTimeColumnMapping  *mapping,
                          DgDateOrder                 date_order,
                          GPtrArray                  *records,
                          char                        separator,
                          GPtrArray                  *candidates,
                          DgTimeImportDateReading    *out_reading,
                          GError                    **error)
{
  DgCsvRecord *header;
  Columns columns;

  g_assert (records != NULL && records->len > 0);
  g_assert (out_reading != NULL);

  _dg_time_import_date_reading_clear (out_reading);

  header = records->pdata[0];
  if (format == DG_TIME_IMPORT_FORMAT_MAPPED_CSV)
    {
      g_assert (mapping != NULL);
      if (!columns_for_mapping (mapping, header->n_fields, &columns, error))
        return FALSE;
    }
  else
    {
      columns_for_tool (format, (const char * const *) header->fields, &columns);
      if (date_order != DG_DATE_ORDER_YMD)
        columns.slash_order = date_order;
      else
        settle_slash_order (&columns, records, header->n_fields, out_reading);
    }
  out_reading->order = columns.slash_order;

  for (guint i = 1; i < records->len; i++)
    {
      DgCsvRecord *record = records->pdata[i];
      DgTimeImportCandidate *candidate =
        _dg_time_import_candidate_new (record->line, record_text (record, separator));

      read_record (candidate, record, header->n_fields, &columns);
      g_ptr_array_add (candidates, candidate);
    }
  return TRUE;
}
