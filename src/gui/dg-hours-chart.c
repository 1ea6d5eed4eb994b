/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-hours-chart"

#include <glib/gi18n.h>

#include "dg-duration.h"
#include "dg-hours-chart.h"

/* Mid tones of the GNOME palette: each reads on the light and on the dark
 * window background, and they stay apart for most kinds of colour
 * blindness in this order (blue, orange, green, purple, yellow, red,
 * brown). "Others" is drawn in the text colour, faded. */
static const char * const palette[] = {
  "#3584e4", "#ff7800", "#2ec27e", "#c061cb", "#e5a50a", "#e01b24", "#986a44",
};

#define PLOT_HEIGHT 200
#define BAR_MAX_WIDTH 48
#define SWATCH_SIZE 12
#define LEGEND_GAP 18
#define SPACING 6

typedef struct
{
  gint64  id;
  char   *name;
  gint64 *minutes;
  gint64  total;
} Series;

/* What is drawn: one part of each bar per assistant with a colour, and one
 * for everybody else. */
typedef struct
{
  char   *name;
  gint64 *minutes;
  int     colour;  /* index into palette; -1 for "Others" */
} Part;

struct _DgHoursChart
{
  GtkWidget  parent_instance;

  GPtrArray *series;  /* Series * */
  GPtrArray *parts;   /* Part *, bottom of the bars first */
  guint      n_weeks;
  GDate      first_week;
  gint64     top_minutes;  /* the top of the hours axis */
  guint      step_hours;   /* between two lines of the axis */
  char      *description;  /* the accessible description */
};

G_DEFINE_FINAL_TYPE (DgHoursChart, dg_hours_chart, GTK_TYPE_WIDGET)

static void
series_free (Series *series)
{
  g_free (series->name);
  g_free (series->minutes);
  g_free (series);
}

static void
part_free (Part *part)
{
  g_free (part->name);
  g_free (part->minutes);
  g_free (part);
}

static GDate
week_date (DgHoursChart *self,
           guint         week)
{
  GDate date = self->first_week;

  g_date_add_days (&date, week * 7);
  return date;
}

/* "2 Nov": short enough for eight under a narrow chart. */
static char *
format_week (DgHoursChart *self,
             guint         week)
{
  GDate date = week_date (self, week);
  g_autoptr(GDateTime) time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                                                   g_date_get_day (&date), 0, 0, 0);

  /* Translators: a week in the hours chart, by its first day: "2 Nov".
   * See the g_date_time_format() documentation. */
  return g_date_time_format (time, _("%-d %b"));
}

static int
compare_by_total (gconstpointer a,
                  gconstpointer b)
{
  const Series *first = *(const Series **) a;
  const Series *second = *(const Series **) b;

  return (first->total < second->total) - (first->total > second->total);
}

/* The assistants with most hours get the colours, in the order given (by
 * name), so that the legend reads like the list of assistants. */
static void
make_parts (DgHoursChart *self)
{
  g_autoptr(GPtrArray) by_total = g_ptr_array_new ();
  g_autoptr(GHashTable) coloured = g_hash_table_new (NULL, NULL);
  guint n_colours;
  Part *others = NULL;
  guint n_others = 0;
  gint64 top = 0;

  g_ptr_array_set_size (self->parts, 0);
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);

      if (series->total > 0)
        g_ptr_array_add (by_total, series);
    }
  g_ptr_array_sort (by_total, compare_by_total);

  /* With more assistants than colours, the last colour's place goes to
   * "Others". */
  n_colours = by_total->len <= G_N_ELEMENTS (palette) ? by_total->len : G_N_ELEMENTS (palette) - 1;
  for (guint i = 0; i < n_colours; i++)
    g_hash_table_add (coloured, g_ptr_array_index (by_total, i));

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);
      Part *part;

      if (series->total == 0)
        continue;
      if (!g_hash_table_contains (coloured, series))
        {
          if (others == NULL)
            {
              others = g_new0 (Part, 1);
              others->minutes = g_new0 (gint64, self->n_weeks);
              others->colour = -1;
            }
          for (guint week = 0; week < self->n_weeks; week++)
            others->minutes[week] += series->minutes[week];
          n_others++;
          continue;
        }
      part = g_new0 (Part, 1);
      part->name = g_strdup (series->name);
      part->minutes = g_memdup2 (series->minutes, sizeof (gint64) * self->n_weeks);
      part->colour = self->parts->len;
      g_ptr_array_add (self->parts, part);
    }
  if (others != NULL)
    {
      others->name = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Other", "%u Others", n_others),
                                      n_others);
      g_ptr_array_add (self->parts, others);
    }

  for (guint week = 0; week < self->n_weeks; week++)
    {
      gint64 sum = 0;

      for (guint i = 0; i < self->parts->len; i++)
        sum += ((Part *) g_ptr_array_index (self->parts, i))->minutes[week];
      top = MAX (top, sum);
    }

  /* Four or five lines at round numbers of hours. */
  {
    static const guint steps[] = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 };
    gint64 top_hours = (top + 59) / 60;
    guint step = steps[G_N_ELEMENTS (steps) - 1];

    for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
      if (top_hours <= (gint64) steps[i] * 5)
        {
          step = steps[i];
          break;
        }
    self->step_hours = step;
    self->top_minutes = MAX ((top_hours + step - 1) / step, 1) * step * 60;
  }
}

static void
update_description (DgHoursChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_clear_pointer (&self->description, g_free);
  if (self->n_weeks == 0)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  from = format_week (self, 0);
  to = format_week (self, self->n_weeks - 1);
  /* Translators: the first sentence of the chart's description for screen
   * readers; the weeks by their first days, "5 Oct" */
  g_string_append_printf (text, _("Hours per week, from the week of %s to the week of %s."), from, to);
  if (self->parts->len == 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, _("No hours in these weeks."));
    }

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autoptr(GString) weeks = g_string_new (NULL);
      g_autofree char *total_text = NULL;
      gint64 total = 0;

      for (guint week = 0; week < self->n_weeks; week++)
        {
          g_autofree char *date = NULL;
          g_autofree char *hours = NULL;

          if (part->minutes[week] == 0)
            continue;
          total += part->minutes[week];
          date = format_week (self, week);
          hours = dg_duration_format_hours (part->minutes[week]);
          if (weeks->len > 0)
            g_string_append (weeks, ", ");
          /* Translators: one week's hours in the chart's description: "5 Oct: 4 h" */
          g_string_append_printf (weeks, _("%s: %s"), date, hours);
        }
      total_text = dg_duration_format_hours (total);
      g_string_append_c (text, ' ');
      /* Translators: an assistant's hours in the chart's description:
       * "Ana Lima: 12.5 h in total (5 Oct: 4 h, 12 Oct: 8.5 h)." */
      g_string_append_printf (text, _("%s: %s in total (%s)."), part->name, total_text, weeks->str);
    }

  self->description = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

void
dg_hours_chart_set_data (DgHoursChart *self,
                         GPtrArray    *hours,
                         const GDate  *first_week,
                         guint         n_weeks)
{
  g_return_if_fail (DG_IS_HOURS_CHART (self));
  g_return_if_fail (hours != NULL);
  g_return_if_fail (first_week != NULL && g_date_valid (first_week));

  g_ptr_array_set_size (self->series, 0);
  self->n_weeks = n_weeks;
  self->first_week = *first_week;
  for (guint i = 0; i < hours->len; i++)
    {
      const DgAssistantHours *item = g_ptr_array_index (hours, i);
      Series *series = g_new0 (Series, 1);

      g_return_if_fail (item->n_weeks == n_weeks);
      series->id = item->assistant_id;
      series->name = g_strdup (item->name);
      series->minutes = g_memdup2 (item->minutes, sizeof (gint64) * n_weeks);
      for (guint week = 0; week < n_weeks; week++)
        series->total += item->minutes[week];
      g_ptr_array_add (self->series, series);
    }

  make_parts (self);
  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
dg_hours_chart_get_n_weeks (DgHoursChart *self)
{
  g_return_val_if_fail (DG_IS_HOURS_CHART (self), 0);

  return self->n_weeks;
}

guint
dg_hours_chart_get_n_series (DgHoursChart *self)
{
  g_return_val_if_fail (DG_IS_HOURS_CHART (self), 0);

  return self->series->len;
}

gint64
dg_hours_chart_get_series_id (DgHoursChart *self,
                              guint         series)
{
  g_return_val_if_fail (DG_IS_HOURS_CHART (self), 0);
  g_return_val_if_fail (series < self->series->len, 0);

  return ((Series *) g_ptr_array_index (self->series, series))->id;
}

const char *
dg_hours_chart_get_series_name (DgHoursChart *self,
                                guint         series)
{
  g_return_val_if_fail (DG_IS_HOURS_CHART (self), NULL);
  g_return_val_if_fail (series < self->series->len, NULL);

  return ((Series *) g_ptr_array_index (self->series, series))->name;
}

gint64
dg_hours_chart_get_minutes (DgHoursChart *self,
                            guint         series,
                            guint         week)
{
  g_return_val_if_fail (DG_IS_HOURS_CHART (self), 0);
  g_return_val_if_fail (series < self->series->len, 0);
  g_return_val_if_fail (week < self->n_weeks, 0);

  return ((Series *) g_ptr_array_index (self->series, series))->minutes[week];
}

const char *
dg_hours_chart_get_description (DgHoursChart *self)
{
  g_return_val_if_fail (DG_IS_HOURS_CHART (self), NULL);

  return self->description;
}

gboolean
dg_hours_chart_is_empty (DgHoursChart *self)
{
  g_return_val_if_fail (DG_IS_HOURS_CHART (self), TRUE);

  return self->parts->len == 0;
}

/* ---- drawing -------------------------------------------------------------- */

static PangoLayout *
create_small_layout (GtkWidget  *widget,
                     const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attributes);
  return layout;
}

static int
line_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = create_small_layout (widget, "0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static char *
format_axis_hours (guint hours)
{
  /* Translators: a label of the chart's hours axis, "10 h" */
  return g_strdup_printf (_("%u h"), hours);
}

static int
axis_width (DgHoursChart *self)
{
  g_autofree char *text = format_axis_hours (self->top_minutes / 60);
  g_autoptr(PangoLayout) layout = create_small_layout (GTK_WIDGET (self), text);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width + 2 * SPACING;
}

/* Lays the legend out in lines within @width; fills @positions (x, y per
 * part) when given, returns the height. */
static int
layout_legend (DgHoursChart *self,
               int           width,
               int          *positions)
{
  int x = 0, y = 0;
  int row_height = MAX (line_height (GTK_WIDGET (self)), SWATCH_SIZE);

  if (self->parts->len == 0)
    return 0;

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autoptr(PangoLayout) layout = create_small_layout (GTK_WIDGET (self), part->name);
      int text_width, item_width;

      pango_layout_get_pixel_size (layout, &text_width, NULL);
      item_width = SWATCH_SIZE + SPACING + text_width;
      if (x > 0 && x + item_width > width)
        {
          x = 0;
          y += row_height + SPACING;
        }
      if (positions != NULL)
        {
          positions[2 * i] = x;
          positions[2 * i + 1] = y;
        }
      x += item_width + LEGEND_GAP;
    }
  return y + row_height;
}

/* Above the plot, room for the totals over the bars; below it, the week
 * labels, then the legend. */
static int
plot_top (DgHoursChart *self)
{
  return line_height (GTK_WIDGET (self)) + SPACING;
}

static int
legend_top (DgHoursChart *self)
{
  return plot_top (self) + PLOT_HEIGHT + SPACING + line_height (GTK_WIDGET (self)) + 3 * SPACING;
}

static GtkSizeRequestMode
dg_hours_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dg_hours_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  DgHoursChart *self = DG_HOURS_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow enough for a window of 360 pixels. */
      *minimum = 240;
      *natural = 600;
      return;
    }

  *minimum = *natural = legend_top (self) + layout_legend (self, for_size < 0 ? 600 : for_size, NULL);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               float          x,
               float          y,
               const GdkRGBA *colour)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
part_colour (Part          *part,
             const GdkRGBA *foreground,
             GdkRGBA       *out_colour)
{
  if (part->colour >= 0)
    {
      gdk_rgba_parse (out_colour, palette[part->colour]);
      return;
    }
  *out_colour = *foreground;
  out_colour->alpha *= 0.45f;
}

static void
dg_hours_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  DgHoursChart *self = DG_HOURS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int text_height = line_height (widget);
  int plot_x = axis_width (self);
  int plot_y = plot_top (self);
  int plot_width = width - plot_x;
  float slot, bar_width;
  g_autofree int *positions = NULL;
  GdkRGBA foreground, grid, baseline, dim;
  guint label_every = 1;

  if (self->n_weeks == 0 || plot_width <= 0)
    return;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  grid = baseline = dim = foreground;
  grid.alpha *= 0.12f;
  baseline.alpha *= 0.4f;
  dim.alpha *= 0.7f;

  /* The hours axis: a line and a label at each step. */
  for (guint hours = 0; hours * 60 <= (guint) self->top_minutes; hours += self->step_hours)
    {
      float y = plot_y + PLOT_HEIGHT - (float) hours * 60 / self->top_minutes * PLOT_HEIGHT;
      g_autofree char *text = format_axis_hours (hours);
      g_autoptr(PangoLayout) layout = create_small_layout (widget, text);
      int text_width;

      gtk_snapshot_append_color (snapshot, hours == 0 ? &baseline : &grid,
                                 &GRAPHENE_RECT_INIT (plot_x, y - 0.5f, plot_width, 1));
      pango_layout_get_pixel_size (layout, &text_width, NULL);
      append_layout (snapshot, layout, plot_x - SPACING - text_width, y - text_height / 2.0f, &dim);
    }

  slot = (float) plot_width / self->n_weeks;
  bar_width = MIN (slot * 0.6f, BAR_MAX_WIDTH);

  /* Week labels that would touch are thinned out: every second one. */
  {
    g_autofree char *text = format_week (self, 0);
    g_autoptr(PangoLayout) layout = create_small_layout (widget, text);
    int text_width;

    pango_layout_get_pixel_size (layout, &text_width, NULL);
    while (label_every < self->n_weeks && text_width + SPACING > slot * label_every)
      label_every++;
  }

  for (guint week = 0; week < self->n_weeks; week++)
    {
      float x = plot_x + slot * week + (slot - bar_width) / 2;
      float bottom = plot_y + PLOT_HEIGHT;
      float y = bottom;
      gint64 sum = 0;

      for (guint i = 0; i < self->parts->len; i++)
        sum += ((Part *) g_ptr_array_index (self->parts, i))->minutes[week];

      if (sum > 0)
        {
          float bar_height = (float) sum / self->top_minutes * PLOT_HEIGHT;
          GskRoundedRect outline;
          g_autofree char *total = dg_duration_format_hours (sum);
          g_autoptr(PangoLayout) layout = create_small_layout (widget, total);
          int total_width;

          /* Round at the top only: the bar stands on the axis. */
          gsk_rounded_rect_init (&outline,
                                 &GRAPHENE_RECT_INIT (x, bottom - bar_height, bar_width, bar_height),
                                 &GRAPHENE_SIZE_INIT (4, 4), &GRAPHENE_SIZE_INIT (4, 4),
                                 &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0));
          gtk_snapshot_push_rounded_clip (snapshot, &outline);
          for (guint i = 0; i < self->parts->len; i++)
            {
              Part *part = g_ptr_array_index (self->parts, i);
              float height = (float) part->minutes[week] / self->top_minutes * PLOT_HEIGHT;
              GdkRGBA colour;

              if (part->minutes[week] == 0)
                continue;
              part_colour (part, &foreground, &colour);
              /* A thin gap of background keeps two parts apart. */
              gtk_snapshot_append_color (snapshot, &colour,
                                         &GRAPHENE_RECT_INIT (x, y - height, bar_width,
                                                              MAX (height - 1, 1)));
              y -= height;
            }
          gtk_snapshot_pop (snapshot);

          /* The week's total over its bar, where it fits. */
          pango_layout_get_pixel_size (layout, &total_width, NULL);
          if (total_width <= slot)
            append_layout (snapshot, layout, x + bar_width / 2 - total_width / 2.0f,
                           bottom - bar_height - SPACING / 2.0f - text_height, &dim);
        }

      if ((self->n_weeks - 1 - week) % label_every == 0)
        {
          g_autofree char *text = format_week (self, week);
          g_autoptr(PangoLayout) layout = create_small_layout (widget, text);
          int text_width;

          pango_layout_get_pixel_size (layout, &text_width, NULL);
          append_layout (snapshot, layout, x + bar_width / 2 - text_width / 2.0f,
                         bottom + SPACING, &dim);
        }
    }

  /* The legend: a swatch and a name per part. */
  positions = g_new0 (int, 2 * MAX (self->parts->len, 1));
  layout_legend (self, width, positions);
  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autoptr(PangoLayout) layout = create_small_layout (widget, part->name);
      float x = positions[2 * i];
      float y = legend_top (self) + positions[2 * i + 1];
      int row_height = MAX (text_height, SWATCH_SIZE);
      GskRoundedRect swatch;
      GdkRGBA colour;

      part_colour (part, &foreground, &colour);
      gsk_rounded_rect_init_from_rect (&swatch,
                                       &GRAPHENE_RECT_INIT (x, y + (row_height - SWATCH_SIZE) / 2.0f,
                                                            SWATCH_SIZE, SWATCH_SIZE),
                                       3);
      gtk_snapshot_push_rounded_clip (snapshot, &swatch);
      gtk_snapshot_append_color (snapshot, &colour, &swatch.bounds);
      gtk_snapshot_pop (snapshot);
      append_layout (snapshot, layout, x + SWATCH_SIZE + SPACING,
                     y + (row_height - text_height) / 2.0f, &foreground);
    }
}

/* The text colour and the font come from the style: draw again when it
 * changes (light ↔ dark, a larger font). */
static void
dg_hours_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (dg_hours_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
dg_hours_chart_finalize (GObject *object)
{
  DgHoursChart *self = DG_HOURS_CHART (object);

  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->parts, g_ptr_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (dg_hours_chart_parent_class)->finalize (object);
}

static void
dg_hours_chart_class_init (DgHoursChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dg_hours_chart_finalize;
  widget_class->get_request_mode = dg_hours_chart_get_request_mode;
  widget_class->measure = dg_hours_chart_measure;
  widget_class->snapshot = dg_hours_chart_snapshot;
  widget_class->css_changed = dg_hours_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "hourschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dg_hours_chart_init (DgHoursChart *self)
{
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  g_date_clear (&self->first_week, 1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hours per assistant"),
                                  -1);
}

GtkWidget *
dg_hours_chart_new (void)
{
  return g_object_new (DG_TYPE_HOURS_CHART, NULL);
}
