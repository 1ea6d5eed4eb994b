/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Marks @row (a row of a form) as invalid with @error's message, or clears
 * the mark when @error is NULL: the "error" style, the message as tooltip,
 * and the accessible invalid state with the message as description, so
 * that a screen reader says what is wrong.
 *
 * @error_label (or NULL) is the label under the row's group: it lists the
 * messages of every row marked with it, one a line, in the order they were
 * first marked, and shows only while it lists any. Pass the same label for
 * a row each time. */
void        dg_form_row_set_error (GtkWidget    *row,
                                   GtkLabel     *error_label,
                                   const GError *error);
/* The message @row is marked with, or NULL. */
const char *dg_form_row_get_error (GtkWidget    *row);

G_END_DECLS
