/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-export"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <langinfo.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "dg-handbook-export.h"

/* ---- shared text ------------------------------------------------------- */

/* Details split at blank lines; a paragraph keeps its single line breaks,
 * as a list of things to type is written one per line. */
static GStrv
split_paragraphs (const char *text)
{
  g_autoptr(GStrvBuilder) paragraphs = g_strv_builder_new ();
  g_autoptr(GString) current = g_string_new (NULL);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);

      if (*line == '\0' || strspn (line, " \t") == strlen (line))
        {
          if (current->len > 0)
            g_strv_builder_add (paragraphs, current->str);
          g_string_truncate (current, 0);
          continue;
        }
      if (current->len > 0)
        g_string_append_c (current, '\n');
      g_string_append (current, line);
    }
  if (current->len > 0)
    g_strv_builder_add (paragraphs, current->str);

  return g_strv_builder_end (paragraphs);
}

/* ---- Markdown ---------------------------------------------------------- */

/* "&copy;" or "&#169;" would be shown as the character it names. */
static gboolean
starts_entity (const char *p)
{
  gsize name;

  if (*p != '&')
    return FALSE;
  name = strspn (p + 1, "#0123456789"
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "abcdefghijklmnopqrstuvwxyz");
  return name > 0 && p[1 + name] == ';';
}

/* Appends user text so that Markdown shows it as written: a title like
 * "*Not* a [link]" must not turn bold or into a link where the e-mail is
 * rendered. With @line_start, @text begins a line, where "- ", "+ ", "1. ",
 * "1) " and a line of "=" would begin a list or a heading. Line breaks
 * become spaces: callers split multi-line text themselves. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    line_start)
{
  const char *p = text;

  if (line_start)
    {
      gsize digits;

      p += strspn (p, " \t");
      g_string_append_len (out, text, p - text);
      digits = strspn (p, "0123456789");
      if (*p == '-' || *p == '+' || (*p == '=' && p[strspn (p, "= \t")] == '\0'))
        g_string_append_c (out, '\\');
      else if (digits > 0 && (p[digits] == '.' || p[digits] == ')') &&
               (p[digits + 1] == '\0' || p[digits + 1] == ' ' || p[digits + 1] == '\t'))
        {
          g_string_append_len (out, p, digits);
          g_string_append_c (out, '\\');
          p += digits;
        }
    }

  for (; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          g_string_append_c (out, ' ');
          continue;
        }
      /* "~" is strikethrough in GitHub's Markdown; "&" only where it would
       * read as an entity like "&copy;", so that "Tom & Jerry" stays. */
      if (strchr ("\\`*_[]<>#|~", *p) != NULL || starts_entity (p))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

static void
append_indented (GString    *out,
                 const char *text,
                 gsize       indent)
{
  g_auto(GStrv) paragraphs = split_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (paragraphs[i], "\n", -1);

      if (i > 0)
        g_string_append_c (out, '\n');
      for (guint j = 0; lines[j] != NULL; j++)
        {
          /* Four spaces before a paragraph would make it a code block, shown
           * with the backslashes; rendered, the indent is dropped anyway. */
          const char *line = j == 0 ? lines[j] + strspn (lines[j], " \t") : lines[j];

          g_string_append_printf (out, "%*s", (int) indent, "");
          append_escaped (out, line, TRUE);
          g_string_append_c (out, '\n');
        }
    }
}

/* A link that is a single web or mail address becomes an autolink, which
 * stays clickable; backslashes would not be taken out of it, so anything
 * that cannot be one is written as text. */
static gboolean
is_autolink (const char *link)
{
  const char *scheme = g_uri_peek_scheme (link);
  const char *rest;

  if (scheme == NULL)
    return FALSE;
  rest = link + strlen (scheme) + 1;
  if (g_str_equal (scheme, "mailto"))
    {
      if (*rest == '\0')
        return FALSE;
    }
  else if (!g_str_has_prefix (rest, "//") || rest[2] == '\0')
    return FALSE;
  for (const char *p = link; *p != '\0'; p++)
    {
      if ((guchar) *p <= ' ' || *p == '<' || *p == '>' || *p == 0x7f)
        return FALSE;
    }
  return TRUE;
}

char *
dg_handbook_to_markdown (DgHandbook *handbook)
{
  GString *out;
  GListModel *steps;
  const char *purpose;
  const char * const *tags;
  const char * const *links;
  GDateTime *date;
  int total;
  guint n_steps;

  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), NULL);

  out = g_string_new ("# ");
  append_escaped (out, dg_handbook_get_title (handbook), FALSE);
  g_string_append (out, "\n\n");

  purpose = dg_handbook_get_purpose (handbook);
  if (purpose != NULL && *purpose != '\0')
    {
      append_indented (out, purpose, 0);
      g_string_append_c (out, '\n');
    }

  /* The date as ISO 8601: the e-mail may be read in another country. */
  date = dg_handbook_get_date (handbook);
  if (dg_handbook_get_published (handbook))
    {
      g_autoptr(GDateTime) local = date != NULL ? g_date_time_to_local (date) : NULL;
      g_autofree char *day = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;

      if (day != NULL)
        /* Translators: the version line of a handbook sent by e-mail, as in "Version 3 · 2026-11-28". */
        g_string_append_printf (out, _("Version %d · %s"), dg_handbook_get_version (handbook), day);
      else
        g_string_append_printf (out, _("Version %d"), dg_handbook_get_version (handbook));
    }
  else
    {
      g_autoptr(GDateTime) local = date != NULL ? g_date_time_to_local (date) : NULL;
      g_autofree char *day = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;

      if (day != NULL)
        /* Translators: a handbook not yet published, with the day it was last saved. */
        g_string_append_printf (out, _("Draft · saved %s"), day);
      else
        g_string_append (out, _("Draft"));
    }
  g_string_append_c (out, '\n');

  tags = dg_handbook_get_tags (handbook);
  if (tags != NULL && tags[0] != NULL)
    {
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; tags[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (joined, ", ");
          append_escaped (joined, tags[i], FALSE);
        }
      g_string_append_printf (out, _("Tags: %s"), joined->str);
      g_string_append_c (out, '\n');
    }

  total = dg_handbook_get_total_minutes (handbook);
  if (total > 0)
    {
      g_autofree char *estimate = dg_handbook_format_minutes (total);

      g_string_append_printf (out, _("Estimated time: %s"), estimate);
      g_string_append_c (out, '\n');
    }

  steps = dg_handbook_get_steps (handbook);
  n_steps = g_list_model_get_n_items (steps);
  if (n_steps > 0)
    g_string_append_printf (out, "\n## %s\n", _("Steps"));

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);
      g_autofree char *marker = g_strdup_printf ("%u. ", i + 1);
      g_autofree char *title = g_strstrip (g_strdup (dg_handbook_step_get_title (step)));
      int minutes = dg_handbook_step_get_minutes (step);

      /* "1. [ ] **Title**" is a task list item where Markdown is rendered
       * (GitHub, many mail clients) and reads as a box to tick where not. */
      g_string_append_printf (out, "\n%s%s", marker,
                              dg_handbook_step_get_checklist (step) ? "[ ] " : "");
      /* "****" would be a horizontal line, and "** x**" is not bold. */
      if (*title != '\0')
        {
          g_string_append (out, "**");
          append_escaped (out, title, FALSE);
          g_string_append (out, "**");
        }
      if (minutes > 0)
        {
          g_autofree char *estimate = dg_handbook_format_minutes (minutes);

          g_string_append_printf (out, " (%s)", estimate);
        }
      g_string_append_c (out, '\n');
      /* Indented to the text after the marker, so the details stay in the
       * list item, also after "10. ". */
      append_indented (out, dg_handbook_step_get_details (step), strlen (marker));
    }

  links = dg_handbook_get_links (handbook);
  if (links != NULL && links[0] != NULL)
    {
      g_string_append_printf (out, "\n## %s\n\n", _("Links"));
      for (guint i = 0; links[i] != NULL; i++)
        {
          g_autofree char *link = g_strstrip (g_strdup (links[i]));

          g_string_append (out, "- ");
          if (is_autolink (link))
            g_string_append_printf (out, "<%s>", link);
          else
            append_escaped (out, link, TRUE);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* ---- page layout ------------------------------------------------------- */

#define MARGIN            56.0
#define BOX_SIZE           9.0
#define BOX_COLUMN        15.0
#define NUMBER_GAP         8.0
#define MINUTES_GAP       12.0
#define STEP_GAP          16.0
#define TITLE_DETAILS_GAP  4.0
#define PARAGRAPH_GAP      6.0

typedef enum
{
  STYLE_TITLE,
  STYLE_PURPOSE,
  STYLE_META,
  STYLE_STEP_TITLE,
  STYLE_MINUTES,
  STYLE_DETAILS,
  STYLE_FOOTER,
} Style;

static const struct
{
  double   size;          /* points */
  gboolean bold;
  double   gray;          /* 0 = black */
  double   line_spacing;  /* factor; 0 = the font's own */
} styles[] = {
  [STYLE_TITLE]      = { 22.0, TRUE,  0.10, 0.0 },
  [STYLE_PURPOSE]    = { 11.5, FALSE, 0.25, 1.2 },
  [STYLE_META]       = {  9.5, FALSE, 0.40, 0.0 },
  [STYLE_STEP_TITLE] = { 12.5, TRUE,  0.10, 0.0 },
  [STYLE_MINUTES]    = { 10.0, FALSE, 0.40, 0.0 },
  [STYLE_DETAILS]    = { 10.5, FALSE, 0.15, 1.2 },
  [STYLE_FOOTER]     = {  8.5, FALSE, 0.45, 0.0 },
};

typedef enum
{
  BLOCK_TEXT,
  BLOCK_CHECK_BOX,
  BLOCK_RULE,
} BlockKind;

/* What a page shows, in points from its top left corner. Text is kept as
 * text, not as a measured PangoLayout, so that each cairo_t the page is
 * drawn on lays it out with its own context. A piece of a split paragraph
 * starts at a line start, so it wraps on the same lines again. */
typedef struct
{
  BlockKind  kind;
  Style      style;
  char      *text;
  double     x;
  double     y;
  double     width;   /* text wraps at it; 0 = no wrapping */
} Block;

struct _DgHandbookLayout
{
  double     width;
  double     height;
  char      *title;
  GPtrArray *pages;   /* GPtrArray of Block * */
};

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_free (block);
}

static PangoContext *
create_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics, so that lines measured on one surface break the same
   * way on another (the print preview and the printer). */
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
create_text_layout (PangoContext *context,
                    Style         style,
                    const char   *text,
                    double        width)
{
  PangoLayout *layout = pango_layout_new (context);
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
  if (styles[style].line_spacing > 0)
    pango_layout_set_line_spacing (layout, styles[style].line_spacing);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.y + logical.height);
}

static double
first_line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  pango_layout_iter_free (iter);
  return pango_units_to_double (logical.y + logical.height);
}

static double
text_width (PangoContext *context,
            Style         style,
            const char   *text)
{
  g_autoptr(PangoLayout) layout = create_text_layout (context, style, text, 0);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.width);
}

/* Pages are filled from the top; the foot of each page holds the footer. */
typedef struct
{
  DgHandbookLayout *self;
  PangoContext     *context;
  GPtrArray        *page;
  double            y;
} Flow;

static void
flow_new_page (Flow *flow)
{
  flow->page = g_ptr_array_new_with_free_func (block_free);
  g_ptr_array_add (flow->self->pages, flow->page);
  flow->y = MARGIN;
}

static gboolean
flow_at_top (Flow *flow)
{
  return flow->y <= MARGIN;
}

static double
flow_bottom (Flow *flow)
{
  return flow->self->height - MARGIN;
}

static void
flow_add (Flow       *flow,
          BlockKind   kind,
          Style       style,
          const char *text,
          gsize       length,
          double      x,
          double      y,
          double      width)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->style = style;
  if (text != NULL)
    {
      block->text = g_strndup (text, length);
      /* A piece that ends at a line break must not draw an empty line. */
      if (length > 0 && block->text[length - 1] == '\n')
        block->text[length - 1] = '\0';
    }
  block->x = x;
  block->y = y;
  block->width = width;
  g_ptr_array_add (flow->page, block);
}

/* Places @layout (of @text) at the current position, line by line: what
 * does not fit goes on to the next page, so a paragraph longer than a page
 * is split between lines. */
static void
flow_text (Flow        *flow,
           PangoLayout *layout,
           Style        style,
           const char  *text,
           double       x,
           double       width)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int piece_start = 0;
  double piece_top = 0;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double top, bottom;
      gboolean piece_empty = line->start_index <= piece_start;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = pango_units_to_double (logical.y);
      bottom = pango_units_to_double (logical.y + logical.height);

      /* A line taller than a whole page stays where it is: moving it on
       * would not help. */
      if (flow->y + bottom - piece_top > flow_bottom (flow) &&
          (!piece_empty || !flow_at_top (flow)))
        {
          if (!piece_empty)
            flow_add (flow, BLOCK_TEXT, style, text + piece_start,
                      line->start_index - piece_start, x, flow->y, width);
          flow_new_page (flow);
          piece_start = line->start_index;
          piece_top = top;
        }
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  flow_add (flow, BLOCK_TEXT, style, text + piece_start, strlen (text + piece_start),
            x, flow->y, width);
  flow->y += layout_height (layout) - piece_top;
}

static void
flow_paragraphs (Flow       *flow,
                 Style       style,
                 const char *text,
                 double      x,
                 double      width)
{
  g_auto(GStrv) paragraphs = split_paragraphs (text);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = create_text_layout (flow->context, style, paragraphs[i], width);

      if (i > 0 && !flow_at_top (flow))
        flow->y += PARAGRAPH_GAP;
      flow_text (flow, layout, style, paragraphs[i], x, width);
    }
}

static char *
format_day (GDateTime *date)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (date);

  /* Translators: the date a handbook was published or saved, on paper;
   * see g_date_time_format() for the codes, as in "November 28, 2026". */
  return g_date_time_format (local, C_("handbook date", "%B %-d, %Y"));
}

static char *
meta_line (DgHandbook *handbook)
{
  GDateTime *date = dg_handbook_get_date (handbook);
  g_autofree char *day = date != NULL ? format_day (date) : NULL;
  g_autofree char *state = NULL;
  int total = dg_handbook_get_total_minutes (handbook);

  if (dg_handbook_get_published (handbook) && day != NULL)
    /* Translators: on a printed handbook, as in "Version 3, published November 28, 2026". */
    state = g_strdup_printf (_("Version %d, published %s"), dg_handbook_get_version (handbook), day);
  else if (dg_handbook_get_published (handbook))
    state = g_strdup_printf (_("Version %d"), dg_handbook_get_version (handbook));
  else if (day != NULL)
    /* Translators: on a printed handbook not yet published, as in "Draft, saved November 28, 2026". */
    state = g_strdup_printf (_("Draft, saved %s"), day);
  else
    state = g_strdup (_("Draft"));

  if (total > 0)
    {
      g_autofree char *estimate = dg_handbook_format_minutes (total);

      /* Translators: the version line and the estimate of all steps, as in
       * "Version 3, published November 28, 2026 · Estimated time: 1 h 5 min". */
      return g_strdup_printf (_("%s · Estimated time: %s"), state, estimate);
    }
  return g_steal_pointer (&state);
}

static void
flow_header (Flow       *flow,
             DgHandbook *handbook)
{
  double width = flow->self->width - 2 * MARGIN;
  const char *title = dg_handbook_get_title (handbook);
  const char *purpose = dg_handbook_get_purpose (handbook);
  g_autofree char *meta = meta_line (handbook);
  g_autoptr(PangoLayout) title_layout = create_text_layout (flow->context, STYLE_TITLE, title, width);
  g_autoptr(PangoLayout) meta_layout = create_text_layout (flow->context, STYLE_META, meta, width);

  flow_text (flow, title_layout, STYLE_TITLE, title, MARGIN, width);
  if (purpose != NULL && *purpose != '\0')
    {
      flow->y += 8.0;
      flow_paragraphs (flow, STYLE_PURPOSE, purpose, MARGIN, width);
    }
  flow->y += 10.0;
  flow_text (flow, meta_layout, STYLE_META, meta, MARGIN, width);
  flow->y += 10.0;
  flow_add (flow, BLOCK_RULE, STYLE_META, NULL, 0, MARGIN, flow->y, width);
  flow->y += 22.0;
}

static void
flow_step (Flow           *flow,
           DgHandbookStep *step,
           guint           number,
           double          number_width)
{
  double left = MARGIN;
  double right = flow->self->width - MARGIN;
  const char *title = dg_handbook_step_get_title (step);
  gboolean checklist = dg_handbook_step_get_checklist (step);
  int minutes = dg_handbook_step_get_minutes (step);
  g_autofree char *label = g_strdup_printf ("%u.", number);
  g_autofree char *estimate = minutes > 0 ? dg_handbook_format_minutes (minutes) : NULL;
  g_autoptr(PangoLayout) estimate_layout = NULL;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) first_layout = NULL;
  g_auto(GStrv) paragraphs = split_paragraphs (dg_handbook_step_get_details (step));
  double title_x = left + number_width + (checklist ? BOX_COLUMN : 0);
  double title_width = right - title_x;
  double details_x = left + number_width;
  double details_width = right - details_x;
  double estimate_width = 0;
  double needed, gap, baseline;

  if (estimate != NULL)
    {
      estimate_layout = create_text_layout (flow->context, STYLE_MINUTES, estimate, 0);
      estimate_width = text_width (flow->context, STYLE_MINUTES, estimate);
      title_width -= estimate_width + MINUTES_GAP;
    }
  title_layout = create_text_layout (flow->context, STYLE_STEP_TITLE, title, title_width);

  /* A title alone at the foot of a page, its details overleaf, is easy to
   * miss: the step moves on unless its first line of details fits too. */
  needed = layout_height (title_layout);
  if (paragraphs[0] != NULL)
    {
      first_layout = create_text_layout (flow->context, STYLE_DETAILS, paragraphs[0], details_width);
      needed += TITLE_DETAILS_GAP + first_line_height (first_layout);
    }
  gap = flow_at_top (flow) ? 0 : STEP_GAP;
  if (flow->y + gap + needed > flow_bottom (flow) && !flow_at_top (flow))
    flow_new_page (flow);
  else
    flow->y += gap;

  baseline = pango_units_to_double (pango_layout_get_baseline (title_layout));
  flow_add (flow, BLOCK_TEXT, STYLE_STEP_TITLE, label, strlen (label), left, flow->y, 0);
  if (checklist)
    /* The box sits on the baseline, about as tall as a capital letter. */
    flow_add (flow, BLOCK_CHECK_BOX, STYLE_STEP_TITLE, NULL, 0,
              left + number_width, flow->y + baseline - BOX_SIZE + 0.5, BOX_SIZE);
  if (estimate != NULL)
    {
      double estimate_baseline = pango_units_to_double (pango_layout_get_baseline (estimate_layout));

      flow_add (flow, BLOCK_TEXT, STYLE_MINUTES, estimate, strlen (estimate),
                right - estimate_width, flow->y + baseline - estimate_baseline, 0);
    }
  flow_text (flow, title_layout, STYLE_STEP_TITLE, title, title_x, title_width);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (i == 0)
        layout = g_steal_pointer (&first_layout);
      else
        layout = create_text_layout (flow->context, STYLE_DETAILS, paragraphs[i], details_width);

      if (!flow_at_top (flow))
        flow->y += i == 0 ? TITLE_DETAILS_GAP : PARAGRAPH_GAP;
      flow_text (flow, layout, STYLE_DETAILS, paragraphs[i], details_x, details_width);
    }
}

DgHandbookLayout *
dg_handbook_layout_new (DgHandbook *handbook,
                        cairo_t    *cr,
                        double      width,
                        double      height)
{
  DgHandbookLayout *self;
  PangoContext *context;
  g_autofree char *widest = NULL;
  GListModel *steps;
  guint n_steps;
  double number_width;
  Flow flow = { 0 };

  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), NULL);
  g_return_val_if_fail (cr != NULL, NULL);
  g_return_val_if_fail (width > 2 * MARGIN && height > 2 * MARGIN, NULL);

  self = g_new0 (DgHandbookLayout, 1);
  self->width = width;
  self->height = height;
  self->title = g_strdup (dg_handbook_get_title (handbook));
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  context = create_context (cr);
  flow.self = self;
  flow.context = context;
  flow_new_page (&flow);
  flow_header (&flow, handbook);

  steps = dg_handbook_get_steps (handbook);
  n_steps = g_list_model_get_n_items (steps);
  /* Digits are equally wide in "Sans", so the last number is the widest. */
  widest = g_strdup_printf ("%u.", MAX (n_steps, 1));
  number_width = text_width (context, STYLE_STEP_TITLE, widest) + NUMBER_GAP;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);

      flow_step (&flow, step, i + 1, number_width);
    }
  g_object_unref (context);

  return self;
}

int
dg_handbook_layout_get_n_pages (DgHandbookLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return (int) layout->pages->len;
}

static void
draw_text (cairo_t      *cr,
           PangoLayout  *layout,
           Style         style,
           double        x,
           double        y)
{
  double gray = styles[style].gray;

  cairo_set_source_rgb (cr, gray, gray, gray);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_footer (DgHandbookLayout *self,
             cairo_t          *cr,
             PangoContext     *context,
             int               page)
{
  double left = MARGIN;
  double width = self->width - 2 * MARGIN;
  double y = self->height - MARGIN + 22.0;
  g_autofree char *number = g_strdup_printf (_("Page %d of %d"), page + 1, (int) self->pages->len);
  double number_width = text_width (context, STYLE_FOOTER, number);
  g_autoptr(PangoLayout) number_layout = create_text_layout (context, STYLE_FOOTER, number, 0);
  g_autoptr(PangoLayout) title_layout = create_text_layout (context, STYLE_FOOTER, self->title,
                                                            width - number_width - 24.0);

  /* The title at the foot tells which handbook a loose page belongs to. */
  pango_layout_set_ellipsize (title_layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (title_layout, TRUE);

  cairo_set_source_rgb (cr, 0.75, 0.75, 0.75);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, left, y - 8.0);
  cairo_line_to (cr, left + width, y - 8.0);
  cairo_stroke (cr);

  draw_text (cr, title_layout, STYLE_FOOTER, left, y);
  draw_text (cr, number_layout, STYLE_FOOTER, left + width - number_width, y);
}

void
dg_handbook_layout_draw_page (DgHandbookLayout *layout,
                              cairo_t          *cr,
                              int               page)
{
  PangoContext *context;
  GPtrArray *blocks;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page >= 0 && page < (int) layout->pages->len);

  context = create_context (cr);
  blocks = g_ptr_array_index (layout->pages, page);

  cairo_save (cr);
  for (guint i = 0; i < blocks->len; i++)
    {
      Block *block = g_ptr_array_index (blocks, i);

      switch (block->kind)
        {
        case BLOCK_TEXT:
          {
            g_autoptr(PangoLayout) text = create_text_layout (context, block->style,
                                                              block->text, block->width);

            draw_text (cr, text, block->style, block->x, block->y);
          }
          break;

        case BLOCK_CHECK_BOX:
          cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
          cairo_set_line_width (cr, 0.9);
          cairo_rectangle (cr, block->x, block->y, block->width, block->width);
          cairo_stroke (cr);
          break;

        case BLOCK_RULE:
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cr, 0.75);
          cairo_move_to (cr, block->x, block->y);
          cairo_line_to (cr, block->x + block->width, block->y);
          cairo_stroke (cr);
          break;

        default:
          g_assert_not_reached ();
        }
    }
  draw_footer (layout, cr, context, page);
  cairo_restore (cr);
  g_object_unref (context);
}

void
dg_handbook_layout_free (DgHandbookLayout *layout)
{
  if (layout == NULL)
    return;

  g_ptr_array_unref (layout->pages);
  g_free (layout->title);
  g_free (layout);
}

/* ---- PDF --------------------------------------------------------------- */

#define A4_WIDTH      595.28
#define A4_HEIGHT     841.89
#define LETTER_WIDTH  612.0
#define LETTER_HEIGHT 792.0

/* The paper of the user's LC_PAPER: glibc knows it in millimetres (US
 * Letter is 216 × 279); elsewhere the locale's country decides. */
static void
get_paper_size (double *width,
                double *height)
{
  gboolean letter;

#ifdef __GLIBC__
  /* glibc returns these numbers in the pointer itself. */
  union { const char *string; unsigned int word; } paper_width, paper_height;

  paper_width.string = nl_langinfo (_NL_PAPER_WIDTH);
  paper_height.string = nl_langinfo (_NL_PAPER_HEIGHT);
  letter = paper_width.word == 216 && paper_height.word == 279;
#else
  const char *name = setlocale (LC_PAPER, NULL);

  letter = name != NULL && (strstr (name, "_US") != NULL || strstr (name, "_CA") != NULL);
#endif

  *width = letter ? LETTER_WIDTH : A4_WIDTH;
  *height = letter ? LETTER_HEIGHT : A4_HEIGHT;
}

typedef struct
{
  GOutputStream *stream;
  GError        *error;
} PdfWriter;

static cairo_status_t
write_pdf (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfWriter *writer = closure;

  if (writer->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (writer->stream, data, length, NULL, NULL, &writer->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
dg_handbook_export_pdf (DgHandbook  *handbook,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(DgHandbookLayout) layout = NULL;
  g_autoptr(GError) local_error = NULL;
  PdfWriter writer = { 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  gboolean existed;

  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* Written through GIO rather than cairo_pdf_surface_create(), which only
   * says "error while writing to output stream": GIO names the cause. It
   * also replaces an existing file only once the new one is complete. */
  file = g_file_new_for_path (path);
  existed = g_file_query_exists (file, NULL);
  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the handbook as a PDF: %s"), local_error->message);
      return FALSE;
    }

  get_paper_size (&width, &height);
  writer.stream = G_OUTPUT_STREAM (stream);
  surface = cairo_pdf_surface_create_for_stream (write_pdf, &writer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, dg_handbook_get_title (handbook));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Delegate");
  cr = cairo_create (surface);

  layout = dg_handbook_layout_new (handbook, cr, width, height);
  for (int page = 0; page < dg_handbook_layout_get_n_pages (layout); page++)
    {
      dg_handbook_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (writer.error != NULL || status != CAIRO_STATUS_SUCCESS)
    {
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();

      /* A cancelled close keeps a file that was there as it was; a file
       * that was not there would stay behind half written. */
      g_cancellable_cancel (cancelled);
      g_output_stream_close (G_OUTPUT_STREAM (stream), cancelled, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);

      if (writer.error != NULL)
        g_set_error (error, writer.error->domain, writer.error->code,
                     _("Could not save the handbook as a PDF: %s"), writer.error->message);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("Could not save the handbook as a PDF: %s"), cairo_status_to_string (status));
      g_clear_error (&writer.error);
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not save the handbook as a PDF: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}
