/* mt-preferences-window.c: the application's settings
 *
 * Every control is bound to its GSettings key, so a change applies at once
 * (the problems panel's checker follows the travel keys; the application
 * follows color-scheme). The time zone is checked before it is stored.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mt-window-resources.h"
#include "mt-preferences-window.h"
#include "mt-validate.h"

struct _MtPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* template children */
  GtkSpinButton *speed_spin;
  GtkSpinButton *road_spin;
  GtkSpinButton *transfer_spin;
  GtkSpinButton *limit_spin;
  GtkSpinButton *meal_spin;
  AdwEntryRow   *zone_row;
  AdwComboRow   *style_row;
  GtkSpinButton *sync_interval_spin;
  GtkSwitch     *metered_switch;

  /* owned */
  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (MtPreferencesWindow, mt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *schemes[] = { "default", "light", "dark" };

static gboolean
scheme_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  data)
{
  const char *scheme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    if (g_str_equal (scheme, schemes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_scheme (const GValue       *value,
                 const GVariantType *type,
                 gpointer            data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (schemes[i < G_N_ELEMENTS (schemes) ? i : 0]);
}

/* checked as the tour checks it: GLib takes the name as a path, and what
 * is typed (“../../etc/passwd”) is looked at only once it looks like one */
static gboolean
zone_valid (const char *name)
{
  return mt_validate_time_zone (name, "time-zone", NULL);
}

static void
on_zone_changed (MtPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->zone_row));

  if (zone_valid (text))
    gtk_widget_remove_css_class (GTK_WIDGET (self->zone_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->zone_row), "error");
}

static void
on_zone_apply (MtPreferencesWindow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_row))));

  if (zone_valid (text))
    g_settings_set_string (self->settings, "default-time-zone", text);
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a time zone this system knows"), text);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
}

static void
mt_preferences_window_dispose (GObject *object)
{
  MtPreferencesWindow *self = MT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (mt_preferences_window_parent_class)->dispose (object);
}

static void
mt_preferences_window_class_init (MtPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mt_preferences_window_dispose;

  (void) mt_window_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/mediatour/Planner/mt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, speed_spin);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, road_spin);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, transfer_spin);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, meal_spin);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, zone_row);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, sync_interval_spin);
  gtk_widget_class_bind_template_child (widget_class, MtPreferencesWindow, metered_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_zone_changed);
}

static void
mt_preferences_window_init (MtPreferencesWindow *self)
{
  g_autofree char *zone = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "travel-speed-kmh", self->speed_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "road-factor", self->road_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "min-transfer-minutes", self->transfer_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "daily-limit-minutes", self->limit_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "meal-break-after-minutes", self->meal_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-interval", self->sync_interval_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sync-on-metered", self->metered_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, scheme_to_index, index_to_scheme, NULL, NULL);

  zone = g_settings_get_string (self->settings, "default-time-zone");
  gtk_editable_set_text (GTK_EDITABLE (self->zone_row), zone);
}

GtkWidget *
mt_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (MT_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
