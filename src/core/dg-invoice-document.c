/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice-document"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "dg-epc-qr.h"
#include "dg-invoice-document.h"
#include "dg-invoice-text.h"
#include "dg-validation.h"

G_DEFINE_QUARK (dg-invoice-document-error-quark, dg_invoice_document_error)

#define MM(x) ((x) * 72.0 / 25.4)

/* Page geometry after DIN 5008, form B. */
#define MARGIN_LEFT        MM (25.0)
#define MARGIN_RIGHT       MM (20.0)
#define MARGIN_TOP         MM (15.0)
#define CONTINUATION_TOP   MM (20.0)
#define WINDOW_X           MM (20.0)
#define WINDOW_Y           MM (45.0)
#define WINDOW_WIDTH       MM (85.0)
#define WINDOW_INSET       MM (5.0)
#define SENDER_LINE_Y      (WINDOW_Y + MM (11.0))
#define RECIPIENT_Y        (WINDOW_Y + MM (17.7))
/* 10 mm left of DIN 5008's 125 mm, so that labels and values fit side
 * by side on A4. */
#define INFO_X             MM (115.0)
#define INFO_Y             MM (50.0)
#define INFO_LABEL_WIDTH   88.0
#define INFO_GAP           6.0
#define TITLE_MIN_Y        MM (98.5)
#define FOOTER_RULE_FROM_BOTTOM  MM (17.0)
#define FOOTER_TEXT_FROM_BOTTOM  MM (15.5)
#define CONTENT_FROM_BOTTOM      MM (22.0)
#define QR_SIZE            MM (30.0)

#define COLUMN_GAP         8.0
#define CELL_PADDING       3.0
#define TOTALS_WIDTH       250.0

typedef enum
{
  STYLE_BODY,
  STYLE_BODY_BOLD,
  STYLE_SMALL,
  STYLE_LABEL,
  STYLE_INFO,
  STYLE_TABLE,
  STYLE_TABLE_HEADER,
  STYLE_BUSINESS,
  STYLE_TITLE,
  STYLE_FOOTER,
  STYLE_WATERMARK,
} Style;

static const struct
{
  double size;
  gboolean bold;
  double gray;   /* text colour: 0 black … 1 white */
} styles[] = {
  [STYLE_BODY]         = {  9.5, FALSE, 0.00 },
  [STYLE_BODY_BOLD]    = {  9.5, TRUE,  0.00 },
  [STYLE_SMALL]        = {  7.0, FALSE, 0.35 },
  [STYLE_LABEL]        = {  8.0, FALSE, 0.40 },
  [STYLE_INFO]         = {  9.0, FALSE, 0.00 },
  [STYLE_TABLE]        = {  8.5, FALSE, 0.00 },
  [STYLE_TABLE_HEADER] = {  8.5, TRUE,  0.00 },
  [STYLE_BUSINESS]     = { 15.0, TRUE,  0.00 },
  [STYLE_TITLE]        = { 14.0, TRUE,  0.00 },
  [STYLE_FOOTER]       = {  7.5, FALSE, 0.40 },
  [STYLE_WATERMARK]    = { 96.0, TRUE,  0.88 },
};

typedef enum
{
  ITEM_TEXT,
  ITEM_RULE,
  ITEM_QR,
  ITEM_WATERMARK,
} ItemKind;

/* Something drawn on a page, in points from its top-left corner. The
 * layouts are made once, in the document's own context, and drawn as they
 * are on every surface, so the print preview, the printer and the PDF
 * break lines and pages in the same places. */
typedef struct
{
  ItemKind     kind;
  PangoLayout *layout;     /* text, watermark */
  double       gray;
  double       x;
  double       y;
  double       width;      /* rule: its length; QR: its size */
  double       thickness;  /* rule */
  char        *payload;    /* QR */
} Item;

struct _DgInvoiceDocument
{
  GObject            parent_instance;

  DgInvoice         *invoice;
  DgInvoiceLanguage  language;
  double             width;
  double             height;
  PangoContext      *context;
  GPtrArray         *pages;   /* GPtrArray of Item * */
  /* The first line whose row is taller than a page's room for the table,
   * or NULL: it is drawn anyway (a draft's preview shows it), but it runs
   * off the page, so the PDF is refused rather than frozen cut short. */
  const DgInvoiceLine *too_tall_line;
};

G_DEFINE_FINAL_TYPE (DgInvoiceDocument, dg_invoice_document, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_INVOICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_free (item->payload);
  g_free (item);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
is_filled (const char *text)
{
  return text != NULL && *text != '\0';
}

/* ---- text ---------------------------------------------------------------- */

static PangoContext *
create_context (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics and unrounded glyph positions: the layout must not
   * depend on the surface, or a line that fits in the PDF would wrap on
   * the printer. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* pango-cairo assumes 96 dpi; the page is measured in points. */
  pango_cairo_context_set_resolution (context, 72.0);

  return context;
}

static PangoLayout *
create_layout (DgInvoiceDocument *self,
               Style              style,
               const char        *text,
               double             width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  /* "Sans" rather than a named face: the desktop's font may not be there
   * when the PDF is written from the command line. */
  pango_font_description_set_family_static (font, "Sans");
  pango_font_description_set_size (font, (int) (styles[style].size * PANGO_SCALE));
  if (styles[style].bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.x + logical.width);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.y + logical.height);
}

static double
text_width (DgInvoiceDocument *self,
            Style              style,
            const char        *text)
{
  g_autoptr(PangoLayout) layout = create_layout (self, style, text, 0);

  return layout_width (layout);
}

/* ---- a page being filled ------------------------------------------------- */

/* Items are first collected in a block with y relative to the block's top,
 * so that a block's height is known before it is placed: a table row or
 * the totals are never split between pages. */
typedef struct
{
  GPtrArray *items;
  double     height;
} Block;

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->items = g_ptr_array_new_with_free_func (item_free);
  return block;
}

static void
block_free (Block *block)
{
  g_ptr_array_unref (block->items);
  g_free (block);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Block, block_free)

static void
block_add_layout (Block       *block,
                  PangoLayout *layout,
                  Style        style,
                  double       x,
                  double       y)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_TEXT;
  item->layout = layout;
  item->gray = styles[style].gray;
  item->x = x;
  item->y = y;
  g_ptr_array_add (block->items, item);
  block->height = MAX (block->height, y + layout_height (layout));
}

/* Adds @text at (@x, @y), wrapped at @width (0: not wrapped); returns its
 * height. */
static double
block_add_text (DgInvoiceDocument *self,
                Block             *block,
                Style              style,
                const char        *text,
                double             x,
                double             y,
                double             width)
{
  PangoLayout *layout = create_layout (self, style, text, width);

  block_add_layout (block, layout, style, x, y);
  return layout_height (layout);
}

/* Adds @text ending at @right. */
static double
block_add_text_right (DgInvoiceDocument *self,
                      Block             *block,
                      Style              style,
                      const char        *text,
                      double             right,
                      double             y)
{
  PangoLayout *layout = create_layout (self, style, text, 0);

  block_add_layout (block, layout, style, right - layout_width (layout), y);
  return layout_height (layout);
}

static void
block_add_rule (Block  *block,
                double  x,
                double  y,
                double  length,
                double  thickness,
                double  gray)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_RULE;
  item->x = x;
  item->y = y;
  item->width = length;
  item->thickness = thickness;
  item->gray = gray;
  g_ptr_array_add (block->items, item);
  block->height = MAX (block->height, y + thickness / 2);
}

static void
block_add_qr (Block      *block,
              const char *payload,
              double      x,
              double      y,
              double      size)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_QR;
  item->payload = g_strdup (payload);
  item->x = x;
  item->y = y;
  item->width = size;
  g_ptr_array_add (block->items, item);
  block->height = MAX (block->height, y + size);
}

typedef struct
{
  DgInvoiceDocument *self;
  GPtrArray         *page;    /* the page being filled */
  double             y;
  double             bottom;
} Flow;

static void
flow_new_page (Flow   *flow,
               double  top)
{
  flow->page = g_ptr_array_new_with_free_func (item_free);
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = top;
}

static gboolean
flow_fits (Flow   *flow,
           double  height)
{
  return flow->y + height <= flow->bottom;
}

/* Moves the block's items onto @page, @dy further down. */
static void
block_move_to_page (Block     *block,
                    GPtrArray *page,
                    double     dy)
{
  gsize n_items = 0;
  g_autofree Item **items = (Item **) g_ptr_array_steal (block->items, &n_items);

  for (gsize i = 0; i < n_items; i++)
    {
      items[i]->y += dy;
      g_ptr_array_add (page, items[i]);
    }
}

/* Places the block at the current position. */
static void
flow_place (Flow  *flow,
            Block *block)
{
  block_move_to_page (block, flow->page, flow->y);
  flow->y += block->height;
}

/* ---- the parts of the document ------------------------------------------- */

static double
content_left (DgInvoiceDocument *self)
{
  return MARGIN_LEFT;
}

static double
content_right (DgInvoiceDocument *self)
{
  return self->width - MARGIN_RIGHT;
}

static gboolean
is_draft (DgInvoiceDocument *self)
{
  return dg_invoice_get_state (self->invoice) == DG_INVOICE_STATE_DRAFT;
}

static gboolean
is_cancellation (DgInvoiceDocument *self)
{
  return dg_invoice_get_kind (self->invoice) == DG_INVOICE_KIND_CANCELLATION;
}

static const char *
text (DgInvoiceDocument *self,
      DgInvoiceTextId    id)
{
  return dg_invoice_text_get (self->language, id);
}

static char *
money (DgInvoiceDocument *self,
       gint64             minor)
{
  return dg_invoice_text_format_money (self->language, minor,
                                       dg_invoice_get_currency (self->invoice));
}

/* The number as printed: a draft has none yet. */
static const char *
printed_number (DgInvoiceDocument *self)
{
  if (is_draft (self) || !is_filled (dg_invoice_get_number (self->invoice)))
    return text (self, DG_INVOICE_TEXT_DRAFT);
  return dg_invoice_get_number (self->invoice);
}

static char *
document_name (DgInvoiceDocument *self)
{
  g_autofree char *draft = NULL;

  if (is_draft (self))
    {
      draft = g_strdup_printf ("(%s)", text (self, DG_INVOICE_TEXT_DRAFT));
      return dg_invoice_text_format_document_name (self->language, is_cancellation (self), draft);
    }
  return dg_invoice_text_format_document_name (self->language, is_cancellation (self),
                                               printed_number (self));
}

static char *
title (DgInvoiceDocument *self)
{
  if (is_cancellation (self))
    return dg_invoice_text_format_cancellation_title (self->language,
                                                      dg_invoice_get_cancels_number (self->invoice));
  return g_strdup (text (self, DG_INVOICE_TEXT_TITLE));
}

/* Address lines without blank ones, and without the spaces around them. */
static GPtrArray *
address_lines (const char *address)
{
  g_auto(GStrv) parts = g_strsplit (or_empty (address), "\n", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *line = g_strstrip (g_strdup (parts[i]));

      if (*line != '\0')
        g_ptr_array_add (lines, line);
      else
        g_free (line);
    }
  return lines;
}

/* Letterhead: the business's name on the left, its address and numbers on
 * the right, above the address window. */
static void
add_letterhead (DgInvoiceDocument *self,
                Flow              *flow)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);
  g_autoptr(GPtrArray) lines = address_lines (parties->business_address);
  g_autoptr(Block) block = block_new ();
  g_autoptr(GString) contact = g_string_new (NULL);
  double left = content_left (self);
  double right = content_right (self);
  double name_width = INFO_X - left - COLUMN_GAP;

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (contact, "%s\n", (const char *) lines->pdata[i]);
  if (is_filled (parties->business_email))
    g_string_append_printf (contact, "%s\n", parties->business_email);
  if (is_filled (parties->business_tax_number))
    g_string_append_printf (contact, "%s %s\n", text (self, DG_INVOICE_TEXT_TAX_NUMBER_SHORT),
                            parties->business_tax_number);
  if (is_filled (parties->business_vat_id))
    g_string_append_printf (contact, "%s %s\n", text (self, DG_INVOICE_TEXT_VAT_ID_SHORT),
                            parties->business_vat_id);
  if (contact->len > 0)
    {
      PangoLayout *layout;
      double contact_width;

      g_string_truncate (contact, contact->len - 1);
      contact_width = MIN (text_width (self, STYLE_LABEL, contact->str), right - INFO_X);
      layout = create_layout (self, STYLE_LABEL, contact->str, contact_width);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      block_add_layout (block, layout, STYLE_LABEL, right - contact_width, 0);
      /* A long name may use what the contact lines leave free. */
      name_width = MAX (name_width, right - contact_width - 2 * COLUMN_GAP - left);
    }
  else
    name_width = right - left;
  block_add_text (self, block, STYLE_BUSINESS, or_empty (parties->business_name), left, 0, name_width);
  flow->y = MARGIN_TOP;
  flow_place (flow, block);
}

/* Whether an address line already names the country @code. */
static gboolean
names_country (const char *line,
               const char *code)
{
  g_autofree char *upper = g_utf8_strup (line, -1);

  for (DgInvoiceLanguage language = DG_INVOICE_LANGUAGE_EN; language <= DG_INVOICE_LANGUAGE_DE; language++)
    {
      const char *name = dg_invoice_text_get_country_name (language, code);
      g_autofree char *name_upper = name != NULL ? g_utf8_strup (name, -1) : NULL;

      if (g_strcmp0 (upper, name_upper) == 0)
        return TRUE;
    }
  return g_ascii_strcasecmp (line, code) == 0;
}

static char *
recipient_text (DgInvoiceDocument *self)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);
  g_autoptr(GPtrArray) lines = address_lines (parties->assistant_address);
  GString *out = g_string_new (or_empty (parties->assistant_name));
  const char *country = or_empty (parties->assistant_country);
  const char *last = lines->len > 0 ? lines->pdata[lines->len - 1] : "";

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "\n%s", (const char *) lines->pdata[i]);

  /* The business is German (the notes cite the UStG), so a German address
   * is domestic mail and has no country line; any other gets one, in
   * capitals as the post asks, unless the owner already wrote it. */
  if (*country != '\0' && g_ascii_strcasecmp (country, "DE") != 0 && !names_country (last, country))
    {
      const char *name = dg_invoice_text_get_country_name (self->language, country);
      g_autofree char *upper = g_utf8_strup (name != NULL ? name : country, -1);

      g_string_append_printf (out, "\n%s", upper);
    }
  return g_string_free (out, FALSE);
}

/* The address window of a DIN 5008 type B envelope: the sender in small
 * print on one line, then the recipient. */
static void
add_address_window (DgInvoiceDocument *self,
                    Flow              *flow)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);
  g_autoptr(GPtrArray) lines = address_lines (parties->business_address);
  g_autoptr(GString) sender = g_string_new (or_empty (parties->business_name));
  g_autofree char *recipient = recipient_text (self);
  double x = WINDOW_X + WINDOW_INSET;
  double width = WINDOW_WIDTH - 2 * WINDOW_INSET;
  g_autoptr(Block) block = block_new ();
  PangoLayout *layout;

  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (sender, " · %s", (const char *) lines->pdata[i]);

  layout = create_layout (self, STYLE_SMALL, sender->str, width);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  block_add_layout (block, layout, STYLE_SMALL, x, SENDER_LINE_Y);
  block_add_rule (block, x, SENDER_LINE_Y + layout_height (layout) + 1.0, width, 0.4, 0.35);
  block_add_text (self, block, STYLE_BODY, recipient, x, RECIPIENT_Y, width);

  flow->y = 0;
  flow_place (flow, block);
}

/* "2026-11-02" → its year, month and day, or FALSE. */
static gboolean
split_date (const char *iso_date,
            guint      *out_year,
            guint      *out_month,
            guint      *out_day)
{
  char tail;

  return iso_date != NULL &&
         sscanf (iso_date, "%4u-%2u-%2u%c", out_year, out_month, out_day, &tail) == 3 &&
         g_date_valid_dmy (*out_day, *out_month, *out_year);
}

/* @formatted without its year at the end ("02.11.2026" → "02.11.",
 * "2 Nov 2026" → "2 Nov"), or NULL when the year is not where the
 * invoice's formats put it. */
static char *
without_year (const char *formatted,
              guint       year)
{
  g_autofree char *suffix = g_strdup_printf ("%04u", year);
  g_autofree char *start = NULL;

  if (!g_str_has_suffix (formatted, suffix))
    return NULL;
  start = g_strndup (formatted, strlen (formatted) - strlen (suffix));
  return g_strdup (g_strchomp (start));
}

/* The service period on one line of the info block, whose value column is
 * too narrow for two dates in full ("2 November 2026 – 29 November 2026"
 * wraps): the year once when both dates share it, and in English the
 * month once within a month ("2–29 November 2026") or short names across
 * months ("2 Nov – 3 Dec 2026"); in German "02.11.–29.11.2026". Across a
 * year both dates are whole. */
static char *
format_period (DgInvoiceDocument *self,
               const char        *start,
               const char        *end)
{
  gboolean english = self->language == DG_INVOICE_LANGUAGE_EN;
  guint start_year, start_month, start_day;
  guint end_year, end_month, end_day;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *first_part = NULL;

  if (!split_date (start, &start_year, &start_month, &start_day) ||
      !split_date (end, &end_year, &end_month, &end_day) ||
      g_str_equal (start, end))
    return dg_invoice_text_format_period (self->language, start, end);

  if (english && start_year == end_year && start_month == end_month)
    {
      last = dg_invoice_text_format_date (self->language, end);
      return g_strdup_printf ("%u–%s", start_day, last);
    }

  if (english)
    {
      first = dg_invoice_text_format_short_date (self->language, start);
      last = dg_invoice_text_format_short_date (self->language, end);
    }
  else
    {
      first = dg_invoice_text_format_date (self->language, start);
      last = dg_invoice_text_format_date (self->language, end);
    }
  if (start_year == end_year)
    first_part = without_year (first, start_year);
  if (first_part == NULL)
    return g_strdup_printf ("%s – %s", first, last);
  /* German dates end in a dot and take the dash without spaces. */
  return g_strdup_printf (english ? "%s – %s" : "%s–%s", first_part, last);
}

static double
add_info_row (DgInvoiceDocument *self,
              Block             *block,
              const char        *label,
              const char        *value,
              double             y)
{
  double value_x = INFO_X + INFO_LABEL_WIDTH + INFO_GAP;
  double value_width = content_right (self) - value_x;
  double label_height, value_height;

  if (!is_filled (value))
    return y;
  label_height = block_add_text (self, block, STYLE_LABEL, label, INFO_X, y + 0.8, INFO_LABEL_WIDTH);
  value_height = block_add_text (self, block, STYLE_INFO, value, value_x, y, value_width);
  return y + MAX (label_height, value_height) + 2.5;
}

/* Number, dates and both parties' tax numbers, right of the window. */
static void
add_info_block (DgInvoiceDocument *self,
                Flow              *flow)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);
  g_autoptr(Block) block = block_new ();
  g_autofree char *issue_date = dg_invoice_text_format_date (self->language,
                                                             dg_invoice_get_issue_date (self->invoice));
  g_autofree char *period = format_period (self,
                                           dg_invoice_get_period_start (self->invoice),
                                           dg_invoice_get_period_end (self->invoice));
  g_autofree char *due_date = dg_invoice_text_format_date (self->language,
                                                           dg_invoice_get_due_date (self->invoice));
  g_autofree char *agreed = dg_invoice_text_format_date (self->language, parties->self_billing_date);
  double y = INFO_Y;

  y = add_info_row (self, block,
                    text (self, is_cancellation (self) ? DG_INVOICE_TEXT_CANCELLATION_NUMBER
                                                       : DG_INVOICE_TEXT_NUMBER),
                    printed_number (self), y);
  y = add_info_row (self, block, text (self, DG_INVOICE_TEXT_ISSUE_DATE), issue_date, y);
  y = add_info_row (self, block, text (self, DG_INVOICE_TEXT_SERVICE_PERIOD), period, y);
  if (!is_cancellation (self))
    y = add_info_row (self, block, text (self, DG_INVOICE_TEXT_DUE_DATE), due_date, y);
  y = add_info_row (self, block, text (self, DG_INVOICE_TEXT_YOUR_TAX_NUMBER),
                    parties->assistant_tax_number, y);
  y = add_info_row (self, block, text (self, DG_INVOICE_TEXT_YOUR_VAT_ID),
                    parties->assistant_vat_id, y);
  y = add_info_row (self, block, text (self, DG_INVOICE_TEXT_OUR_TAX_NUMBER),
                    parties->business_tax_number, y);
  y = add_info_row (self, block, text (self, DG_INVOICE_TEXT_OUR_VAT_ID),
                    parties->business_vat_id, y);
  add_info_row (self, block, text (self, DG_INVOICE_TEXT_SELF_BILLING_AGREED), agreed, y);

  flow->y = 0;
  flow_place (flow, block);
}

static void
add_title (DgInvoiceDocument *self,
           Flow              *flow,
           double             top)
{
  g_autoptr(Block) block = block_new ();
  g_autofree char *heading = title (self);
  double width = content_right (self) - content_left (self);
  const char *reason = dg_invoice_get_cancel_reason (self->invoice);
  double y = 0;

  y += block_add_text (self, block, STYLE_TITLE, heading, content_left (self), y, width);
  if (is_cancellation (self) && is_filled (reason))
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", text (self, DG_INVOICE_TEXT_CANCEL_REASON), reason);

      y += 3.0;
      y += block_add_text (self, block, STYLE_BODY, line, content_left (self), y, width);
    }
  y += 3.0;
  block_add_text (self, block, STYLE_LABEL, text (self, DG_INVOICE_TEXT_SELF_BILLING_NOTE),
                  content_left (self), y, width);

  flow->y = top;
  flow_place (flow, block);
  flow->y += 14.0;
}

/* ---- the table ----------------------------------------------------------- */

enum
{
  COLUMN_POSITION,
  COLUMN_DATE,
  COLUMN_DESCRIPTION,
  COLUMN_QUANTITY,
  COLUMN_UNIT_PRICE,
  COLUMN_RATE,
  COLUMN_AMOUNT,
  N_COLUMNS
};

typedef struct
{
  double   left[N_COLUMNS];
  double   width[N_COLUMNS];
  gboolean show_rate;   /* only when the lines have more than one tax rate */
} Columns;

static gboolean
column_is_numeric (guint column)
{
  return column != COLUMN_DATE && column != COLUMN_DESCRIPTION;
}

/* One row of the table: its texts and, but for the description (which
 * wraps at a width known only once the other columns are measured), their
 * layouts, made once for measuring and drawing. */
typedef struct
{
  char        *cells[N_COLUMNS];
  PangoLayout *layouts[N_COLUMNS];
  Style        style;
} Row;

static void
row_free (Row *row)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_free (row->cells[c]);
      g_clear_object (&row->layouts[c]);
    }
  g_free (row);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Row, row_free)

/* Takes the strings in @cells. */
static Row *
row_new (DgInvoiceDocument *self,
         char              *cells[N_COLUMNS],
         Style              style)
{
  Row *row = g_new0 (Row, 1);

  row->style = style;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      row->cells[c] = cells[c];
      if (c != COLUMN_DESCRIPTION)
        row->layouts[c] = create_layout (self, style, cells[c], 0);
    }
  return row;
}

/* The cells of one line, as printed. */
static Row *
line_row (DgInvoiceDocument   *self,
          const DgInvoiceLine *line)
{
  const char *currency = dg_invoice_get_currency (self->invoice);
  char *cells[N_COLUMNS];

  cells[COLUMN_POSITION] = g_strdup_printf ("%u", line->position);
  cells[COLUMN_DATE] = dg_invoice_text_format_short_date (self->language, or_empty (line->service_date));
  cells[COLUMN_DESCRIPTION] = g_strdup (or_empty (line->description));
  if (line->kind == DG_INVOICE_LINE_HOURS)
    {
      cells[COLUMN_QUANTITY] = dg_invoice_text_format_hours (self->language, line->minutes);
      cells[COLUMN_UNIT_PRICE] = dg_invoice_text_format_hourly_price (self->language, line->unit_price, currency);
    }
  else
    {
      cells[COLUMN_QUANTITY] = dg_invoice_text_format_units (self->language, line->quantity);
      cells[COLUMN_UNIT_PRICE] = money (self, line->unit_price);
    }
  cells[COLUMN_RATE] = dg_invoice_text_format_rate (self->language, line->tax_rate);
  cells[COLUMN_AMOUNT] = money (self, line->amount);
  return row_new (self, cells, STYLE_TABLE);
}

static Row *
header_row (DgInvoiceDocument *self)
{
  static const DgInvoiceTextId ids[N_COLUMNS] = {
    [COLUMN_POSITION] = DG_INVOICE_TEXT_COLUMN_POSITION,
    [COLUMN_DATE] = DG_INVOICE_TEXT_COLUMN_DATE,
    [COLUMN_DESCRIPTION] = DG_INVOICE_TEXT_COLUMN_DESCRIPTION,
    [COLUMN_QUANTITY] = DG_INVOICE_TEXT_COLUMN_QUANTITY,
    [COLUMN_UNIT_PRICE] = DG_INVOICE_TEXT_COLUMN_UNIT_PRICE,
    [COLUMN_RATE] = DG_INVOICE_TEXT_COLUMN_RATE,
    [COLUMN_AMOUNT] = DG_INVOICE_TEXT_COLUMN_AMOUNT,
  };
  char *cells[N_COLUMNS];

  for (guint c = 0; c < N_COLUMNS; c++)
    cells[c] = g_strdup (text (self, ids[c]));
  return row_new (self, cells, STYLE_TABLE_HEADER);
}

/* Every column but the description is as wide as its widest cell; the
 * description takes the rest and wraps. */
static void
measure_columns (DgInvoiceDocument *self,
                 const Row         *header,
                 GPtrArray         *rows,
                 Columns           *columns)
{
  GPtrArray *groups = dg_invoice_get_tax_groups (self->invoice);
  double left = content_left (self);
  double right = content_right (self);
  double x;

  columns->show_rate = groups != NULL && groups->len > 1;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (c == COLUMN_DESCRIPTION)
        continue;
      columns->width[c] = layout_width (header->layouts[c]);
      for (guint i = 0; i < rows->len; i++)
        {
          const Row *row = rows->pdata[i];

          columns->width[c] = MAX (columns->width[c], layout_width (row->layouts[c]));
        }
    }
  if (!columns->show_rate)
    columns->width[COLUMN_RATE] = 0;

  x = right;
  for (guint c = N_COLUMNS - 1; c > COLUMN_DESCRIPTION; c--)
    {
      if (columns->width[c] == 0)
        {
          columns->left[c] = x;
          continue;
        }
      columns->left[c] = x - columns->width[c];
      x = columns->left[c] - COLUMN_GAP;
    }
  columns->left[COLUMN_POSITION] = left;
  columns->left[COLUMN_DATE] = left + columns->width[COLUMN_POSITION] + COLUMN_GAP;
  columns->left[COLUMN_DESCRIPTION] = columns->left[COLUMN_DATE] + columns->width[COLUMN_DATE] + COLUMN_GAP;
  columns->width[COLUMN_DESCRIPTION] = MAX (x - columns->left[COLUMN_DESCRIPTION], 60.0);
}

static Block *
table_row (DgInvoiceDocument *self,
           const Columns     *columns,
           const Row         *row)
{
  gboolean header = row->style == STYLE_TABLE_HEADER;
  Block *block = block_new ();
  double width = content_right (self) - content_left (self);
  double height = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      PangoLayout *layout;
      double x = columns->left[c];

      if (columns->width[c] == 0)
        continue;
      if (c == COLUMN_DESCRIPTION)
        layout = create_layout (self, row->style, row->cells[c], columns->width[c]);
      else
        layout = g_object_ref (row->layouts[c]);
      if (column_is_numeric (c))
        x += columns->width[c] - layout_width (layout);
      block_add_layout (block, layout, row->style, x, CELL_PADDING);
      height = MAX (height, layout_height (layout));
    }
  height += 2 * CELL_PADDING;
  block_add_rule (block, content_left (self), height, width,
                  header ? 0.8 : 0.3, header ? 0.0 : 0.7);
  block->height = height;
  return block;
}

/* ---- totals, notes and payment ------------------------------------------- */

static gboolean
has_vat_lines (DgInvoiceDocument *self)
{
  GPtrArray *groups = dg_invoice_get_tax_groups (self->invoice);
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);

  if (parties->tax_status == DG_TAX_STATUS_VAT)
    return TRUE;
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const DgInvoiceTaxGroup *group = groups->pdata[i];

      if (group->tax_rate != 0)
        return TRUE;
    }
  return FALSE;
}

static double
add_total_row (DgInvoiceDocument *self,
               Block             *block,
               Style              style,
               const char        *label,
               gint64             amount,
               double             y)
{
  g_autofree char *value = money (self, amount);
  double right = content_right (self);
  double label_height, value_height;

  label_height = block_add_text (self, block, style, label, right - TOTALS_WIDTH, y, 0);
  value_height = block_add_text_right (self, block, style, value, right, y);
  return y + MAX (label_height, value_height) + 2.0;
}

static double
add_totals (DgInvoiceDocument *self,
            Block             *block,
            double             y)
{
  GPtrArray *groups = dg_invoice_get_tax_groups (self->invoice);
  gboolean with_vat = has_vat_lines (self);
  DgMoney total = dg_invoice_get_total (self->invoice);
  double right = content_right (self);

  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      const DgInvoiceTaxGroup *group = groups->pdata[i];

      if (with_vat)
        {
          g_autofree char *net_label = dg_invoice_text_format_net_at_rate (self->language, group->tax_rate);
          g_autofree char *tax_label = dg_invoice_text_format_tax_at_rate (self->language, group->tax_rate);

          y = add_total_row (self, block, STYLE_BODY, net_label, group->net, y);
          y = add_total_row (self, block, STYLE_BODY, tax_label, group->tax, y);
        }
      else
        y = add_total_row (self, block, STYLE_BODY, text (self, DG_INVOICE_TEXT_NET), group->net, y);
    }
  y += 2.0;
  block_add_rule (block, right - TOTALS_WIDTH, y, TOTALS_WIDTH, 0.8, 0.0);
  y += 4.0;
  y = add_total_row (self, block, STYLE_BODY_BOLD, text (self, DG_INVOICE_TEXT_TOTAL), total.minor, y);
  return y;
}

static char *
legal_note (DgInvoiceDocument *self)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);

  switch (parties->tax_status)
    {
    case DG_TAX_STATUS_VAT:
      return NULL;
    case DG_TAX_STATUS_SMALL_BUSINESS:
      return g_strdup (text (self, DG_INVOICE_TEXT_NOTE_SMALL_BUSINESS));
    case DG_TAX_STATUS_REVERSE_CHARGE:
      /* A supplier outside the EU has no VAT ID; the info block gives
       * their tax number instead. */
      if (!is_filled (parties->assistant_vat_id))
        return g_strdup_printf ("%s\n%s: %s",
                                text (self, DG_INVOICE_TEXT_NOTE_REVERSE_CHARGE),
                                text (self, DG_INVOICE_TEXT_RECIPIENT_VAT_ID),
                                or_empty (parties->business_vat_id));
      return g_strdup_printf ("%s\n%s: %s\n%s: %s",
                              text (self, DG_INVOICE_TEXT_NOTE_REVERSE_CHARGE),
                              text (self, DG_INVOICE_TEXT_SUPPLIER_VAT_ID),
                              parties->assistant_vat_id,
                              text (self, DG_INVOICE_TEXT_RECIPIENT_VAT_ID),
                              or_empty (parties->business_vat_id));
    case DG_TAX_STATUS_OUTSIDE_SCOPE:
      return g_strdup (text (self, DG_INVOICE_TEXT_NOTE_OUTSIDE_SCOPE));
    default:
      g_assert_not_reached ();
    }
}

/* The EPC payment code, where a banking app can use it: euros to a known
 * IBAN, an amount to pay, and a number to refer to. */
static char *
payment_code (DgInvoiceDocument *self)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);
  DgMoney total = dg_invoice_get_total (self->invoice);
  g_autoptr(GError) error = NULL;
  char *payload;

  if (is_draft (self) || is_cancellation (self) ||
      g_strcmp0 (total.currency, "EUR") != 0 || total.minor <= 0 ||
      !is_filled (parties->assistant_iban))
    return NULL;

  payload = dg_epc_qr_payload (parties->assistant_bic, or_empty (parties->assistant_name),
                               parties->assistant_iban, total.minor,
                               dg_invoice_get_number (self->invoice), &error);
  /* Without the code the payment details are still printed in words. */
  if (payload == NULL)
    g_debug ("No payment code on invoice %s: %s", dg_invoice_get_number (self->invoice), error->message);
  return payload;
}

static char *
payment_text (DgInvoiceDocument *self)
{
  const DgInvoiceParties *parties = dg_invoice_get_parties (self->invoice);
  DgMoney total = dg_invoice_get_total (self->invoice);
  g_autofree char *amount = NULL;
  g_autofree char *due_date = NULL;
  g_autofree char *iban = NULL;

  if (is_cancellation (self))
    return dg_invoice_text_format_cancellation_note (self->language,
                                                     dg_invoice_get_cancels_number (self->invoice));
  if (total.minor <= 0)
    return NULL;

  amount = money (self, total.minor);
  due_date = dg_invoice_text_format_date (self->language, dg_invoice_get_due_date (self->invoice));
  if (is_filled (parties->assistant_iban))
    iban = dg_iban_format (parties->assistant_iban);
  return dg_invoice_text_format_payment (self->language, amount, due_date, iban,
                                         parties->assistant_bic,
                                         is_draft (self) ? "" : dg_invoice_get_number (self->invoice));
}

static Block *
closing_block (DgInvoiceDocument *self)
{
  Block *block = block_new ();
  g_autofree char *note = legal_note (self);
  g_autofree char *payment = payment_text (self);
  g_autofree char *code = payment_code (self);
  double left = content_left (self);
  double width = content_right (self) - left;
  double y = 8.0;

  y = add_totals (self, block, y);

  if (note != NULL)
    {
      y += 12.0;
      y += block_add_text (self, block, STYLE_BODY, note, left, y, width);
    }

  if (payment != NULL)
    {
      double text_width = code != NULL ? width - QR_SIZE - 2 * COLUMN_GAP : width;
      double top;

      y += 14.0;
      top = y;
      y += block_add_text (self, block, STYLE_BODY_BOLD, text (self, DG_INVOICE_TEXT_PAYMENT), left, y, text_width);
      y += 2.0;
      y += block_add_text (self, block, STYLE_BODY, payment, left, y, text_width);
      if (code != NULL)
        {
          block_add_qr (block, code, content_right (self) - QR_SIZE, top, QR_SIZE);
          y = MAX (y, top + QR_SIZE);
        }
    }
  block->height = y;
  return block;
}

/* ---- every page: footer and watermark ------------------------------------ */

static void
add_page_furniture (DgInvoiceDocument *self)
{
  guint n_pages = self->pages->len;
  g_autofree char *name = document_name (self);
  double left = content_left (self);
  double right = content_right (self);

  for (guint i = 0; i < n_pages; i++)
    {
      GPtrArray *page = self->pages->pdata[i];
      g_autofree char *page_text = dg_invoice_text_format_page (self->language, i + 1, n_pages);
      g_autoptr(Block) block = block_new ();
      double rule_y = self->height - FOOTER_RULE_FROM_BOTTOM;
      double text_y = self->height - FOOTER_TEXT_FROM_BOTTOM;

      block_add_rule (block, left, rule_y, right - left, 0.4, 0.6);
      block_add_text (self, block, STYLE_FOOTER, name, left, text_y, 0);
      block_add_text_right (self, block, STYLE_FOOTER, page_text, right, text_y);

      block_move_to_page (block, page, 0);

      if (is_draft (self))
        {
          Item *item = g_new0 (Item, 1);

          item->kind = ITEM_WATERMARK;
          item->layout = create_layout (self, STYLE_WATERMARK, text (self, DG_INVOICE_TEXT_WATERMARK), 0);
          item->gray = styles[STYLE_WATERMARK].gray;
          /* Its centre, about which it is turned, is the page's. */
          item->x = self->width / 2;
          item->y = self->height / 2;
          /* Under everything else, so the text stays readable. */
          g_ptr_array_insert (page, 0, item);
        }
    }
}

/* ---- layout -------------------------------------------------------------- */

static void
lay_out (DgInvoiceDocument *self)
{
  GPtrArray *lines = dg_invoice_get_lines (self->invoice);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  g_autoptr(Row) header = header_row (self);
  g_autoptr(Block) closing = NULL;
  Columns columns = { 0 };
  Flow flow = { self, NULL, 0, self->height - CONTENT_FROM_BOTTOM };
  guint rows_on_page = 0;
  double header_bottom;
  double room;

  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (rows, line_row (self, lines->pdata[i]));
  measure_columns (self, header, rows, &columns);

  {
    g_autoptr(Block) header_block = table_row (self, &columns, header);

    /* The most a row can have: a continuation page below the table's
     * header. */
    room = flow.bottom - CONTINUATION_TOP - header_block->height;
  }
  for (guint i = 0; i < rows->len; i++)
    {
      Block *row = table_row (self, &columns, rows->pdata[i]);

      if (row->height > room && self->too_tall_line == NULL)
        self->too_tall_line = lines->pdata[i];
      g_ptr_array_add (blocks, row);
    }

  flow_new_page (&flow, MARGIN_TOP);
  add_letterhead (self, &flow);
  add_address_window (self, &flow);
  header_bottom = flow.y;
  add_info_block (self, &flow);
  header_bottom = MAX (MAX (header_bottom, flow.y + 12.0), TITLE_MIN_Y);
  add_title (self, &flow, header_bottom);

  closing = closing_block (self);

  {
    g_autoptr(Block) header_block = table_row (self, &columns, header);

    /* A first row that fits a continuation page but not what is left of
     * the first starts the table there, rather than running off the
     * first page or leaving its header alone on it. */
    if (blocks->len > 0)
      {
        Block *first = blocks->pdata[0];

        if (!flow_fits (&flow, header_block->height + first->height) && first->height <= room)
          flow_new_page (&flow, CONTINUATION_TOP);
      }
    flow_place (&flow, header_block);
  }

  for (guint i = 0; i < blocks->len; i++)
    {
      Block *row = blocks->pdata[i];
      gboolean last = i + 1 == blocks->len;
      double needed = row->height + (last ? closing->height : 0);

      /* The last row goes over with the totals, so that no page holds
       * the totals without a line of the table above them. */
      if (!flow_fits (&flow, needed) && rows_on_page > 0)
        {
          g_autoptr(Block) header_block = table_row (self, &columns, header);

          flow_new_page (&flow, CONTINUATION_TOP);
          flow_place (&flow, header_block);
          rows_on_page = 0;
        }
      flow_place (&flow, row);
      rows_on_page++;
    }

  if (!flow_fits (&flow, closing->height))
    {
      g_autoptr(Block) header_block = table_row (self, &columns, header);

      flow_new_page (&flow, CONTINUATION_TOP);
      flow_place (&flow, header_block);
    }
  flow_place (&flow, closing);

  add_page_furniture (self);
}

/* ---- drawing ------------------------------------------------------------- */

static void
draw_item (cairo_t *cr,
           Item    *item)
{
  switch (item->kind)
    {
    case ITEM_TEXT:
      cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
      cairo_move_to (cr, item->x, item->y);
      pango_cairo_show_layout (cr, item->layout);
      break;

    case ITEM_RULE:
      cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
      cairo_set_line_width (cr, item->thickness);
      cairo_move_to (cr, item->x, item->y);
      cairo_line_to (cr, item->x + item->width, item->y);
      cairo_stroke (cr);
      break;

    case ITEM_QR:
      {
        g_autoptr(GError) error = NULL;

        /* The payload was checked when the page was laid out; only
         * libqrencode running out of memory can fail here. */
        if (!dg_epc_qr_draw (cr, item->payload, item->x, item->y, item->width, &error))
          g_warning ("The payment code could not be drawn: %s", error->message);
      }
      break;

    case ITEM_WATERMARK:
      {
        cairo_matrix_t matrix;
        double width = layout_width (item->layout);
        double height = layout_height (item->layout);

        cairo_get_matrix (cr, &matrix);
        cairo_set_source_rgb (cr, item->gray, item->gray, item->gray);
        cairo_translate (cr, item->x, item->y);
        cairo_rotate (cr, -G_PI / 4);
        cairo_move_to (cr, -width / 2, -height / 2);
        pango_cairo_show_layout (cr, item->layout);
        cairo_set_matrix (cr, &matrix);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* ---- GObject ------------------------------------------------------------- */

static void
dg_invoice_document_constructed (GObject *object)
{
  DgInvoiceDocument *self = DG_INVOICE_DOCUMENT (object);

  G_OBJECT_CLASS (dg_invoice_document_parent_class)->constructed (object);

  g_assert (self->invoice != NULL);
  self->language = dg_invoice_language_from_code (dg_invoice_get_language (self->invoice));
  dg_paper_get_size (dg_invoice_get_paper (self->invoice), &self->width, &self->height);
  self->context = create_context ();
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  lay_out (self);
}

static void
dg_invoice_document_dispose (GObject *object)
{
  DgInvoiceDocument *self = DG_INVOICE_DOCUMENT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_object (&self->context);
  g_clear_object (&self->invoice);

  G_OBJECT_CLASS (dg_invoice_document_parent_class)->dispose (object);
}

static void
dg_invoice_document_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DgInvoiceDocument *self = DG_INVOICE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_INVOICE:
      g_value_set_object (value, self->invoice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_invoice_document_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DgInvoiceDocument *self = DG_INVOICE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_INVOICE:
      self->invoice = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_invoice_document_class_init (DgInvoiceDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = dg_invoice_document_constructed;
  object_class->dispose = dg_invoice_document_dispose;
  object_class->get_property = dg_invoice_document_get_property;
  object_class->set_property = dg_invoice_document_set_property;

  properties[PROP_INVOICE] =
    g_param_spec_object ("invoice", NULL, NULL,
                         DG_TYPE_INVOICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_invoice_document_init (DgInvoiceDocument *self)
{
}

DgInvoiceDocument *
dg_invoice_document_new (DgInvoice *invoice)
{
  g_return_val_if_fail (DG_IS_INVOICE (invoice), NULL);

  return g_object_new (DG_TYPE_INVOICE_DOCUMENT, "invoice", invoice, NULL);
}

DgInvoice *
dg_invoice_document_get_invoice (DgInvoiceDocument *self)
{
  g_return_val_if_fail (DG_IS_INVOICE_DOCUMENT (self), NULL);

  return self->invoice;
}

void
dg_invoice_document_get_page_size (DgInvoiceDocument *self,
                                   double            *out_width,
                                   double            *out_height)
{
  g_return_if_fail (DG_IS_INVOICE_DOCUMENT (self));

  if (out_width != NULL)
    *out_width = self->width;
  if (out_height != NULL)
    *out_height = self->height;
}

guint
dg_invoice_document_get_n_pages (DgInvoiceDocument *self)
{
  g_return_val_if_fail (DG_IS_INVOICE_DOCUMENT (self), 0);

  return self->pages->len;
}

void
dg_invoice_document_draw_page (DgInvoiceDocument *self,
                               cairo_t           *cr,
                               guint              page)
{
  GPtrArray *items;

  g_return_if_fail (DG_IS_INVOICE_DOCUMENT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  items = self->pages->pdata[page];
  cairo_save (cr);
  for (guint i = 0; i < items->len; i++)
    draw_item (cr, items->pdata[i]);
  cairo_restore (cr);
}

static cairo_status_t
write_to_bytes (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
dg_invoice_document_render_pdf (DgInvoiceDocument  *self,
                                GError            **error)
{
  const DgInvoiceParties *parties;
  g_autoptr(GByteArray) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *issue_date = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (DG_IS_INVOICE_DOCUMENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->too_tall_line != NULL)
    {
      const char *description = or_empty (self->too_tall_line->description);
      g_autofree char *start = NULL;

      /* Its beginning, so the owner knows which line to shorten. */
      if (g_utf8_strlen (description, -1) > 40)
        {
          g_autofree char *cut = g_utf8_substring (description, 0, 40);

          start = g_strconcat (cut, "…", NULL);
        }
      else
        start = g_strdup (description);
      g_set_error (error, DG_INVOICE_DOCUMENT_ERROR, DG_INVOICE_DOCUMENT_ERROR_TOO_LONG,
                   _("Line %u (“%s”) is too long to fit on a page. Shorten its description."),
                   self->too_tall_line->position, start);
      return NULL;
    }

  parties = dg_invoice_get_parties (self->invoice);
  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_to_bytes, bytes, self->width, self->height);

  name = document_name (self);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, name);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, or_empty (parties->business_name));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Delegate " PACKAGE_VERSION);
  /* Dated by the invoice, not by the clock, so that the same invoice
   * makes the same file. */
  if (is_filled (dg_invoice_get_issue_date (self->invoice)))
    {
      issue_date = g_strdup_printf ("%sT00:00:00Z", dg_invoice_get_issue_date (self->invoice));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, issue_date);
    }

  cr = cairo_create (surface);
  for (guint i = 0; i < self->pages->len; i++)
    {
      dg_invoice_document_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, DG_INVOICE_DOCUMENT_ERROR, DG_INVOICE_DOCUMENT_ERROR_FAILED,
                   _("The invoice could not be written as PDF: %s."), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
