/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-assistant-store.h"
#include "dg-task-store.h"
#include "dg-timesheet-store.h"

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* The stores a command opens beside the assistants'. */
typedef enum
{
  DG_CLI_STORE_TASKS      = 1 << 0,
  DG_CLI_STORE_TIMESHEETS = 1 << 1,
} DgCliStoreFlags;

/* The stores of the commands on an assistant's work (tasks, hours,
 * timesheets): the assistants' always, the others NULL unless asked for. */
typedef struct
{
  DgAssistantStore *assistants;
  DgTaskStore      *tasks;
  DgTimesheetStore *timesheets;
} DgCliStores;

void         dg_cli_stores_clear   (DgCliStores      *stores);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DgCliStores, dg_cli_stores_clear)

/* Opens the stores named by @flags on the database of --database. It does
 * not create the database: tasks and hours need an assistant, and an
 * assistant a database that already exists. */
gboolean     dg_cli_stores_open    (DgCliStores      *stores,
                                    DgCli            *cli,
                                    DgCliStoreFlags   flags,
                                    GError          **error);

/* The assistant with @id (owned by @assistants), or NULL with an error
 * that names the ID. */
DgAssistant *dg_cli_find_assistant (DgAssistantStore *assistants,
                                    gint64            id,
                                    GError          **error);

G_END_DECLS
