/* mt-page-search.c: what the search finds, best first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-page-search"

#include "config.h"

#include <string.h>

#include "mt-page-logic.h"

void
mt_search_hit_free (MtSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_object (&hit->entity);
  g_free (hit->title);
  g_free (hit->detail);
  g_free (hit);
}


static char *
join_details (const char *a,
              const char *b)
{
  if (a == NULL || *a == '\0')
    return g_strdup (mt_page_nonnull (b));
  if (b == NULL || *b == '\0')
    return g_strdup (a);
  return g_strdup_printf ("%s · %s", a, b);
}

static char *
entity_haystack (MtTour   *tour,
                 MtEntity *entity,
                 char    **detail)
{
  switch (mt_entity_get_kind (entity))
    {
    case MT_ENTITY_VISIT:
      {
        MtVisit *visit = MT_VISIT (entity);
        MtSite *site = mt_tour_lookup_kind (tour, MT_ENTITY_SITE, mt_page_nonnull (mt_visit_get_site (visit)));
        g_autofree char *when = mt_page_format_day_span (tour, mt_visit_get_start (visit), mt_visit_get_end (visit));
        const char * const *speakers = mt_visit_get_speakers (visit);
        g_autofree char *notes = speakers != NULL ? g_strjoinv ("\n", (char **) speakers) : g_strdup ("");

        *detail = join_details (when, site ? mt_site_get_name (site) : NULL);
        return g_strjoin ("\n", mt_page_nonnull (mt_visit_get_title (visit)),
                          site ? mt_page_nonnull (mt_site_get_name (site)) : "",
                          site ? mt_page_nonnull (mt_site_get_local_name (site)) : "",
                          notes, NULL);
      }
    case MT_ENTITY_SITE:
      {
        MtSite *site = MT_SITE (entity);
        MtCity *city = mt_tour_lookup_kind (tour, MT_ENTITY_CITY, mt_page_nonnull (mt_site_get_city (site)));

        *detail = join_details (mt_page_site_kind_label (mt_site_get_site_kind (site)),
                                city ? mt_city_get_name (city) : NULL);
        return g_strjoin ("\n", mt_page_nonnull (mt_site_get_name (site)), mt_page_nonnull (mt_site_get_local_name (site)),
                          mt_page_nonnull (mt_site_get_address (site)), city ? mt_page_nonnull (mt_city_get_name (city)) : "",
                          NULL);
      }
    case MT_ENTITY_DELEGATE:
      {
        MtDelegate *delegate = MT_DELEGATE (entity);
        MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_page_nonnull (mt_delegate_get_group (delegate)));

        *detail = join_details (mt_delegate_get_outlet (delegate), group ? mt_group_get_name (group) : NULL);
        return g_strjoin ("\n", mt_page_nonnull (mt_delegate_get_name (delegate)), mt_page_nonnull (mt_delegate_get_outlet (delegate)),
                          mt_page_nonnull (mt_delegate_get_email (delegate)), NULL);
      }
    case MT_ENTITY_INTERVIEW:
      {
        MtInterview *interview = MT_INTERVIEW (entity);
        g_autofree char *when = mt_page_format_day_span (tour, mt_interview_get_start (interview),
                                                         mt_interview_get_end (interview));

        *detail = join_details (when, mt_interview_get_organisation (interview));
        return g_strjoin ("\n", mt_page_nonnull (mt_interview_get_interviewee (interview)),
                          mt_page_nonnull (mt_interview_get_organisation (interview)),
                          mt_page_nonnull (mt_interview_get_interviewee_title (interview)), NULL);
      }
    case MT_ENTITY_CITY:
      {
        MtCity *city = MT_CITY (entity);

        *detail = g_strdup (mt_page_nonnull (mt_city_get_local_name (city)));
        return g_strjoin ("\n", mt_page_nonnull (mt_city_get_name (city)), mt_page_nonnull (mt_city_get_local_name (city)), NULL);
      }
    case MT_ENTITY_GROUP:
    case MT_N_ENTITY_KINDS:
    default:
      *detail = g_strdup ("");
      return g_strdup (mt_page_nonnull (mt_entity_get_display_name (entity)));
    }
}

static const MtEntityKind search_kinds[] = {
  MT_ENTITY_VISIT, MT_ENTITY_INTERVIEW, MT_ENTITY_SITE, MT_ENTITY_DELEGATE, MT_ENTITY_CITY,
};

static guint
kind_rank (MtEntityKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (search_kinds); i++)
    if (search_kinds[i] == kind)
      return i;
  return G_N_ELEMENTS (search_kinds);
}

/* when a hit takes place: a visit's or an interview's start, or unset */
static gint64
hit_start (const MtSearchHit *hit)
{
  if (MT_IS_VISIT (hit->entity))
    return mt_visit_get_start (MT_VISIT (hit->entity));
  if (MT_IS_INTERVIEW (hit->entity))
    return mt_interview_get_start (MT_INTERVIEW (hit->entity));
  return MT_TIME_UNSET;
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const MtSearchHit *x = *(MtSearchHit * const *) a;
  const MtSearchHit *y = *(MtSearchHit * const *) b;
  guint kx = kind_rank (mt_entity_get_kind (x->entity));
  guint ky = kind_rank (mt_entity_get_kind (y->entity));

  gint64 tx = hit_start (x), ty = hit_start (y);

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  /* visits and interviews of one rank in time order, before the rest */
  if ((tx != MT_TIME_UNSET) != (ty != MT_TIME_UNSET))
    return tx != MT_TIME_UNSET ? -1 : 1;
  if (tx != ty)
    return tx < ty ? -1 : 1;
  if (kx != ky)
    return kx < ky ? -1 : 1;
  return g_utf8_collate (x->title, y->title);
}

GPtrArray *
mt_page_search (MtTour     *tour,
                const char *query,
                guint       max_hits)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_search_hit_free);
  g_autofree char *folded_query = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  folded_query = g_strstrip (mt_page_fold (query));
  if (*folded_query == '\0')
    return g_steal_pointer (&hits);

  for (guint k = 0; k < G_N_ELEMENTS (search_kinds); k++)
    {
      GListModel *model = mt_tour_get_entities (tour, search_kinds[k]);
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);
          g_autofree char *detail = NULL;
          g_autofree char *haystack = entity_haystack (tour, entity, &detail);
          g_autofree char *folded = mt_page_fold (haystack);
          g_autofree char *folded_title = NULL;
          MtSearchHit *hit;

          if (!mt_page_folded_matches (folded_query, folded))
            continue;

          folded_title = mt_page_fold (mt_entity_get_display_name (entity));
          hit = g_new0 (MtSearchHit, 1);
          hit->entity = g_steal_pointer (&entity);
          hit->title = g_strdup (mt_page_nonnull (mt_entity_get_display_name (hit->entity)));
          hit->detail = g_steal_pointer (&detail);
          if (g_str_has_prefix (folded_title, folded_query))
            hit->score = 0;
          else if (strstr (folded_title, folded_query) != NULL)
            hit->score = 1;
          else
            hit->score = 2;
          g_ptr_array_add (hits, hit);
        }
    }

  g_ptr_array_sort (hits, compare_hits);
  if (max_hits > 0 && hits->len > max_hits)
    g_ptr_array_set_size (hits, max_hits);
  return g_steal_pointer (&hits);
}
