/* mt-generate.c: deterministic synthetic tours for tests and benchmarks
 *
 * The shape follows a real tour: coach groups of about twenty delegates,
 * five visits a day for each group across the six cities, an interview now
 * and then inside a visit. A small share of the data is wrong on purpose
 * (an overlap, a tight transfer), as in a tour being planned.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-generate"

#include "config.h"

#include "mt-entity-private.h"
#include "mt-tour-file.h"
#include "mt-tour-file-private.h"
#include "mt-wall-time.h"

static const struct {
  const char *name;
  const char *local_name;
  double      latitude;
  double      longitude;
} cities[] = {
  { "Guangzhou", "广州", 23.1291, 113.2644 },
  { "Shenzhen", "深圳", 22.5431, 114.0579 },
  { "Dongguan", "东莞", 23.0207, 113.7518 },
  { "Foshan", "佛山", 23.0215, 113.1214 },
  { "Zhaoqing", "肇庆", 23.0472, 112.4651 },
  { "Zhuhai", "珠海", 22.2710, 113.5767 },
};

static const char * const family_names[] = {
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
  "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Liang",
};

static const char * const given_names[] = {
  "Wei", "Fang", "Na", "Min", "Jing", "Lei", "Jun", "Yan", "Tao", "Ming",
  "Chao", "Xia", "Ping", "Hui", "Yu", "Qiang", "Lan", "Bo", "Hong", "Ying",
};

static const char * const outlets[] = {
  "National news agency", "Provincial TV", "Provincial daily", "Economic daily",
  "Science and technology daily", "City evening news", "National radio",
  "English-language daily", "Business weekly", "Financial news network",
  "Youth daily", "Legal daily", "Industry magazine", "Online news portal",
  "Overseas Chinese daily", "Provincial radio", "Metropolis daily",
  "Current affairs magazine", "Technology news site", "Trade journal",
};

static const char * const site_words[] = {
  "Institute", "Laboratory", "Industrial park", "Factory", "Innovation centre",
  "Port", "Exhibition hall", "Research centre", "Start-up hub", "Museum",
};

static const char * const colors[] = {
  "#3584e4", "#2ec27e", "#e66100", "#9141ac", "#e5a50a", "#c01c28", "#865e3c", "#1c71d8",
};

static char *
new_id (GRand *rand)
{
  guint32 a = g_rand_int (rand), b = g_rand_int (rand);
  guint32 c = g_rand_int (rand), d = g_rand_int (rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x",
                          a, b >> 16, b & 0xfff, (c >> 16 & 0x3fff) | 0x8000,
                          c & 0xffff, d);
}

static const char *
pick (GRand              *rand,
      const char * const *array,
      guint               n)
{
  return array[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, array) pick ((rand), (array), G_N_ELEMENTS (array))

static void
take (GPtrArray *array,
      gpointer   entity)
{
  g_ptr_array_add (array, entity);
}

/**
 * mt_tour_generate:
 *
 * Returns: (transfer full): a synthetic seven-day tour with about
 *   @n_visits visits, exactly @n_delegates delegates and about
 *   @n_interviews interviews, the same for the same arguments
 */
MtTour *
mt_tour_generate (guint   n_visits,
                  guint   n_delegates,
                  guint   n_interviews,
                  guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(MtTour) tour = mt_tour_new ();
  g_autoptr(GPtrArray) city_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) site_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) group_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) delegate_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) visit_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) interview_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) members = g_ptr_array_new (); /* delegate ids per group, flattened */
  g_autofree guint *group_first = NULL;
  g_autofree guint *group_size = NULL;
  const guint n_days = MT_DEFAULT_N_DAYS;
  const guint visits_per_day = 5;
  guint n_groups, n_sites, n_interviewees;
  GPtrArray *lists[MT_N_ENTITY_KINDS];
  MtTourFileStamps stamps = { 0, };
  const char *duplicate;
  gint64 first_day = mt_wall_time_new (2024, 5, 14, 0, 0, 0);

  n_groups = MAX (3, (n_visits + n_days * visits_per_day - 1) / (n_days * visits_per_day));
  n_sites = MAX (6, n_visits / 8);
  n_interviewees = MAX (1, n_interviews / 3);

  mt_tour_set_title (tour, "Synthetic media tour");
  mt_tour_set_organiser (tour, "Benchmark press office");
  mt_tour_set_first_day (tour, first_day);

  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      g_autofree char *id = new_id (rand);
      MtCity *city = mt_city_new (id);

      mt_city_set_name (city, cities[i].name);
      mt_city_set_local_name (city, cities[i].local_name);
      mt_city_set_latitude (city, cities[i].latitude);
      mt_city_set_longitude (city, cities[i].longitude);
      take (city_list, city);
    }

  for (guint i = 0; i < n_sites; i++)
    {
      g_autofree char *id = new_id (rand);
      g_autofree char *name = NULL;
      guint c = i % G_N_ELEMENTS (cities);
      MtSite *site = mt_site_new (id);

      name = g_strdup_printf ("%s %s %u", cities[c].name, PICK (rand, site_words), i + 1);
      mt_site_set_name (site, name);
      mt_site_set_city (site, mt_entity_get_id (g_ptr_array_index (city_list, c)));
      mt_site_set_site_kind (site, g_rand_int_range (rand, MT_SITE_GOVERNMENT, MT_SITE_OTHER + 1));
      mt_site_set_latitude (site, cities[c].latitude + g_rand_double_range (rand, -0.15, 0.15));
      mt_site_set_longitude (site, cities[c].longitude + g_rand_double_range (rand, -0.15, 0.15));
      mt_site_set_capacity (site, 20 * g_rand_int_range (rand, 1, 11));
      take (site_list, site);
    }

  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *id = new_id (rand);
      g_autofree char *name = g_strdup_printf ("Coach %u", g + 1);
      MtGroup *group = mt_group_new (id);

      mt_group_set_name (group, name);
      mt_group_set_color (group, colors[g % G_N_ELEMENTS (colors)]);
      take (group_list, group);
    }

  group_first = g_new0 (guint, n_groups);
  group_size = g_new0 (guint, n_groups);
  for (guint i = 0; i < n_delegates; i++)
    {
      g_autofree char *id = new_id (rand);
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      MtDelegate *delegate = mt_delegate_new (id);
      guint g = (guint) ((guint64) i * n_groups / MAX (n_delegates, 1));

      name = g_strdup_printf ("%s %s", PICK (rand, family_names), PICK (rand, given_names));
      email = g_strdup_printf ("delegate%u@example.org", i + 1);
      mt_delegate_set_name (delegate, name);
      mt_delegate_set_outlet (delegate, PICK (rand, outlets));
      mt_delegate_set_role (delegate, g_rand_int_range (rand, 0, 10) < 6
                                        ? MT_ROLE_REPORTER
                                        : g_rand_int_range (rand, MT_ROLE_PHOTOGRAPHER, MT_ROLE_OTHER + 1));
      mt_delegate_set_email (delegate, email);
      mt_delegate_set_group (delegate, mt_entity_get_id (g_ptr_array_index (group_list, g)));
      if (group_size[g]++ == 0)
        group_first[g] = i;
      take (delegate_list, delegate);
      g_ptr_array_add (members, (gpointer) mt_entity_get_id (MT_ENTITY (delegate)));
    }

  for (guint g = 0; g < n_groups && visit_list->len < n_visits; g++)
    {
      const char *group_id = mt_entity_get_id (g_ptr_array_index (group_list, g));

      for (guint day = 0; day < n_days && visit_list->len < n_visits; day++)
        {
          gint64 clock = first_day + day * MT_SECONDS_PER_DAY
                         + 8 * 3600 + 15 * 60 * g_rand_int_range (rand, 2, 6);
          guint city = (day + g) % G_N_ELEMENTS (cities);

          for (guint v = 0; v < visits_per_day && visit_list->len < n_visits; v++)
            {
              g_autofree char *id = new_id (rand);
              g_autofree char *title = NULL;
              MtVisit *visit = mt_visit_new (id);
              MtSite *site;
              const char *groups[3] = { group_id, NULL, NULL };
              guint site_index;
              gint64 length = 15 * 60 * g_rand_int_range (rand, 3, 9);

              site_index = city + G_N_ELEMENTS (cities) * g_rand_int_range (rand, 0, (gint32) (n_sites / G_N_ELEMENTS (cities)));
              site = g_ptr_array_index (site_list, MIN (site_index, n_sites - 1));
              title = g_strdup_printf ("%s visit", mt_site_get_name (site));
              mt_visit_set_title (visit, title);
              mt_visit_set_site (visit, mt_entity_get_id (MT_ENTITY (site)));
              mt_visit_set_visit_kind (visit, v == 2 ? MT_VISIT_MEAL
                                              : g_rand_int_range (rand, 0, 4) == 0 ? MT_VISIT_BRIEFING
                                              : MT_VISIT_VISIT);
              mt_visit_set_start (visit, clock);
              mt_visit_set_end (visit, clock + length);
              if (g_rand_int_range (rand, 0, 20) == 0 && n_groups > 1)
                groups[1] = mt_entity_get_id (g_ptr_array_index (group_list, (g + 1) % n_groups));
              mt_visit_set_groups (visit, groups);
              mt_visit_set_status (visit, g_rand_int_range (rand, 0, 10) < 7 ? MT_VISIT_CONFIRMED
                                          : g_rand_int_range (rand, 0, 10) == 0 ? MT_VISIT_CANCELLED
                                          : MT_VISIT_TENTATIVE);
              take (visit_list, visit);

              /* a gap for the coach, now and then too short */
              clock += length + 60 * g_rand_int_range (rand, 5, 60);
            }
        }
    }

  for (guint i = 0; i < n_interviews && visit_list->len > 0; i++)
    {
      g_autofree char *id = new_id (rand);
      g_autofree char *interviewee = NULL;
      MtInterview *interview = mt_interview_new (id);
      MtVisit *visit = g_ptr_array_index (visit_list, g_rand_int_range (rand, 0, (gint32) visit_list->len));
      const char *delegates[4] = { NULL, };
      guint g = 0, person = (guint) g_rand_int_range (rand, 0, (gint32) n_interviewees);
      gint64 start = mt_visit_get_start (visit) + 15 * 60 * g_rand_int_range (rand, 0, 2);

      for (guint k = 0; k < n_groups; k++)
        if (mt_visit_has_group (visit, mt_entity_get_id (g_ptr_array_index (group_list, k))))
          {
            g = k;
            break;
          }

      interviewee = g_strdup_printf ("%s %s (%u)", family_names[person % G_N_ELEMENTS (family_names)],
                                     given_names[person / G_N_ELEMENTS (family_names) % G_N_ELEMENTS (given_names)],
                                     person + 1);
      mt_interview_set_interviewee (interview, interviewee);
      mt_interview_set_interviewee_title (interview, "Executive");
      mt_interview_set_visit (interview, mt_entity_get_id (MT_ENTITY (visit)));
      mt_interview_set_start (interview, start);
      mt_interview_set_end (interview, start + 30 * 60);
      mt_interview_set_language (interview, "zh");
      if (group_size[g] > 0)
        {
          guint n = MIN (group_size[g], (guint) g_rand_int_range (rand, 1, 4));

          for (guint k = 0; k < n; k++)
            delegates[k] = g_ptr_array_index (members, group_first[g] + (guint) g_rand_int_range (rand, 0, (gint32) group_size[g]));
          if (n == 2 && g_strcmp0 (delegates[0], delegates[1]) == 0)
            delegates[1] = NULL;
          if (n == 3 && (g_strcmp0 (delegates[0], delegates[2]) == 0 || g_strcmp0 (delegates[1], delegates[2]) == 0))
            delegates[2] = NULL;
          if (n == 3 && g_strcmp0 (delegates[0], delegates[1]) == 0)
            {
              delegates[1] = delegates[2];
              delegates[2] = NULL;
            }
        }
      mt_interview_set_delegates (interview, delegates);
      mt_interview_set_status (interview, g_rand_int_range (rand, MT_INTERVIEW_REQUESTED, MT_INTERVIEW_DONE + 1));
      take (interview_list, interview);
    }

  lists[MT_ENTITY_CITY] = city_list;
  lists[MT_ENTITY_SITE] = site_list;
  lists[MT_ENTITY_GROUP] = group_list;
  lists[MT_ENTITY_DELEGATE] = delegate_list;
  lists[MT_ENTITY_VISIT] = visit_list;
  lists[MT_ENTITY_INTERVIEW] = interview_list;

  /* Fixed stamps, as a format-1 file last changed on 1 May 2024 has,
   * keep generated files the same from run to run. */
  stamps.newest_modified = mt_wall_time_new (2024, 5, 1, 8, 0, 0) * G_USEC_PER_SEC;
  _mt_tour_file_apply_stamps (tour, &stamps, lists);

  if (!_mt_tour_take_loaded (tour, MT_ENTITY_CITY, city_list, &duplicate) ||
      !_mt_tour_take_loaded (tour, MT_ENTITY_SITE, site_list, &duplicate) ||
      !_mt_tour_take_loaded (tour, MT_ENTITY_GROUP, group_list, &duplicate) ||
      !_mt_tour_take_loaded (tour, MT_ENTITY_DELEGATE, delegate_list, &duplicate) ||
      !_mt_tour_take_loaded (tour, MT_ENTITY_VISIT, visit_list, &duplicate) ||
      !_mt_tour_take_loaded (tour, MT_ENTITY_INTERVIEW, interview_list, &duplicate))
    g_error ("generated the id %s twice", duplicate);

  mt_history_clear (mt_tour_get_history (tour));
  return g_steal_pointer (&tour);
}
