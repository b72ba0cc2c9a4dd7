/* bare-window.c: the yardstick of bench-startup.sh, an AdwApplicationWindow
 * with one label. MT_BENCH_FIRST_FRAME=1 prints the time from exec
 * (MT_BENCH_EXEC_TIME) to its first frame and quits, as mediatour does.
 * With MT_BENCH_MOVE=1 it then waits as long as mediatour does before its
 * move, changes its label's text and prints, as mediatour does for a move,
 * the change plus the work of the frame that draws it (move-work-ms) and the
 * time until that frame was drawn (move-ms): what redrawing the window costs
 * at the least.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#define SETTLE_MS 500 /* as in mt-application.c */

static gboolean first_frame_done;
static gint64 change_start, frame_start;
static double change_ms;

static void
before_paint (GdkFrameClock *clock,
              GtkWindow     *window)
{
  if (change_start != 0 && frame_start == 0)
    frame_start = g_get_monotonic_time ();
}

static gboolean
change_label (gpointer user_data)
{
  GtkWindow *window = user_data;

  change_start = g_get_monotonic_time ();
  gtk_label_set_text (GTK_LABEL (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))),
                      "Hello again");
  change_ms = (g_get_monotonic_time () - change_start) / 1000.0;
  return G_SOURCE_REMOVE;
}

static void
after_paint (GdkFrameClock *clock,
             GtkWindow     *window)
{
  const char *exec_time = g_getenv ("MT_BENCH_EXEC_TIME");
  gint64 now = g_get_monotonic_time ();

  if (change_start != 0)
    {
      g_print ("move-work-ms %.2f\n", change_ms + (now - frame_start) / 1000.0);
      g_print ("move-ms %.2f\n", (now - change_start) / 1000.0);
    }
  else if (first_frame_done)
    {
      return; /* settling */
    }
  else
    {
      first_frame_done = TRUE;
      if (exec_time != NULL)
        g_print ("first-frame-ms %.1f\n",
                 (g_get_real_time () - g_ascii_strtod (exec_time, NULL) * G_USEC_PER_SEC) / 1000.0);
      if (g_strcmp0 (g_getenv ("MT_BENCH_MOVE"), "1") == 0)
        {
          g_timeout_add (SETTLE_MS, change_label, window);
          return;
        }
    }
  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint), window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), window);
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
