/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-accessible"

#include <glib/gi18n.h>

#include "dg-accessible.h"

static void
collect_buttons (GtkWidget *widget,
                 GPtrArray *buttons)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        g_ptr_array_add (buttons, child);
      else
        collect_buttons (child, buttons);
    }
}

void
dg_accessible_name_calendar (GtkCalendar *calendar)
{
  /* The month's arrows come before the year's, each pair back then
   * forward; a screen reader otherwise says only "button". */
  static const char *back[] = { N_("Previous Month"), N_("Previous Year") };
  static const char *forward[] = { N_("Next Month"), N_("Next Year") };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  guint n_back = 0, n_forward = 0;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  collect_buttons (GTK_WIDGET (calendar), buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = g_ptr_array_index (buttons, i);
      const char *icon_name = gtk_button_get_icon_name (button);
      const char *name = NULL;

      if (g_strcmp0 (icon_name, "pan-start-symbolic") == 0 && n_back < G_N_ELEMENTS (back))
        name = _(back[n_back++]);
      else if (g_strcmp0 (icon_name, "pan-end-symbolic") == 0 && n_forward < G_N_ELEMENTS (forward))
        name = _(forward[n_forward++]);
      if (name == NULL)
        continue;
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (GTK_WIDGET (button), name);
    }
}
