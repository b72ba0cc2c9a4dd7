/* mt-feeds.c: the calendars published for the delegates' phones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-sync"

#include "config.h"

#include <string.h>

#include "mt-feeds.h"
#include "mt-ical.h"

void
mt_feed_free (MtFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->id);
  g_free (feed->title);
  g_free (feed->name);
  g_free (feed);
}

static MtFeed *
feed_new (MtTour       *tour,
          MtEntityKind  kind,
          const char   *id,
          const char   *title)
{
  MtFeed *feed = g_new0 (MtFeed, 1);
  g_autofree char *message = g_strdup_printf ("%s/%s", kind < MT_N_ENTITY_KINDS ? mt_entity_kind_get_member (kind) : "tour",
                                              id != NULL ? id : "");
  const char *key = mt_tour_get_feed_key (tour);
  g_autofree char *hmac = g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key),
                                                      message, -1);

  feed->kind = kind;
  feed->id = g_strdup (id);
  feed->title = g_strdup (title);
  /* 96 bits of the HMAC: not guessable, short enough to type from a QR
   * code's text if need be */
  feed->name = g_strdup_printf ("%s/%.24s.ics", MT_FEEDS_FOLDER, hmac);
  return feed;
}

/**
 * mt_feeds_list:
 *
 * Returns: (transfer container) (element-type MtFeed): the feeds
 */
GPtrArray *
mt_feeds_list (MtTour *tour)
{
  GPtrArray *feeds = g_ptr_array_new_with_free_func ((GDestroyNotify) mt_feed_free);
  const MtEntityKind kinds[] = { MT_ENTITY_GROUP, MT_ENTITY_DELEGATE };

  g_return_val_if_fail (MT_IS_TOUR (tour), feeds);
  g_return_val_if_fail (mt_tour_get_feed_key (tour) != NULL, feeds);

  g_ptr_array_add (feeds, feed_new (tour, MT_N_ENTITY_KINDS, NULL, mt_tour_get_title (tour)));
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *model = mt_tour_get_entities (tour, kinds[k]);

      for (guint i = 0, n = g_list_model_get_n_items (model); i < n; i++)
        {
          g_autoptr(MtEntity) entity = g_list_model_get_item (model, i);

          g_ptr_array_add (feeds, feed_new (tour, kinds[k], mt_entity_get_id (entity),
                                            mt_entity_get_display_name (entity)));
        }
    }
  return feeds;
}

GBytes *
mt_feed_export (MtFeed  *feed,
                MtTour  *tour,
                GError **error)
{
  return mt_ical_export_to_bytes (tour,
                                  feed->kind == MT_ENTITY_GROUP ? feed->id : NULL,
                                  feed->kind == MT_ENTITY_DELEGATE ? feed->id : NULL,
                                  error);
}

char *
mt_feed_dup_url (MtFeed     *feed,
                 const char *tour_url,
                 gboolean    webcal)
{
  const char *slash = strrchr (tour_url, '/');
  g_autofree char *folder = g_strndup (tour_url, slash != NULL ? (gsize) (slash - tour_url + 1) : strlen (tour_url));
  g_autofree char *url = g_strconcat (folder, feed->name, NULL);

  if (webcal && g_str_has_prefix (url, "https://"))
    return g_strconcat ("webcal://", url + strlen ("https://"), NULL);
  if (webcal && g_str_has_prefix (url, "http://"))
    return g_strconcat ("webcal://", url + strlen ("http://"), NULL);
  return g_steal_pointer (&url);
}

char *
mt_feed_digest (GBytes *contents)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, contents);
}
