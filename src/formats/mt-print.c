/* mt-print.c: the printed itinerary, drawn with cairo and Pango
 *
 * The itinerary's days and the pages they take; mt-print-draw.c draws the
 * pieces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "mt-file-io.h"
#include "mt-ical.h"
#include "mt-print-private.h"
#include "mt-wall-time.h"


G_DEFINE_FINAL_TYPE (MtPrintLayout, mt_print_layout, G_TYPE_OBJECT)

static void
block_free (Block *block)
{
  g_clear_pointer (&block->interviews, g_ptr_array_unref);
  g_free (block);
}

static void
day_free (Day *day)
{
  g_ptr_array_unref (day->blocks);
  g_free (day->cities);
  g_free (day);
}

static void
mt_print_layout_finalize (GObject *object)
{
  MtPrintLayout *self = MT_PRINT_LAYOUT (object);

  g_clear_pointer (&self->travel, mt_travel_free);
  g_clear_object (&self->tour);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (mt_print_layout_parent_class)->finalize (object);
}

static void
mt_print_layout_class_init (MtPrintLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mt_print_layout_finalize;
}

static void
mt_print_layout_init (MtPrintLayout *self)
{
  self->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_free);
  self->pages = g_array_new (FALSE, FALSE, sizeof (Page));
}

void
mt_paper_get_size (MtPaper  paper,
                   double  *width,
                   double  *height)
{
  /* ISO 216 A4 is 210 × 297 mm; US Letter 8.5 × 11 in */
  *width = paper == MT_PAPER_LETTER ? 612.0 : 595.2756;
  *height = paper == MT_PAPER_LETTER ? 792.0 : 841.8898;
}

gboolean
mt_paper_from_string (const char *name,
                      MtPaper    *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = MT_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = MT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

/* Building the days */

/* The checker's estimate, so that paper and problems panel agree */
static int
travel_minutes (MtPrintLayout *self,
                MtVisit       *from,
                MtVisit       *to)
{
  MtSite *a = mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, mt_visit_get_site (from));
  MtSite *b = mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, mt_visit_get_site (to));

  if (a == NULL || b == NULL || a == b)
    return -1;
  return mt_travel_get_minutes (self->travel, a, b);
}

static gboolean
share_a_group (MtVisit *a,
               MtVisit *b)
{
  const char * const *groups = mt_visit_get_groups (a);

  if (groups == NULL || groups[0] == NULL || mt_visit_get_groups (b) == NULL ||
      mt_visit_get_groups (b)[0] == NULL)
    return TRUE;
  for (guint i = 0; groups[i] != NULL; i++)
    if (mt_visit_has_group (b, groups[i]))
      return TRUE;
  return FALSE;
}

static void
add_travel (MtPrintLayout *self,
            Day           *day)
{
  for (guint i = 0; i < day->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (day->blocks, i);

      block->travel = -1;
      block->gap = -1;
      if (block->visit == NULL || mt_visit_get_status (block->visit) == MT_VISIT_CANCELLED)
        continue;
      /* the previous visit of the same people */
      for (guint j = i; j-- > 0;)
        {
          Block *before = g_ptr_array_index (day->blocks, j);

          if (before->visit == NULL || mt_visit_get_status (before->visit) == MT_VISIT_CANCELLED ||
              mt_visit_get_site (before->visit) == NULL || !share_a_group (before->visit, block->visit))
            continue;
          block->travel = travel_minutes (self, before->visit, block->visit);
          if (mt_visit_get_end (before->visit) != MT_TIME_UNSET)
            block->gap = (mt_visit_get_start (block->visit) - mt_visit_get_end (before->visit)) / 60;
          break;
        }
    }
}

static void
name_cities (MtPrintLayout *self,
             Day           *day)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < day->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (day->blocks, i);
      MtSite *site = block->visit ? mt_tour_lookup_kind (self->tour, MT_ENTITY_SITE, mt_visit_get_site (block->visit)) : NULL;
      MtCity *city = site ? mt_tour_lookup_kind (self->tour, MT_ENTITY_CITY, mt_site_get_city (site)) : NULL;

      if (city == NULL || g_ptr_array_find (seen, city, NULL))
        continue;
      g_ptr_array_add (seen, city);
      if (text->len > 0)
        g_string_append (text, " → ");
      g_string_append (text, mt_city_get_name (city) ? mt_city_get_name (city) : "");
      if (mt_city_get_local_name (city) != NULL)
        g_string_append_printf (text, " %s", mt_city_get_local_name (city));
    }
  day->cities = text->len > 0 ? g_strdup (text->str) : NULL;
}

static Day *
get_day (MtPrintLayout *self,
         GHashTable    *by_index,
         int            index)
{
  Day *day = g_hash_table_lookup (by_index, GINT_TO_POINTER (index));

  if (day == NULL)
    {
      day = g_new0 (Day, 1);
      day->index = index;
      day->start = mt_tour_get_day_start (self->tour, index);
      day->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
      g_hash_table_insert (by_index, GINT_TO_POINTER (index), day);
      g_ptr_array_add (self->days, day);
    }
  return day;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return (*(Day **) a)->index - (*(Day **) b)->index;
}

static void
build_days (MtPrintLayout *self,
            GPtrArray     *items)
{
  g_autoptr(GHashTable) by_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) block_of_visit = g_hash_table_new (g_str_hash, g_str_equal);

  /* every day of the tour has its page, planned or not */
  for (guint i = 0; i < mt_tour_get_n_days (self->tour); i++)
    get_day (self, by_index, (int) i);

  for (guint i = 0; i < items->len; i++)
    {
      MtEntity *item = g_ptr_array_index (items, i);
      Day *day = get_day (self, by_index, mt_tour_get_day_index (self->tour, mt_ical_item_get_start (item)));
      Block *block = NULL;

      if (MT_IS_INTERVIEW (item))
        {
          const char *visit_id = mt_interview_get_visit (MT_INTERVIEW (item));

          block = visit_id ? g_hash_table_lookup (block_of_visit, visit_id) : NULL;
          if (block != NULL)
            {
              g_ptr_array_add (block->interviews, item);
              continue;
            }
        }

      block = g_new0 (Block, 1);
      block->interviews = g_ptr_array_new ();
      if (MT_IS_VISIT (item))
        {
          block->visit = MT_VISIT (item);
          g_hash_table_insert (block_of_visit, (gpointer) mt_entity_get_id (item), block);
        }
      else
        g_ptr_array_add (block->interviews, item);
      g_ptr_array_add (day->blocks, block);
    }

  g_ptr_array_sort (self->days, compare_days);
  for (guint i = 0; i < self->days->len; i++)
    {
      add_travel (self, g_ptr_array_index (self->days, i));
      name_cities (self, g_ptr_array_index (self->days, i));
    }
}

static char *
describe_scope (MtTour     *tour,
                const char *group_id,
                const char *delegate_id)
{
  if (delegate_id != NULL)
    {
      MtDelegate *delegate = mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_id);
      MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, mt_delegate_get_group (delegate));
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: the heading of one delegate's printed itinerary */
      g_string_printf (text, _("Personal itinerary of %s"), mt_delegate_get_name (delegate) ? mt_delegate_get_name (delegate) : "");
      if (mt_delegate_get_outlet (delegate) != NULL)
        g_string_append_printf (text, " · %s", mt_delegate_get_outlet (delegate));
      if (group != NULL && mt_group_get_name (group) != NULL)
        g_string_append_printf (text, " · %s", mt_group_get_name (group));
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (group_id != NULL)
    {
      MtGroup *group = mt_tour_lookup_kind (tour, MT_ENTITY_GROUP, group_id);

      /* Translators: the heading of one group's printed itinerary */
      return g_strdup_printf (_("Itinerary of %s"), mt_group_get_name (group) ? mt_group_get_name (group) : "");
    }
  return NULL;
}

/**
 * mt_print_layout_new:
 *
 * Returns: (transfer full): the itinerary of the whole tour (both ids
 *   %NULL), of one group or of one delegate
 */
MtPrintLayout *
mt_print_layout_new (MtTour      *tour,
                     const char  *group_id,
                     const char  *delegate_id,
                     GError     **error)
{
  g_autoptr(MtPrintLayout) self = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (group_id == NULL || delegate_id == NULL, NULL);

  items = mt_ical_select_items (tour, group_id, delegate_id, error);
  if (items == NULL)
    return NULL;

  self = g_object_new (MT_TYPE_PRINT_LAYOUT, NULL);
  self->tour = g_object_ref (tour);
  self->travel = mt_travel_new (tour);
  self->scope = describe_scope (tour, group_id, delegate_id);
  build_days (self, items);
  return g_steal_pointer (&self);
}

/* Pagination */

static void
paginate (MtPrintLayout *self,
          double         width,
          double         height)
{
  double content = width - 2 * MARGIN, bottom = height - MARGIN - FOOTER;
  MtPrintPen pen;

  if (self->pages->len > 0 && self->page_width == width && self->page_height == height)
    return;

  g_array_set_size (self->pages, 0);
  self->page_width = width;
  self->page_height = height;
  _mt_print_pen_init (&pen, NULL);

  for (guint d = 0; d < self->days->len; d++)
    {
      Day *day = g_ptr_array_index (self->days, d);
      Page page = { d, 0, 0, FALSE };
      double y = MARGIN + _mt_print_draw_header (self, &pen, day, FALSE, MARGIN, MARGIN, content);

      for (guint b = 0; b < day->blocks->len; b++)
        {
          double h = _mt_print_draw_block (self, &pen, g_ptr_array_index (day->blocks, b), page.n_blocks == 0,
                                 MARGIN, 0, content);

          if (page.n_blocks > 0 && y + BLOCK_GAP + h > bottom)
            {
              g_array_append_val (self->pages, page);
              page = (Page) { d, b, 0, TRUE };
              y = MARGIN + _mt_print_draw_header (self, &pen, day, TRUE, MARGIN, MARGIN, content);
              h = _mt_print_draw_block (self, &pen, g_ptr_array_index (day->blocks, b), TRUE, MARGIN, 0, content);
            }
          y += (page.n_blocks > 0 ? BLOCK_GAP : 0) + h;
          page.n_blocks++;
        }
      g_array_append_val (self->pages, page);
    }
  _mt_print_pen_clear (&pen);
}

guint
mt_print_layout_get_n_pages (MtPrintLayout *self,
                             double         width,
                             double         height)
{
  g_return_val_if_fail (MT_IS_PRINT_LAYOUT (self), 0);
  g_return_val_if_fail (width > 2 * MARGIN + TIME_COLUMN && height > 4 * MARGIN, 0);

  paginate (self, width, height);
  return self->pages->len;
}

int
mt_print_layout_get_page_day (MtPrintLayout *self,
                              guint          page,
                              double         width,
                              double         height)
{
  g_return_val_if_fail (page < mt_print_layout_get_n_pages (self, width, height), -1);

  return ((Day *) g_ptr_array_index (self->days, g_array_index (self->pages, Page, page).day))->index;
}

void
mt_print_layout_draw_page (MtPrintLayout *self,
                           cairo_t       *cr,
                           guint          page_number,
                           double         width,
                           double         height)
{
  double content = width - 2 * MARGIN, y;
  Page *page;
  Day *day;
  MtPrintPen pen;

  g_return_if_fail (MT_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_number < mt_print_layout_get_n_pages (self, width, height));

  page = &g_array_index (self->pages, Page, page_number);
  day = g_ptr_array_index (self->days, page->day);

  cairo_save (cr);
  _mt_print_pen_init (&pen, cr);
  y = MARGIN + _mt_print_draw_header (self, &pen, day, page->continued, MARGIN, MARGIN, content);

  if (day->blocks->len == 0)
    _mt_print_draw_empty (&pen, y, width);

  for (guint b = page->first; b < page->first + page->n_blocks; b++)
    {
      if (b > page->first)
        {
          _mt_print_draw_separator (&pen, y + BLOCK_GAP / 2, width);
          y += BLOCK_GAP;
        }
      y += _mt_print_draw_block (self, &pen, g_ptr_array_index (day->blocks, b), b == page->first, MARGIN, y, content);
    }

  _mt_print_draw_footer (self, &pen, page_number, width, height);
  _mt_print_pen_clear (&pen);
  cairo_restore (cr);
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * mt_print_write_pdf:
 *
 * Writes the itinerary of the whole tour, a group or a delegate as a PDF on
 * @paper, replacing @file only once the whole PDF is drawn.
 */
gboolean
mt_print_write_pdf (MtTour        *tour,
                    const char    *group_id,
                    const char    *delegate_id,
                    MtPaper        paper,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(MtPrintLayout) layout = NULL;
  g_autoptr(GByteArray) pdf = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;

  g_return_val_if_fail (MT_IS_TOUR (tour), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  layout = mt_print_layout_new (tour, group_id, delegate_id, error);
  if (layout == NULL)
    return FALSE;

  mt_paper_get_size (paper, &width, &height);
  n_pages = mt_print_layout_get_n_pages (layout, width, height);

  pdf = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_to_bytes, pdf, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  layout->scope ? layout->scope : (mt_tour_get_title (tour) ? mt_tour_get_title (tour) : ""));
  if (mt_tour_get_organiser (tour) != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, mt_tour_get_organiser (tour));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Media Tour Planner");

  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      mt_print_layout_draw_page (layout, cr, i, width, height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, MT_ICAL_ERROR, MT_ICAL_ERROR_IO,
                   _("The itinerary could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return mt_file_replace_contents (file, (const char *) pdf->data, pdf->len, -1, cancellable, error);
}
