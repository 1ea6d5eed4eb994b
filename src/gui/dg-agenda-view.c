/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-agenda-view"

#include <glib/gi18n.h>

#include "dg-agenda-row.h"
#include "dg-agenda-view.h"
#include "dg-occurrence-item.h"

#define N_DAYS 14

struct _DgAgendaView
{
  AdwBin             parent_instance;

  DgTaskStore       *store;
  gint64             assistant_id;
  /* 00:00 of the first day; its zone is the owner's. */
  GDateTime         *start;
  /* Store changes come in bursts (a one-off task's status is a change of
   * the task and of its occurrence): one rebuild for all of them, and
   * never while a row's own action is still running. */
  guint              rebuild_id;
  /* Once a minute: a new day, or a due time that has passed, changes the
   * headings and the overdue marks without any change in the store. */
  guint              clock_id;
  GDate              built_today;
  GPtrArray         *not_yet_overdue;   /* DgTaskOccurrence shown as pending */
  GListStore        *items;             /* DgOccurrenceItem: days, occurrences */
  /* Nothing is listed while the agenda is hidden, as at start-up: a change
   * then only marks it for a rebuild when it is shown. */
  gboolean           stale;

  AdwToastOverlay   *toast_overlay;
  GtkLabel          *range_label;
  GtkScrolledWindow *scrolled_window;
  GtkGridView       *list_view;
};

G_DEFINE_FINAL_TYPE (DgAgendaView, dg_agenda_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ASSISTANT_ID,
  PROP_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GTimeZone *
owner_zone (DgAgendaView *self)
{
  return g_date_time_get_timezone (self->start);
}

static GDateTime *
start_of_day (GDateTime *date_time)
{
  int year, month, day;

  g_date_time_get_ymd (date_time, &year, &month, &day);
  return g_date_time_new (g_date_time_get_timezone (date_time), year, month, day, 0, 0, 0);
}

static void
set_gdate (GDate     *date,
           GDateTime *date_time)
{
  int year, month, day;

  g_date_time_get_ymd (date_time, &year, &month, &day);
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static GDateTime *
today_in (GTimeZone *zone)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return start_of_day (now);
}

static void
show_error (DgAgendaView *self,
            const GError *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- texts ------------------------------------------------------------ */

static char *
format_heading (GDateTime   *day,
                const GDate *today)
{
  GDate date;

  set_gdate (&date, day);
  switch (g_date_days_between (today, &date))
    {
    case 0:
      return g_strdup (_("Today"));
    case 1:
      return g_strdup (_("Tomorrow"));
    default:
      if (g_date_get_year (&date) == g_date_get_year (today))
        /* Translators: a day heading in the agenda, "Monday, 30 November";
         * see g_date_time_format() */
        return g_date_time_format (day, _("%A, %-d %B"));
      /* Translators: a day heading in the agenda in another year,
       * "Monday, 4 January 2027"; see g_date_time_format() */
      return g_date_time_format (day, _("%A, %-d %B %Y"));
    }
}

static char *
format_range (GDateTime *first,
              GDateTime *last)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (g_date_time_get_year (first) == g_date_time_get_year (last))
    /* Translators: the first day of the agenda's range in "30 November – 13 December 2026";
     * see g_date_time_format() */
    from = g_date_time_format (first, _("%-d %B"));
  else
    /* Translators: the first day of a range that ends in another year,
     * "21 December 2026 – 3 January 2027"; see g_date_time_format() */
    from = g_date_time_format (first, _("%-d %B %Y"));
  /* Translators: the last day of the agenda's range; see g_date_time_format() */
  to = g_date_time_format (last, _("%-d %B %Y"));
  /* Translators: the agenda's range of days, "30 November – 13 December 2026" */
  return g_strdup_printf (_("%s – %s"), from, to);
}

/* ---- building the days ------------------------------------------------ */

/* Which of the days shown an occurrence belongs to, counted from the first:
 * a timed one by its date in the owner's zone; an all-day one by its own
 * date, which is the same day wherever it is read. */
static int
day_index (DgAgendaView     *self,
           DgTaskOccurrence *occurrence)
{
  GDateTime *due = dg_task_occurrence_get_due (occurrence);
  g_autoptr(GDateTime) shown = NULL;
  GDate first, date;

  if (dg_task_is_all_day (dg_task_occurrence_get_task (occurrence)))
    shown = g_date_time_ref (due);
  else
    shown = g_date_time_to_timezone (due, owner_zone (self));
  set_gdate (&first, self->start);
  set_gdate (&date, shown);
  return g_date_days_between (&first, &date);
}

static char *
occurrence_key (DgTaskOccurrence *occurrence)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s",
                          dg_task_get_id (dg_task_occurrence_get_task (occurrence)),
                          dg_task_occurrence_get_recurrence_id (occurrence));
}

/* The row that has the keyboard focus, if any. */
static DgAgendaRow *
focused_row (DgAgendaView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return NULL;
  row = DG_IS_AGENDA_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, DG_TYPE_AGENDA_ROW);
  return row != NULL && dg_agenda_row_get_occurrence (DG_AGENDA_ROW (row)) != NULL ? DG_AGENDA_ROW (row) : NULL;
}

/* The row of the occurrence @key among the rows that exist, to give it the
 * keyboard focus back when the row it had was made anew. */
static GtkWidget *
find_row (DgAgendaView *self,
          const char   *key)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      DgTaskOccurrence *occurrence;
      g_autofree char *row_key = NULL;

      if (!DG_IS_AGENDA_ROW (row) || (occurrence = dg_agenda_row_get_occurrence (DG_AGENDA_ROW (row))) == NULL)
        continue;
      row_key = occurrence_key (occurrence);
      if (g_str_equal (row_key, key))
        return row;
    }
  return NULL;
}

static void on_row_status_requested (DgAgendaRow  *row,
                                     DgTaskStatus  status,
                                     DgAgendaView *self);

/* A day's heading: its date, and "Nothing due" beside it on an empty day. */
static GtkWidget *
create_day (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "name", "agenda_day_heading",
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     "hexpand", TRUE,
                                     NULL);
  GtkWidget *nothing = gtk_label_new (_("Nothing due"));

  gtk_widget_set_name (box, "agenda_day");
  gtk_widget_add_css_class (box, "dg-list-heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_widget_set_name (nothing, "agenda_nothing_due");
  gtk_label_set_xalign (GTK_LABEL (nothing), 1);
  gtk_widget_add_css_class (nothing, "dim-label");
  gtk_box_append (GTK_BOX (box), nothing);
  return box;
}

/* A list item shows a day or an occurrence, and is bound to one after the
 * other as the list scrolls: the child is swapped only when the kind
 * changes. */
static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  DgAgendaView             *self)
{
  gtk_list_item_set_child (list_item, create_day ());
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 DgAgendaView             *self)
{
  DgOccurrenceItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (dg_occurrence_item_is_heading (item))
    {
      GtkWidget *heading;
      GtkWidget *nothing;

      if (DG_IS_AGENDA_ROW (child))
        {
          child = create_day ();
          gtk_list_item_set_child (list_item, child);
        }
      heading = gtk_widget_get_first_child (child);
      nothing = gtk_widget_get_next_sibling (heading);
      gtk_label_set_label (GTK_LABEL (heading), dg_occurrence_item_get_title (item));
      /* Today stands out; an empty day is quiet and takes one line, so
       * that the days with work catch the eye. */
      gtk_widget_set_css_classes (heading, (const char *[]) { "heading", dg_occurrence_item_get_style_class (item), NULL });
      gtk_widget_set_visible (nothing, dg_occurrence_item_get_detail (item) != NULL);
      return;
    }

  if (!DG_IS_AGENDA_ROW (child))
    {
      child = dg_agenda_row_new ();
      g_signal_connect_object (child, "status-requested", G_CALLBACK (on_row_status_requested), self, 0);
      gtk_list_item_set_child (list_item, child);
    }
  dg_agenda_row_set_item (DG_AGENDA_ROW (child), item, owner_zone (self));
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   DgAgendaView             *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (DG_IS_AGENDA_ROW (child))
    dg_agenda_row_set_item (DG_AGENDA_ROW (child), NULL, NULL);
}

static void
update_range (DgAgendaView *self)
{
  g_autoptr(GDateTime) last = g_date_time_add_days (self->start, N_DAYS - 1);
  g_autoptr(GDateTime) today = today_in (owner_zone (self));
  g_autofree char *range = format_range (self->start, last);

  gtk_label_set_text (self->range_label, range);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.today",
                                 !g_date_time_equal (self->start, today));
}

static GPtrArray *
list_occurrences (DgAgendaView *self)
{
  /* A day more on each side: an all-day occurrence is shown on its own
   * date, which in the owner's zone may start the day before or after. */
  g_autoptr(GDateTime) from = g_date_time_add_days (self->start, -1);
  g_autoptr(GDateTime) to = g_date_time_add_days (self->start, N_DAYS + 1);
  g_autoptr(GError) error = NULL;
  GPtrArray *occurrences;

  if (self->store == NULL)
    return g_ptr_array_new ();
  occurrences = dg_task_store_list_occurrences (self->store, from, to, self->assistant_id, &error);
  if (occurrences == NULL)
    {
      show_error (self, error);
      return g_ptr_array_new ();
    }
  return occurrences;
}

static void
rebuild (DgAgendaView *self)
{
  g_autoptr(GPtrArray) occurrences = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GPtrArray *days[N_DAYS];
  g_autoptr(GDateTime) now = NULL;
  DgAgendaRow *focus_row = focused_row (self);
  g_autofree char *focus_key = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  update_range (self);
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->scrolled_window)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  occurrences = list_occurrences (self);
  now = g_date_time_new_now (owner_zone (self));
  set_gdate (&self->built_today, now);
  g_ptr_array_set_size (self->not_yet_overdue, 0);
  if (focus_row != NULL)
    focus_key = occurrence_key (dg_agenda_row_get_occurrence (focus_row));

  for (guint i = 0; i < N_DAYS; i++)
    days[i] = g_ptr_array_new ();
  /* All-day ones first in their day, the others in due order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < occurrences->len; i++)
      {
        DgTaskOccurrence *occurrence = g_ptr_array_index (occurrences, i);
        gboolean all_day = dg_task_is_all_day (dg_task_occurrence_get_task (occurrence));
        int index = day_index (self, occurrence);

        if (all_day == (pass == 0) && index >= 0 && index < N_DAYS)
          g_ptr_array_add (days[index], occurrence);
      }

  items = g_ptr_array_new_full (N_DAYS + occurrences->len, g_object_unref);
  for (guint i = 0; i < N_DAYS; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (self->start, i);
      g_autofree char *text = format_heading (day, &self->built_today);
      GDate date;
      const char *style_class = NULL;

      set_gdate (&date, day);
      if (g_date_compare (&date, &self->built_today) == 0)
        style_class = "accent";
      else if (days[i]->len == 0)
        style_class = "dim-label";
      g_ptr_array_add (items, dg_occurrence_item_new_heading (text, days[i]->len == 0 ? _("Nothing due") : NULL,
                                                              style_class));
      for (guint j = 0; j < days[i]->len; j++)
        {
          DgTaskOccurrence *occurrence = g_ptr_array_index (days[i], j);

          g_ptr_array_add (items, dg_occurrence_item_new (occurrence, j == 0, j + 1 == days[i]->len));
          if (dg_task_status_is_pending (dg_task_occurrence_get_status (occurrence)) &&
              !dg_task_occurrence_is_overdue (occurrence, now))
            g_ptr_array_add (self->not_yet_overdue, g_object_ref (occurrence));
        }
      g_ptr_array_unref (days[i]);
    }

  dg_occurrence_item_update_store (self->items, items);

  /* A row that stayed kept the focus; one made anew gets it back. */
  if (focus_key != NULL && focused_row (self) == NULL)
    {
      GtkWidget *row = find_row (self, focus_key);

      if (row != NULL)
        gtk_widget_grab_focus (row);
    }
}

static void
on_scrolled_window_map (DgAgendaView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (owner_zone (self));
  GDate today;

  set_gdate (&today, now);
  if (self->stale || !g_date_valid (&self->built_today) || g_date_compare (&today, &self->built_today) != 0)
    rebuild (self);
}

static gboolean
on_rebuild_idle (gpointer user_data)
{
  DgAgendaView *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (DgAgendaView *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (on_rebuild_idle, self);
}

static gboolean
on_clock_tick (gpointer user_data)
{
  DgAgendaView *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now (owner_zone (self));
  GDate today;

  /* Hidden, it is made anew when shown (on_scrolled_window_map). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->scrolled_window)))
    return G_SOURCE_CONTINUE;
  set_gdate (&today, now);
  if (g_date_compare (&today, &self->built_today) != 0)
    {
      rebuild (self);
      return G_SOURCE_CONTINUE;
    }
  for (guint i = 0; i < self->not_yet_overdue->len; i++)
    if (dg_task_occurrence_is_overdue (g_ptr_array_index (self->not_yet_overdue, i), now))
      {
        rebuild (self);
        break;
      }
  return G_SOURCE_CONTINUE;
}

static void
on_row_status_requested (DgAgendaRow  *row,
                         DgTaskStatus  status,
                         DgAgendaView *self)
{
  DgTaskOccurrence *occurrence = dg_agenda_row_get_occurrence (row);
  const char *recurrence_id;
  g_autoptr(GError) error = NULL;

  /* A row between two items has nothing to mark. */
  if (occurrence == NULL || self->store == NULL)
    return;
  recurrence_id = dg_task_occurrence_get_recurrence_id (occurrence);

  /* The store announces the change; the rows are made anew from it. */
  if (!dg_task_store_set_status (self->store, dg_task_occurrence_get_task (occurrence),
                                 *recurrence_id != '\0' ? recurrence_id : NULL,
                                 status, &error))
    show_error (self, error);
}

/* ---- navigation ------------------------------------------------------- */

static void
move_to (DgAgendaView *self,
         GDateTime    *start)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  dg_agenda_view_set_start (self, start);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

static void
on_previous_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  DgAgendaView *self = DG_AGENDA_VIEW (widget);
  g_autoptr(GDateTime) start = g_date_time_add_days (self->start, -N_DAYS);

  move_to (self, start);
}

static void
on_today_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgAgendaView *self = DG_AGENDA_VIEW (widget);
  g_autoptr(GDateTime) start = today_in (owner_zone (self));

  move_to (self, start);
}

static void
on_next_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DgAgendaView *self = DG_AGENDA_VIEW (widget);
  g_autoptr(GDateTime) start = g_date_time_add_days (self->start, N_DAYS);

  move_to (self, start);
}

/* ---- public ----------------------------------------------------------- */

void
dg_agenda_view_set_store (DgAgendaView *self,
                          DgTaskStore  *store)
{
  g_return_if_fail (DG_IS_AGENDA_VIEW (self));
  g_return_if_fail (store == NULL || DG_IS_TASK_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "items-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "occurrences-changed", G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

void
dg_agenda_view_set_assistant_id (DgAgendaView *self,
                                 gint64        assistant_id)
{
  g_return_if_fail (DG_IS_AGENDA_VIEW (self));
  g_return_if_fail (assistant_id >= 0);

  if (self->assistant_id == assistant_id)
    return;
  self->assistant_id = assistant_id;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSISTANT_ID]);
}

void
dg_agenda_view_set_start (DgAgendaView *self,
                          GDateTime    *start)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (DG_IS_AGENDA_VIEW (self));

  if (start != NULL)
    day = start_of_day (start);
  else
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      day = today_in (local);
    }
  if (self->start != NULL && g_date_time_equal (self->start, day) &&
      g_str_equal (g_time_zone_get_identifier (owner_zone (self)),
                   g_time_zone_get_identifier (g_date_time_get_timezone (day))))
    return;
  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = g_steal_pointer (&day);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
}

GDateTime *
dg_agenda_view_get_start (DgAgendaView *self)
{
  g_return_val_if_fail (DG_IS_AGENDA_VIEW (self), NULL);

  return self->start;
}

/* ---- GObject ---------------------------------------------------------- */

static void
dg_agenda_view_dispose (GObject *object)
{
  DgAgendaView *self = DG_AGENDA_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  /* The bin's child is a template child too: release it through the bin
   * first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_AGENDA_VIEW);
  g_clear_pointer (&self->not_yet_overdue, g_ptr_array_unref);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (dg_agenda_view_parent_class)->dispose (object);
}

static void
dg_agenda_view_finalize (GObject *object)
{
  DgAgendaView *self = DG_AGENDA_VIEW (object);

  g_clear_pointer (&self->start, g_date_time_unref);

  G_OBJECT_CLASS (dg_agenda_view_parent_class)->finalize (object);
}

static void
dg_agenda_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DgAgendaView *self = DG_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ASSISTANT_ID:
      g_value_set_int64 (value, self->assistant_id);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_agenda_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  DgAgendaView *self = DG_AGENDA_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      dg_agenda_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_ASSISTANT_ID:
      dg_agenda_view_set_assistant_id (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      dg_agenda_view_set_start (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_agenda_view_class_init (DgAgendaViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_agenda_view_dispose;
  object_class->finalize = dg_agenda_view_finalize;
  object_class->get_property = dg_agenda_view_get_property;
  object_class->set_property = dg_agenda_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DG_TYPE_TASK_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSISTANT_ID] =
    g_param_spec_int64 ("assistant-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_START] =
    g_param_spec_boxed ("start", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-agenda-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DgAgendaView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaView, range_label);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, DgAgendaView, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_scrolled_window_map);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind);

  gtk_widget_class_install_action (widget_class, "agenda.previous", NULL, on_previous_activated);
  gtk_widget_class_install_action (widget_class, "agenda.today", NULL, on_today_activated);
  gtk_widget_class_install_action (widget_class, "agenda.next", NULL, on_next_activated);
}

static void
dg_agenda_view_init (DgAgendaView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->not_yet_overdue = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_list_store_new (DG_TYPE_OCCURRENCE_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  dg_agenda_view_set_start (self, NULL);
  self->clock_id = g_timeout_add_seconds (60, on_clock_tick, self);
}
