/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-frame-probe"

#include <stdio.h>

#include "dg-frame-probe.h"

static void
on_frame_clock_after_paint (GdkFrameClock *frame_clock,
                            GtkWindow     *window)
{
  /* Taken first, so that nothing done below counts towards start-up time. */
  gint64 now = g_get_monotonic_time ();
  GtkApplication *application;

  /* Only the first frame is of interest; later ones would print again. */
  g_signal_handlers_disconnect_by_func (frame_clock, on_frame_clock_after_paint, window);

  /* The benchmark reads this line from a pipe; without the flush it would sit
   * in stdio's buffer until exit and the benchmark would wait for it. */
  printf ("first-frame %" G_GINT64_FORMAT "\n", now);
  fflush (stdout);

  /* The measurement is complete: exit, so the benchmark can take the peak
   * memory of the whole run from wait4(). Only an application can end the
   * process, so the probe belongs on a window that has one. */
  application = gtk_window_get_application (window);
  g_assert (application != NULL);
  g_application_quit (G_APPLICATION (application));
}

static void
on_window_realize (GtkWidget *widget,
                   gpointer   user_data)
{
  /* The frame clock exists only once the window has a surface. */
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

  g_signal_handlers_disconnect_by_func (widget, on_window_realize, user_data);

  g_assert (frame_clock != NULL);
  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_frame_clock_after_paint), widget, 0);
}

void
dg_frame_probe_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("DELEGATE_REPORT_FIRST_FRAME") == NULL)
    return;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_window_realize (GTK_WIDGET (window), NULL);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
}
