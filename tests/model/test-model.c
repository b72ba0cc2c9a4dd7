/* test-model.c: the entities, the tour and wall-clock times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mt-model.h"

static guint
count_notify (GObject    *object,
              const char *property)
{
  return GPOINTER_TO_UINT (g_object_get_data (object, property));
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  guint n = count_notify (object, pspec->name);

  g_object_set_data (object, pspec->name, GUINT_TO_POINTER (n + 1));
}

/* A value of @pspec's type that differs from its default. */
static void
sample_value (GParamSpec *pspec,
              GValue     *value)
{
  g_value_init (value, pspec->value_type);

  if (pspec->value_type == G_TYPE_STRING)
    g_value_set_string (value, "广州 “quoted”");
  else if (pspec->value_type == G_TYPE_STRV)
    {
      const char *strv[] = { "one", "二", NULL };
      g_value_set_boxed (value, strv);
    }
  else if (pspec->value_type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, TRUE);
  else if (pspec->value_type == G_TYPE_UINT)
    g_value_set_uint (value, 42);
  else if (pspec->value_type == G_TYPE_DOUBLE)
    g_value_set_double (value, 23.125);
  else if (pspec->value_type == G_TYPE_INT64)
    g_value_set_int64 (value, mt_wall_time_new (2024, 5, 14, 9, 30, 0));
  else if (G_TYPE_IS_ENUM (pspec->value_type))
    g_value_set_enum (value, 2);
  else
    g_assert_not_reached ();
}

static void
test_entity_properties (void)
{
  for (MtEntityKind kind = 0; kind < MT_N_ENTITY_KINDS; kind++)
    {
      g_autoptr(MtTour) tour = mt_tour_new ();
      g_autoptr(MtEntity) entity = mt_entity_new_of_kind (kind, NULL);
      GParamSpec **pspecs;
      guint n_pspecs, n_fields = 0;

      g_assert_nonnull (mt_entity_get_id (entity));
      g_assert_true (g_uuid_string_is_valid (mt_entity_get_id (entity)));
      g_assert_cmpint (mt_entity_get_kind (entity), ==, kind);
      /* stamps (and so "modified") belong to entities in a tour */
      g_assert_cmpint (mt_entity_get_modified (entity), ==, 0);
      g_assert_true (mt_tour_add (tour, entity, NULL));
      g_signal_connect (entity, "notify", G_CALLBACK (on_notify), NULL);

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (entity), &n_pspecs);
      for (guint i = 0; i < n_pspecs; i++)
        {
          GParamSpec *pspec = pspecs[i];
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) read_back = G_VALUE_INIT;
          guint revision;

          if (!(pspec->flags & G_PARAM_WRITABLE) || (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
            continue;
          n_fields++;

          sample_value (pspec, &value);
          revision = mt_entity_get_revision (entity);
          g_object_set_property (G_OBJECT (entity), pspec->name, &value);
          g_assert_cmpuint (count_notify (G_OBJECT (entity), pspec->name), ==, 1);
          g_assert_cmpuint (mt_entity_get_revision (entity), ==, revision + 1);
          g_assert_cmpint (mt_entity_get_modified (entity), >, 0);

          g_value_init (&read_back, pspec->value_type);
          g_object_get_property (G_OBJECT (entity), pspec->name, &read_back);
          if (pspec->value_type == G_TYPE_STRV)
            g_assert_true (g_strv_equal (g_value_get_boxed (&value), g_value_get_boxed (&read_back)));
          else
            g_assert_cmpint (g_param_values_cmp (pspec, &value, &read_back), ==, 0);

          /* the same value again changes nothing and says nothing */
          g_object_set_property (G_OBJECT (entity), pspec->name, &value);
          g_assert_cmpuint (count_notify (G_OBJECT (entity), pspec->name), ==, 1);
          g_assert_cmpuint (mt_entity_get_revision (entity), ==, revision + 1);
        }
      g_free (pspecs);
      g_assert_cmpuint (n_fields, >=, 3);
    }
}

static void
test_typed_accessors (void)
{
  g_autoptr(MtVisit) visit = mt_visit_new ("v1");
  g_autoptr(MtInterview) interview = mt_interview_new (NULL);
  g_autoptr(MtSite) site = mt_site_new (NULL);
  const char *groups[] = { "a", "b", NULL };
  const char *empty[] = { NULL };

  g_assert_cmpstr (mt_entity_get_id (MT_ENTITY (visit)), ==, "v1");
  g_assert_cmpint (mt_visit_get_start (visit), ==, MT_TIME_UNSET);

  mt_visit_set_title (visit, "EHang");
  g_assert_cmpstr (mt_visit_get_title (visit), ==, "EHang");
  g_assert_cmpstr (mt_entity_get_display_name (MT_ENTITY (visit)), ==, "EHang");
  mt_visit_set_title (visit, "");
  g_assert_null (mt_visit_get_title (visit));

  g_assert_true (mt_visit_has_group (visit, "anything"));
  mt_visit_set_groups (visit, groups);
  g_assert_true (mt_visit_has_group (visit, "b"));
  g_assert_false (mt_visit_has_group (visit, "c"));
  mt_visit_set_groups (visit, empty);
  g_assert_null (mt_visit_get_groups (visit));

  mt_visit_set_visit_kind (visit, MT_VISIT_PRESS_CONFERENCE);
  g_assert_cmpint (mt_visit_get_visit_kind (visit), ==, MT_VISIT_PRESS_CONFERENCE);

  mt_interview_set_interpreter (interview, TRUE);
  g_assert_true (mt_interview_get_interpreter (interview));
  mt_interview_set_delegates (interview, groups);
  g_assert_true (mt_interview_has_delegate (interview, "a"));

  mt_site_set_capacity (site, 120);
  g_assert_cmpuint (mt_site_get_capacity (site), ==, 120);
  mt_site_set_site_kind (site, MT_SITE_RESEARCH);
  g_assert_cmpint (mt_site_get_site_kind (site), ==, MT_SITE_RESEARCH);
}

static void
test_copy_and_equal (void)
{
  g_autoptr(MtVisit) visit = mt_visit_new (NULL);
  g_autoptr(MtEntity) copy = NULL;
  g_autoptr(MtEntity) twin = NULL;

  mt_visit_set_title (visit, "Briefing");
  mt_visit_set_start (visit, mt_wall_time_new (2024, 5, 14, 9, 0, 0));

  copy = mt_entity_copy (MT_ENTITY (visit), NULL);
  g_assert_cmpstr (mt_entity_get_id (copy), !=, mt_entity_get_id (MT_ENTITY (visit)));
  g_assert_false (mt_entity_equal (copy, MT_ENTITY (visit)));
  g_assert_cmpstr (mt_visit_get_title (MT_VISIT (copy)), ==, "Briefing");

  twin = mt_entity_copy (MT_ENTITY (visit), mt_entity_get_id (MT_ENTITY (visit)));
  g_assert_true (mt_entity_equal (twin, MT_ENTITY (visit)));
  mt_visit_set_end (MT_VISIT (twin), mt_wall_time_new (2024, 5, 14, 10, 0, 0));
  g_assert_false (mt_entity_equal (twin, MT_ENTITY (visit)));
}

/* Every property of the tour notifies once when it changes, and not when
 * set to the value it has. */
static void
test_tour_properties_notify (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  GParamSpec **pspecs;
  guint n;

  g_signal_connect (tour, "notify", G_CALLBACK (on_notify), NULL);

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (tour), &n);
  g_assert_cmpuint (n, ==, 8);  /* the organiser's contact among them */
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) read_back = G_VALUE_INIT;

      if (g_str_equal (pspec->name, "time-zone"))
        {
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, "Europe/Berlin");
        }
      else if (g_str_equal (pspec->name, "first-day"))
        {
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, mt_wall_time_new (2024, 5, 14, 0, 0, 0));
        }
      else
        sample_value (pspec, &value);

      g_object_set_property (G_OBJECT (tour), pspec->name, &value);
      g_object_set_property (G_OBJECT (tour), pspec->name, &value);
      g_assert_cmpuint (count_notify (G_OBJECT (tour), pspec->name), ==, 1);

      g_value_init (&read_back, pspec->value_type);
      g_object_get_property (G_OBJECT (tour), pspec->name, &read_back);
      g_assert_cmpint (g_param_values_cmp (pspec, &value, &read_back), ==, 0);
    }
  g_free (pspecs);

  /* each change is an undoable step */
  g_assert_cmpuint (mt_history_get_n_steps (mt_tour_get_history (tour)), ==, n);
}

static void
test_tour_properties (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  g_autoptr(GError) error = NULL;

  g_signal_connect (tour, "notify", G_CALLBACK (on_notify), NULL);

  g_assert_cmpstr (mt_tour_get_time_zone (tour), ==, "Asia/Shanghai");
  g_assert_cmpuint (mt_tour_get_n_days (tour), ==, 7);

  mt_tour_set_title (tour, "Guangdong");
  mt_tour_set_title (tour, "Guangdong");
  g_assert_cmpuint (count_notify (G_OBJECT (tour), "title"), ==, 1);

  mt_tour_set_first_day (tour, mt_wall_time_new (2024, 5, 14, 15, 0, 0));
  g_assert_cmpint (mt_tour_get_first_day (tour), ==, mt_wall_time_new (2024, 5, 14, 0, 0, 0));
  g_assert_cmpint (mt_tour_get_day_index (tour, mt_wall_time_new (2024, 5, 16, 23, 59, 0)), ==, 2);
  g_assert_cmpint (mt_tour_get_day_index (tour, mt_wall_time_new (2024, 5, 13, 23, 0, 0)), ==, -1);
  g_assert_cmpint (mt_tour_get_day_start (tour, 6), ==, mt_wall_time_new (2024, 5, 20, 0, 0, 0));

  g_assert_false (mt_tour_set_time_zone (tour, "Mars/Olympus_Mons", &error));
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Mars/Olympus_Mons"));
  g_assert_cmpstr (mt_tour_get_time_zone (tour), ==, "Asia/Shanghai");
  g_assert_cmpuint (count_notify (G_OBJECT (tour), "time-zone"), ==, 0);

  g_assert_true (mt_tour_set_time_zone (tour, "Europe/Berlin", NULL));
  g_assert_cmpuint (count_notify (G_OBJECT (tour), "time-zone"), ==, 1);
}

static void
on_changed (MtTour   *tour,
            MtEntity *entity,
            guint    *count)
{
  (*count)++;
}

static void
test_tour_index (void)
{
  g_autoptr(MtTour) tour = mt_tour_new ();
  g_autoptr(MtCity) city = mt_city_new ("c1");
  g_autoptr(MtCity) clash = mt_city_new ("c1");
  g_autoptr(MtSite) site = mt_site_new ("s1");
  g_autoptr(GError) error = NULL;
  guint changes = 0;

  g_signal_connect (tour, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_true (mt_tour_add (tour, MT_ENTITY (city), NULL));
  g_assert_true (mt_tour_add (tour, MT_ENTITY (site), NULL));
  g_assert_cmpuint (changes, ==, 2);
  g_assert_true (mt_tour_lookup (tour, "c1") == MT_ENTITY (city));
  g_assert_true (mt_tour_lookup_kind (tour, MT_ENTITY_CITY, "c1") == city);
  g_assert_null (mt_tour_lookup_kind (tour, MT_ENTITY_SITE, "c1"));
  g_assert_null (mt_tour_lookup (tour, NULL));
  g_assert_true (mt_entity_get_tour (MT_ENTITY (city)) == tour);
  g_assert_cmpuint (g_list_model_get_n_items (mt_tour_get_cities (tour)), ==, 1);

  g_assert_false (mt_tour_add (tour, MT_ENTITY (clash), &error));
  g_assert_error (error, MT_TOUR_ERROR, MT_TOUR_ERROR_DUPLICATE_ID);
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_CITY), ==, 1);

  mt_site_set_name (site, "EHang");
  g_assert_cmpuint (changes, ==, 3);

  mt_tour_remove (tour, MT_ENTITY (city));
  g_assert_null (mt_tour_lookup (tour, "c1"));
  g_assert_null (mt_entity_get_tour (MT_ENTITY (city)));
  g_assert_cmpuint (mt_tour_count (tour, MT_ENTITY_CITY), ==, 0);
  g_assert_cmpuint (changes, ==, 4);

  /* an entity out of the tour changes without telling the tour */
  mt_city_set_name (city, "Guangzhou");
  g_assert_cmpuint (changes, ==, 4);
}

static void
test_wall_time (void)
{
  gint64 t;
  char buf[MT_WALL_TIME_BUF_SIZE];
  int y, mo, d, h, mi, s;

  g_assert_true (mt_wall_time_parse ("2024-05-14T09:00", &t));
  g_assert_cmpint (t, ==, mt_wall_time_new (2024, 5, 14, 9, 0, 0));
  mt_wall_time_format_buf (t, buf);
  g_assert_cmpstr (buf, ==, "2024-05-14T09:00");
  g_assert_cmpint (mt_wall_time_weekday (t), ==, 2); /* a Tuesday */

  g_assert_true (mt_wall_time_parse ("2024-02-29T23:59:30", &t));
  mt_wall_time_format_buf (t, buf);
  g_assert_cmpstr (buf, ==, "2024-02-29T23:59:30");
  mt_wall_time_split (t, &y, &mo, &d, &h, &mi, &s);
  g_assert_cmpint (y * 10000 + mo * 100 + d, ==, 20240229);
  g_assert_cmpint (h * 3600 + mi * 60 + s, ==, 23 * 3600 + 59 * 60 + 30);

  g_assert_false (mt_wall_time_parse ("2024-05-32T09:00", &t));
  g_assert_false (mt_wall_time_parse ("2023-02-29T09:00", &t));
  g_assert_false (mt_wall_time_parse ("2024-05-14T24:00", &t));
  g_assert_false (mt_wall_time_parse ("2024-05-14T09:60", &t));
  g_assert_false (mt_wall_time_parse ("2024-05-14", &t));
  g_assert_false (mt_wall_time_parse ("2024-05-14T09:00Z", &t));
  g_assert_false (mt_wall_time_parse ("", &t));
  g_assert_true (mt_wall_date_parse ("1900-03-01", &t));
  g_assert_cmpint (mt_wall_time_weekday (t), ==, 4); /* a Thursday */

  /* before 1970 */
  t = mt_wall_time_new (1969, 12, 31, 23, 0, 0);
  g_assert_cmpint (t, ==, -3600);
  g_assert_cmpint (mt_wall_time_day_start (t), ==, -MT_SECONDS_PER_DAY);
  mt_wall_time_format_buf (t, buf);
  g_assert_cmpstr (buf, ==, "1969-12-31T23:00");
}

static void
test_wall_time_zones (void)
{
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) at_nine = NULL;
  g_autoptr(GDateTime) in_berlin = NULL;
  gint64 usec;
  char buf[MT_WALL_TIME_BUF_SIZE];

  g_assert_nonnull (shanghai);
  g_assert_nonnull (berlin);

  /* 09:00 in Shanghai is 01:00 UTC and 03:00 in Berlin in May */
  at_nine = mt_wall_time_to_date_time (mt_wall_time_new (2024, 5, 14, 9, 0, 0), shanghai);
  g_assert_cmpint (g_date_time_to_unix (at_nine), ==, mt_wall_time_new (2024, 5, 14, 1, 0, 0));
  in_berlin = g_date_time_to_timezone (at_nine, berlin);
  g_assert_cmpint (mt_wall_time_from_date_time (in_berlin), ==, mt_wall_time_new (2024, 5, 14, 3, 0, 0));

  g_assert_true (mt_utc_time_parse ("2024-05-01T08:00:00.250Z", &usec));
  g_assert_cmpint (usec, ==, mt_wall_time_new (2024, 5, 1, 8, 0, 0) * G_USEC_PER_SEC + 250000);
  mt_utc_time_format_buf (usec, buf);
  g_assert_cmpstr (buf, ==, "2024-05-01T08:00:00.250Z");
  g_assert_false (mt_utc_time_parse ("2024-05-01T08:00:00", &usec));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/model/entity-properties", test_entity_properties);
  g_test_add_func ("/model/model/typed-accessors", test_typed_accessors);
  g_test_add_func ("/model/model/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/model/model/tour-properties", test_tour_properties);
  g_test_add_func ("/model/model/tour-properties-notify", test_tour_properties_notify);
  g_test_add_func ("/model/model/tour-index", test_tour_index);
  g_test_add_func ("/model/model/wall-time", test_wall_time);
  g_test_add_func ("/model/model/wall-time-zones", test_wall_time_zones);

  return g_test_run ();
}
