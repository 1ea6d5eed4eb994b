/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dg-assistant.h"
#include "dg-database.h"

G_BEGIN_DECLS

#define DG_ASSISTANT_ERROR (dg_assistant_error_quark ())

typedef enum
{
  DG_ASSISTANT_ERROR_NOT_FOUND,
  DG_ASSISTANT_ERROR_IN_USE,   /* other records refer to it: archive instead */
} DgAssistantError;

#define DG_TYPE_ASSISTANT_STORE (dg_assistant_store_get_type ())
G_DECLARE_FINAL_TYPE (DgAssistantStore, dg_assistant_store, DG, ASSISTANT_STORE, GObject)

GQuark            dg_assistant_error_quark     (void);

/* A GListModel of every DgAssistant in @db (active and archived), sorted by
 * name. Changes go through the functions below, which write the database first
 * and update the list only when that succeeded. */
DgAssistantStore *dg_assistant_store_new       (DgDatabase       *db,
                                                GError          **error);
DgDatabase       *dg_assistant_store_get_database (DgAssistantStore *self);
DgAssistant      *dg_assistant_store_find      (DgAssistantStore *self,
                                                gint64            id);
/* Reads the one assistant @id from @db, without a store (which would read
 * them all); DG_ASSISTANT_ERROR_NOT_FOUND when there is none. */
DgAssistant      *dg_assistant_load            (DgDatabase       *db,
                                                gint64            id,
                                                GError          **error);
/* Validates and inserts @assistant; sets its id. The store keeps a reference. */
gboolean          dg_assistant_store_add       (DgAssistantStore *self,
                                                DgAssistant      *assistant,
                                                GError          **error);
/* Validates @changes (a copy with the same id) and writes it; the stored
 * object then takes over its values. */
gboolean          dg_assistant_store_update    (DgAssistantStore *self,
                                                DgAssistant      *changes,
                                                GError          **error);
gboolean          dg_assistant_store_archive   (DgAssistantStore *self,
                                                DgAssistant      *assistant,
                                                GError          **error);
gboolean          dg_assistant_store_restore   (DgAssistantStore *self,
                                                DgAssistant      *assistant,
                                                GError          **error);
/* Deletes only while nothing refers to the assistant; otherwise fails with
 * DG_ASSISTANT_ERROR_IN_USE and nothing changes. */
gboolean          dg_assistant_store_delete    (DgAssistantStore *self,
                                                DgAssistant      *assistant,
                                                GError          **error);

G_END_DECLS
