/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli assistant …”: list, add, change, archive and delete assistants. */
int dg_cli_assistant_run (DgCli              *cli,
                          const DgCliCommand *command,
                          int                 argc,
                          char              **argv);

G_END_DECLS
