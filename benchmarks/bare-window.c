/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bare-window"

#include <adwaita.h>

#include "dg-frame-probe.h"

/* The baseline of the start-up benchmark: the least a libadwaita application
 * shows — a header bar over a status page, at Delegate's default size. What
 * Delegate costs beyond this is what the benchmark measures. A developer tool
 * that is never installed, so its strings are not translated. */

static void
on_application_activate (GApplication *application,
                         gpointer      user_data)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *status_page;

  window = adw_application_window_new (GTK_APPLICATION (application));
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "applications-system-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), "Bare Window");
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page),
                                   "The baseline for Delegate’s start-up benchmark.");
  gtk_widget_set_vexpand (status_page, TRUE);
  gtk_box_append (GTK_BOX (box), status_page);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  dg_frame_probe_attach (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.delegatedesk.DelegateBareBenchmark",
                                     G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (on_application_activate), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
