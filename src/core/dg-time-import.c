/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-time-import"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-duration.h"
#include "dg-task-private.h"
#include "dg-time-entry-private.h"
#include "dg-time-import-private.h"

/* Importing hours: the readers turn the file into candidates, and this
 * file decides what each becomes. Who: the assistant named by e-mail, then
 * by name, else the default assistant. When: an instant the file states,
 * or a wall clock of the assistant's zone. A wall clock the zone skips (the
 * hour the clocks go forward) is a bad line rather than a guess: the file
 * and the zone disagree, and only the owner can tell which is right. A
 * wall clock the zone has twice is read as GLib reads it.
 * Recognising again: the file's own id, else a digest of assistant, start,
 * minutes, task and note, with a counter for rows that are all alike. */

#define MAX_MINUTES 1440

G_DEFINE_QUARK (dg-time-import-error-quark, dg_time_import_error)

typedef struct
{
  gint64  id;
  char   *title;
  char   *key;        /* trimmed, case folded */
} ImportTask;

typedef struct
{
  gint64     id;
  char      *name;
  char      *name_key;
  char      *email_key;
  char      *time_zone;
  gboolean   active;
  GPtrArray *tasks;   /* ImportTask * */
} ImportAssistant;

struct _DgTimeImport
{
  GObject              parent_instance;

  DgTimesheetStore    *store;
  gint64               default_assistant_id;
  gboolean             has_mapping;
  DgTimeColumnMapping  mapping;
  DgDateOrder          date_order;  /* the owner's choice; YMD: none */

  DgTimeImportFormat   format;
  DgTimeImportDateReading date_reading;
  GStrv                header;
  GPtrArray           *rows;        /* DgTimeImportRow * */
};

G_DEFINE_FINAL_TYPE (DgTimeImport, dg_time_import, G_TYPE_OBJECT)

static const char sql_assistants[] =
  "SELECT id, name, email, time_zone, active FROM assistants ORDER BY id";
static const char sql_tasks[] =
  "SELECT id, title, assistant_id FROM tasks ORDER BY id";
/* An entry of the assistant from the same tool that starts within the
 * minute [?4, ?5) but is not this row's; local_date (a day either side of
 * the row's, as the stored entry's zone may differ) lets the week index
 * find it among a year of entries. */
static const char sql_same_start[] =
  "SELECT minutes FROM time_entries"
  " WHERE assistant_id = ?1 AND local_date BETWEEN ?2 AND ?3"
  "   AND start_utc >= ?4 AND start_utc < ?5"
  "   AND source = ?6 AND external_id <> ?7"
  " LIMIT 1";

/* ---- formats ------------------------------------------------------------ */

const char *
dg_time_import_format_get_label (DgTimeImportFormat format)
{
  switch (format)
    {
    case DG_TIME_IMPORT_FORMAT_TOGGL:
      return "Toggl Track";
    case DG_TIME_IMPORT_FORMAT_CLOCKIFY:
      return "Clockify";
    case DG_TIME_IMPORT_FORMAT_KIMAI:
      return "Kimai";
    case DG_TIME_IMPORT_FORMAT_HARVEST:
      return "Harvest";
    case DG_TIME_IMPORT_FORMAT_MAPPED_CSV:
      return _("CSV File");
    case DG_TIME_IMPORT_FORMAT_ICALENDAR:
      return _("Calendar File");
    case DG_TIME_IMPORT_FORMAT_NONE:
    default:
      return "";
    }
}

const char *
dg_time_import_format_get_source (DgTimeImportFormat format)
{
  switch (format)
    {
    case DG_TIME_IMPORT_FORMAT_TOGGL:
      return "toggl";
    case DG_TIME_IMPORT_FORMAT_CLOCKIFY:
      return "clockify";
    case DG_TIME_IMPORT_FORMAT_KIMAI:
      return "kimai";
    case DG_TIME_IMPORT_FORMAT_HARVEST:
      return "harvest";
    case DG_TIME_IMPORT_FORMAT_MAPPED_CSV:
      return "csv";
    case DG_TIME_IMPORT_FORMAT_ICALENDAR:
      return "ical";
    case DG_TIME_IMPORT_FORMAT_NONE:
    default:
      return "";
    }
}

/* ---- rows and candidates ------------------------------------------------ */

void
dg_time_import_row_free (DgTimeImportRow *row)
{
  if (row == NULL)
    return;
  g_clear_object (&row->entry);
  g_free (row->text);
  g_free (row->reason);
  g_free (row);
}

DgTimeImportCandidate *
_dg_time_import_candidate_new (guint  line,
                               char  *text)
{
  DgTimeImportCandidate *candidate = g_new0 (DgTimeImportCandidate, 1);

  candidate->line = line;
  candidate->text = text != NULL ? text : g_strdup ("");
  candidate->kind = DG_TIME_IMPORT_ROW_ADD;
  candidate->emails = g_ptr_array_new_with_free_func (g_free);
  candidate->names = g_ptr_array_new_with_free_func (g_free);
  candidate->seconds = -1;
  return candidate;
}

void
_dg_time_import_candidate_free (DgTimeImportCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->text);
  g_free (candidate->reason);
  g_ptr_array_unref (candidate->emails);
  g_ptr_array_unref (candidate->names);
  g_clear_pointer (&candidate->start, g_date_time_unref);
  g_clear_pointer (&candidate->end, g_date_time_unref);
  g_free (candidate->task);
  g_free (candidate->description);
  g_free (candidate->note);
  g_free (candidate->external_id);
  g_free (candidate);
}

void
_dg_time_import_candidate_set (DgTimeImportCandidate *candidate,
                               DgTimeImportRowKind    kind,
                               char                  *reason)
{
  g_assert (kind == DG_TIME_IMPORT_ROW_IGNORED || kind == DG_TIME_IMPORT_ROW_BAD);

  candidate->kind = kind;
  g_free (candidate->reason);
  candidate->reason = reason;
}

char *
_dg_time_import_shorten (const char *text,
                         guint       max_chars)
{
  GString *shown = g_string_new (NULL);
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (shown, "…");
          break;
        }
      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\n' || c == '\r' || c == '\t')
        c = ' ';
      g_string_append_unichar (shown, c);
      n++;
    }
  return g_string_free (shown, FALSE);
}

/* ---- assistants and tasks ----------------------------------------------- */

static char *
fold_key (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *normalized = g_utf8_normalize (stripped, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : stripped, -1);
}

static void
import_task_free (ImportTask *task)
{
  g_free (task->title);
  g_free (task->key);
  g_free (task);
}

static void
import_assistant_free (ImportAssistant *assistant)
{
  g_free (assistant->name);
  g_free (assistant->name_key);
  g_free (assistant->email_key);
  g_free (assistant->time_zone);
  g_ptr_array_unref (assistant->tasks);
  g_free (assistant);
}

static GPtrArray *
load_assistants (DgDatabase  *db,
                 GError     **error)
{
  g_autoptr(GPtrArray) assistants = g_ptr_array_new_with_free_func ((GDestroyNotify) import_assistant_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = dg_database_prepare (db, sql_assistants, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ImportAssistant *assistant = g_new0 (ImportAssistant, 1);
      const char *email = dg_database_column_text (stmt, 2);

      assistant->id = sqlite3_column_int64 (stmt, 0);
      assistant->name = g_strdup (dg_database_column_text (stmt, 1));
      assistant->name_key = fold_key (assistant->name);
      assistant->email_key = *email != '\0' ? fold_key (email) : NULL;
      assistant->time_zone = g_strdup (dg_database_column_text (stmt, 3));
      assistant->active = sqlite3_column_int (stmt, 4) != 0;
      assistant->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) import_task_free);
      g_ptr_array_add (assistants, assistant);
      g_hash_table_insert (by_id, &assistant->id, assistant);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (db, error);
      return NULL;
    }

  stmt = dg_database_prepare (db, sql_tasks, error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 assistant_id = sqlite3_column_int64 (stmt, 2);
      ImportAssistant *assistant = g_hash_table_lookup (by_id, &assistant_id);
      ImportTask *task;

      if (assistant == NULL)
        continue;
      task = g_new0 (ImportTask, 1);
      task->id = sqlite3_column_int64 (stmt, 0);
      task->title = g_strdup (dg_database_column_text (stmt, 1));
      task->key = fold_key (task->title);
      g_ptr_array_add (assistant->tasks, task);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&assistants);
}

static ImportAssistant *
find_assistant_by_id (GPtrArray *assistants,
                      gint64     id)
{
  for (guint i = 0; i < assistants->len; i++)
    {
      ImportAssistant *assistant = assistants->pdata[i];

      if (assistant->id == id)
        return assistant;
    }
  return NULL;
}

/* The assistant the candidate names: any of its e-mail addresses first
 * (an address is unique where a name may not be), then its names. */
static ImportAssistant *
find_assistant (GPtrArray             *assistants,
                DgTimeImportCandidate *candidate)
{
  for (guint e = 0; e < candidate->emails->len; e++)
    {
      g_autofree char *key = fold_key (candidate->emails->pdata[e]);

      for (guint i = 0; i < assistants->len; i++)
        {
          ImportAssistant *assistant = assistants->pdata[i];

          if (assistant->email_key != NULL && strcmp (assistant->email_key, key) == 0)
            return assistant;
        }
    }
  for (guint n = 0; n < candidate->names->len; n++)
    {
      g_autofree char *key = fold_key (candidate->names->pdata[n]);

      for (guint i = 0; i < assistants->len; i++)
        {
          ImportAssistant *assistant = assistants->pdata[i];

          if (strcmp (assistant->name_key, key) == 0)
            return assistant;
        }
    }
  return NULL;
}

static ImportTask *
find_task (ImportAssistant *assistant,
           const char      *title)
{
  g_autofree char *key = NULL;

  if (title == NULL)
    return NULL;
  key = fold_key (title);
  if (*key == '\0')
    return NULL;
  for (guint i = 0; i < assistant->tasks->len; i++)
    {
      ImportTask *task = assistant->tasks->pdata[i];

      if (strcmp (task->key, key) == 0)
        return task;
    }
  return NULL;
}

/* ---- candidate → row ---------------------------------------------------- */

typedef struct
{
  DgTimeImport *self;
  GPtrArray    *assistants;
  ImportAssistant *default_assistant;
  const char   *source;
  GHashTable   *digests;    /* digest → count so far (GUINT_TO_POINTER) */
  GHashTable   *ids;        /* external ids of this file's rows so far */
} Resolver;

static char *
describe_person (DgTimeImportCandidate *candidate)
{
  if (candidate->emails->len > 0)
    return g_strdup (candidate->emails->pdata[0]);
  if (candidate->names->len > 0)
    return g_strdup (candidate->names->pdata[0]);
  return NULL;
}

/* The instant @local names in @zone; NULL with @reason when the zone
 * skips that wall clock. */
static GDateTime *
local_to_instant (const DgLocalTime  *local,
                  GTimeZone          *zone,
                  const char         *zone_name,
                  char              **reason)
{
  g_autoptr(GDateTime) instant = g_date_time_new (zone, local->year, local->month, local->day,
                                                  local->hour, local->minute, local->second);

  if (instant == NULL || g_date_time_get_day_of_month (instant) != local->day ||
      g_date_time_get_hour (instant) != local->hour || g_date_time_get_minute (instant) != local->minute)
    {
      g_autofree char *shown = g_strdup_printf ("%04d-%02d-%02d %02d:%02d", local->year, local->month,
                                                local->day, local->hour, local->minute);

      /* TRANSLATORS: the first %s is a date and time, the second a time
       * zone such as Europe/Berlin */
      *reason = g_strdup_printf (_("%s does not exist in %s: the clocks went forward at that hour. Correct the time in the file."),
                                 shown, zone_name);
      return NULL;
    }
  return g_steal_pointer (&instant);
}

static char *
make_digest (gint64       assistant_id,
             GDateTime   *start,
             int          minutes,
             const char  *task,
             const char  *note)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (start);
  g_autofree char *start_text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *canonical = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s\n%d\n%s\n%s",
                                                assistant_id, start_text, minutes,
                                                task != NULL ? task : "", note != NULL ? note : "");

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);
}

/* The seconds between two wall clocks as if no clock changed between
 * them: enough to tell a zero-length entry before the zone is known. */
static gint64
naive_seconds (const DgLocalTime *from,
               const DgLocalTime *to)
{
  g_autoptr(GDateTime) a = g_date_time_new_utc (from->year, from->month, from->day,
                                                from->hour, from->minute, from->second);
  g_autoptr(GDateTime) b = g_date_time_new_utc (to->year, to->month, to->day,
                                                to->hour, to->minute, to->second);

  if (a == NULL || b == NULL)
    return -1;
  return g_date_time_difference (b, a) / G_TIME_SPAN_SECOND;
}

static gboolean
is_zero (DgTimeImportCandidate *candidate)
{
  gint64 seconds = candidate->seconds;

  if (seconds < 0 && candidate->start != NULL && candidate->end != NULL)
    seconds = g_date_time_difference (candidate->end, candidate->start) / G_TIME_SPAN_SECOND;
  else if (seconds < 0 && candidate->local_start.set && candidate->local_end.set)
    seconds = naive_seconds (&candidate->local_start, &candidate->local_end);
  return seconds >= 0 && dg_duration_seconds_to_minutes (seconds) == 0;
}

/* A tool's entry has one start: a row of it that starts the same minute as
 * an entry imported before, but with another id, is that entry after an
 * edit in the tool (a note, a rounded duration), which a digest does not
 * recognise. Adding it would count the work twice, so it is left out with
 * a reason that says where to correct the stored entry. Sets *@out_reason
 * when there is one; FALSE when the database cannot tell. */
static gboolean
find_same_start (Resolver     *resolver,
                 DgTimeEntry  *entry,
                 GTimeZone    *zone,
                 char        **out_reason,
                 GError      **error)
{
  DgDatabase *db = dg_timesheet_store_get_database (resolver->self->store);
  GDateTime *start = dg_time_entry_get_start (entry);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (start);
  g_autoptr(GDateTime) minute = g_date_time_add_seconds (utc, -g_date_time_get_seconds (utc));
  g_autoptr(GDateTime) next_minute = g_date_time_add_minutes (minute, 1);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (start, zone);
  g_autoptr(GDateTime) day_before = g_date_time_add_days (local, -1);
  g_autoptr(GDateTime) day_after = g_date_time_add_days (local, 1);
  g_autofree char *first_day = g_date_time_format (day_before, "%Y-%m-%d");
  g_autofree char *last_day = g_date_time_format (day_after, "%Y-%m-%d");
  g_autofree char *from = g_date_time_format (minute, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *to = g_date_time_format (next_minute, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *stmt;
  int rc;

  *out_reason = NULL;
  stmt = dg_database_prepare (db, sql_same_start, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_time_entry_get_assistant_id (entry));
  dg_database_bind_text (stmt, 2, first_day);
  dg_database_bind_text (stmt, 3, last_day);
  dg_database_bind_text (stmt, 4, from);
  dg_database_bind_text (stmt, 5, to);
  dg_database_bind_text (stmt, 6, resolver->source);
  dg_database_bind_text (stmt, 7, dg_time_entry_get_external_id (entry));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *shown_start = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *shown_hours = dg_duration_format_minutes (sqlite3_column_int (stmt, 0));

      /* TRANSLATORS: the first %s is an assistant's name, the second a
       * date and time (2026-03-02 09:00), the third hours and minutes
       * (1:30) */
      *out_reason = g_strdup_printf (_("%s has an entry imported before that starts at the same minute, %s (%s hours), with other hours, another task or another note. The line is left out so that the work is not counted twice: if the file is right, edit that entry on the Timesheets page."),
                                     dg_time_entry_get_assistant_name (entry), shown_start, shown_hours);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      dg_database_propagate_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Decides what @candidate becomes; returns the row. */
static DgTimeImportRow *
resolve (Resolver              *resolver,
         DgTimeImportCandidate *candidate)
{
  g_autoptr(DgTimeImportRow) row = g_new0 (DgTimeImportRow, 1);
  ImportAssistant *assistant;
  GTimeZone *zone;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(DgTimeEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *external_id = NULL;
  ImportTask *task;
  gint64 seconds;
  gboolean stored = FALSE;
  int minutes;

  row->line = candidate->line;
  row->text = g_strdup (candidate->text);
  row->kind = candidate->kind;
  row->reason = g_strdup (candidate->reason);
  if (candidate->kind != DG_TIME_IMPORT_ROW_ADD)
    return g_steal_pointer (&row);

  row->kind = DG_TIME_IMPORT_ROW_BAD;

  /* Nothing to import needs no assistant: a zero-length timer is left out
   * whoever ran it. */
  if (is_zero (candidate))
    {
      row->kind = DG_TIME_IMPORT_ROW_IGNORED;
      row->reason = g_strdup (_("The entry is shorter than half a minute."));
      return g_steal_pointer (&row);
    }

  assistant = find_assistant (resolver->assistants, candidate);
  if (assistant == NULL)
    {
      g_autofree char *person = describe_person (candidate);

      assistant = resolver->default_assistant;
      if (assistant == NULL && person != NULL)
        {
          /* TRANSLATORS: %s is a name or an e-mail address from the file */
          row->reason = g_strdup_printf (_("“%s” is not one of your assistants: add them with this name or e-mail address, or choose whose hours the file holds."),
                                         person);
          return g_steal_pointer (&row);
        }
      if (assistant == NULL)
        {
          row->reason = g_strdup (_("The line does not say whose hours these are: choose whose hours the file holds."));
          return g_steal_pointer (&row);
        }
    }
  if (!assistant->active)
    {
      /* TRANSLATORS: %s is an assistant's name */
      row->reason = g_strdup_printf (_("%s is archived: restore the assistant to import their hours."),
                                     assistant->name);
      return g_steal_pointer (&row);
    }
  zone = _dg_task_lookup_zone (assistant->time_zone);
  if (zone == NULL)
    {
      /* TRANSLATORS: the first %s is an assistant's name, the second a time zone */
      row->reason = g_strdup_printf (_("The time zone “%2$s” of %1$s is unknown: choose another one for the assistant."),
                                     assistant->name, assistant->time_zone);
      return g_steal_pointer (&row);
    }

  if (candidate->start != NULL)
    start = g_date_time_ref (candidate->start);
  else
    {
      start = local_to_instant (&candidate->local_start, zone, assistant->time_zone, &row->reason);
      if (start == NULL)
        return g_steal_pointer (&row);
    }

  if (candidate->seconds >= 0)
    seconds = candidate->seconds;
  else
    {
      g_autoptr(GDateTime) end = NULL;

      if (candidate->end != NULL)
        end = g_date_time_ref (candidate->end);
      else
        {
          end = local_to_instant (&candidate->local_end, zone, assistant->time_zone, &row->reason);
          if (end == NULL)
            return g_steal_pointer (&row);
        }
      seconds = g_date_time_difference (end, start) / G_TIME_SPAN_SECOND;
      if (seconds < 0)
        {
          row->reason = g_strdup (_("The entry ends before it starts."));
          return g_steal_pointer (&row);
        }
    }

  minutes = (int) MIN (dg_duration_seconds_to_minutes (seconds), (gint64) G_MAXINT);
  if (minutes == 0)
    {
      row->kind = DG_TIME_IMPORT_ROW_IGNORED;
      row->reason = g_strdup (_("The entry is shorter than half a minute."));
      return g_steal_pointer (&row);
    }
  if (minutes > MAX_MINUTES)
    {
      g_autofree char *shown = dg_duration_format_minutes (minutes);

      /* TRANSLATORS: %s is a duration in hours and minutes, such as 26:30 */
      row->reason = g_strdup_printf (_("The entry lasts %s hours, more than a day: split it into one entry per day."),
                                     shown);
      return g_steal_pointer (&row);
    }

  task = find_task (assistant, candidate->task);
  if (task == NULL && candidate->task == NULL)
    task = find_task (assistant, candidate->description);

  if (candidate->external_id != NULL)
    external_id = g_strdup (candidate->external_id);
  else
    {
      g_autofree char *digest = make_digest (assistant->id, start, minutes, candidate->task,
                                             candidate->note);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (resolver->digests, digest)) + 1;

      external_id = count == 1 ? g_strdup (digest) : g_strdup_printf ("%s:%u", digest, count);
      g_hash_table_replace (resolver->digests, g_steal_pointer (&digest), GUINT_TO_POINTER (count));
    }

  entry = dg_time_entry_new ();
  dg_time_entry_set_assistant_id (entry, assistant->id);
  dg_time_entry_set_task_id (entry, task != NULL ? task->id : 0);
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_time_zone (entry, assistant->time_zone);
  dg_time_entry_set_minutes (entry, minutes);
  dg_time_entry_set_note (entry, candidate->note != NULL ? candidate->note : "");
  dg_time_entry_set_source (entry, resolver->source, external_id);
  _dg_time_entry_set_display (entry, assistant->name, task != NULL ? task->title : NULL);
  if (!dg_time_entry_validate (entry, &error))
    {
      row->reason = g_strdup (error->message);
      return g_steal_pointer (&row);
    }
  row->entry = g_steal_pointer (&entry);

  if (g_hash_table_contains (resolver->ids, external_id))
    {
      row->kind = DG_TIME_IMPORT_ROW_DUPLICATE;
      row->reason = g_strdup (_("The same entry appears earlier in the file."));
    }
  else if (!dg_timesheet_store_has_external_id (resolver->self->store, resolver->source,
                                                external_id, &stored, &error))
    {
      /* Whether it was imported before cannot be told: a bad line. */
      row->reason = g_strdup (error->message);
      g_clear_object (&row->entry);
    }
  else if (stored)
    {
      row->kind = DG_TIME_IMPORT_ROW_DUPLICATE;
      row->reason = g_strdup (_("This entry was imported before."));
    }
  else if (candidate->day_only)
    /* A made-up start (a day's 09:00) says nothing about which entry a row
     * is: all of a Harvest day's rows start then. */
    row->kind = DG_TIME_IMPORT_ROW_ADD;
  else if (!find_same_start (resolver, row->entry, zone, &row->reason, &error))
    {
      row->reason = g_strdup (error->message);
      g_clear_object (&row->entry);
    }
  else if (row->reason != NULL)
    {
      row->kind = DG_TIME_IMPORT_ROW_IGNORED;
      g_clear_object (&row->entry);
    }
  else
    row->kind = DG_TIME_IMPORT_ROW_ADD;
  g_hash_table_add (resolver->ids, g_steal_pointer (&external_id));

  return g_steal_pointer (&row);
}

/* ---- object ------------------------------------------------------------- */

static void
dg_time_import_finalize (GObject *object)
{
  DgTimeImport *self = DG_TIME_IMPORT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  _dg_time_import_date_reading_clear (&self->date_reading);

  G_OBJECT_CLASS (dg_time_import_parent_class)->finalize (object);
}

static void
dg_time_import_class_init (DgTimeImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dg_time_import_finalize;
}

static void
dg_time_import_init (DgTimeImport *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_time_import_row_free);
  self->date_order = DG_DATE_ORDER_YMD;
  self->date_reading.order = DG_DATE_ORDER_YMD;
}

DgTimeImport *
dg_time_import_new (DgTimesheetStore *store)
{
  DgTimeImport *self;

  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (store), NULL);

  self = g_object_new (DG_TYPE_TIME_IMPORT, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
dg_time_import_set_default_assistant (DgTimeImport *self,
                                      gint64        assistant_id)
{
  g_return_if_fail (DG_IS_TIME_IMPORT (self));
  g_return_if_fail (assistant_id >= 0);

  self->default_assistant_id = assistant_id;
}

void
dg_time_import_set_mapping (DgTimeImport              *self,
                            const DgTimeColumnMapping *mapping)
{
  g_return_if_fail (DG_IS_TIME_IMPORT (self));

  self->has_mapping = mapping != NULL;
  if (mapping != NULL)
    self->mapping = *mapping;
}

void
dg_time_import_set_date_order (DgTimeImport *self,
                               DgDateOrder   order)
{
  g_return_if_fail (DG_IS_TIME_IMPORT (self));
  g_return_if_fail (order == DG_DATE_ORDER_YMD || order == DG_DATE_ORDER_DMY ||
                    order == DG_DATE_ORDER_MDY);

  self->date_order = order;
}

gboolean
dg_time_import_get_date_order_guessed (DgTimeImport *self)
{
  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), FALSE);

  return self->date_reading.guessed;
}

DgDateOrder
dg_time_import_get_date_order (DgTimeImport *self)
{
  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), DG_DATE_ORDER_YMD);

  return self->date_reading.order;
}

/* Whether @data opens with an iCalendar BEGIN line (after a BOM and blank
 * lines); a calendar without its VCALENDAR is still one, and its reader
 * says what is wrong with it. */
static gboolean
looks_like_icalendar (const char *data,
                      gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && (data[i] == '\r' || data[i] == '\n' || data[i] == ' ' || data[i] == '\t'))
    i++;
  return length - i >= 6 && g_ascii_strncasecmp (data + i, "BEGIN:", 6) == 0;
}

static gboolean
read_csv (DgTimeImport  *self,
          const char    *data,
          gsize          length,
          GPtrArray     *candidates,
          GError       **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) local_error = NULL;
  DgCsvRecord *header;
  DgTimeImportFormat format;
  char separator = ',';

  records = dg_csv_parse (data, length, &separator, &local_error);
  if (records == NULL)
    {
      g_set_error_literal (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_UNREADABLE,
                           local_error->message);
      return FALSE;
    }
  header = records->pdata[0];
  self->header = g_strdupv (header->fields);

  format = _dg_time_import_csv_recognize ((const char * const *) header->fields);
  if (format == DG_TIME_IMPORT_FORMAT_MAPPED_CSV && !self->has_mapping)
    {
      g_set_error_literal (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NEEDS_MAPPING,
                           _("The columns of this file are not those of a Toggl Track, Clockify, Kimai or Harvest export: choose which columns hold the date, the duration and the rest."));
      return FALSE;
    }
  if (!_dg_time_import_csv_read (format, &self->mapping, self->date_order, records, separator,
                                 candidates, &self->date_reading, error))
    return FALSE;
  self->format = format;
  return TRUE;
}

gboolean
dg_time_import_prepare (DgTimeImport  *self,
                        const char    *data,
                        gsize          length,
                        GError       **error)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) _dg_time_import_candidate_free);
  g_autoptr(GPtrArray) assistants = NULL;
  g_autoptr(GHashTable) digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Resolver resolver = { 0, };

  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->format = DG_TIME_IMPORT_FORMAT_NONE;
  g_clear_pointer (&self->header, g_strfreev);
  g_ptr_array_set_size (self->rows, 0);
  _dg_time_import_date_reading_clear (&self->date_reading);

  if (looks_like_icalendar (data, length))
    {
      if (!_dg_time_import_ical_read (data, length, candidates, error))
        return FALSE;
      self->format = DG_TIME_IMPORT_FORMAT_ICALENDAR;
    }
  else if (!read_csv (self, data != NULL ? data : "", length, candidates, error))
    return FALSE;

  assistants = load_assistants (dg_timesheet_store_get_database (self->store), error);
  if (assistants == NULL)
    {
      self->format = DG_TIME_IMPORT_FORMAT_NONE;
      _dg_time_import_date_reading_clear (&self->date_reading);
      return FALSE;
    }

  resolver.self = self;
  resolver.assistants = assistants;
  resolver.default_assistant = self->default_assistant_id > 0
                                 ? find_assistant_by_id (assistants, self->default_assistant_id)
                                 : NULL;
  resolver.source = dg_time_import_format_get_source (self->format);
  resolver.digests = digests;
  resolver.ids = ids;
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (self->rows, resolve (&resolver, candidates->pdata[i]));

  return TRUE;
}

gboolean
dg_time_import_prepare_file (DgTimeImport  *self,
                             GFile         *file,
                             GError       **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, error))
    return FALSE;
  return dg_time_import_prepare (self, data, length, error);
}

DgTimeImportFormat
dg_time_import_get_format (DgTimeImport *self)
{
  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), DG_TIME_IMPORT_FORMAT_NONE);

  return self->format;
}

const char * const *
dg_time_import_get_header (DgTimeImport *self)
{
  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), NULL);

  return (const char * const *) self->header;
}

GPtrArray *
dg_time_import_get_rows (DgTimeImport *self)
{
  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), NULL);

  return self->rows;
}

guint
dg_time_import_count_rows (DgTimeImport        *self,
                           DgTimeImportRowKind  kind)
{
  guint n = 0;

  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), 0);

  for (guint i = 0; i < self->rows->len; i++)
    if (((DgTimeImportRow *) self->rows->pdata[i])->kind == kind)
      n++;
  return n;
}

gboolean
dg_time_import_can_apply (DgTimeImport *self)
{
  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), FALSE);

  return dg_time_import_count_rows (self, DG_TIME_IMPORT_ROW_BAD) == 0 &&
         dg_time_import_count_rows (self, DG_TIME_IMPORT_ROW_ADD) > 0;
}

char *
dg_time_import_describe (DgTimeImport *self)
{
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  guint n_add = 0, n_duplicate = 0, n_ignored = 0, n_bad = 0;
  gint64 minutes = 0;

  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      DgTimeImportRow *row = self->rows->pdata[i];

      switch (row->kind)
        {
        case DG_TIME_IMPORT_ROW_ADD:
          n_add++;
          minutes += dg_time_entry_get_minutes (row->entry);
          break;
        case DG_TIME_IMPORT_ROW_DUPLICATE:
          n_duplicate++;
          break;
        case DG_TIME_IMPORT_ROW_IGNORED:
          n_ignored++;
          break;
        case DG_TIME_IMPORT_ROW_BAD:
        default:
          n_bad++;
          break;
        }
    }

  if (n_add > 0)
    {
      g_autofree char *hours = dg_duration_format_minutes (minutes);

      if (self->format == DG_TIME_IMPORT_FORMAT_MAPPED_CSV || self->format == DG_TIME_IMPORT_FORMAT_ICALENDAR)
        g_ptr_array_add (sentences,
                         /* TRANSLATORS: %u is a number of entries, %s their
                          * hours and minutes, such as 18:30 */
                         g_strdup_printf (ngettext ("%u entry (%s hours) will be added from the file.",
                                                    "%u entries (%s hours) will be added from the file.",
                                                    n_add),
                                          n_add, hours));
      else
        g_ptr_array_add (sentences,
                         /* TRANSLATORS: %u is a number of entries, the first
                          * %s their hours and minutes (18:30), the second a
                          * product such as Toggl Track */
                         g_strdup_printf (ngettext ("%u entry (%s hours) will be added from a %s export.",
                                                    "%u entries (%s hours) will be added from a %s export.",
                                                    n_add),
                                          n_add, hours, dg_time_import_format_get_label (self->format)));
    }
  else
    g_ptr_array_add (sentences, g_strdup (_("Nothing will be added.")));
  if (self->date_reading.guessed && self->date_reading.order == DG_DATE_ORDER_DMY)
    g_ptr_array_add (sentences,
                     /* TRANSLATORS: the first %s is a product such as
                      * Kimai, the second a date as the file has it
                      * (03/04/2024), the third the same date as
                      * year-month-day (2024-04-03) */
                     g_strdup_printf (_("The file does not show whether its dates are day first or month first: they were read day first, as %s writes them unless told otherwise, so “%s” is %s. If that is wrong, choose month first."),
                                      dg_time_import_format_get_label (self->format),
                                      self->date_reading.example, self->date_reading.example_read));
  else if (self->date_reading.guessed)
    g_ptr_array_add (sentences,
                     /* TRANSLATORS: the first %s is a product such as
                      * Clockify, the second a date as the file has it
                      * (03/04/2024), the third the same date as
                      * year-month-day (2024-03-04) */
                     g_strdup_printf (_("The file does not show whether its dates are month first or day first: they were read month first, as %s writes them unless told otherwise, so “%s” is %s. If that is wrong, choose day first."),
                                      dg_time_import_format_get_label (self->format),
                                      self->date_reading.example, self->date_reading.example_read));
  if (n_duplicate > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (ngettext ("%u was imported before.",
                                                "%u were imported before.", n_duplicate),
                                      n_duplicate));
  if (n_ignored > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (ngettext ("%u entry of the file has nothing to import; the list says why.",
                                                "%u entries of the file have nothing to import; the list says why.",
                                                n_ignored),
                                      n_ignored));
  if (n_bad > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (ngettext ("%u line has an error: fix the file and import it again; nothing is added until it imports cleanly.",
                                                "%u lines have an error: fix the file and import it again; nothing is added until it imports cleanly.",
                                                n_bad),
                                      n_bad));
  g_ptr_array_add (sentences, NULL);

  return g_strjoinv (" ", (char **) sentences->pdata);
}

gboolean
dg_time_import_apply (DgTimeImport  *self,
                      guint         *n_added,
                      GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_bad = 0;
  guint added = 0;
  guint duplicates = 0;

  g_return_val_if_fail (DG_IS_TIME_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_added != NULL)
    *n_added = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      DgTimeImportRow *row = self->rows->pdata[i];

      if (row->kind == DG_TIME_IMPORT_ROW_BAD)
        n_bad++;
      else if (row->kind == DG_TIME_IMPORT_ROW_ADD)
        g_ptr_array_add (entries, dg_time_entry_copy (row->entry));
    }
  if (n_bad > 0)
    {
      g_set_error (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_LINES,
                   ngettext ("Nothing was imported: %u line of the file has an error. Fix it and import the file again.",
                             "Nothing was imported: %u lines of the file have an error. Fix them and import the file again.",
                             n_bad),
                   n_bad);
      return FALSE;
    }
  if (entries->len == 0)
    {
      g_set_error_literal (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NOTHING,
                           _("The file has nothing to import: its entries were imported before or have no hours."));
      return FALSE;
    }

  if (!dg_timesheet_store_add_entries (self->store, entries, &added, &duplicates, error))
    return FALSE;
  if (n_added != NULL)
    *n_added = added;
  return TRUE;
}
