/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-time-grid-dialog"

#include <glib/gi18n.h>

#include "dg-duration.h"
#include "dg-form-row.h"
#include "dg-task-private.h"
#include "dg-time-grid-dialog.h"

#define N_DAYS 7
/* A cell holds one task's hours of one day. */
#define MAX_CELL_SECONDS (24 * 3600)

typedef struct
{
  DgTimeGridDialog        *self;
  guint                    row;
  guint                    day;
  GtkEntry                *entry;
  GtkLabel                *other_label;
  GtkEventControllerFocus *focus;
  gboolean                 removed;  /* of a grid built before */
} Cell;

struct _DgTimeGridDialog
{
  AdwWindow           parent_instance;

  DgTimesheetStore   *store;
  DgAssistantStore   *assistants;
  GListModel         *active_assistants;
  gint64              assistant_id;
  GDate               week_start;
  gulong              changed_id;
  guint               rebuild_id;
  gboolean            committing;  /* our own change: the store's "changed" is ours */
  gboolean            closing;     /* focus leaves cells as the window goes */
  gboolean            ready;       /* constructed: the assistant and week are set */
  char               *unsaved_warned;  /* the unsaved cells a refused close named */

  /* What the grid shows: DgTimesheetGridRow * of the store, the cells
   * (row × N_DAYS + day) and the total labels. */
  GPtrArray          *rows;
  GPtrArray          *cells;
  GPtrArray          *row_totals;
  GtkLabel           *day_totals[N_DAYS];
  GtkLabel           *week_total;

  AdwWindowTitle     *window_title;
  GtkDropDown        *assistant_dropdown;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkGrid            *grid;
  GtkLabel           *cell_error_label;
};

G_DEFINE_FINAL_TYPE (DgTimeGridDialog, dg_time_grid_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ASSISTANTS,
  PROP_ASSISTANT_ID,
  PROP_WEEK_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (DgTimeGridDialog *self);

/* ---- helpers -------------------------------------------------------------- */

static void
show_error (DgTimeGridDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static DgAssistant *
current_assistant (DgTimeGridDialog *self)
{
  return self->assistant_id != 0 ? dg_assistant_store_find (self->assistants, self->assistant_id) : NULL;
}

static GTimeZone *
assistant_zone (DgTimeGridDialog *self)
{
  DgAssistant *assistant = current_assistant (self);
  GTimeZone *zone = NULL;

  if (assistant != NULL)
    zone = _dg_task_lookup_zone (dg_assistant_get_time_zone (assistant));
  return zone != NULL ? zone : g_time_zone_new_local ();
}

static void
day_of_week (DgTimeGridDialog *self,
             guint             day,
             GDate            *out_date)
{
  *out_date = self->week_start;
  g_date_add_days (out_date, day);
}

/* Noon in UTC on @date, to format a calendar day with GDateTime. */
static GDateTime *
date_time_of (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date), 12, 0, 0);
}

static char *
format_day (const GDate *date,
            const char  *format)
{
  g_autoptr(GDateTime) date_time = date_time_of (date);

  return g_date_time_format (date_time, format);
}

static char *
format_minutes_or_empty (gint64 minutes)
{
  return minutes > 0 ? dg_duration_format_minutes (minutes) : g_strdup ("");
}

static Cell *
cell_at (DgTimeGridDialog *self,
         guint             row,
         guint             day)
{
  guint index = row * N_DAYS + day;

  return index < self->cells->len ? g_ptr_array_index (self->cells, index) : NULL;
}

static DgTimesheetGridRow *
row_of (Cell *cell)
{
  return g_ptr_array_index (cell->self->rows, cell->row);
}

/* The cell holding the keyboard focus (its GtkText, inside the entry). */
static Cell *
focused_cell (DgTimeGridDialog *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *entry = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;
  Cell *cell = entry != NULL ? g_object_get_data (G_OBJECT (entry), "dg-cell") : NULL;

  return cell != NULL && !cell->removed ? cell : NULL;
}

/* The cells marked because their text could not be saved: how many, the
 * first, and in @signature which cells hold which text, so that a second
 * close can tell whether the owner was told about these. */
static guint
find_unsaved_cells (DgTimeGridDialog  *self,
                    Cell             **out_first,
                    GString           *signature)
{
  guint n = 0;

  *out_first = NULL;
  g_string_append_printf (signature, "%" G_GINT64_FORMAT " %u\n", self->assistant_id,
                          g_date_valid (&self->week_start) ? g_date_get_julian (&self->week_start) : 0);
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);

      if (dg_form_row_get_error (GTK_WIDGET (cell->entry)) == NULL)
        continue;
      if (n++ == 0)
        *out_first = cell;
      g_string_append_printf (signature, "%u %u %s\n", cell->row, cell->day,
                              gtk_editable_get_text (GTK_EDITABLE (cell->entry)));
    }
  return n;
}

/* ---- totals and values ---------------------------------------------------- */

static void
update_totals (DgTimeGridDialog *self)
{
  gint64 days[N_DAYS] = { 0 };
  gint64 week = 0;

  for (guint r = 0; r < self->rows->len; r++)
    {
      DgTimesheetGridRow *row = g_ptr_array_index (self->rows, r);
      gint64 total = 0;
      g_autofree char *text = NULL;

      for (guint d = 0; d < N_DAYS; d++)
        {
          total += row->editable[d] + row->other[d];
          days[d] += row->editable[d] + row->other[d];
        }
      week += total;
      text = format_minutes_or_empty (total);
      gtk_label_set_text (g_ptr_array_index (self->row_totals, r), text);
    }

  for (guint d = 0; d < N_DAYS; d++)
    {
      g_autofree char *text = dg_duration_format_minutes (days[d]);

      gtk_label_set_text (self->day_totals[d], text);
      /* The days with hours stand out. */
      if (days[d] == 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->day_totals[d]), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->day_totals[d]), "dim-label");
    }
  {
    g_autofree char *text = dg_duration_format_minutes (week);

    gtk_label_set_text (self->week_total, text);
  }
}

/* Shows what the store holds for @cell; a cell being typed into or holding
 * text that could not be saved keeps its text unless @force. */
static void
show_cell_value (Cell     *cell,
                 gboolean  force)
{
  DgTimesheetGridRow *row = row_of (cell);
  gint64 other = row->other[cell->day];

  if (force || (dg_form_row_get_error (GTK_WIDGET (cell->entry)) == NULL &&
                !gtk_event_controller_focus_contains_focus (cell->focus)))
    {
      g_autofree char *text = format_minutes_or_empty (row->editable[cell->day]);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell->entry)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (cell->entry), text);
    }

  gtk_widget_set_visible (GTK_WIDGET (cell->other_label), other > 0);
  if (other > 0)
    {
      g_autofree char *duration = dg_duration_format_minutes (other);
      /* Translators: hours beside a grid cell that come from an import
       * or are approved already, "+1:00" */
      g_autofree char *text = g_strdup_printf (_("+%s"), duration);
      /* Translators: the tooltip of "+1:00" beside a grid cell */
      g_autofree char *tooltip = g_strdup_printf (_("%s more from imports or approved hours; change those on the Timesheets page."),
                                                  duration);

      gtk_label_set_text (cell->other_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell->other_label), tooltip);
    }
}

static gboolean
same_tasks (GPtrArray *a,
            GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (((DgTimesheetGridRow *) g_ptr_array_index (a, i))->task_id !=
        ((DgTimesheetGridRow *) g_ptr_array_index (b, i))->task_id)
      return FALSE;
  return TRUE;
}

static gboolean
on_rebuild_idle (gpointer user_data)
{
  DgTimeGridDialog *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Reads the week again. The same tasks: the cells are updated where they
 * are, so that the focus stays. Other tasks (a cancelled task whose last
 * hours were removed leaves the grid): built again, later, as this may run
 * while the focus moves between cells. */
static void
refresh (DgTimeGridDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  if (self->assistant_id == 0 || self->rows == NULL)
    return;
  rows = dg_timesheet_store_get_grid (self->store, self->assistant_id, &self->week_start, &error);
  if (rows == NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (!same_tasks (self->rows, rows))
    {
      if (self->rebuild_id == 0)
        self->rebuild_id = g_idle_add (on_rebuild_idle, self);
      return;
    }

  g_ptr_array_unref (self->rows);
  self->rows = g_steal_pointer (&rows);
  for (guint i = 0; i < self->cells->len; i++)
    show_cell_value (g_ptr_array_index (self->cells, i), FALSE);
  update_totals (self);
}

static void
on_store_changed (DgTimeGridDialog *self)
{
  if (!self->committing)
    refresh (self);
}

/* ---- committing a cell ---------------------------------------------------- */

static char *
describe_cell (Cell *cell)
{
  GDate date;
  g_autofree char *day = NULL;

  day_of_week (cell->self, cell->day, &date);
  /* Translators: a day of the hours grid, for screen readers and error
   * messages: "Monday 2 March"; see g_date_time_format() */
  day = format_day (&date, _("%A %-d %B"));
  /* Translators: a cell of the hours grid: the task's title, then the day,
   * "Weekly report, Monday 2 March" */
  return g_strdup_printf (_("%s, %s"), row_of (cell)->title, day);
}

static void
mark_cell (Cell         *cell,
           const GError *error)
{
  g_autoptr(GError) named = NULL;

  if (error != NULL)
    {
      g_autofree char *where = describe_cell (cell);

      /* Translators: an error of a grid cell: where, then what is wrong,
       * "Weekly report, Monday 2 March: “abc” is not a duration." */
      named = g_error_new (error->domain, error->code, _("%s: %s"), where, error->message);
    }
  dg_form_row_set_error (GTK_WIDGET (cell->entry), cell->self->cell_error_label, named);
}

/* Saves what @cell holds when it changed. Returns FALSE when its text is
 * not a duration or the store refused it: then the cell says why and
 * keeps the text for the owner to correct. */
static gboolean
commit_cell (Cell *cell)
{
  DgTimeGridDialog *self = cell->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell->entry))));
  g_autofree char *formatted = NULL;
  gint64 seconds = 0;
  gint64 minutes = 0;
  guint day = cell->day;
  GDate date;
  gboolean saved;

  /* The focus may leave a cell of the last grid when the grid is built
   * again: that cell belongs to another week or assistant. */
  if (self->closing || cell->removed)
    return TRUE;

  if (*text != '\0')
    {
      if (!dg_duration_parse (text, MAX_CELL_SECONDS, &seconds, &error))
        {
          mark_cell (cell, error);
          return FALSE;
        }
      minutes = dg_duration_seconds_to_minutes (seconds);
    }

  if (minutes != row_of (cell)->editable[day])
    {
      day_of_week (self, day, &date);
      self->committing = TRUE;
      saved = dg_timesheet_store_set_grid_cell (self->store, self->assistant_id, row_of (cell)->task_id,
                                                &date, minutes, &error);
      self->committing = FALSE;
      if (!saved)
        {
          mark_cell (cell, error);
          return FALSE;
        }
    }

  mark_cell (cell, NULL);
  /* The close that was refused for unsaved cells: said while any is left. */
  if (self->unsaved_warned != NULL)
    {
      g_autoptr(GString) signature = g_string_new (NULL);
      Cell *first;

      if (find_unsaved_cells (self, &first, signature) == 0)
        {
          g_clear_pointer (&self->unsaved_warned, g_free);
          show_error (self, NULL);
        }
    }
  formatted = format_minutes_or_empty (minutes);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell->entry)), formatted) != 0)
    gtk_editable_set_text (GTK_EDITABLE (cell->entry), formatted);
  /* May rebuild the grid later: @cell is not used after this. */
  refresh (self);
  return TRUE;
}

static void
commit_focused_cell (DgTimeGridDialog *self)
{
  Cell *cell = focused_cell (self);

  if (cell != NULL)
    commit_cell (cell);
}

static void
on_cell_activate (GtkEntry *entry,
                  Cell     *cell)
{
  commit_cell (cell);
}

static void
on_cell_focus_leave (GtkEventControllerFocus *focus,
                     Cell                    *cell)
{
  commit_cell (cell);
}

/* Up and Down move to the same day of the row above or below, as in a
 * spreadsheet; Tab and Shift+Tab move in reading order by themselves. */
static gboolean
on_cell_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     Cell                  *cell)
{
  DgTimeGridDialog *self = cell->self;
  guint row = cell->row;
  guint day = cell->day;
  int step;
  Cell *target;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    step = -1;
  else if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    step = 1;
  else
    return FALSE;

  if ((step < 0 && row == 0) || (step > 0 && row + 1 >= self->rows->len))
    {
      gtk_widget_error_bell (GTK_WIDGET (cell->entry));
      return TRUE;
    }
  /* Saved before the focus moves, so that what moving does to the grid is
   * done with. */
  commit_cell (cell);
  target = cell_at (self, row + step, day);
  if (target != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (target->entry));
  return TRUE;
}

/* ---- building the grid ---------------------------------------------------- */

static GtkWidget *
create_label (const char *text,
              float       xalign,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_day_header (DgTimeGridDialog *self,
                   guint             day,
                   const GDate      *today)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GDate date;
  g_autofree char *weekday = NULL;
  g_autofree char *short_date = NULL;
  GtkWidget *weekday_label;

  day_of_week (self, day, &date);
  /* Translators: the weekday over a column of the hours grid, "Mon"; see g_date_time_format() */
  weekday = format_day (&date, _("%a"));
  /* Translators: the date under the weekday of the hours grid, "2 Mar"; see g_date_time_format() */
  short_date = format_day (&date, _("%-d %b"));
  weekday_label = create_label (weekday, 0.5, "heading");
  if (g_date_compare (&date, today) == 0)
    {
      gtk_widget_add_css_class (weekday_label, "accent");
      gtk_widget_set_tooltip_text (box, _("Today"));
    }
  gtk_box_append (GTK_BOX (box), weekday_label);
  gtk_box_append (GTK_BOX (box), create_label (short_date, 0.5, "dim-label"));
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  return box;
}

static GtkWidget *
create_cell (DgTimeGridDialog *self,
             guint             row,
             guint             day)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *other = create_label (NULL, 0.5, "dim-label");
  GtkEventController *key = gtk_event_controller_key_new ();
  g_autofree char *name = g_strdup_printf ("cell_%u_%u", row, day);
  g_autofree char *accessible_label = NULL;

  cell->self = self;
  cell->row = row;
  cell->day = day;
  cell->entry = GTK_ENTRY (entry);
  cell->other_label = GTK_LABEL (other);
  cell->focus = GTK_EVENT_CONTROLLER_FOCUS (gtk_event_controller_focus_new ());
  g_ptr_array_add (self->cells, cell);

  gtk_widget_set_name (entry, name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 6);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 0.5);
  gtk_widget_add_css_class (entry, "numeric");
  /* The entry owns its cell: focus can leave it while the window goes,
   * after the grid's lists are gone. */
  g_object_set_data_full (G_OBJECT (entry), "dg-cell", cell, g_free);
  accessible_label = describe_cell (cell);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  g_signal_connect (entry, "activate", G_CALLBACK (on_cell_activate), cell);
  g_signal_connect (cell->focus, "leave", G_CALLBACK (on_cell_focus_leave), cell);
  gtk_widget_add_controller (entry, GTK_EVENT_CONTROLLER (cell->focus));
  /* Before the text sees the key. */
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_cell_key_pressed), cell);
  gtk_widget_add_controller (entry, key);

  gtk_widget_add_css_class (other, "caption");
  gtk_widget_add_css_class (other, "numeric");
  gtk_widget_set_name (other, "other_hours");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), other);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  return box;
}

static void
clear_grid (DgTimeGridDialog *self)
{
  GtkWidget *child;

  /* The cells leave the list of messages under the grid with their
   * marks. */
  if (self->cells != NULL)
    for (guint i = 0; i < self->cells->len; i++)
      {
        Cell *cell = g_ptr_array_index (self->cells, i);

        mark_cell (cell, NULL);
        cell->removed = TRUE;
      }
  /* Taken away first, so that no handler finds a cell half gone. */
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_totals, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
update_title (DgTimeGridDialog *self)
{
  GDate last;
  /* Translators: the first day of the week in the hours grid's subtitle, "2 March"; see g_date_time_format() */
  g_autofree char *first_text = format_day (&self->week_start, _("%-d %B"));
  g_autofree char *last_text = NULL;
  g_autofree char *subtitle = NULL;
  DgAssistant *assistant = current_assistant (self);

  day_of_week (self, N_DAYS - 1, &last);
  /* Translators: the last day of the week in the hours grid's subtitle, "8 March 2026"; see g_date_time_format() */
  last_text = format_day (&last, _("%-d %B %Y"));
  if (assistant != NULL)
    /* Translators: the hours grid's subtitle: the assistant, then the week, "Maria Santos · 2 March – 8 March 2026" */
    subtitle = g_strdup_printf (_("%s · %s – %s"), dg_assistant_get_name (assistant), first_text, last_text);
  else
    /* Translators: the week in the hours grid's subtitle, "2 March – 8 March 2026" */
    subtitle = g_strdup_printf (_("%s – %s"), first_text, last_text);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
rebuild (DgTimeGridDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  Cell *focused = focused_cell (self);
  gint64 focus_task = -1;
  guint focus_row = 0;
  guint focus_day = 0;
  Cell *refocus = NULL;
  GDate today;
  guint last_row;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (focused != NULL)
    {
      focus_task = row_of (focused)->task_id;
      focus_row = focused->row;
      focus_day = focused->day;
    }

  clear_grid (self);
  update_title (self);
  g_clear_pointer (&self->unsaved_warned, g_free);
  show_error (self, NULL);
  gtk_stack_set_visible_child_name (self->stack, self->assistant_id != 0 ? "grid" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.previous-week", self->assistant_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.next-week", self->assistant_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.this-week", self->assistant_id != 0);
  if (self->assistant_id == 0)
    return;

  rows = dg_timesheet_store_get_grid (self->store, self->assistant_id, &self->week_start, &error);
  if (rows == NULL)
    {
      show_error (self, error->message);
      return;
    }
  self->rows = g_steal_pointer (&rows);
  self->cells = g_ptr_array_new ();
  self->row_totals = g_ptr_array_new ();

  zone = assistant_zone (self);
  now = g_date_time_new_now (zone);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));

  gtk_grid_attach (self->grid, create_label (_("Task"), 0, "heading"), 0, 0, 1, 1);
  gtk_widget_set_valign (gtk_grid_get_child_at (self->grid, 0, 0), GTK_ALIGN_END);
  for (guint d = 0; d < N_DAYS; d++)
    gtk_grid_attach (self->grid, create_day_header (self, d, &today), 1 + d, 0, 1, 1);
  gtk_grid_attach (self->grid, create_label (_("Total"), 1, "heading"), 1 + N_DAYS, 0, 1, 1);
  gtk_widget_set_valign (gtk_grid_get_child_at (self->grid, 1 + N_DAYS, 0), GTK_ALIGN_END);

  for (guint r = 0; r < self->rows->len; r++)
    {
      DgTimesheetGridRow *row = g_ptr_array_index (self->rows, r);
      GtkWidget *title = create_label (row->title, 0, NULL);
      GtkWidget *total = create_label (NULL, 1, "numeric");
      g_autofree char *total_name = g_strdup_printf ("row_total_%u", r);

      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (title), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 28);
      gtk_widget_set_tooltip_text (title, row->title);
      /* Level with the entry, not with the hint under it. */
      gtk_widget_set_valign (title, GTK_ALIGN_START);
      gtk_widget_set_margin_top (title, 8);
      gtk_widget_set_valign (total, GTK_ALIGN_START);
      gtk_widget_set_margin_top (total, 8);
      gtk_widget_set_name (total, total_name);
      gtk_grid_attach (self->grid, title, 0, 1 + r, 1, 1);
      for (guint d = 0; d < N_DAYS; d++)
        gtk_grid_attach (self->grid, create_cell (self, r, d), 1 + d, 1 + r, 1, 1);
      gtk_grid_attach (self->grid, total, 1 + N_DAYS, 1 + r, 1, 1);
      g_ptr_array_add (self->row_totals, total);
    }

  last_row = 1 + self->rows->len;
  gtk_grid_attach (self->grid, create_label (_("Total"), 0, "heading"), 0, last_row, 1, 1);
  for (guint d = 0; d < N_DAYS; d++)
    {
      GtkWidget *label = create_label (NULL, 0.5, "numeric");
      g_autofree char *name = g_strdup_printf ("day_total_%u", d);

      gtk_widget_set_name (label, name);
      gtk_widget_set_margin_top (label, 6);
      gtk_grid_attach (self->grid, label, 1 + d, last_row, 1, 1);
      self->day_totals[d] = GTK_LABEL (label);
    }
  self->week_total = GTK_LABEL (create_label (NULL, 1, "numeric"));
  gtk_widget_set_name (GTK_WIDGET (self->week_total), "week_total");
  gtk_widget_add_css_class (GTK_WIDGET (self->week_total), "heading");
  gtk_widget_set_margin_top (GTK_WIDGET (self->week_total), 6);
  gtk_grid_attach (self->grid, GTK_WIDGET (self->week_total), 1 + N_DAYS, last_row, 1, 1);

  for (guint i = 0; i < self->cells->len; i++)
    show_cell_value (g_ptr_array_index (self->cells, i), TRUE);
  update_totals (self);

  /* The focus stays where it was: on the same task and day, or on the
   * same place when that task has gone. */
  if (focus_task >= 0)
    {
      for (guint r = 0; r < self->rows->len && refocus == NULL; r++)
        if (((DgTimesheetGridRow *) g_ptr_array_index (self->rows, r))->task_id == focus_task)
          refocus = cell_at (self, r, focus_day);
      if (refocus == NULL && self->rows->len > 0)
        refocus = cell_at (self, MIN (focus_row, self->rows->len - 1), focus_day);
      if (refocus != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (refocus->entry));
    }
}

/* ---- week and assistant --------------------------------------------------- */

static void
set_week (DgTimeGridDialog *self,
          const GDate      *day)
{
  GDate start;

  g_date_clear (&start, 1);
  dg_timesheet_week_start_of (day, dg_timesheet_store_get_week_start (self->store), &start);
  self->week_start = start;
}

static void
set_this_week (DgTimeGridDialog *self)
{
  g_autoptr(GTimeZone) zone = assistant_zone (self);
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now), g_date_time_get_year (now));
  set_week (self, &today);
}

static void
on_week_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DgTimeGridDialog *self = DG_TIME_GRID_DIALOG (widget);

  /* A shortcut leaves the focus in the cell: what it holds is saved for
   * the week it was typed in. */
  commit_focused_cell (self);
  if (g_str_equal (action_name, "grid.previous-week"))
    g_date_subtract_days (&self->week_start, N_DAYS);
  else if (g_str_equal (action_name, "grid.next-week"))
    g_date_add_days (&self->week_start, N_DAYS);
  else
    set_this_week (self);
  rebuild (self);
}

static void
on_assistant_dropdown_selected (DgTimeGridDialog *self)
{
  DgAssistant *assistant = gtk_drop_down_get_selected_item (self->assistant_dropdown);
  gint64 id = assistant != NULL ? dg_assistant_get_id (assistant) : 0;

  if (!self->ready || id == self->assistant_id)
    return;
  commit_focused_cell (self);
  self->assistant_id = id;
  rebuild (self);
}

static void
set_up_assistants (DgTimeGridDialog *self)
{
  GtkFilterListModel *active;
  guint selected = 0;
  guint n;

  /* Archived assistants take no new hours. */
  active = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->assistants)),
                                      GTK_FILTER (gtk_bool_filter_new (gtk_property_expression_new (DG_TYPE_ASSISTANT, NULL, "active"))));
  self->active_assistants = G_LIST_MODEL (active);
  n = g_list_model_get_n_items (self->active_assistants);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (self->active_assistants, i);

      if (dg_assistant_get_id (assistant) == self->assistant_id)
        selected = i;
    }

  gtk_drop_down_set_expression (self->assistant_dropdown, gtk_property_expression_new (DG_TYPE_ASSISTANT, NULL, "name"));
  gtk_drop_down_set_model (self->assistant_dropdown, self->active_assistants);
  gtk_drop_down_set_selected (self->assistant_dropdown, n > 0 ? selected : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_visible (GTK_WIDGET (self->assistant_dropdown), n > 0);
  if (n > 0)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (self->active_assistants, selected);

      self->assistant_id = dg_assistant_get_id (assistant);
    }
  else
    {
      self->assistant_id = 0;
    }
}

/* ---- GObject -------------------------------------------------------------- */

static gboolean
dg_time_grid_dialog_close_request (GtkWindow *window)
{
  DgTimeGridDialog *self = DG_TIME_GRID_DIALOG (window);
  g_autoptr(GString) signature = g_string_new (NULL);
  Cell *first;
  guint n_unsaved;

  /* Hours typed into the last cell are kept, as everywhere else in the
   * grid. */
  commit_focused_cell (self);

  /* Text that could not be saved is not dropped without a word: the
   * window stays, on the first such cell, and says why. Closing again
   * with the same cells leaves them out, as the owner has been told. */
  n_unsaved = find_unsaved_cells (self, &first, signature);
  if (n_unsaved > 0 && g_strcmp0 (signature->str, self->unsaved_warned) != 0)
    {
      g_autofree char *message = NULL;

      g_free (self->unsaved_warned);
      self->unsaved_warned = g_string_free (g_steal_pointer (&signature), FALSE);
      /* Translators: closing the hours grid was refused; the message of
       * each marked cell is listed under the grid */
      message = g_strdup_printf (ngettext ("%u marked cell is not saved. Correct it, or close the window again to leave it out.",
                                           "%u marked cells are not saved. Correct them, or close the window again to leave them out.",
                                           n_unsaved),
                                 n_unsaved);
      show_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (first->entry));
      return TRUE;
    }

  self->closing = TRUE;
  return GTK_WINDOW_CLASS (dg_time_grid_dialog_parent_class)->close_request (window);
}

static void
dg_time_grid_dialog_constructed (GObject *object)
{
  DgTimeGridDialog *self = DG_TIME_GRID_DIALOG (object);
  GDate week_start = self->week_start;

  G_OBJECT_CLASS (dg_time_grid_dialog_parent_class)->constructed (object);

  set_up_assistants (self);
  if (g_date_valid (&week_start))
    set_week (self, &week_start);
  else
    set_this_week (self);
  self->changed_id = g_signal_connect_swapped (self->store, "changed", G_CALLBACK (on_store_changed), self);
  self->ready = TRUE;
  rebuild (self);
}

static void
dg_time_grid_dialog_dispose (GObject *object)
{
  DgTimeGridDialog *self = DG_TIME_GRID_DIALOG (object);

  self->closing = TRUE;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TIME_GRID_DIALOG);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_totals, g_ptr_array_unref);
  g_clear_object (&self->active_assistants);
  g_clear_object (&self->assistants);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_time_grid_dialog_parent_class)->dispose (object);
}

static void
dg_time_grid_dialog_finalize (GObject *object)
{
  DgTimeGridDialog *self = DG_TIME_GRID_DIALOG (object);

  g_free (self->unsaved_warned);

  G_OBJECT_CLASS (dg_time_grid_dialog_parent_class)->finalize (object);
}

static void
dg_time_grid_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DgTimeGridDialog *self = DG_TIME_GRID_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ASSISTANTS:
      g_value_set_object (value, self->assistants);
      break;
    case PROP_ASSISTANT_ID:
      g_value_set_int64 (value, self->assistant_id);
      break;
    case PROP_WEEK_START:
      g_value_set_boxed (value, g_date_valid (&self->week_start) ? &self->week_start : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_time_grid_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  DgTimeGridDialog *self = DG_TIME_GRID_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ASSISTANTS:
      self->assistants = g_value_dup_object (value);
      break;
    case PROP_ASSISTANT_ID:
      self->assistant_id = g_value_get_int64 (value);
      break;
    case PROP_WEEK_START:
      if (g_value_get_boxed (value) != NULL)
        self->week_start = *(const GDate *) g_value_get_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_time_grid_dialog_class_init (DgTimeGridDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = dg_time_grid_dialog_constructed;
  object_class->dispose = dg_time_grid_dialog_dispose;
  object_class->finalize = dg_time_grid_dialog_finalize;
  object_class->get_property = dg_time_grid_dialog_get_property;
  object_class->set_property = dg_time_grid_dialog_set_property;
  window_class->close_request = dg_time_grid_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DG_TYPE_TIMESHEET_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSISTANTS] =
    g_param_spec_object ("assistants", NULL, NULL,
                         DG_TYPE_ASSISTANT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The assistant shown; 0 before construction: the first active one. */
  properties[PROP_ASSISTANT_ID] =
    g_param_spec_int64 ("assistant-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The first day of the week shown; before construction any day of the
   * week to show first, or NULL: this week. */
  properties[PROP_WEEK_START] =
    g_param_spec_boxed ("week-start", NULL, NULL,
                        G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-time-grid-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgTimeGridDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgTimeGridDialog, assistant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgTimeGridDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgTimeGridDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimeGridDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DgTimeGridDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, DgTimeGridDialog, cell_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_assistant_dropdown_selected);

  gtk_widget_class_install_action (widget_class, "grid.previous-week", NULL, on_week_action);
  gtk_widget_class_install_action (widget_class, "grid.next-week", NULL, on_week_action);
  gtk_widget_class_install_action (widget_class, "grid.this-week", NULL, on_week_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "grid.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "grid.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_time_grid_dialog_init (DgTimeGridDialog *self)
{
  g_date_clear (&self->week_start, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
}

DgTimeGridDialog *
dg_time_grid_dialog_new (GtkWindow        *parent,
                         DgTimesheetStore *store,
                         DgAssistantStore *assistants,
                         gint64            assistant_id,
                         const GDate      *week_start)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (store), NULL);
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (assistants), NULL);
  g_return_val_if_fail (assistant_id >= 0, NULL);
  g_return_val_if_fail (week_start == NULL || g_date_valid (week_start), NULL);

  return g_object_new (DG_TYPE_TIME_GRID_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "assistants", assistants,
                       "assistant-id", assistant_id,
                       "week-start", week_start,
                       NULL);
}
