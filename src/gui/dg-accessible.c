/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-accessible"

#include <adwaita.h>
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

/* The workarounds here find GTK 4.8's and libadwaita 1.2's own widgets by
 * their icons: they go together when those versions are no longer used. */

static GtkWidget *
find_search_toggle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "edit-find-symbolic") == 0)
        return child;
      found = find_search_toggle (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

void
dg_accessible_name_search_button (GtkWidget *window)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_WIDGET (window));

  /* GTK 4.8 cannot read an accessible label back, so whether the button
   * has one is known only from libadwaita's version: 1.2 gives it none, and
   * a later one (a Flatpak runtime's) keeps the name it gives. A button
   * with text of its own is named by that text. */
  if (adw_get_major_version () > 1 || adw_get_minor_version () > 2)
    return;
  button = find_search_toggle (window);
  if (button == NULL)
    {
      g_debug ("No search button found to name in %s", G_OBJECT_TYPE_NAME (window));
      return;
    }
  if (gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
}
