/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli calendar …”: export tasks as an iCalendar file for the
 * assistants' calendars, and import the status back from their copy. */
int dg_cli_calendar_run (DgCli              *cli,
                         const DgCliCommand *command,
                         int                 argc,
                         char              **argv);

G_END_DECLS
