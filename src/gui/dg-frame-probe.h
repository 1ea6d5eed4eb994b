/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For the start-up benchmark (benchmarks/): when DELEGATE_REPORT_FIRST_FRAME
 * is set in the environment, writes "first-frame <monotonic µs>" to stdout
 * after @window has painted its first frame, then quits the window's
 * application (it must have one by then). Without the variable it does
 * nothing. */
void dg_frame_probe_attach (GtkWindow *window);

G_END_DECLS
