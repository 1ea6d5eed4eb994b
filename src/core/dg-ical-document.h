/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libical/ical.h>

G_BEGIN_DECLS

/* An iCalendar file (RFC 5545) read strictly, for the importers: the task
 * status import now, the time-log import (VEVENT) later. libical alone
 * accepts almost anything and hides the damage in X-LIC-ERROR properties;
 * this reader refuses a damaged file as a whole, naming the line, so that an
 * import changes nothing rather than something half-read. */

#define DG_ICAL_ERROR (dg_ical_error_quark ())

typedef enum
{
  DG_ICAL_ERROR_MALFORMED,   /* the message begins "Line N: " */
  DG_ICAL_ERROR_NOT_CALENDAR /* no BEGIN:VCALENDAR at all */
} DgIcalError;

GQuark          dg_ical_error_quark            (void);

typedef struct _DgIcalDocument DgIcalDocument;

/* Reads @data (@length bytes, -1 for NUL-terminated). Accepts a UTF-8 BOM,
 * CRLF, LF or a mix, folded lines (a continuation starts with a space or a
 * tab), blank lines, several VCALENDARs in one file. Refuses, with the
 * number of the first offending physical line: bytes that are not UTF-8, NUL
 * and other control characters, a line that is not NAME[;PARAM=…]:VALUE,
 * BEGIN/END that do not pair up (a missing END names the BEGIN's line),
 * content outside a VCALENDAR, and date, date-time, duration or RRULE values
 * libical cannot read in DTSTART, DTEND, DUE, COMPLETED, RECURRENCE-ID,
 * DTSTAMP, CREATED, LAST-MODIFIED, EXDATE, RDATE, DURATION, RRULE; also
 * numbers that are none in PERCENT-COMPLETE, PRIORITY, SEQUENCE, REPEAT,
 * unknown component names, and any other value libical cannot read.
 * Properties and parameters with names it does not know are ignored, as
 * RFC 5545 asks. */
DgIcalDocument *dg_ical_document_read          (const char     *data,
                                                gssize          length,
                                                GError        **error);
void            dg_ical_document_free          (DgIcalDocument *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgIcalDocument, dg_ical_document_free)

/* The components of @kind (ICAL_VTODO_COMPONENT, ICAL_VEVENT_COMPONENT) in
 * file order, from every calendar in the file; owned by the document. */
GPtrArray      *dg_ical_document_get_components (DgIcalDocument *self,
                                                 icalcomponent_kind kind);
/* The physical line (from 1) of the component's BEGIN. */
guint           dg_ical_document_get_line      (DgIcalDocument *self,
                                                icalcomponent  *component);
/* The physical line (from 1) of a property of a component of the document
 * (the first line of a folded one); its component's line when unknown. */
guint           dg_ical_document_get_property_line (DgIcalDocument *self,
                                                    icalproperty   *property);
/* The instant of a DATE-TIME property value of @component (DTSTART, DUE,
 * COMPLETED, RECURRENCE-ID …) as a GDateTime: UTC values as UTC; a TZID
 * found as a VTIMEZONE of the file or as an IANA or Windows zone name
 * ("W. Europe Standard Time") in that zone; floating times and dates in
 * @fallback_zone (NULL: UTC). NULL with a "Line N: …" error when the zone
 * is unknown or @component has no such date. */
GDateTime      *dg_ical_document_get_date_time (DgIcalDocument *self,
                                                icalcomponent  *component,
                                                icalproperty_kind kind,
                                                GTimeZone      *fallback_zone,
                                                GError        **error);

/* The IANA zone CLDR gives for a Windows zone name as Exchange and Outlook
 * write it in TZID ("W. Europe Standard Time" → "Europe/Berlin"), or NULL. */
const char     *dg_ical_windows_zone_to_iana   (const char     *windows_name);
/* The IANA zone a TZID stands for, as dg_ical_document_get_date_time()
 * reads it without a VTIMEZONE: the name itself ("Europe/Berlin"), a
 * Windows name's zone, or the IANA name behind a vendor prefix
 * ("/mozilla.org/20050126_1/America/New_York"); NULL for any other. */
char           *dg_ical_tzid_to_iana           (const char     *tzid);

G_END_DECLS
