/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-audit-event"

#include <glib/gi18n.h>

#include "dg-audit-event.h"
#include "dg-invoice.h"
#include "dg-time-entry.h"

struct _DgAuditEvent
{
  GObject    parent_instance;

  gint64     id;
  GDateTime *at;
  char      *object_type;
  gint64     object_id;
  gint64     assistant_id;
  char      *local_date;
  char      *old_state;
  char      *new_state;
  char      *reason;
  gboolean   automatic;
  char      *summary;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_OBJECT_TYPE,
  PROP_OBJECT_ID,
  PROP_ASSISTANT_ID,
  PROP_LOCAL_DATE,
  PROP_OLD_STATE,
  PROP_NEW_STATE,
  PROP_REASON,
  PROP_AUTOMATIC,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgAuditEvent, dg_audit_event, G_TYPE_OBJECT)

static void
dg_audit_event_finalize (GObject *object)
{
  DgAuditEvent *self = DG_AUDIT_EVENT (object);

  g_clear_pointer (&self->at, g_date_time_unref);
  g_free (self->object_type);
  g_free (self->local_date);
  g_free (self->old_state);
  g_free (self->new_state);
  g_free (self->reason);
  g_free (self->summary);

  G_OBJECT_CLASS (dg_audit_event_parent_class)->finalize (object);
}

static void
dg_audit_event_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DgAuditEvent *self = DG_AUDIT_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_AT:           g_value_set_boxed (value, self->at); break;
    case PROP_OBJECT_TYPE:  g_value_set_string (value, self->object_type); break;
    case PROP_OBJECT_ID:    g_value_set_int64 (value, self->object_id); break;
    case PROP_ASSISTANT_ID: g_value_set_int64 (value, self->assistant_id); break;
    case PROP_LOCAL_DATE:   g_value_set_string (value, self->local_date); break;
    case PROP_OLD_STATE:    g_value_set_string (value, self->old_state); break;
    case PROP_NEW_STATE:    g_value_set_string (value, self->new_state); break;
    case PROP_REASON:       g_value_set_string (value, self->reason); break;
    case PROP_AUTOMATIC:    g_value_set_boolean (value, self->automatic); break;
    case PROP_SUMMARY:      g_value_set_string (value, self->summary); break;
    default:                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_audit_event_class_init (DgAuditEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_audit_event_finalize;
  object_class->get_property = dg_audit_event_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AT] =
    g_param_spec_boxed ("at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_OBJECT_TYPE] =
    g_param_spec_string ("object-type", NULL, NULL, "", flags);
  properties[PROP_OBJECT_ID] =
    g_param_spec_int64 ("object-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_ASSISTANT_ID] =
    g_param_spec_int64 ("assistant-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_LOCAL_DATE] =
    g_param_spec_string ("local-date", NULL, NULL, "", flags);
  properties[PROP_OLD_STATE] =
    g_param_spec_string ("old-state", NULL, NULL, "", flags);
  properties[PROP_NEW_STATE] =
    g_param_spec_string ("new-state", NULL, NULL, "", flags);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, "", flags);
  properties[PROP_AUTOMATIC] =
    g_param_spec_boolean ("automatic", NULL, NULL, FALSE, flags);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, "", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_audit_event_init (DgAuditEvent *self)
{
}

DgAuditEvent *
dg_audit_event_new_from_row (gint64      id,
                             GDateTime  *at,
                             const char *object_type,
                             gint64      object_id,
                             gint64      assistant_id,
                             const char *local_date,
                             const char *old_state,
                             const char *new_state,
                             const char *reason,
                             gboolean    automatic,
                             const char *summary)
{
  DgAuditEvent *self = g_object_new (DG_TYPE_AUDIT_EVENT, NULL);

  self->id = id;
  /* The log keeps UTC; a row written by hand in another zone is shown as
   * the same instant. */
  self->at = at ? g_date_time_to_utc (at) : NULL;
  self->object_type = g_strdup (object_type ? object_type : "");
  self->object_id = object_id;
  self->assistant_id = assistant_id;
  self->local_date = g_strdup (local_date ? local_date : "");
  self->old_state = g_strdup (old_state ? old_state : "");
  self->new_state = g_strdup (new_state ? new_state : "");
  self->reason = g_strdup (reason ? reason : "");
  self->automatic = automatic;
  self->summary = g_strdup (summary ? summary : "");
  return self;
}

gint64
dg_audit_event_get_id (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), 0);
  return self->id;
}

GDateTime *
dg_audit_event_get_at (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);
  return self->at;
}

const char *
dg_audit_event_get_object_type (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);
  return self->object_type;
}

gint64
dg_audit_event_get_object_id (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), 0);
  return self->object_id;
}

gint64
dg_audit_event_get_assistant_id (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), 0);
  return self->assistant_id;
}

const char *
dg_audit_event_get_local_date (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);
  return self->local_date;
}

const char *
dg_audit_event_get_old_state (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);
  return self->old_state;
}

const char *
dg_audit_event_get_new_state (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);
  return self->new_state;
}

const char *
dg_audit_event_get_reason (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);
  return self->reason;
}

gboolean
dg_audit_event_get_automatic (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), FALSE);
  return self->automatic;
}

const char *
dg_audit_event_get_summary (DgAuditEvent *self)
{
  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);
  return self->summary;
}

/* The translated label of a state string logged for @object_type; a state
 * this version does not know (a later one) is shown as it was logged. */
static const char *
state_label (const char *object_type,
             const char *state)
{
  DgTimeEntryState entry_state;
  DgInvoiceState invoice_state;

  if (g_strcmp0 (object_type, "invoice") == 0)
    {
      if (dg_invoice_state_from_string (state, &invoice_state))
        return dg_invoice_state_get_label (invoice_state);
    }
  else if (dg_time_entry_state_from_string (state, &entry_state))
    return dg_time_entry_state_get_label (entry_state);
  return state;
}

char *
dg_audit_event_describe (DgAuditEvent *self)
{
  g_autofree char *change = NULL;

  g_return_val_if_fail (DG_IS_AUDIT_EVENT (self), NULL);

  if (*self->old_state == '\0')
    change = g_strdup (_("Added"));
  else if (g_strcmp0 (self->new_state, "deleted") == 0)
    change = g_strdup (_("Deleted"));
  else if (self->automatic)
    /* Translators: an entry's state changed by automatic approval, e.g.
     * "Approved automatically". */
    change = g_strdup_printf (_("%s automatically"), state_label (self->object_type, self->new_state));
  else
    /* Translators: a change of state in the history, "Pending → Approved". */
    change = g_strdup_printf (_("%s → %s"), state_label (self->object_type, self->old_state),
                              state_label (self->object_type, self->new_state));

  if (*self->reason == '\0')
    return g_steal_pointer (&change);
  /* Translators: a change of state and the reason the owner gave, e.g.
   * "Pending → Rejected: wrong day". */
  return g_strdup_printf (_("%s: %s"), change, self->reason);
}
