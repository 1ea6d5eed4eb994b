/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli sample …”: write the sample business into a new database. */
int dg_cli_sample_run (DgCli              *cli,
                       const DgCliCommand *command,
                       int                 argc,
                       char              **argv);

G_END_DECLS
