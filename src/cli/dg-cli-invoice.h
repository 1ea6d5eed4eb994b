/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-cli-common.h"

G_BEGIN_DECLS

/* “delegate-cli invoice …”: drafting an invoice from approved hours,
 * changing the draft, issuing it, listing and showing invoices, writing
 * their PDF, and recording payments and cancellations. */
int dg_cli_invoice_run (DgCli              *cli,
                        const DgCliCommand *command,
                        int                 argc,
                        char              **argv);

G_END_DECLS
