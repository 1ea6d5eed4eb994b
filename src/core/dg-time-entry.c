/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-time-entry"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-duration.h"
#include "dg-task-private.h"
#include "dg-time-entry-private.h"
#include "dg-validation.h"

#define MAX_MINUTES 1440
/* The longest note text an entry's audit summary keeps. */
#define SUMMARY_NOTE_CHARS 60

enum {
  PROP_0,
  PROP_ID,
  PROP_ASSISTANT_ID,
  PROP_TASK_ID,
  PROP_START,
  PROP_TIME_ZONE,
  PROP_MINUTES,
  PROP_NOTE,
  PROP_SOURCE,
  PROP_EXTERNAL_ID,
  PROP_STATE,
  PROP_REASON,
  PROP_LOCAL_DATE,
  PROP_ASSISTANT_NAME,
  PROP_TASK_TITLE,
  N_PROPS
};

struct _DgTimeEntry
{
  GObject           parent_instance;

  gint64            id;
  gint64            assistant_id;
  gint64            task_id;
  GDateTime        *start;        /* UTC, or NULL until set */
  char             *time_zone;
  int               minutes;
  char             *note;
  char             *source;
  char             *external_id;
  DgTimeEntryState  state;
  char             *reason;
  char             *local_date;   /* follows start and time_zone; "" while either is missing */
  char             *assistant_name;
  char             *task_title;
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgTimeEntry, dg_time_entry, G_TYPE_OBJECT)

/* ---- state -------------------------------------------------------------- */

static const GEnumValue state_values[] = {
  { DG_TIME_ENTRY_STATE_PENDING, "DG_TIME_ENTRY_STATE_PENDING", "pending" },
  { DG_TIME_ENTRY_STATE_APPROVED, "DG_TIME_ENTRY_STATE_APPROVED", "approved" },
  { DG_TIME_ENTRY_STATE_REJECTED, "DG_TIME_ENTRY_STATE_REJECTED", "rejected" },
  { DG_TIME_ENTRY_STATE_INVOICED, "DG_TIME_ENTRY_STATE_INVOICED", "invoiced" },
  { 0, NULL, NULL }
};

GType
dg_time_entry_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DgTimeEntryState", state_values));
  return type_id;
}

const char *
dg_time_entry_state_to_string (DgTimeEntryState state)
{
  for (guint i = 0; state_values[i].value_nick != NULL; i++)
    if (state_values[i].value == (int) state)
      return state_values[i].value_nick;
  g_return_val_if_reached (NULL);
}

gboolean
dg_time_entry_state_from_string (const char       *text,
                                 DgTimeEntryState *out_state)
{
  g_return_val_if_fail (out_state != NULL, FALSE);

  for (guint i = 0; state_values[i].value_nick != NULL; i++)
    {
      if (g_strcmp0 (text, state_values[i].value_nick) == 0)
        {
          *out_state = state_values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dg_time_entry_state_get_label (DgTimeEntryState state)
{
  switch (state)
    {
    case DG_TIME_ENTRY_STATE_PENDING:  return _("Pending");
    case DG_TIME_ENTRY_STATE_APPROVED: return _("Approved");
    case DG_TIME_ENTRY_STATE_REJECTED: return _("Rejected");
    case DG_TIME_ENTRY_STATE_INVOICED: return _("Invoiced");
    default:                           g_return_val_if_reached (NULL);
    }
}

gboolean
dg_time_entry_state_is_editable (DgTimeEntryState state)
{
  return state == DG_TIME_ENTRY_STATE_PENDING || state == DG_TIME_ENTRY_STATE_REJECTED;
}

/* ---- the entry ---------------------------------------------------------- */

DgTimeEntry *
dg_time_entry_new (void)
{
  return g_object_new (DG_TYPE_TIME_ENTRY, NULL);
}

DgTimeEntry *
dg_time_entry_copy (DgTimeEntry *self)
{
  DgTimeEntry *copy;

  g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL);

  copy = dg_time_entry_new ();
  copy->id = self->id;
  copy->assistant_id = self->assistant_id;
  copy->task_id = self->task_id;
  copy->start = self->start ? g_date_time_ref (self->start) : NULL;
  copy->minutes = self->minutes;
  copy->state = self->state;
#define COPY_STRING(field) g_free (copy->field); copy->field = g_strdup (self->field)
  COPY_STRING (time_zone);
  COPY_STRING (note);
  COPY_STRING (source);
  COPY_STRING (external_id);
  COPY_STRING (reason);
  COPY_STRING (local_date);
  COPY_STRING (assistant_name);
  COPY_STRING (task_title);
#undef COPY_STRING
  return copy;
}

/* Replaces *@field with @value ("" for NULL); whether it changed. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
update_local_date (DgTimeEntry *self)
{
  g_autoptr(GTimeZone) zone = _dg_task_lookup_zone (self->time_zone);
  g_autofree char *date = NULL;

  /* Without a known zone there is no local day; a UTC date would put the
   * entry in a week it may not belong to. */
  if (self->start != NULL && zone != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_timezone (self->start, zone);

      date = g_date_time_format (local, "%Y-%m-%d");
    }
  if (replace_string (&self->local_date, date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCAL_DATE]);
}

/* Whether a control character other than a tab or line break is in @text:
 * a note is shown in lists and exported to CSV and calendars, where they
 * break lines or are refused. */
static gboolean
has_control_character (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\t' || *p == '\r')
        continue;
      if (*p < 0x20 || *p == 0x7f)
        return TRUE;
    }
  return FALSE;
}

gboolean
dg_time_entry_validate (DgTimeEntry  *self,
                        GError      **error)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (DG_IS_TIME_ENTRY (self), FALSE);

  if (self->assistant_id <= 0)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Choose the assistant who did the work."));
      return FALSE;
    }
  if (self->start == NULL)
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Enter the date and time the work started."));
      return FALSE;
    }
  if (dg_text_is_blank (self->time_zone))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Choose the time zone the hours were worked in."));
      return FALSE;
    }
  zone = _dg_task_lookup_zone (self->time_zone);
  if (zone == NULL)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The time zone “%s” is not known. Use a name such as Europe/Berlin or Asia/Manila."),
                   self->time_zone);
      return FALSE;
    }
  if (self->minutes < 1 || self->minutes > MAX_MINUTES)
    {
      g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                   _("The duration must be between 1 minute and 24 hours; it is %d minutes."),
                   self->minutes);
      return FALSE;
    }
  if (has_control_character (self->note))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                           _("The note contains a control character, perhaps pasted from another program. Remove it; line breaks and tabs are fine."));
      return FALSE;
    }
  return TRUE;
}

GDateTime *
dg_time_entry_dup_local_start (DgTimeEntry *self)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL);

  if (self->start == NULL)
    return NULL;
  zone = _dg_task_lookup_zone (self->time_zone);
  /* An unknown zone leaves the instant in UTC rather than losing it. */
  if (zone == NULL)
    return g_date_time_ref (self->start);
  return g_date_time_to_timezone (self->start, zone);
}

gint64           dg_time_entry_get_id             (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), 0); return self->id; }
gint64           dg_time_entry_get_assistant_id   (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), 0); return self->assistant_id; }
gint64           dg_time_entry_get_task_id        (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), 0); return self->task_id; }
GDateTime       *dg_time_entry_get_start          (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->start; }
const char      *dg_time_entry_get_local_date     (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->local_date; }
const char      *dg_time_entry_get_time_zone      (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->time_zone; }
int              dg_time_entry_get_minutes        (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), 0); return self->minutes; }
const char      *dg_time_entry_get_note           (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->note; }
const char      *dg_time_entry_get_source         (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->source; }
const char      *dg_time_entry_get_external_id    (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->external_id; }
DgTimeEntryState dg_time_entry_get_state          (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), 0); return self->state; }
const char      *dg_time_entry_get_reason         (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->reason; }
const char      *dg_time_entry_get_assistant_name (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->assistant_name; }
const char      *dg_time_entry_get_task_title     (DgTimeEntry *self) { g_return_val_if_fail (DG_IS_TIME_ENTRY (self), NULL); return self->task_title; }

void
dg_time_entry_set_assistant_id (DgTimeEntry *self,
                                gint64       assistant_id)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  if (self->assistant_id == assistant_id)
    return;
  self->assistant_id = assistant_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSISTANT_ID]);
}

void
dg_time_entry_set_task_id (DgTimeEntry *self,
                           gint64       task_id)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  if (self->task_id == task_id)
    return;
  self->task_id = task_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_ID]);
}

void
dg_time_entry_set_start (DgTimeEntry *self,
                         GDateTime   *start)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  if (start != NULL)
    utc = g_date_time_to_utc (start);
  if (utc == self->start ||
      (utc != NULL && self->start != NULL && g_date_time_equal (utc, self->start)))
    return;
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = g_steal_pointer (&utc);
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
  update_local_date (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
dg_time_entry_set_time_zone (DgTimeEntry *self,
                             const char  *time_zone)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  if (!replace_string (&self->time_zone, time_zone))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
  update_local_date (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
dg_time_entry_set_minutes (DgTimeEntry *self,
                           int          minutes)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  if (self->minutes == minutes)
    return;
  self->minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MINUTES]);
}

void
dg_time_entry_set_note (DgTimeEntry *self,
                        const char  *note)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  if (replace_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
dg_time_entry_set_source (DgTimeEntry *self,
                          const char  *source,
                          const char  *external_id)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (replace_string (&self->source, dg_text_is_blank (source) ? DG_TIME_ENTRY_SOURCE_MANUAL : source))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
  if (replace_string (&self->external_id, external_id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_ID]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_dg_time_entry_set_display (DgTimeEntry *self,
                            const char  *assistant_name,
                            const char  *task_title)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (replace_string (&self->assistant_name, assistant_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSISTANT_NAME]);
  if (replace_string (&self->task_title, task_title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK_TITLE]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_dg_time_entry_set_stored (DgTimeEntry      *self,
                           gint64            id,
                           DgTimeEntryState  state,
                           const char       *reason)
{
  g_return_if_fail (DG_IS_TIME_ENTRY (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (replace_string (&self->reason, reason))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
dg_time_entry_finalize (GObject *object)
{
  DgTimeEntry *self = DG_TIME_ENTRY (object);

  g_clear_pointer (&self->start, g_date_time_unref);
  g_free (self->time_zone);
  g_free (self->note);
  g_free (self->source);
  g_free (self->external_id);
  g_free (self->reason);
  g_free (self->local_date);
  g_free (self->assistant_name);
  g_free (self->task_title);

  G_OBJECT_CLASS (dg_time_entry_parent_class)->finalize (object);
}

static void
dg_time_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DgTimeEntry *self = DG_TIME_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:             g_value_set_int64 (value, self->id); break;
    case PROP_ASSISTANT_ID:   g_value_set_int64 (value, self->assistant_id); break;
    case PROP_TASK_ID:        g_value_set_int64 (value, self->task_id); break;
    case PROP_START:          g_value_set_boxed (value, self->start); break;
    case PROP_TIME_ZONE:      g_value_set_string (value, self->time_zone); break;
    case PROP_MINUTES:        g_value_set_int (value, self->minutes); break;
    case PROP_NOTE:           g_value_set_string (value, self->note); break;
    case PROP_SOURCE:         g_value_set_string (value, self->source); break;
    case PROP_EXTERNAL_ID:    g_value_set_string (value, self->external_id); break;
    case PROP_STATE:          g_value_set_enum (value, self->state); break;
    case PROP_REASON:         g_value_set_string (value, self->reason); break;
    case PROP_LOCAL_DATE:     g_value_set_string (value, self->local_date); break;
    case PROP_ASSISTANT_NAME: g_value_set_string (value, self->assistant_name); break;
    case PROP_TASK_TITLE:     g_value_set_string (value, self->task_title); break;
    default:                  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_time_entry_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  DgTimeEntry *self = DG_TIME_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT_ID: dg_time_entry_set_assistant_id (self, g_value_get_int64 (value)); break;
    case PROP_TASK_ID:      dg_time_entry_set_task_id (self, g_value_get_int64 (value)); break;
    case PROP_START:        dg_time_entry_set_start (self, g_value_get_boxed (value)); break;
    case PROP_TIME_ZONE:    dg_time_entry_set_time_zone (self, g_value_get_string (value)); break;
    case PROP_MINUTES:      dg_time_entry_set_minutes (self, g_value_get_int (value)); break;
    case PROP_NOTE:         dg_time_entry_set_note (self, g_value_get_string (value)); break;
    case PROP_SOURCE:       dg_time_entry_set_source (self, g_value_get_string (value), self->external_id); break;
    case PROP_EXTERNAL_ID:  dg_time_entry_set_source (self, self->source, g_value_get_string (value)); break;
    default:                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_time_entry_class_init (DgTimeEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_time_entry_finalize;
  object_class->get_property = dg_time_entry_get_property;
  object_class->set_property = dg_time_entry_set_property;

  /* id, state and reason are storage's to decide; see dg-time-entry-private.h. */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ASSISTANT_ID] = g_param_spec_int64 ("assistant-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_TASK_ID] = g_param_spec_int64 ("task-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
  properties[PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties[PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, "", rw);
  /* Unchecked here so that a typed value can be held and reported by validate(). */
  properties[PROP_MINUTES] = g_param_spec_int ("minutes", NULL, NULL, G_MININT, G_MAXINT, 0, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, DG_TIME_ENTRY_SOURCE_MANUAL, rw);
  properties[PROP_EXTERNAL_ID] = g_param_spec_string ("external-id", NULL, NULL, "", rw);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, DG_TYPE_TIME_ENTRY_STATE,
                                              DG_TIME_ENTRY_STATE_PENDING, ro);
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, "", ro);
  properties[PROP_LOCAL_DATE] = g_param_spec_string ("local-date", NULL, NULL, "", ro);
  properties[PROP_ASSISTANT_NAME] = g_param_spec_string ("assistant-name", NULL, NULL, "", ro);
  properties[PROP_TASK_TITLE] = g_param_spec_string ("task-title", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_time_entry_init (DgTimeEntry *self)
{
  self->time_zone = g_strdup ("");
  self->note = g_strdup ("");
  self->source = g_strdup (DG_TIME_ENTRY_SOURCE_MANUAL);
  self->external_id = g_strdup ("");
  self->state = DG_TIME_ENTRY_STATE_PENDING;
  self->reason = g_strdup ("");
  self->local_date = g_strdup ("");
  self->assistant_name = g_strdup ("");
  self->task_title = g_strdup ("");
}

char *
dg_time_entry_format_audit_summary (const char *local_date,
                                    gint64      minutes,
                                    const char *task_title,
                                    const char *note)
{
  g_autoptr(GString) summary = g_string_new (NULL);
  g_autofree char *duration = dg_duration_format_minutes (minutes);
  g_autofree char *note_line = NULL;
  const char *what = task_title != NULL ? task_title : "";
  unsigned int year, month, day;

  if (local_date != NULL && sscanf (local_date, "%4u-%2u-%2u", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    {
      g_autoptr(GDateTime) date = g_date_time_new_utc (year, month, day, 0, 0, 0);
      /* Translators: the day of a time entry in the history, "Mon 2 Mar
       * 2026"; see g_date_time_format() for the codes. */
      g_autofree char *text = g_date_time_format (date, _("%a %-d %b %Y"));

      g_string_append (summary, text);
      g_string_append (summary, ", ");
    }
  g_string_append (summary, duration);

  if (*what == '\0' && note != NULL)
    {
      const char *end = note + strcspn (note, "\r\n");

      note_line = g_strstrip (g_strndup (note, end - note));
      if (g_utf8_strlen (note_line, -1) > SUMMARY_NOTE_CHARS)
        {
          g_autofree char *cut = g_utf8_substring (note_line, 0, SUMMARY_NOTE_CHARS);

          g_free (note_line);
          note_line = g_strconcat (cut, "…", NULL);
        }
      what = note_line;
    }
  if (*what != '\0')
    {
      g_string_append (summary, ", ");
      g_string_append (summary, what);
    }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}
