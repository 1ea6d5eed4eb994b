/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli task …”: add one-off and recurring tasks, list their
 * occurrences, and mark an occurrence done, skipped or open again. */
int dg_cli_task_run (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv);

G_END_DECLS
