/* mt-page-logic.c: the words the pages show: matching, times, lists, labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-page-logic"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "mt-itinerary-model.h"
#include "mt-page-logic.h"

char *
mt_page_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *lower = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  lower = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_ALL);
  if (decomposed == NULL)
    return g_steal_pointer (&lower);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
mt_page_folded_matches (const char *folded_query,
                        const char *folded_text)
{
  g_auto(GStrv) words = g_strsplit_set (folded_query, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (folded_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

gboolean
mt_page_text_matches (const char *folded_query,
                      const char *text)
{
  g_autofree char *folded = NULL;

  if (folded_query == NULL || folded_query[0] == '\0')
    return TRUE;
  folded = mt_page_fold (text);
  return mt_page_folded_matches (folded_query, folded);
}

gboolean
mt_page_delegate_matches (MtDelegate *delegate,
                          const char *folded_query)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MT_IS_DELEGATE (delegate), FALSE);

  if (folded_query == NULL || folded_query[0] == '\0')
    return TRUE;
  text = g_strjoin ("\n",
                    mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "",
                    mt_delegate_get_outlet (delegate) ? mt_delegate_get_outlet (delegate) : "",
                    mt_delegate_get_email (delegate) ? mt_delegate_get_email (delegate) : "",
                    NULL);
  return mt_page_text_matches (folded_query, text);
}

char *
mt_page_format_day_span (MtTour *tour,
                         gint64  start,
                         gint64  end)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int day;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  if (start == MT_TIME_UNSET)
    return g_strdup ("");
  day = mt_tour_get_day_index (tour, start) + 1;
  from = mt_itinerary_format_clock (start);
  if (end == MT_TIME_UNSET)
    /* Translators: a day of the tour and a time, "Day 3 · 09:00" */
    return g_strdup_printf (_("Day %d · %s"), day, from);
  to = mt_itinerary_format_clock (end);
  /* Translators: a day of the tour and a time range, "Day 3 · 09:00 – 10:30" */
  return g_strdup_printf (_("Day %d · %s – %s"), day, from, to);
}

char *
mt_page_delegate_names (MtTour             *tour,
                        const char * const *delegate_ids)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  for (guint i = 0; delegate_ids != NULL && delegate_ids[i] != NULL; i++)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_ids[i]);

      if (delegate == NULL || mt_delegate_get_name (delegate) == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, mt_delegate_get_name (delegate));
    }
  return g_string_free (out, FALSE);
}

char *
mt_page_join_list (const char * const *items)
{
  if (items == NULL)
    return g_strdup ("");
  return g_strjoinv (", ", (char **) items);
}

char **
mt_page_list_without (const char * const *items,
                      const char         *item)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (g_strcmp0 (items[i], item) != 0)
      g_strv_builder_add (builder, items[i]);
  return g_strv_builder_end (builder);
}

char *
mt_page_delegate_needs (MtDelegate *delegate)
{
  const char *dietary, *access;

  g_return_val_if_fail (MT_IS_DELEGATE (delegate), NULL);

  dietary = mt_delegate_get_dietary (delegate);
  access = mt_delegate_get_access (delegate);
  if (dietary != NULL && *dietary != '\0' && access != NULL && *access != '\0')
    return g_strdup_printf ("%s · %s", dietary, access);
  if (dietary != NULL && *dietary != '\0')
    return g_strdup (dietary);
  return g_strdup (access != NULL ? access : "");
}

guint
mt_page_count_group_members (MtTour     *tour,
                             const char *group_id)
{
  GListModel *delegates;
  guint n, count = 0;

  g_return_val_if_fail (MT_IS_TOUR (tour), 0);

  delegates = mt_tour_get_delegates (tour);
  n = g_list_model_get_n_items (delegates);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MtDelegate) delegate = g_list_model_get_item (delegates, i);

      if (g_strcmp0 (mt_delegate_get_group (delegate), group_id) == 0)
        count++;
    }
  return count;
}

const char *
mt_page_role_label (MtRole role)
{
  switch (role)
    {
    case MT_ROLE_REPORTER: return _("Reporter");
    case MT_ROLE_PHOTOGRAPHER: return _("Photographer");
    case MT_ROLE_CAMERA: return _("Camera operator");
    case MT_ROLE_PRODUCER: return _("Producer");
    case MT_ROLE_EDITOR: return _("Editor");
    case MT_ROLE_OTHER: return _("Other");
    default: return "";
    }
}

const char *
mt_page_interview_status_label (MtInterviewStatus status)
{
  switch (status)
    {
    case MT_INTERVIEW_REQUESTED: return _("Requested");
    case MT_INTERVIEW_CONFIRMED: return _("Confirmed");
    case MT_INTERVIEW_DECLINED: return _("Declined");
    case MT_INTERVIEW_DONE: return _("Done");
    default: return "";
    }
}

const char *
mt_page_site_kind_label (MtSiteKind kind)
{
  switch (kind)
    {
    case MT_SITE_GOVERNMENT: return _("Government");
    case MT_SITE_RESEARCH: return _("Research");
    case MT_SITE_COMPANY: return _("Company");
    case MT_SITE_VENUE: return _("Venue");
    case MT_SITE_HOTEL: return _("Hotel");
    case MT_SITE_OTHER: return _("Other");
    default: return "";
    }
}

const char *
mt_page_entity_kind_icon (MtEntityKind kind)
{
  switch (kind)
    {
    case MT_ENTITY_CITY: return "mark-location-symbolic";
    case MT_ENTITY_SITE: return "find-location-symbolic";
    case MT_ENTITY_GROUP: return "system-users-symbolic";
    case MT_ENTITY_DELEGATE: return "avatar-default-symbolic";
    case MT_ENTITY_VISIT: return "x-office-calendar-symbolic";
    case MT_ENTITY_INTERVIEW: return "audio-input-microphone-symbolic";
    case MT_N_ENTITY_KINDS:
    default: return "text-x-generic-symbolic";
    }
}
