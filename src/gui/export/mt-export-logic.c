/* mt-export-logic.c: what the Export, Print and Import dialogs do, without
 * GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-export"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "mt-csv.h"
#include "mt-export-logic.h"
#include "mt-ical.h"

/* A printout in the language the dialog chose and pushed (mt_language_push()),
 * a delegate's too: "" is the language of the moment, where the formats'
 * default would be the delegate's own */
static const MtPrintOptions in_chosen_language = { MT_PRINT_FOR_DELEGATES, "", FALSE, NULL };

const char *
mt_export_format_extension (MtExportFormat format)
{
  switch (format)
    {
    case MT_EXPORT_ICS:
      return "ics";
    case MT_EXPORT_CSV:
      return "csv";
    case MT_EXPORT_PDF:
      return "pdf";
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
mt_export_write (MtTour              *tour,
                 const MtExportScope *scope,
                 MtExportFormat       format,
                 MtPaper              paper,
                 GFile               *file,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  switch (format)
    {
    case MT_EXPORT_ICS:
      return mt_ical_export_file (tour, scope->group_id, scope->delegate_id, file, cancellable, error);
    case MT_EXPORT_PDF:
      return mt_print_write_pdf_with_options (tour, scope->group_id, scope->delegate_id, &in_chosen_language,
                                              paper, file, cancellable, error);
    case MT_EXPORT_CSV:
      bytes = mt_csv_export_schedule (tour, scope->group_id, scope->delegate_id, error);
      return bytes != NULL
             && g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                         cancellable, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

GHashTable *
mt_export_names_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

char *
mt_export_file_name (const char *name,
                     const char *fallback,
                     const char *extension,
                     GHashTable *used)
{
  g_autoptr(GString) cleaned = g_string_new (NULL);
  g_autofree char *base = NULL;
  char *file_name = NULL;

  g_return_val_if_fail (extension != NULL, NULL);
  g_return_val_if_fail (used != NULL, NULL);

  /* what Windows, macOS and Linux file systems refuse, and control codes;
   * "Tour: Guangdong" reads "Tour - Guangdong" */
  for (const char *p = name ? name : ""; *p != '\0'; p++)
    if (*p == ':' && p[1] == ' ')
      g_string_append (cleaned, " -");
    else if (strchr ("/\\:*?\"<>|", *p) != NULL || (guchar) *p < 0x20)
      g_string_append_c (cleaned, '-');
    else
      g_string_append_c (cleaned, *p);
  base = g_strstrip (g_string_free (g_steal_pointer (&cleaned), FALSE));
  /* no hidden files */
  while (*base == '.')
    memmove (base, base + 1, strlen (base));
  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup (fallback ? fallback : "schedule");
    }

  for (guint n = 1; file_name == NULL; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup_printf ("%s.%s", base, extension)
                                          : g_strdup_printf ("%s (%u).%s", base, n, extension);
      g_autofree char *key = g_utf8_casefold (candidate, -1);

      if (!g_hash_table_contains (used, key))
        {
          g_hash_table_add (used, g_steal_pointer (&key));
          file_name = g_steal_pointer (&candidate);
        }
    }
  return file_name;
}

/* Printing */

struct _MtPrintJob
{
  GPtrArray *layouts;   /* of MtPrintLayout */
  GArray    *first;     /* the first page of each, for the last size */
  double     width;
  double     height;
};

MtPrintJob *
mt_print_job_new (MtTour              *tour,
                  const char          *group_id,
                  const char * const  *delegate_ids,
                  GError             **error)
{
  g_autoptr(MtPrintJob) job = g_new0 (MtPrintJob, 1);

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);

  job->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  job->first = g_array_new (FALSE, FALSE, sizeof (guint));
  if (delegate_ids == NULL || delegate_ids[0] == NULL)
    {
      MtPrintLayout *layout = mt_print_layout_new_with_options (tour, group_id, NULL, &in_chosen_language, error);

      if (layout == NULL)
        return NULL;
      g_ptr_array_add (job->layouts, layout);
    }
  for (guint i = 0; delegate_ids != NULL && delegate_ids[i] != NULL; i++)
    {
      MtPrintLayout *layout = mt_print_layout_new_with_options (tour, NULL, delegate_ids[i], &in_chosen_language,
                                                                error);

      if (layout == NULL)
        return NULL;
      g_ptr_array_add (job->layouts, layout);
    }
  return g_steal_pointer (&job);
}

void
mt_print_job_free (MtPrintJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->layouts, g_ptr_array_unref);
  g_clear_pointer (&job->first, g_array_unref);
  g_free (job);
}

static void
paginate (MtPrintJob *job,
          double      width,
          double      height)
{
  guint first = 0;

  if (job->first->len == job->layouts->len + 1 && job->width == width && job->height == height)
    return;
  g_array_set_size (job->first, 0);
  for (guint i = 0; i < job->layouts->len; i++)
    {
      g_array_append_val (job->first, first);
      first += mt_print_layout_get_n_pages (g_ptr_array_index (job->layouts, i), width, height);
    }
  g_array_append_val (job->first, first);
  job->width = width;
  job->height = height;
}

guint
mt_print_job_get_n_pages (MtPrintJob *job,
                          double      width,
                          double      height)
{
  g_return_val_if_fail (job != NULL, 0);

  paginate (job, width, height);
  return g_array_index (job->first, guint, job->layouts->len);
}

void
mt_print_job_draw_page (MtPrintJob *job,
                        cairo_t    *cr,
                        guint       page,
                        double      width,
                        double      height)
{
  g_return_if_fail (job != NULL);
  g_return_if_fail (cr != NULL);

  paginate (job, width, height);
  for (guint i = 0; i < job->layouts->len; i++)
    if (page < g_array_index (job->first, guint, i + 1))
      {
        mt_print_layout_draw_page (g_ptr_array_index (job->layouts, i), cr,
                                   page - g_array_index (job->first, guint, i), width, height);
        return;
      }
}

/* Languages */

struct _MtLanguage
{
  locale_t  locale;
  locale_t  previous;
  char     *old_language;   /* the LANGUAGE variable before */
};

static char *
locale_name (const char *language)
{
  if (g_str_equal (language, "en"))
    return g_strdup ("C.UTF-8");
  return g_strconcat (language, ".UTF-8", NULL);
}

gboolean
mt_language_available (const char *language)
{
  g_autofree char *name = NULL;
  locale_t locale;

  g_return_val_if_fail (language != NULL, FALSE);

  name = locale_name (language);
  locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (locale == (locale_t) 0)
    return FALSE;
  freelocale (locale);
  return TRUE;
}

/* the languages with a catalogue, besides English */
static const struct
{
  const char *code;
  const char *label;  /* in the language itself */
} catalogues[] = {
  { "zh_CN", "简体中文" },
};

GPtrArray *
mt_language_list (void)
{
  GPtrArray *list = g_ptr_array_new ();

  g_ptr_array_add (list, (gpointer) "");
  if (mt_language_available ("en"))
    g_ptr_array_add (list, (gpointer) "en");
  for (guint i = 0; i < G_N_ELEMENTS (catalogues); i++)
    if (mt_language_available (catalogues[i].code))
      g_ptr_array_add (list, (gpointer) catalogues[i].code);
  return list;
}

const char *
mt_language_label (const char *language)
{
  if (language == NULL || *language == '\0')
    return _("The app’s language");
  if (g_str_equal (language, "en"))
    return "English";
  for (guint i = 0; i < G_N_ELEMENTS (catalogues); i++)
    if (g_str_equal (language, catalogues[i].code))
      return catalogues[i].label;
  return language;
}

/* gettext caches what it found; a new text domain call makes it look again */
static void
forget_translations (void)
{
  textdomain (textdomain (NULL));
}

MtLanguage *
mt_language_push (const char *language)
{
  g_autofree char *name = NULL;
  MtLanguage *self;
  locale_t locale;

  if (language == NULL || *language == '\0')
    return NULL;
  name = locale_name (language);
  locale = newlocale (LC_ALL_MASK, name, (locale_t) 0);
  if (locale == (locale_t) 0)
    return NULL;

  self = g_new0 (MtLanguage, 1);
  self->locale = locale;
  self->previous = uselocale (locale);
  /* LANGUAGE, where set, comes before the locale for the messages */
  self->old_language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", language, TRUE);
  forget_translations ();
  return self;
}

void
mt_language_pop (MtLanguage *self)
{
  if (self == NULL)
    return;
  if (self->old_language != NULL)
    g_setenv ("LANGUAGE", self->old_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  uselocale (self->previous);
  freelocale (self->locale);
  forget_translations ();
  g_free (self->old_language);
  g_free (self);
}
