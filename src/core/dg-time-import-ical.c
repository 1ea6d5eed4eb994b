/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-time-import"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-ical-document.h"
#include "dg-time-import-private.h"

/* VEVENTs as a time log: an assistant who logs work as events of their own
 * calendar. An event is a working session when it has a start time and an
 * end (or a duration). What is no session is left out, saying why: an
 * all-day event (no hours), a cancelled one, one marked as free time
 * (TRANSP:TRANSPARENT: calendars use it for reminders and notes that do not
 * block the day) and a repeating one — a rule says when something is
 * planned, not that it was done, and expanding it would bill every future
 * date. An occurrence the client wrote on its own (RECURRENCE-ID) is a
 * concrete session and is read. The person is the ORGANIZER or an
 * ATTENDEE whose mailto: address is an assistant's. */

#define ROW_TEXT_CHARS 120

static gboolean
is_floating (icalproperty *property)
{
  struct icaltimetype time = icalvalue_get_datetime (icalproperty_get_value (property));

  return !time.is_date && !icaltime_is_utc (time) &&
         icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER) == NULL;
}

static void
set_local (DgLocalTime  *local,
           icalproperty *property)
{
  struct icaltimetype time = icalvalue_get_datetime (icalproperty_get_value (property));

  local->year = time.year;
  local->month = time.month;
  local->day = time.day;
  local->hour = time.hour;
  local->minute = time.minute;
  local->second = time.second;
  local->set = TRUE;
}

/* A calendar user address without its "mailto:" (any case), or NULL for
 * an address that is not an e-mail address. */
static char *
address_to_email (const char *address)
{
  if (address == NULL || g_ascii_strncasecmp (address, "mailto:", 7) != 0)
    return NULL;
  address += 7;
  return *address != '\0' ? g_strstrip (g_strdup (address)) : NULL;
}

static void
add_person (DgTimeImportCandidate *candidate,
            icalproperty          *property)
{
  icalparameter *cn = icalproperty_get_first_parameter (property, ICAL_CN_PARAMETER);
  char *email = address_to_email (icalproperty_get_value_as_string (property));

  if (email != NULL)
    g_ptr_array_add (candidate->emails, email);
  if (cn != NULL && icalparameter_get_cn (cn) != NULL && *icalparameter_get_cn (cn) != '\0')
    g_ptr_array_add (candidate->names, g_strdup (icalparameter_get_cn (cn)));
}

static char *
event_text (icalcomponent *event)
{
  const char *summary = icalcomponent_get_summary (event);
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  g_autofree char *text = NULL;

  if (summary == NULL || *summary == '\0')
    summary = _("(no title)");
  if (dtstart != NULL)
    text = g_strdup_printf ("%s (%s)", summary, icalproperty_get_value_as_string (dtstart));
  else
    text = g_strdup (summary);
  return _dg_time_import_shorten (text, ROW_TEXT_CHARS);
}

/* Whether @event is something to leave out; sets the candidate if so. */
static gboolean
is_left_out (DgTimeImportCandidate *candidate,
             icalcomponent         *event,
             icalproperty          *dtstart)
{
  icalproperty *transp = icalcomponent_get_first_property (event, ICAL_TRANSP_PROPERTY);

  if (icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY) != NULL &&
      icalcomponent_get_status (event) == ICAL_STATUS_CANCELLED)
    _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_IGNORED,
                                   g_strdup (_("The event was cancelled.")));
  else if (dtstart != NULL && icalvalue_isa (icalproperty_get_value (dtstart)) == ICAL_DATE_VALUE)
    _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_IGNORED,
                                   g_strdup (_("An all-day event has no hours; only events with a start and end time are read.")));
  else if (icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY) != NULL ||
           icalcomponent_get_first_property (event, ICAL_RDATE_PROPERTY) != NULL)
    _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_IGNORED,
                                   g_strdup (_("The event repeats, so it says when work is planned, not when it was done; log each working session as an event of its own.")));
  else if (transp != NULL && icalproperty_get_transp (transp) == ICAL_TRANSP_TRANSPARENT)
    _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_IGNORED,
                                   g_strdup (_("The event is marked as free time, so it is not read as work.")));
  else
    return FALSE;
  return TRUE;
}

static char *
make_note (icalcomponent *event)
{
  const char *summary = icalcomponent_get_summary (event);
  const char *description = icalcomponent_get_description (event);
  g_autofree char *details = g_strstrip (g_strdup (description != NULL ? description : ""));

  if (summary == NULL)
    summary = "";
  if (*details == '\0')
    return g_strdup (summary);
  if (*summary == '\0')
    return g_steal_pointer (&details);
  return g_strconcat (summary, "\n", details, NULL);
}

static char *
make_external_id (icalcomponent *event)
{
  const char *uid = icalcomponent_get_uid (event);
  icalproperty *recurrence_id = icalcomponent_get_first_property (event, ICAL_RECURRENCEID_PROPERTY);

  if (uid == NULL || *uid == '\0')
    return NULL;
  if (recurrence_id == NULL)
    return g_strdup (uid);
  return g_strconcat (uid, ";", icalproperty_get_value_as_string (recurrence_id), NULL);
}

static void
read_event (DgTimeImportCandidate *candidate,
            DgIcalDocument        *document,
            icalcomponent         *event)
{
  icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalproperty *dtend = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  icalproperty *duration = icalcomponent_get_first_property (event, ICAL_DURATION_PROPERTY);
  icalproperty *organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  g_autoptr(GError) error = NULL;

  if (is_left_out (candidate, event, dtstart))
    return;
  if (dtstart == NULL)
    {
      _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                     g_strdup (_("The event has no start (DTSTART).")));
      return;
    }

  if (is_floating (dtstart))
    set_local (&candidate->local_start, dtstart);
  else
    {
      candidate->start = dg_ical_document_get_date_time (document, event, ICAL_DTSTART_PROPERTY,
                                                         NULL, &error);
      if (candidate->start == NULL)
        {
          _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD, g_strdup (error->message));
          return;
        }
    }

  if (dtend != NULL)
    {
      if (icalvalue_isa (icalproperty_get_value (dtend)) == ICAL_DATE_VALUE)
        {
          _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                         g_strdup (_("The event ends on a date without a time, but starts at a time.")));
          return;
        }
      if (is_floating (dtend))
        set_local (&candidate->local_end, dtend);
      else
        {
          candidate->end = dg_ical_document_get_date_time (document, event, ICAL_DTEND_PROPERTY,
                                                           NULL, &error);
          if (candidate->end == NULL)
            {
              _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD, g_strdup (error->message));
              return;
            }
        }
      /* A floating end with a zoned start (or the other way round) is
       * read in the assistant's zone; the importer needs both as the same
       * kind, so the zoned one becomes local there too when it must. */
      if (candidate->start != NULL && candidate->end == NULL)
        {
          g_clear_pointer (&candidate->start, g_date_time_unref);
          set_local (&candidate->local_start, dtstart);
        }
      else if (candidate->start == NULL && candidate->end != NULL)
        {
          g_clear_pointer (&candidate->end, g_date_time_unref);
          set_local (&candidate->local_end, dtend);
        }
    }
  else if (duration != NULL)
    {
      int seconds = icaldurationtype_as_int (icalproperty_get_duration (duration));

      if (seconds < 0)
        {
          _dg_time_import_candidate_set (candidate, DG_TIME_IMPORT_ROW_BAD,
                                         g_strdup (_("The event ends before it starts.")));
          return;
        }
      candidate->seconds = seconds;
    }
  else
    /* RFC 5545: an event with a start time and neither end nor duration
     * ends when it starts. */
    candidate->seconds = 0;

  if (organizer != NULL)
    add_person (candidate, organizer);
  for (icalproperty *attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
       attendee != NULL;
       attendee = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    add_person (candidate, attendee);

  candidate->description = g_strdup (icalcomponent_get_summary (event));
  candidate->note = make_note (event);
  candidate->external_id = make_external_id (event);
}

gboolean
_dg_time_import_ical_read (const char  *data,
                           gsize        length,
                           GPtrArray   *candidates,
                           GError     **error)
{
  g_autoptr(DgIcalDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  GPtrArray *events;

  document = dg_ical_document_read (data, (gssize) length, &local_error);
  if (document == NULL)
    {
      g_set_error_literal (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_UNREADABLE,
                           local_error->message);
      return FALSE;
    }

  events = dg_ical_document_get_components (document, ICAL_VEVENT_COMPONENT);
  for (guint i = 0; i < events->len; i++)
    {
      icalcomponent *event = events->pdata[i];
      DgTimeImportCandidate *candidate =
        _dg_time_import_candidate_new (dg_ical_document_get_line (document, event), event_text (event));

      read_event (candidate, document, event);
      g_ptr_array_add (candidates, candidate);
    }
  return TRUE;
}
