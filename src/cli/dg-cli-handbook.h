/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli handbook …”: list, show, search, add, publish and export
 * handbooks, and archive or delete them. */
int dg_cli_handbook_run (DgCli              *cli,
                         const DgCliCommand *command,
                         int                 argc,
                         char              **argv);

G_END_DECLS
