/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>

#include "dg-cli-stores.h"

void
dg_cli_stores_clear (DgCliStores *stores)
{
  g_clear_object (&stores->assistants);
  g_clear_object (&stores->tasks);
  g_clear_object (&stores->timesheets);
}

gboolean
dg_cli_stores_open (DgCliStores      *stores,
                    DgCli            *cli,
                    DgCliStoreFlags   flags,
                    GError          **error)
{
  DgDatabase *db;

  g_return_val_if_fail (stores != NULL, FALSE);
  g_return_val_if_fail (stores->assistants == NULL, FALSE);
  g_return_val_if_fail (cli != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  db = dg_cli_get_database (cli, FALSE, error);
  if (db == NULL)
    return FALSE;

  stores->assistants = dg_assistant_store_new (db, error);
  if (stores->assistants == NULL)
    return FALSE;

  if ((flags & DG_CLI_STORE_TASKS) != 0)
    {
      stores->tasks = dg_task_store_new (db, error);
      if (stores->tasks == NULL)
        return FALSE;
    }

  if ((flags & DG_CLI_STORE_TIMESHEETS) != 0)
    stores->timesheets = dg_timesheet_store_new (db);

  return TRUE;
}

DgAssistant *
dg_cli_find_assistant (DgAssistantStore  *assistants,
                       gint64             id,
                       GError           **error)
{
  DgAssistant *assistant;

  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (assistants), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  assistant = dg_assistant_store_find (assistants, id);
  if (assistant == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND,
                   _("There is no assistant with the ID %s."), id_text);
    }

  return assistant;
}
