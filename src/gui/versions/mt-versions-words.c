/* mt-versions-words.c: the words of the versions dialogs, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-versions-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mt-versions-words.h"

char *
mt_versions_words_next_label (MtTour *tour)
{
  MtVersion *latest;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  latest = mt_tour_get_latest_version (tour);
  /* Translators: a version of the plan that was sent to the delegates */
  return g_strdup_printf (_("Version %u"), latest != NULL ? mt_version_get_number (latest) + 1 : 1);
}

/* two whole sentences one after the other */
static char *
sentences (const char *first,
           const char *second)
{
  /* Translators: what comes between two whole sentences: a space in
   * English, nothing in Chinese (answer with "-" for nothing) */
  const char *between = C_("between sentences", " ");

  return g_strconcat (first, strcmp (between, "-") == 0 ? "" : between, second, NULL);
}

char *
mt_versions_words_issue_summary (MtTour *tour)
{
  guint n_delegates, with_changes = 0;
  g_autofree char *recorded = NULL, *changed = NULL;
  g_autoptr(GPtrArray) digests = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  n_delegates = mt_tour_count (tour, MT_ENTITY_DELEGATE);
  if (n_delegates == 0)
    return g_strdup (_("The tour has no delegates yet: the version records the plan as it is now, for the "
                       "delegates you add later to compare with."));
  recorded = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The plan as it is now is recorded as sent to the %u delegate.",
                                           "The plan as it is now is recorded as sent to the %u delegates.",
                                           n_delegates),
                              n_delegates);
  if (mt_tour_get_latest_version (tour) == NULL)
    return sentences (recorded,
                            _("Later, each delegate can be told what changed since this copy."));

  digests = mt_digest_new_all (tour, NULL);
  for (guint i = 0; i < digests->len; i++)
    {
      MtDigest *digest = g_ptr_array_index (digests, i);

      with_changes += mt_digest_get_since (digest) == NULL || mt_digest_get_n_entries (digest) > 0;
    }
  if (with_changes == 0)
    return sentences (recorded, _("Nothing has changed for any of them since their copy."));
  /* Translators: after the sentence of how many delegates there are,
   * how many of them have changes */
  changed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of them has changes since their copy.",
                                          "%u of them have changes since their copy.", with_changes),
                             with_changes);
  return sentences (recorded, changed);
}

char *
mt_versions_words_sent (MtTour    *tour,
                        MtVersion *version)
{
  g_autoptr(MtSnapshot) snapshot = NULL;
  g_autofree char *sent = NULL;
  const char *replica, *by;
  guint n;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (MT_IS_VERSION (version), NULL);

  snapshot = mt_version_dup_snapshot (version);
  n = mt_snapshot_get_n_recipients (snapshot);
  sent = mt_tour_format_version_issued (tour, version);
  replica = mt_version_get_stamp (version)->replica;
  by = mt_tour_get_replica_name (tour, replica);
  if (by == NULL)
    /* Translators: when a version was sent, to how many delegates */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent %s to %u delegate", "Sent %s to %u delegates", n),
                            sent, n);
  /* Translators: when a version was sent, who sent it, to how many delegates */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent %s by %s to %u delegate",
                                       "Sent %s by %s to %u delegates", n),
                          sent, by, n);
}

char *
mt_versions_words_digest (MtTour      *tour,
                          const char  *delegate_id,
                          MtVersion   *since,
                          GError     **error)
{
  g_autoptr(MtDigest) digest = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (delegate_id != NULL, NULL);

  digest = mt_digest_new (tour, delegate_id, since, error);
  if (digest == NULL)
    return NULL;
  return mt_digest_format_text (digest);
}
