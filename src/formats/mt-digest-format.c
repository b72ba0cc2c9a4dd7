/* mt-digest-format.c: a digest in words, as text and as HTML
 *
 * Every sentence is one translatable string with the item's name in it,
 * so that a translation can order its words freely; an entry's sentences
 * follow one another. Place names are given in both languages, the
 * reader's first ("%s (%s)", which a translation may turn round).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-digest"

#include "config.h"

#include <string.h>

#include "mt-digest-private.h"
#include "mt-i18n.h"
#include "mt-time-text.h"
#include "mt-wall-time.h"

static char *
format_wall (MtTour     *tour,
             gint64      wall,
             const char *format)
{
  g_autoptr(GDateTime) date_time = mt_wall_time_to_date_time (wall, mt_tour_get_zone (tour));

  return g_date_time_format (date_time, format);
}

static const char *
day_and_time_format (void)
{
  /* Translators: a day and a time in a digest, see g_date_time_format() */
  return _("%a %-d %b %H:%M");
}

/* "15:30", or "Wed 15 May 15:30" where @day differs from @other's */
static char *
format_moment (MtTour *tour,
               gint64  wall,
               gint64  other)
{
  if (mt_wall_time_day_start (wall) == mt_wall_time_day_start (other))
    return mt_time_text_hour (wall);
  return format_wall (tour, wall, day_and_time_format ());
}

/* The place in both languages, with its address: "EHang (亿航), Huangpu
 * District"; NULL where nothing is known */
char *
_mt_digest_format_place (const MtVersionPlace *place)
{
  g_autofree char *names = NULL;

  if (place == NULL || place->name == NULL)
    return NULL;
  if (place->local_name != NULL && g_strcmp0 (place->local_name, place->name) != 0)
    /* Translators: a place's name and its name in the local language; a
     * translation may put them the other way round: "%2$s（%1$s）" */
    names = g_strdup_printf (C_("place", "%s (%s)"), place->name, place->local_name);
  else
    names = g_strdup (place->name);
  if (place->address == NULL)
    return g_steal_pointer (&names);
  /* Translators: a place's names, then its address */
  return g_strdup_printf (_("%s, %s"), names, place->address);
}

/* where an item is: its interview location or its site */
static char *
where_of (const MtVersionItem  *item,
          const MtVersionPlace *place)
{
  if (item->interview && item->where != NULL)
    return g_strdup (item->where);
  return _mt_digest_format_place (place);
}

static const char *
name_of (const MtVersionItem *item)
{
  return item->title != NULL ? item->title : _("(untitled)");
}

static void
add (GPtrArray *sentences,
     char      *sentence)
{
  g_ptr_array_add (sentences, sentence);
}

static void
added (MtTour              *tour,
       const MtDigestEntry *entry,
       GPtrArray           *sentences)
{
  const MtVersionItem *item = entry->after;
  g_autofree char *span = mt_time_text_span (item->start, item->end);
  g_autofree char *where = where_of (item, entry->after_place);

  if (item->interview)
    add (sentences, where != NULL
                      /* Translators: in a digest: the interviewee, the time, the place */
                      ? g_strdup_printf (_("New: your interview with %s, %s, at %s."), name_of (item), span, where)
                      : g_strdup_printf (_("New: your interview with %s, %s."), name_of (item), span));
  else
    add (sentences, where != NULL
                      /* Translators: in a digest: a visit's title, its time, its place */
                      ? g_strdup_printf (_("New: “%s”, %s, at %s."), name_of (item), span, where)
                      : g_strdup_printf (_("New: “%s”, %s."), name_of (item), span));
  if (!item->interview && item->where != NULL)
    /* Translators: in a digest, after a visit: where and when to meet */
    add (sentences, g_strdup_printf (_("Meet at %s."), item->where));
}

static void
removed (MtTour              *tour,
         const MtDigestEntry *entry,
         GPtrArray           *sentences)
{
  const MtVersionItem *item = entry->before;
  g_autofree char *when = format_wall (tour, item->start, day_and_time_format ());

  add (sentences, item->interview
                    /* Translators: in a digest: the interviewee and the time it was */
                    ? g_strdup_printf (_("Your interview with %s (%s) is no longer on your itinerary."),
                                       name_of (item), when)
                    /* Translators: in a digest: a visit's title and the time it was */
                    : g_strdup_printf (_("“%s” (%s) is no longer on your itinerary."), name_of (item), when));
}

static void
moved (MtTour              *tour,
       const MtDigestEntry *entry,
       GPtrArray           *sentences)
{
  const MtVersionItem *before = entry->before, *after = entry->after;

  if (before->start == after->start && after->end != MT_TIME_UNSET)
    {
      g_autofree char *to = mt_time_text_hour (after->end);
      g_autofree char *from = before->end != MT_TIME_UNSET ? mt_time_text_hour (before->end) : mt_time_text_hour (before->start);

      add (sentences, after->interview
                        /* Translators: in a digest: the interviewee, the new end, the old end */
                        ? g_strdup_printf (_("Your interview with %s now ends at %s instead of %s."),
                                           name_of (after), to, from)
                        /* Translators: in a digest: a visit's title, its new end, its old end */
                        : g_strdup_printf (_("“%s” now ends at %s instead of %s."), name_of (after), to, from));
    }
  else
    {
      g_autofree char *from = format_moment (tour, before->start, after->start);
      g_autofree char *to = format_moment (tour, after->start, before->start);

      add (sentences, after->interview
                        /* Translators: in a digest: the interviewee, the old time, the new time */
                        ? g_strdup_printf (_("Your interview with %s moved from %s to %s."), name_of (after), from, to)
                        /* Translators: in a digest: a visit's title, its old time, its new time */
                        : g_strdup_printf (_("“%s” moved from %s to %s."), name_of (after), from, to));
    }
}

static void
placed (const MtDigestEntry *entry,
        GPtrArray           *sentences)
{
  const MtVersionItem *after = entry->after;
  g_autofree char *now = where_of (after, entry->after_place);
  g_autofree char *then = where_of (entry->before, entry->before_place);

  if (now == NULL)
    now = g_strdup (_("a place still to be announced"));
  if (then != NULL)
    add (sentences, after->interview
                      /* Translators: in a digest: the interviewee, the new place, the old place */
                      ? g_strdup_printf (_("Your interview with %s is now at %s instead of %s."),
                                         name_of (after), now, then)
                      /* Translators: in a digest: a visit's title, its new place, its old place */
                      : g_strdup_printf (_("“%s” is now at %s instead of %s."), name_of (after), now, then));
  else
    add (sentences, after->interview
                      ? g_strdup_printf (_("Your interview with %s is now at %s."), name_of (after), now)
                      : g_strdup_printf (_("“%s” is now at %s."), name_of (after), now));
}

static void
status_changed (MtTour              *tour,
                const MtDigestEntry *entry,
                GPtrArray           *sentences)
{
  const MtVersionItem *after = entry->after;
  const char *name = name_of (after);

  if (after->interview)
    switch ((MtInterviewStatus) after->status)
      {
      case MT_INTERVIEW_REQUESTED:
        add (sentences, g_strdup_printf (_("Your interview with %s is not confirmed yet."), name));
        break;
      case MT_INTERVIEW_CONFIRMED:
        add (sentences, g_strdup_printf (_("Your interview with %s is now confirmed."), name));
        break;
      case MT_INTERVIEW_DECLINED:
        add (sentences, g_strdup_printf (_("Your interview with %s was declined: it will not take place."), name));
        break;
      case MT_INTERVIEW_DONE:
      default:
        break;
      }
  else
    switch ((MtVisitStatus) after->status)
      {
      case MT_VISIT_TENTATIVE:
        add (sentences, g_strdup_printf (_("“%s” is tentative again: it is not confirmed yet."), name));
        break;
      case MT_VISIT_CONFIRMED:
        add (sentences, g_strdup_printf (_("“%s” is now confirmed."), name));
        break;
      case MT_VISIT_CANCELLED:
      default:
        {
          g_autofree char *when = format_wall (tour, after->start, day_and_time_format ());

          /* Translators: in a digest: a visit's title and its time */
          add (sentences, g_strdup_printf (_("“%s” (%s) is cancelled."), name, when));
        }
        break;
      }
}

static void
meeting_changed (const MtDigestEntry *entry,
                 GPtrArray           *sentences)
{
  const MtVersionItem *after = entry->after;

  if (after->where == NULL)
    add (sentences, g_strdup_printf (_("“%s” has no meeting point any more."), name_of (after)));
  else if (sentences->len > 0)
    add (sentences, g_strdup_printf (_("Meet at %s."), after->where));
  else
    /* Translators: in a digest: a visit's title, where and when to meet */
    add (sentences, g_strdup_printf (_("“%s”: meet at %s."), name_of (after), after->where));
}

static GPtrArray *
sentences_of (MtDigest            *digest,
              const MtDigestEntry *entry)
{
  MtTour *tour = mt_digest_get_tour (digest);
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  if (entry->changes & MT_DIGEST_ADDED)
    added (tour, entry, sentences);
  else if (entry->changes & MT_DIGEST_REMOVED)
    removed (tour, entry, sentences);
  else
    {
      if (entry->changes & MT_DIGEST_TITLE)
        add (sentences, entry->after->interview
                          /* Translators: in a digest: the old interviewee, the new */
                          ? g_strdup_printf (_("Your interview with %s is now with %s."),
                                             name_of (entry->before), name_of (entry->after))
                          /* Translators: in a digest: a visit's old title, its new title */
                          : g_strdup_printf (_("“%s” is now called “%s”."),
                                             name_of (entry->before), name_of (entry->after)));
      if (entry->changes & MT_DIGEST_MOVED)
        moved (tour, entry, sentences);
      if (entry->changes & MT_DIGEST_PLACE)
        placed (entry, sentences);
      if (entry->changes & MT_DIGEST_STATUS)
        status_changed (tour, entry, sentences);
      if (entry->changes & MT_DIGEST_MEETING)
        meeting_changed (entry, sentences);
    }
  return sentences;
}

char *
mt_digest_format_entry (MtDigest            *digest,
                        const MtDigestEntry *entry)
{
  g_autoptr(GPtrArray) sentences = NULL;
  char *joined;

  g_return_val_if_fail (digest != NULL, NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  sentences = sentences_of (digest, entry);
  joined = g_strdup (sentences->len > 0 ? g_ptr_array_index (sentences, 0) : "");
  for (guint i = 1; i < sentences->len; i++)
    {
      /* Translators: two sentences of a digest, one after the other */
      char *longer = g_strdup_printf (_("%s %s"), joined, (char *) g_ptr_array_index (sentences, i));

      g_free (joined);
      joined = longer;
    }
  return joined;
}

/* The whole message */

/**
 * mt_digest_format_heading:
 *
 * Returns: (transfer full): "What changed for Wang Wei since Version 3,
 *   sent 15 May 18:00:", or that nothing did, or that no version was sent
 */
char *
mt_digest_format_heading (MtDigest *digest)
{
  MtTour *tour = mt_digest_get_tour (digest);
  MtVersion *since = mt_digest_get_since (digest);
  const char *name = mt_delegate_get_name (mt_digest_get_delegate (digest));
  g_autofree char *label = NULL, *sent = NULL;

  if (name == NULL)
    name = _("(unnamed delegate)");
  if (since == NULL)
    /* Translators: a digest's heading, for a delegate sent no version yet */
    return g_strdup_printf (_("The itinerary of %s: no version was sent to them yet, so all of it is new."), name);
  label = mt_tour_dup_version_label (tour, since);
  sent = mt_tour_format_version_issued (tour, since);
  if (mt_digest_get_n_entries (digest) == 0)
    /* Translators: a digest's heading: the delegate, "Version 3", when it was sent */
    return g_strdup_printf (_("Nothing has changed for %s since %s, sent %s."), name, label, sent);
  /* Translators: a digest's heading: the delegate, "Version 3", when it was sent */
  return g_strdup_printf (_("What changed for %s since %s, sent %s:"), name, label, sent);
}

static char *
zone_line (MtTour *tour)
{
  /* Translators: at the foot of a digest; %s is the tour's time zone, "Asia/Shanghai" */
  return g_strdup_printf (_("All times are local times in the zone %s."), mt_tour_get_time_zone (tour));
}

/**
 * mt_digest_format_day:
 * @day: 0 for the tour's first
 *
 * Returns: (transfer full): "Thursday 16 May"
 */
char *
mt_digest_format_day (MtDigest *digest,
                      int       day)
{
  MtTour *tour = mt_digest_get_tour (digest);

  /* Translators: the day over a digest's changes, see g_date_time_format() */
  return format_wall (tour, mt_tour_get_day_start (tour, day), _("%A %-d %B"));
}

/* Calls @day for each day with entries, then @entry for each of its
 * entries */
typedef void (*DayFunc) (GString *out, const char *day, gpointer data);
typedef void (*EntryFunc) (GString *out, const char *sentences, gpointer data);

static void
each_day (MtDigest  *digest,
          GString   *out,
          DayFunc    day_func,
          EntryFunc  entry_func,
          EntryFunc  end_func,
          gpointer   data)
{
  gboolean open = FALSE;
  int day = G_MININT;

  for (guint i = 0; i < mt_digest_get_n_entries (digest); i++)
    {
      const MtDigestEntry *entry = mt_digest_get_entry (digest, i);
      int entry_day = mt_digest_entry_get_day (digest, entry);
      g_autofree char *text = mt_digest_format_entry (digest, entry);

      if (entry_day != day)
        {
          g_autofree char *date = mt_digest_format_day (digest, entry_day);

          if (open)
            end_func (out, NULL, data);
          day_func (out, date, data);
          day = entry_day;
          open = TRUE;
        }
      entry_func (out, text, data);
    }
  if (open)
    end_func (out, NULL, data);
}

static void
text_day (GString    *out,
          const char *day,
          gpointer    data)
{
  g_string_append_printf (out, "\n%s\n", day);
}

static void
text_entry (GString    *out,
            const char *sentences,
            gpointer    data)
{
  g_string_append_printf (out, "• %s\n", sentences);
}

static void
text_end (GString    *out,
          const char *unused,
          gpointer    data)
{
}

static void
append_signature (GString *out,
                  MtTour  *tour,
                  gboolean html)
{
  const char *organiser = mt_tour_get_organiser (tour);

  if (organiser == NULL)
    return;
  if (html)
    {
      g_autofree char *escaped = g_markup_escape_text (organiser, -1);

      g_string_append_printf (out, "<p class=\"from\">%s</p>\n", escaped);
    }
  else
    g_string_append_printf (out, "%s\n", organiser);
}

/**
 * mt_digest_format_text:
 *
 * Returns: (transfer full): the digest as a plain-text message
 */
char *
mt_digest_format_text (MtDigest *digest)
{
  MtTour *tour;
  GString *out;
  g_autofree char *title = NULL, *zone = NULL;

  g_return_val_if_fail (digest != NULL, NULL);

  tour = mt_digest_get_tour (digest);
  out = g_string_new (NULL);
  title = mt_digest_format_heading (digest);
  if (mt_tour_get_title (tour) != NULL)
    g_string_append_printf (out, "%s\n\n", mt_tour_get_title (tour));
  g_string_append_printf (out, "%s\n", title);
  each_day (digest, out, text_day, text_entry, text_end, NULL);
  zone = zone_line (tour);
  g_string_append_printf (out, "\n%s\n", zone);
  append_signature (out, tour, FALSE);
  return g_string_free (out, FALSE);
}

static void
html_day (GString    *out,
          const char *day,
          gpointer    data)
{
  g_autofree char *escaped = g_markup_escape_text (day, -1);

  g_string_append_printf (out, "<h2>%s</h2>\n<ul>\n", escaped);
}

static void
html_entry (GString    *out,
            const char *sentences,
            gpointer    data)
{
  g_autofree char *escaped = g_markup_escape_text (sentences, -1);

  g_string_append_printf (out, "<li>%s</li>\n", escaped);
}

static void
html_end (GString    *out,
          const char *unused,
          gpointer    data)
{
  g_string_append (out, "</ul>\n");
}

/**
 * mt_digest_format_html:
 *
 * Returns: (transfer full): the digest as an HTML page
 */
char *
mt_digest_format_html (MtDigest *digest)
{
  MtTour *tour;
  GString *out;
  g_autofree char *title = NULL, *zone = NULL, *escaped = NULL, *tour_title = NULL;

  g_return_val_if_fail (digest != NULL, NULL);

  tour = mt_digest_get_tour (digest);
  out = g_string_new (NULL);
  title = mt_digest_format_heading (digest);
  escaped = g_markup_escape_text (title, -1);
  tour_title = g_markup_escape_text (mt_tour_get_title (tour) ? mt_tour_get_title (tour) : "", -1);
  g_string_append_printf (out,
                          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%s</title>\n</head>\n<body>\n<p class=\"tour\">%s</p>\n<h1>%s</h1>\n",
                          /* Translators: the language tag of a digest written in this language */
                          C_("html-lang", "en"), escaped, tour_title, escaped);
  each_day (digest, out, html_day, html_entry, html_end, NULL);
  zone = zone_line (tour);
  g_string_append_printf (out, "<p class=\"zone\">%s</p>\n", zone);
  append_signature (out, tour, TRUE);
  g_string_append (out, "</body>\n</html>\n");
  return g_string_free (out, FALSE);
}
