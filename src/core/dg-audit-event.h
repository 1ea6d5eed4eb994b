/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DG_TYPE_AUDIT_EVENT (dg_audit_event_get_type ())
G_DECLARE_FINAL_TYPE (DgAuditEvent, dg_audit_event, DG, AUDIT_EVENT, GObject)

/* One row of the append-only audit log (read-only). Properties:
 * "id" (int64), "at" (GDateTime, UTC), "object-type" ("time-entry" now;
 * "invoice" later), "object-id" (int64), "assistant-id" (int64),
 * "local-date" ("YYYY-MM-DD": the entry's local date when it was logged,
 * by which a week finds its history whatever day weeks start on; "" for
 * other objects), "old-state", "new-state" (the state strings of the object: "" as
 * old state when it was created), "reason" ("" when none was needed),
 * "automatic" (boolean: done by automatic approval, not by the owner),
 * "summary" (what it was about, as logged: "Mon 2 Mar, 1:30, Inbox
 * triage"). */
gint64       dg_audit_event_get_id           (DgAuditEvent *self);
GDateTime   *dg_audit_event_get_at           (DgAuditEvent *self);
const char  *dg_audit_event_get_object_type  (DgAuditEvent *self);
gint64       dg_audit_event_get_object_id    (DgAuditEvent *self);
gint64       dg_audit_event_get_assistant_id (DgAuditEvent *self);
const char  *dg_audit_event_get_local_date   (DgAuditEvent *self);
const char  *dg_audit_event_get_old_state    (DgAuditEvent *self);
const char  *dg_audit_event_get_new_state    (DgAuditEvent *self);
const char  *dg_audit_event_get_reason       (DgAuditEvent *self);
gboolean     dg_audit_event_get_automatic    (DgAuditEvent *self);
const char  *dg_audit_event_get_summary      (DgAuditEvent *self);
/* One translated line for the history list: "Approved automatically",
 * "Pending → Rejected: wrong day" … */
char        *dg_audit_event_describe         (DgAuditEvent *self);

/* For the store, which reads the log. */
DgAuditEvent *dg_audit_event_new_from_row    (gint64        id,
                                              GDateTime    *at,
                                              const char   *object_type,
                                              gint64        object_id,
                                              gint64        assistant_id,
                                              const char   *local_date,
                                              const char   *old_state,
                                              const char   *new_state,
                                              const char   *reason,
                                              gboolean      automatic,
                                              const char   *summary);

G_END_DECLS
