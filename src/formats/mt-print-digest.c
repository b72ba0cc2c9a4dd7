/* mt-print-digest.c: what changed for the delegate, atop their printout
 *
 * The digest (mt-digest.h) comes first: in a box at the top of the first
 * day's page where it fits there with the day's first item, else on pages
 * of its own headed like a day's, one block for each day with changes.
 * Where nothing changed, the first day says so under its heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mt-print"

#include "config.h"

#include "mt-digest.h"
#include "mt-i18n.h"
#include "mt-print-private.h"

void
_mt_print_add_digest (MtPrintLayout *self,
                      const char    *delegate_id,
                      MtVersion     *since)
{
  g_autoptr(MtDigest) digest = mt_digest_new (self->tour, delegate_id, since, NULL);
  Day *section;
  Block *block = NULL;
  int day = G_MININT;

  if (digest == NULL)
    return;
  self->digest_title = mt_digest_format_heading (digest);
  if (mt_digest_get_n_entries (digest) == 0)
    {
      if (self->days->len > 0)
        ((Day *) g_ptr_array_index (self->days, 0))->note = g_strdup (self->digest_title);
      return;
    }

  self->digest = section = g_new0 (Day, 1);
  section->index = MT_PRINT_DIGEST_DAY;
  section->blocks = g_ptr_array_new_with_free_func (_mt_print_block_free);
  for (guint i = 0; i < mt_digest_get_n_entries (digest); i++)
    {
      const MtDigestEntry *entry = mt_digest_get_entry (digest, i);
      int entry_day = mt_digest_entry_get_day (digest, entry);

      if (block == NULL || entry_day != day)
        {
          block = g_new0 (Block, 1);
          block->digest_day = mt_digest_format_day (digest, entry_day);
          block->digest_lines = g_ptr_array_new_with_free_func (g_free);
          g_ptr_array_add (section->blocks, block);
          day = entry_day;
        }
      g_ptr_array_add (block->digest_lines, mt_digest_format_entry (digest, entry));
    }
}

double
_mt_print_draw_digest_header (MtPrintLayout *self,
                              MtPrintPen    *pen,
                              gboolean       continued,
                              double         x,
                              double         y,
                              double         width)
{
  double top = y;

  y += _mt_print_draw_title_line (self, pen, x, y, width);
  y += _mt_print_draw_heading (self, pen, self->digest_title, 15, continued, x, y, width) + 6;
  _mt_print_rule (pen, mt_print_accent, 1.6, x, y, width);
  y += 14;
  return y - top;
}

/* a day with changes: its date, then a line for each */
double
_mt_print_draw_digest_block (MtPrintLayout *self,
                             MtPrintPen    *pen,
                             Block         *block,
                             double         x,
                             double         y,
                             double         width)
{
  g_autofree char *day = g_markup_escape_text (block->digest_day, -1);
  double top = y;

  y += _mt_print_text (pen, day, 11.5, MT_PRINT_TEXT_BOLD, mt_print_accent, x, y, width) + 4;
  for (guint i = 0; i < block->digest_lines->len; i++)
    {
      g_autofree char *line = g_markup_escape_text (g_ptr_array_index (block->digest_lines, i), -1);
      g_autofree char *bullet = g_strdup_printf ("•  %s", line);

      y += _mt_print_text (pen, bullet, 10, 0, mt_print_ink, x + 8, y, width - 8) + 4;
    }
  return y - top;
}

#define BOX_PADDING 10.0

/* the heading and the days, inside the box's padding */
static double
draw_box_contents (MtPrintLayout *self,
                   MtPrintPen    *pen,
                   double         x,
                   double         y,
                   double         width)
{
  g_autofree char *heading = g_markup_escape_text (self->digest_title, -1);
  double top = y;

  y += _mt_print_text (pen, heading, 12.5, MT_PRINT_TEXT_BOLD, mt_print_ink, x, y, width) + 6;
  for (guint i = 0; i < self->digest->blocks->len; i++)
    y += _mt_print_draw_digest_block (self, pen, g_ptr_array_index (self->digest->blocks, i), x, y, width) + 2;
  return y - top;
}

double
_mt_print_draw_digest_box (MtPrintLayout *self,
                           MtPrintPen    *pen,
                           double         x,
                           double         y,
                           double         width)
{
  MtPrintPen measure = { pen->context, NULL };
  double inner = width - 2 * BOX_PADDING;
  double height = draw_box_contents (self, &measure, x, y, inner) + 2 * BOX_PADDING;

  if (pen->cr != NULL)
    {
      cairo_set_source_rgb (pen->cr, 0.93, 0.96, 1.0);
      cairo_rectangle (pen->cr, x, y, width, height);
      cairo_fill (pen->cr);
      cairo_set_source_rgb (pen->cr, mt_print_accent.r, mt_print_accent.g, mt_print_accent.b);
      cairo_rectangle (pen->cr, x, y, 3, height);
      cairo_fill (pen->cr);
      draw_box_contents (self, pen, x + BOX_PADDING, y + BOX_PADDING, inner);
    }
  return height;
}
