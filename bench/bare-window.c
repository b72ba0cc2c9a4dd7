/* bare-window.c: the yardstick of bench-startup.sh, an AdwApplicationWindow
 * with one label. MT_BENCH_FIRST_FRAME=1 prints the time from exec
 * (MT_BENCH_EXEC_TIME) to its first frame and quits, as mediatour does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

static void
after_paint (GdkFrameClock *clock,
             GtkWindow     *window)
{
  const char *exec_time = g_getenv ("MT_BENCH_EXEC_TIME");

  if (exec_time != NULL)
    g_print ("first-frame-ms %.1f\n",
             (g_get_real_time () - g_ascii_strtod (exec_time, NULL) * G_USEC_PER_SEC) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_realize (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (after_paint), window);
}

static void
activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare window");
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), gtk_label_new ("Hello"));
  if (g_strcmp0 (g_getenv ("MT_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.mediatour.BareWindow",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
