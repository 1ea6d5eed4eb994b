/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Names (and tooltips) for the month and year arrows of @calendar, which
 * GTK 4.8 draws as icons without an accessible name. */
void dg_accessible_name_calendar (GtkCalendar *calendar);

/* Names the search button libadwaita 1.2 puts into the header of
 * @window, which has an icon and a tooltip but no accessible name. */
void dg_accessible_name_search_button (GtkWidget *window);

G_END_DECLS
