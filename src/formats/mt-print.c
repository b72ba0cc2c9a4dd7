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

#include "mt-file-io.h"
#include "mt-i18n.h"
#include "mt-ical.h"
#include "mt-language.h"
#include "mt-print-private.h"
#include "mt-wall-time.h"


G_DEFINE_FINAL_TYPE (MtPrintLayout, mt_print_layout, G_TYPE_OBJECT)

void
_mt_print_block_free (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->interviews, g_ptr_array_unref);
  g_clear_pointer (&block->digest_lines, g_ptr_array_unref);
  g_free (block->digest_day);
  g_free (block);
}

static void
day_free (Day *day)
{
  g_ptr_array_unref (day->blocks);
  g_free (day->cities);
  g_free (day->note);
  g_free (day);
}

static void
mt_print_layout_finalize (GObject *object)
{
  MtPrintLayout *self = MT_PRINT_LAYOUT (object);

  g_clear_pointer (&self->travel, mt_travel_free);
  g_clear_object (&self->tour);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->digest_title, g_free);
  g_clear_pointer (&self->digest, day_free);
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

/**
 * _mt_print_dup_organiser:
 *
 * Returns: (transfer full): the organiser and their contact, for the foot
 *   of every page
 */
char *
_mt_print_dup_organiser (MtTour *tour)
{
  const char *name = mt_tour_get_organiser (tour);
  const char *contact = mt_tour_get_organiser_contact (tour);

  if (contact == NULL || *contact == '\0')
    return g_strdup (name ? name : "");
  if (name == NULL || *name == '\0')
    return g_strdup (contact);
  /* Translators: at the foot of each printed page: the organiser, then how
   * to reach them */
  return g_strdup_printf (_("%s  ·  %s"), name, contact);
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

static gboolean
is_transfer (MtVisit *visit)
{
  return mt_visit_get_visit_kind (visit) == MT_VISIT_TRANSFER;
}

/* Between two visits of the same people: the time by road from the site
 * of the one before (the checker's estimate), and the time planned for it.
 * Where a transfer comes between, the transfer is the way there: what it
 * plans is kept, to be set against the estimate on the organisers' page. */
static void
add_travel (MtPrintLayout *self,
            Day           *day)
{
  for (guint i = 0; i < day->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (day->blocks, i);
      MtVisit *transfer = NULL;

      block->travel = -1;
      block->gap = -1;
      block->planned = -1;
      if (block->visit == NULL || mt_visit_get_status (block->visit) == MT_VISIT_CANCELLED)
        continue;
      /* the previous visit of the same people */
      for (guint j = i; j-- > 0;)
        {
          Block *before = g_ptr_array_index (day->blocks, j);

          if (before->visit == NULL || mt_visit_get_status (before->visit) == MT_VISIT_CANCELLED ||
              !share_a_group (before->visit, block->visit))
            continue;
          if (is_transfer (before->visit) && !is_transfer (block->visit) && transfer == NULL)
            {
              transfer = before->visit;
              if (mt_visit_get_end (transfer) != MT_TIME_UNSET)
                block->planned = (mt_visit_get_end (transfer) - mt_visit_get_start (transfer)) / 60;
              continue;
            }
          if (mt_visit_get_site (before->visit) == NULL)
            continue;
          block->travel = travel_minutes (self, before->visit, block->visit);
          if (transfer == NULL && mt_visit_get_end (before->visit) != MT_TIME_UNSET)
            block->gap = (mt_visit_get_start (block->visit) - mt_visit_get_end (before->visit)) / 60;
          break;
        }
    }
}

/* The cities of the day in their order, and the hotel of the night: the
 * last hotel the day's visits take the delegation to */
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

      if (site != NULL && mt_site_get_site_kind (site) == MT_SITE_HOTEL &&
          mt_visit_get_status (block->visit) != MT_VISIT_CANCELLED)
        day->hotel = site;
      if (city == NULL || g_ptr_array_find (seen, city, NULL))
        continue;
      g_ptr_array_add (seen, city);
      if (text->len > 0)
        g_string_append (text, " → ");
      if (mt_city_get_local_name (city) != NULL && mt_city_get_name (city) != NULL)
        g_string_append_printf (text, C_("place", "%s (%s)"), mt_city_get_name (city), mt_city_get_local_name (city));
      else
        g_string_append (text, mt_city_get_name (city) ? mt_city_get_name (city) : mt_city_get_local_name (city));
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
      day->blocks = g_ptr_array_new_with_free_func (_mt_print_block_free);
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
 * mt_print_layout_new_with_options:
 *
 * Returns: (transfer full): the itinerary of the whole tour (both ids
 *   %NULL), of one group or of one delegate
 */
MtPrintLayout *
mt_print_layout_new_with_options (MtTour               *tour,
                                  const char           *group_id,
                                  const char           *delegate_id,
                                  const MtPrintOptions *options,
                                  GError              **error)
{
  static const MtPrintOptions defaults = { MT_PRINT_FOR_DELEGATES, NULL, FALSE, NULL };
  g_autoptr(MtPrintLayout) self = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(MtLanguageScope) scope = NULL;
  const char *language;

  g_return_val_if_fail (MT_IS_TOUR (tour), NULL);
  g_return_val_if_fail (group_id == NULL || delegate_id == NULL, NULL);

  if (options == NULL)
    options = &defaults;
  items = mt_ical_select_items (tour, group_id, delegate_id, error);
  if (items == NULL)
    return NULL;

  language = options->language;
  if (language == NULL && delegate_id != NULL)
    language = mt_language_of_delegate (mt_tour_lookup_kind (tour, MT_ENTITY_DELEGATE, delegate_id));

  self = g_object_new (MT_TYPE_PRINT_LAYOUT, NULL);
  self->tour = g_object_ref (tour);
  self->travel = mt_travel_new (tour);
  self->audience = options->audience;
  self->language = language != NULL && language[0] != '\0' ? g_strdup (language) : NULL;

  scope = mt_language_enter (self->language);
  self->scope = describe_scope (tour, group_id, delegate_id);
  build_days (self, items);
  if (options->digest && delegate_id != NULL)
    _mt_print_add_digest (self, delegate_id, options->since);
  return g_steal_pointer (&self);
}

MtPrintLayout *
mt_print_layout_new (MtTour      *tour,
                     const char  *group_id,
                     const char  *delegate_id,
                     GError     **error)
{
  return mt_print_layout_new_with_options (tour, group_id, delegate_id, NULL, error);
}

/* Pagination */

static double
header_height (MtPrintLayout *self,
               MtPrintPen    *pen,
               Day           *day,
               gboolean       continued,
               double         y,
               double         width)
{
  if (day->index == MT_PRINT_DIGEST_DAY)
    return _mt_print_draw_digest_header (self, pen, continued, MARGIN, y, width);
  return _mt_print_draw_header (self, pen, day, continued, MARGIN, y, width);
}

static double
block_height (MtPrintLayout *self,
              MtPrintPen    *pen,
              Day           *day,
              guint          index,
              gboolean       first,
              double         y,
              double         width)
{
  Block *block = g_ptr_array_index (day->blocks, index);

  if (block->digest_lines != NULL)
    return _mt_print_draw_digest_block (self, pen, block, MARGIN, y, width);
  return _mt_print_draw_block (self, pen, block, first, MARGIN, y, width);
}

/* Where a day ends on a page with only its last item, that page takes the
 * one before it too, where it fits and leaves two behind */
static void
keep_company (MtPrintLayout *self,
              MtPrintPen    *pen,
              Day           *day,
              guint          first_page,
              double         content,
              double         bottom)
{
  Page *last = &g_array_index (self->pages, Page, self->pages->len - 1);
  Page *before;
  double y;

  if (self->pages->len - first_page < 2 || last->n_blocks != 1)
    return;
  before = &g_array_index (self->pages, Page, self->pages->len - 2);
  if (before->n_blocks < 3)
    return;

  y = MARGIN + header_height (self, pen, day, TRUE, MARGIN, content);
  y += block_height (self, pen, day, last->first - 1, TRUE, 0, content);
  y += BLOCK_GAP + block_height (self, pen, day, last->first, FALSE, 0, content);
  if (y > bottom)
    return;
  before->n_blocks--;
  last->first--;
  last->n_blocks++;
}

static void
paginate_day (MtPrintLayout *self,
              MtPrintPen    *pen,
              Day           *day,
              double         content,
              double         bottom)
{
  Page page = { day, 0, 0, FALSE };
  guint first_page = self->pages->len;
  double y = MARGIN + header_height (self, pen, day, FALSE, MARGIN, content);

  for (guint b = 0; b < day->blocks->len; b++)
    {
      double h = block_height (self, pen, day, b, page.n_blocks == 0, 0, content);

      if (page.n_blocks > 0 && y + BLOCK_GAP + h > bottom)
        {
          g_array_append_val (self->pages, page);
          page = (Page) { day, b, 0, TRUE };
          y = MARGIN + header_height (self, pen, day, TRUE, MARGIN, content);
          h = block_height (self, pen, day, b, TRUE, 0, content);
        }
      y += (page.n_blocks > 0 ? BLOCK_GAP : 0) + h;
      page.n_blocks++;
    }
  g_array_append_val (self->pages, page);
  keep_company (self, pen, day, first_page, content, bottom);
}

/* The digest heads the first day's page where it fits there with the
 * day's first item; else it has pages of its own */
static void
place_digest (MtPrintLayout *self,
              MtPrintPen    *pen,
              double         content,
              double         bottom)
{
  Day *first;
  double y;

  if (self->digest == NULL || self->days->len == 0)
    return;
  first = g_ptr_array_index (self->days, 0);
  first->digest = self->digest;
  y = MARGIN + header_height (self, pen, first, FALSE, MARGIN, content);
  if (first->blocks->len > 0)
    y += block_height (self, pen, first, 0, TRUE, 0, content);
  if (y > bottom)
    first->digest = NULL;
}

static void
paginate (MtPrintLayout *self,
          double         width,
          double         height)
{
  double content = width - 2 * MARGIN, bottom = height - MARGIN - FOOTER;
  g_autoptr(MtLanguageScope) scope = NULL;
  MtPrintPen pen;

  if (self->pages->len > 0 && self->page_width == width && self->page_height == height)
    return;

  g_array_set_size (self->pages, 0);
  self->page_width = width;
  self->page_height = height;
  scope = mt_language_enter (self->language);
  _mt_print_pen_init (&pen, NULL);

  place_digest (self, &pen, content, bottom);
  if (self->digest != NULL && ((Day *) g_ptr_array_index (self->days, 0))->digest == NULL)
    paginate_day (self, &pen, self->digest, content, bottom);
  for (guint d = 0; d < self->days->len; d++)
    paginate_day (self, &pen, g_ptr_array_index (self->days, d), content, bottom);
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

  return g_array_index (self->pages, Page, page).day->index;
}

guint
mt_print_layout_get_page_n_items (MtPrintLayout *self,
                                  guint          page,
                                  double         width,
                                  double         height)
{
  g_return_val_if_fail (page < mt_print_layout_get_n_pages (self, width, height), 0);

  return g_array_index (self->pages, Page, page).n_blocks;
}

void
mt_print_layout_draw_page (MtPrintLayout *self,
                           cairo_t       *cr,
                           guint          page_number,
                           double         width,
                           double         height)
{
  double content = width - 2 * MARGIN, y;
  g_autoptr(MtLanguageScope) scope = NULL;
  Page *page;
  Day *day;
  MtPrintPen pen;

  g_return_if_fail (MT_IS_PRINT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page_number < mt_print_layout_get_n_pages (self, width, height));

  page = &g_array_index (self->pages, Page, page_number);
  day = page->day;

  scope = mt_language_enter (self->language);
  cairo_save (cr);
  _mt_print_pen_init (&pen, cr);
  y = MARGIN + header_height (self, &pen, day, page->continued, MARGIN, content);

  if (day->blocks->len == 0)
    _mt_print_draw_empty (&pen, y, width);

  for (guint b = page->first; b < page->first + page->n_blocks; b++)
    {
      if (b > page->first)
        {
          _mt_print_draw_separator (&pen, y + BLOCK_GAP / 2, width);
          y += BLOCK_GAP;
        }
      y += block_height (self, &pen, day, b, b == page->first, y, content);
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
 * mt_print_write_pdf_with_options:
 *
 * Writes the itinerary of the whole tour, a group or a delegate as a PDF on
 * @paper, replacing @file only once the whole PDF is drawn.
 */
gboolean
mt_print_write_pdf_with_options (MtTour               *tour,
                                 const char           *group_id,
                                 const char           *delegate_id,
                                 const MtPrintOptions *options,
                                 MtPaper               paper,
                                 GFile                *file,
                                 GCancellable         *cancellable,
                                 GError              **error)
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

  layout = mt_print_layout_new_with_options (tour, group_id, delegate_id, options, error);
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

gboolean
mt_print_write_pdf (MtTour        *tour,
                    const char    *group_id,
                    const char    *delegate_id,
                    MtPaper        paper,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return mt_print_write_pdf_with_options (tour, group_id, delegate_id, NULL, paper, file, cancellable, error);
}
