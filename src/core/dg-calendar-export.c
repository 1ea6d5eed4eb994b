/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-calendar-export"

#include <glib/gi18n.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "dg-calendar-export.h"
#include "dg-recurrence.h"
#include "dg-validation.h"

/* RFC 5545 §3.1: lines of at most 75 octets, without the CRLF. */
#define MAX_LINE_OCTETS 75

/* ---- values ------------------------------------------------------------- */

static struct icaltimetype
time_from_date_time (GDateTime *date_time,
                     gboolean   all_day)
{
  struct icaltimetype time = all_day ? icaltime_null_date () : icaltime_null_time ();

  time.year = g_date_time_get_year (date_time);
  time.month = g_date_time_get_month (date_time);
  time.day = g_date_time_get_day_of_month (date_time);
  if (!all_day)
    {
      time.hour = g_date_time_get_hour (date_time);
      time.minute = g_date_time_get_minute (date_time);
      time.second = g_date_time_get_second (date_time);
    }
  return time;
}

static struct icaltimetype
utc_time_from_text (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) date_time = g_date_time_new_from_iso8601 (text, utc);

  if (date_time == NULL)
    return icaltime_null_time ();
  return icaltime_from_timet_with_zone (g_date_time_to_unix (date_time), FALSE,
                                        icaltimezone_get_utc_timezone ());
}

/* Names of the zone that is UTC all year. libical has no VTIMEZONE for
 * "UTC" and "GMT" at all (so a file could not describe them), and for the
 * others a client gains nothing from one: times in these zones are written
 * as UTC ("…Z"), which every client reads, with no TZID. */
static const char * const utc_zone_names[] = {
  "UTC", "UCT", "GMT", "GMT0", "GMT+0", "GMT-0", "Universal", "Zulu", "Greenwich",
};

static gboolean
is_utc_zone (const char *zone)
{
  const char *name = g_str_has_prefix (zone, "Etc/") ? zone + strlen ("Etc/") : zone;

  for (gsize i = 0; i < G_N_ELEMENTS (utc_zone_names); i++)
    if (g_str_equal (name, utc_zone_names[i]))
      return TRUE;
  return FALSE;
}

/* @time as the value of @property: a DATE for all-day tasks; else a UTC
 * DATE-TIME for a task in UTC, or a local DATE-TIME with the task's TZID,
 * the plain IANA name that the VTIMEZONE of the file also carries. */
static icalproperty *
add_task_time (icalcomponent       *todo,
               icalproperty        *property,
               DgTask              *task,
               struct icaltimetype  time)
{
  if (dg_task_is_all_day (task))
    {
      time.is_date = 1;
      time.hour = time.minute = time.second = 0;
      icalproperty_set_value (property, icalvalue_new_date (time));
    }
  else if (is_utc_zone (dg_task_get_time_zone (task)))
    {
      time.zone = icaltimezone_get_utc_timezone ();
      icalproperty_set_value (property, icalvalue_new_datetime (time));
    }
  else
    {
      icalproperty_set_value (property, icalvalue_new_datetime (time));
      icalproperty_add_parameter (property, icalparameter_new_tzid (dg_task_get_time_zone (task)));
    }
  icalcomponent_add_property (todo, property);
  return property;
}

static icalproperty *
add_local_time (icalcomponent *todo,
                icalproperty  *property,
                DgTask        *task,
                GDateTime     *date_time)
{
  return add_task_time (todo, property, task,
                        time_from_date_time (date_time, dg_task_is_all_day (task)));
}

static enum icalproperty_status
status_to_ical (DgTaskStatus status)
{
  switch (status)
    {
    case DG_TASK_STATUS_OPEN:
      return ICAL_STATUS_NEEDSACTION;
    case DG_TASK_STATUS_IN_PROGRESS:
      return ICAL_STATUS_INPROCESS;
    case DG_TASK_STATUS_DONE:
      return ICAL_STATUS_COMPLETED;
    case DG_TASK_STATUS_CANCELLED:
    case DG_TASK_STATUS_SKIPPED:
      /* A skipped occurrence is a cancelled instance to a calendar. */
      return ICAL_STATUS_CANCELLED;
    default:
      g_assert_not_reached ();
    }
}

static void
add_mail_address (icalcomponent *todo,
                  icalproperty  *property,
                  const char    *email,
                  const char    *name)
{
  g_autofree char *uri = g_strconcat ("mailto:", email, NULL);

  icalproperty_set_value (property, icalvalue_new_caladdress (uri));
  if (!dg_text_is_blank (name))
    icalproperty_add_parameter (property, icalparameter_new_cn (name));
  icalcomponent_add_property (todo, property);
}

/* ---- DESCRIPTION -------------------------------------------------------- */

static void
append_indented (GString    *text,
                 const char *details)
{
  g_auto(GStrv) lines = g_strsplit (details, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (*lines[i] == '\0')
        g_string_append_c (text, '\n');
      else
        g_string_append_printf (text, "   %s\n", lines[i]);
    }
}

/* The notes, then the pinned handbook version with its numbered steps: the
 * assistant reads the instructions in the calendar entry itself. */
static char *
build_description (DgTask           *task,
                   DgHandbookStore  *handbooks,
                   GError          **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(DgHandbook) version = NULL;
  GListModel *steps;
  const char *notes = dg_task_get_notes (task);

  if (!dg_text_is_blank (notes))
    {
      g_string_append (text, notes);
      while (text->len > 0 && g_ascii_isspace (text->str[text->len - 1]))
        g_string_truncate (text, text->len - 1);
    }

  if (dg_task_get_handbook_id (task) != 0 && dg_task_get_handbook_version (task) > 0)
    {
      version = dg_handbook_store_get_version (handbooks, dg_task_get_handbook_id (task),
                                               dg_task_get_handbook_version (task), error);
      if (version == NULL)
        return NULL;

      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* TRANSLATORS: in a calendar entry: the handbook's title and the
       * number of the version the task is done by. */
      g_string_append_printf (text, _("Handbook: %s (version %d)"),
                              dg_handbook_get_display_title (version),
                              dg_task_get_handbook_version (task));
      g_string_append_c (text, '\n');

      steps = dg_handbook_get_steps (version);
      for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
        {
          g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);
          const char *details = dg_handbook_step_get_details (step);
          int minutes = dg_handbook_step_get_minutes (step);

          g_string_append_c (text, '\n');
          if (minutes > 0)
            {
              g_autofree char *estimate = dg_handbook_format_minutes (minutes);

              /* TRANSLATORS: a numbered handbook step with its estimate,
               * "2. Check the inbox (15 min)" */
              g_string_append_printf (text, _("%u. %s (%s)"), i + 1,
                                      dg_handbook_step_get_title (step), estimate);
            }
          else
            {
              /* TRANSLATORS: a numbered handbook step, "2. Check the inbox" */
              g_string_append_printf (text, _("%u. %s"), i + 1,
                                      dg_handbook_step_get_title (step));
            }
          g_string_append_c (text, '\n');
          if (!dg_text_is_blank (details))
            append_indented (text, details);
        }
      while (text->len > 0 && text->str[text->len - 1] == '\n')
        g_string_truncate (text, text->len - 1);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- components --------------------------------------------------------- */

/* What the task and each of its overrides carry: a client replaces the
 * whole instance with an override, so it repeats title, dates and text. */
static void
add_instance_properties (icalcomponent      *todo,
                         DgTask             *task,
                         GDateTime          *due,
                         const char         *description,
                         struct icaltimetype stamp,
                         DgTaskStatus        status,
                         int                 percent,
                         const char         *completed_at)
{
  icalcomponent_add_property (todo, icalproperty_new_uid (dg_task_get_uid (task)));
  icalcomponent_add_property (todo, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (todo, icalproperty_new_summary (dg_task_get_title (task)));
  /* A one-off task has a due date only, as Nextcloud writes it: RFC 5545
   * §3.8.2.3 wants a DUE later than DTSTART, and the task has no start of
   * its own. A repeating task needs DTSTART all the same: the recurrence
   * set and each RECURRENCE-ID are defined on it (§3.8.5.3, §3.8.4.4), so
   * it names the first due date, as Thunderbird writes repeating tasks. */
  if (dg_task_is_recurring (task))
    add_local_time (todo, icalproperty_new (ICAL_DTSTART_PROPERTY), task, due);
  add_local_time (todo, icalproperty_new (ICAL_DUE_PROPERTY), task, due);
  icalcomponent_add_property (todo, icalproperty_new_status (status_to_ical (status)));
  icalcomponent_add_property (todo, icalproperty_new_priority (dg_task_get_priority (task)));
  icalcomponent_add_property (todo, icalproperty_new_percentcomplete (percent));
  if (completed_at != NULL && *completed_at != '\0')
    icalcomponent_add_property (todo, icalproperty_new_completed (utc_time_from_text (completed_at)));
  if (description != NULL && *description != '\0')
    icalcomponent_add_property (todo, icalproperty_new_description (description));
}

static gboolean
add_task (icalcomponent      *calendar,
          DgTask             *task,
          DgTaskStore        *tasks,
          DgHandbookStore    *handbooks,
          DgAssistant        *assistant,
          DgBusinessProfile  *profile,
          struct icaltimetype stamp,
          GError            **error)
{
  icalcomponent *todo = icalcomponent_new_vtodo ();
  g_autofree char *description = build_description (task, handbooks, error);
  g_autoptr(GDateTime) due = dg_task_get_due (task);
  g_autoptr(GPtrArray) overrides = NULL;
  const char *email;

  if (description == NULL)
    {
      icalcomponent_free (todo);
      return FALSE;
    }
  if (due == NULL)
    {
      icalcomponent_free (todo);
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The task “%s” has no valid due date; correct it and export again."),
                   dg_task_get_title (task));
      return FALSE;
    }

  add_instance_properties (todo, task, due, description, stamp,
                           dg_task_get_status (task),
                           dg_task_get_percent_complete (task),
                           dg_task_get_completed_at (task));
  if (*dg_task_get_created_at (task) != '\0')
    icalcomponent_add_property (todo, icalproperty_new_created (utc_time_from_text (dg_task_get_created_at (task))));
  if (dg_task_is_recurring (task))
    {
      /* UNTIL in the form RFC 5545 wants next to this DTSTART (a UTC time,
       * or a DATE for an all-day task), whichever form was typed. */
      g_autofree char *rrule = dg_rrule_fit_until (dg_task_get_rrule (task),
                                                   dg_task_get_due_time (task),
                                                   dg_task_get_time_zone (task));
      struct icalrecurrencetype rule;

      if (rrule == NULL)
        {
          icalcomponent_free (todo);
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The task “%s” has a repeat rule that cannot be read; correct it and export again."),
                       dg_task_get_title (task));
          return FALSE;
        }
      rule = icalrecurrencetype_from_string (rrule);
      icalcomponent_add_property (todo, icalproperty_new_rrule (rule));
    }

  email = profile != NULL ? dg_business_profile_get_email (profile) : NULL;
  if (!dg_text_is_blank (email))
    add_mail_address (todo, icalproperty_new (ICAL_ORGANIZER_PROPERTY), email,
                      dg_business_profile_get_name (profile));
  email = assistant != NULL ? dg_assistant_get_email (assistant) : NULL;
  if (!dg_text_is_blank (email))
    add_mail_address (todo, icalproperty_new (ICAL_ATTENDEE_PROPERTY), email,
                      dg_assistant_get_name (assistant));

  if (dg_task_get_handbook_version (task) > 0)
    {
      g_autofree char *number = g_strdup_printf ("%d", dg_task_get_handbook_version (task));
      icalproperty *property = icalproperty_new_x (number);

      icalproperty_set_x_name (property, "X-DELEGATE-HANDBOOK-VERSION");
      icalcomponent_add_property (todo, property);
    }
  icalcomponent_add_component (calendar, todo);

  if (!dg_task_is_recurring (task))
    return TRUE;

  overrides = dg_task_store_list_overrides (tasks, task, error);
  if (overrides == NULL)
    return FALSE;
  for (guint i = 0; i < overrides->len; i++)
    {
      DgTaskOccurrence *occurrence = overrides->pdata[i];
      icalcomponent *instance = icalcomponent_new_vtodo ();
      GDateTime *occurrence_due = dg_task_occurrence_get_due (occurrence);

      add_instance_properties (instance, task, occurrence_due, description, stamp,
                               dg_task_occurrence_get_status (occurrence),
                               dg_task_occurrence_get_percent_complete (occurrence),
                               dg_task_occurrence_get_completed_at (occurrence));
      /* The id as the rule gives it, not the time the occurrence is due:
       * on a day the clocks go forward, 02:30 is due at 03:30, but the
       * recurrence set (and so every client) still calls it 02:30. */
      add_task_time (instance, icalproperty_new (ICAL_RECURRENCEID_PROPERTY), task,
                     icaltime_from_string (dg_task_occurrence_get_recurrence_id (occurrence)));
      icalcomponent_add_component (calendar, instance);
    }
  return TRUE;
}

/* libical's own zones carry a TZID with its prefix
 * ("/freeassociation.sourceforge.net/Europe/Berlin"); the file uses the
 * plain IANA name everywhere, which every client recognises. */
static gboolean
add_time_zone (icalcomponent  *calendar,
               const char     *location,
               GError        **error)
{
  icaltimezone *zone = icaltimezone_get_builtin_timezone (location);
  icalcomponent *vtimezone;
  icalproperty *tzid;

  if (zone == NULL || icaltimezone_get_component (zone) == NULL)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The time zone “%s” is not known on this computer, so the calendar cannot describe it."),
                   location);
      return FALSE;
    }
  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
  tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  if (tzid == NULL)
    {
      tzid = icalproperty_new_tzid (location);
      icalcomponent_add_property (vtimezone, tzid);
    }
  icalproperty_set_tzid (tzid, location);
  icalcomponent_add_component (calendar, vtimezone);
  return TRUE;
}

/* ---- text --------------------------------------------------------------- */

/* How libical folds has changed between its versions (older ones cut
 * UTF-8 sequences apart); the text is unfolded and folded again here, so
 * that every build writes the same file: at most 75 octets a line, folds
 * always between characters. */
static char *
fold_lines (const char *text)
{
  g_autoptr(GString) unfolded = g_string_new (NULL);
  GString *folded = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t'))
        p += 2;
      else if (p[0] == '\n' && (p[1] == ' ' || p[1] == '\t'))
        p += 1;
      else if (p[0] != '\r')
        g_string_append_c (unfolded, *p);
    }

  lines = g_strsplit (unfolded->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      gsize length = strlen (line);
      gsize start = 0;
      gsize room = MAX_LINE_OCTETS;

      if (length == 0)
        continue;
      while (length - start > room)
        {
          gsize cut = start + room;

          while (cut > start && ((guchar) line[cut] & 0xC0) == 0x80)
            cut--;
          g_string_append_len (folded, line + start, cut - start);
          g_string_append (folded, "\r\n ");
          start = cut;
          room = MAX_LINE_OCTETS - 1;
        }
      g_string_append (folded, line + start);
      g_string_append (folded, "\r\n");
    }
  return g_string_free (folded, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* ---- public API --------------------------------------------------------- */

char *
dg_calendar_export (DgTaskStore       *tasks,
                    DgHandbookStore   *handbooks,
                    DgAssistantStore  *assistants,
                    DgBusinessProfile *profile,
                    gint64             assistant_id,
                    GError           **error)
{
  icalcomponent *calendar;
  g_autoptr(GPtrArray) selected = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) zone_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **zones = NULL;
  guint n_zones = 0;
  struct icaltimetype stamp;
  char *ical_text;
  char *result;
  guint n_tasks;

  g_return_val_if_fail (DG_IS_TASK_STORE (tasks), NULL);
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (handbooks), NULL);
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (assistants), NULL);
  g_return_val_if_fail (profile == NULL || DG_IS_BUSINESS_PROFILE (profile), NULL);
  g_return_val_if_fail (assistant_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (assistant_id != 0 && dg_assistant_store_find (assistants, assistant_id) == NULL)
    {
      g_set_error_literal (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND,
                           _("The assistant no longer exists."));
      return NULL;
    }

  n_tasks = g_list_model_get_n_items (G_LIST_MODEL (tasks));
  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(DgTask) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);

      if (assistant_id != 0 && dg_task_get_assistant_id (task) != assistant_id)
        continue;
      if (!dg_task_is_all_day (task) && !is_utc_zone (dg_task_get_time_zone (task)))
        g_hash_table_add (zone_set, (gpointer) dg_task_get_time_zone (task));
      g_ptr_array_add (selected, g_steal_pointer (&task));
    }

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar,
                              icalproperty_new_prodid ("-//Delegate//Delegate " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  /* In a fixed order, so that two exports of the same tasks compare equal. */
  zones = (const char **) g_hash_table_get_keys_as_array (zone_set, &n_zones);
  qsort (zones, n_zones, sizeof (char *), compare_strings);
  for (guint i = 0; i < n_zones; i++)
    if (!add_time_zone (calendar, zones[i], error))
      {
        icalcomponent_free (calendar);
        return NULL;
      }

  stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());
  for (guint i = 0; i < selected->len; i++)
    {
      DgTask *task = selected->pdata[i];
      DgAssistant *assistant = dg_assistant_store_find (assistants, dg_task_get_assistant_id (task));

      if (!add_task (calendar, task, tasks, handbooks, assistant, profile, stamp, error))
        {
          icalcomponent_free (calendar);
          return NULL;
        }
    }

  ical_text = icalcomponent_as_ical_string_r (calendar);
  result = fold_lines (ical_text);
  icalmemory_free_buffer (ical_text);
  icalcomponent_free (calendar);
  return result;
}

gboolean
dg_calendar_export_to_file (DgTaskStore       *tasks,
                            DgHandbookStore   *handbooks,
                            DgAssistantStore  *assistants,
                            DgBusinessProfile *profile,
                            gint64             assistant_id,
                            GFile             *file,
                            GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = dg_calendar_export (tasks, handbooks, assistants, profile, assistant_id, error);
  if (text == NULL)
    return FALSE;
  /* g_file_replace_contents writes a temporary file and renames it over
   * the old one only once everything is written. */
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
