/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli profile …”: show or change the business profile. */
int dg_cli_profile_run (DgCli              *cli,
                        const DgCliCommand *command,
                        int                 argc,
                        char              **argv);

G_END_DECLS
