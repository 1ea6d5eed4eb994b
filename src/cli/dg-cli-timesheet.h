/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli timesheet …”: the weeks awaiting approval, one week's
 * entries, totals and history, and approving, rejecting and reopening. */
int dg_cli_timesheet_run (DgCli              *cli,
                          const DgCliCommand *command,
                          int                 argc,
                          char              **argv);

G_END_DECLS
