/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-timesheets-page"

#include <glib/gi18n.h>

#include "dg-approve-until-dialog.h"
#include "dg-assistant-filter.h"
#include "dg-duration.h"
#include "dg-money.h"
#include "dg-time-grid-dialog.h"
#include "dg-time-import-dialog.h"
#include "dg-timesheets-page-private.h"

/* In the order of the show drop-down's items. */
typedef enum
{
  SHOW_AWAITING,
  SHOW_ALL,
} ShowFilter;

struct _DgTimesheetsPage
{
  AdwBin               parent_instance;

  DgTimesheetStore    *store;
  DgAssistantStore    *assistants;
  GListStore          *weeks;            /* DgTimesheetWeek */
  GtkSingleSelection  *selection;
  GArray              *assistant_ids;    /* gint64 per drop-down item; 0 = all */
  /* Nothing is read until the page is first shown, and a change while it
   * is hidden only marks it stale: the window opens on the Overview, which
   * should not wait for this list. */
  gboolean             loaded;
  gboolean             stale;
  gboolean             filter_stale;     /* the assistants changed since the
                                          * filter was filled (or never was) */
  gboolean             list_failed;
  /* The week in the detail, listed or not (an approved week leaves the
   * awaiting list but stays in view, to be reopened). */
  gint64               shown_assistant_id;   /* 0: none */
  GDate                shown_start;
  gboolean             selecting;        /* the selection follows the shown week */
  gboolean             filling_filter;   /* or building the template */
  /* The first day of the week the list was read with: Preferences may
   * change it, which is checked when the window is active again. */
  GDateWeekday         week_start_day;
  GtkWindow           *window;           /* while mapped: its "is-active" */

  GtkStringList       *assistant_model;
  GtkDropDown         *show_dropdown;
  GtkDropDown         *assistant_dropdown;
  GtkStack            *main_stack;
  AdwStatusPage       *empty_status;
  AdwStatusPage       *error_status;
  AdwLeaflet          *leaflet;
  GtkStack            *list_stack;
  GtkListView         *list_view;
  AdwStatusPage       *list_empty_status;
  GtkWidget           *content_box;
  GtkStack            *detail_stack;
  DgTimesheetWeekView *week_view;
};

G_DEFINE_FINAL_TYPE (DgTimesheetsPage, dg_timesheets_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (DgTimesheetsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gint64
selected_assistant_id (DgTimesheetsPage *self)
{
  return dg_assistant_filter_get_selected (self->assistant_dropdown, self->assistant_ids);
}

static ShowFilter
selected_show_filter (DgTimesheetsPage *self)
{
  return gtk_drop_down_get_selected (self->show_dropdown) == SHOW_ALL ? SHOW_ALL : SHOW_AWAITING;
}

static gboolean
is_shown (DgTimesheetsPage *self,
          DgTimesheetWeek  *week)
{
  return self->shown_assistant_id != 0 &&
         dg_timesheet_week_get_assistant_id (week) == self->shown_assistant_id &&
         g_date_compare (dg_timesheet_week_get_start (week), &self->shown_start) == 0;
}

static void
update_stacks (DgTimesheetsPage *self)
{
  guint n_weeks = g_list_model_get_n_items (G_LIST_MODEL (self->weeks));
  gboolean awaiting = selected_show_filter (self) == SHOW_AWAITING;
  gboolean one_assistant = selected_assistant_id (self) != 0;

  if (self->list_failed)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }
  if (n_weeks == 0 && self->shown_assistant_id == 0)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      adw_status_page_set_title (self->empty_status, awaiting ? _("Nothing to Approve") : _("No Hours Yet"));
      if (one_assistant)
        adw_status_page_set_description (self->empty_status,
                                         awaiting
                                         ? _("No week of this assistant waits for approval. Choose another assistant or show all weeks above.")
                                         : _("This assistant has no hours yet. Enter them by hand or import a time tracker’s export."));
      else
        adw_status_page_set_description (self->empty_status,
                                         awaiting
                                         ? _("Every week is checked. Hours the assistants report appear here week by week, for you to check before they are paid.")
                                         : _("Hours the assistants report appear here week by week, for you to check before they are paid. Enter them by hand or import a time tracker’s export."));
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "weeks");
  gtk_stack_set_visible_child_name (self->list_stack, n_weeks > 0 ? "list" : "empty");
  adw_status_page_set_title (self->list_empty_status, awaiting ? _("Nothing Waiting") : _("No Weeks"));
  gtk_stack_set_visible_child_name (self->detail_stack, self->shown_assistant_id != 0 ? "week" : "placeholder");
}

/* The list's selection marks the shown week, when it is listed; on a
 * narrow window the list stands alone and nothing is marked, so that a
 * click on any row, also the shown one, opens it. */
static void
sync_selection (DgTimesheetsPage *self)
{
  gboolean list_alone = adw_leaflet_get_folded (self->leaflet) &&
                        adw_leaflet_get_visible_child (self->leaflet) != self->content_box;
  guint n_weeks = g_list_model_get_n_items (G_LIST_MODEL (self->weeks));
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; !list_alone && i < n_weeks; i++)
    {
      g_autoptr(DgTimesheetWeek) week = g_list_model_get_item (G_LIST_MODEL (self->weeks), i);

      if (is_shown (self, week))
        {
          position = i;
          break;
        }
    }
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->selecting = FALSE;
}

static void
show_week (DgTimesheetsPage *self,
           gint64            assistant_id,
           const GDate      *week_start)
{
  self->shown_assistant_id = assistant_id;
  self->shown_start = *week_start;
  dg_timesheet_week_view_show_week (self->week_view, assistant_id, week_start);
  update_stacks (self);
}

static void fill_assistant_filter (DgTimesheetsPage *self);

static void
load (DgTimesheetsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) weeks = NULL;

  if (self->store == NULL)
    return;
  self->loaded = TRUE;
  self->stale = FALSE;
  /* The filter is filled when the page is shown, like the list: with a
   * thousand assistants it costs start-up time the Overview should have. */
  if (self->filter_stale)
    {
      self->filter_stale = FALSE;
      fill_assistant_filter (self);
    }

  /* A new first day of the week moves every week: the one in view becomes
   * the new week that shares the most days with it, the one holding its
   * middle day (as the week view reads it). */
  self->week_start_day = dg_timesheet_store_get_week_start (self->store);
  if (self->shown_assistant_id != 0)
    {
      GDate middle = self->shown_start;
      GDate aligned;

      g_date_add_days (&middle, 3);
      dg_timesheet_week_start_of (&middle, self->week_start_day, &aligned);
      if (g_date_compare (&aligned, &self->shown_start) != 0)
        show_week (self, self->shown_assistant_id, &aligned);
    }

  weeks = dg_timesheet_store_list_weeks (self->store, selected_assistant_id (self),
                                         selected_show_filter (self) == SHOW_ALL
                                         ? DG_TIMESHEET_FILTER_ALL : DG_TIMESHEET_FILTER_AWAITING,
                                         &error);
  self->list_failed = weeks == NULL;
  if (weeks == NULL)
    {
      adw_status_page_set_description (self->error_status, error->message);
      update_stacks (self);
      return;
    }

  self->selecting = TRUE;
  g_list_store_splice (self->weeks, 0, g_list_model_get_n_items (G_LIST_MODEL (self->weeks)),
                       weeks->pdata, weeks->len);
  self->selecting = FALSE;

  /* The oldest week waiting is shown at once, beside the list; a narrow
   * window shows the list first all the same. */
  if (self->shown_assistant_id == 0 && weeks->len > 0)
    {
      DgTimesheetWeek *first = g_ptr_array_index (weeks, 0);

      show_week (self, dg_timesheet_week_get_assistant_id (first), dg_timesheet_week_get_start (first));
    }
  sync_selection (self);
  update_stacks (self);
}

void
dg_timesheets_page_reload (DgTimesheetsPage *self)
{
  g_return_if_fail (DG_IS_TIMESHEETS_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self->main_stack)))
    load (self);
  else
    self->stale = TRUE;
}

void
dg_timesheets_page_show_week (DgTimesheetsPage *self,
                              gint64            assistant_id,
                              const GDate      *week_start)
{
  g_return_if_fail (DG_IS_TIMESHEETS_PAGE (self));
  g_return_if_fail (assistant_id > 0);
  g_return_if_fail (week_start != NULL && g_date_valid (week_start));

  if (self->store == NULL)
    return;
  show_week (self, assistant_id, week_start);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  sync_selection (self);
}

gboolean
dg_timesheets_page_get_loaded (DgTimesheetsPage *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEETS_PAGE (self), FALSE);

  return self->loaded;
}

GListModel *
dg_timesheets_page_get_weeks (DgTimesheetsPage *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEETS_PAGE (self), NULL);

  return G_LIST_MODEL (self->weeks);
}

DgTimesheetWeekView *
dg_timesheets_page_get_week_view (DgTimesheetsPage *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEETS_PAGE (self), NULL);

  return self->week_view;
}

/* Back from the Preferences: a new first day of the week changes every
 * week listed and the one in view. */
static void
on_window_is_active (GtkWindow        *window,
                     GParamSpec       *pspec,
                     DgTimesheetsPage *self)
{
  if (!gtk_window_is_active (window) || !self->loaded || self->store == NULL)
    return;
  if (dg_timesheet_store_get_week_start (self->store) != self->week_start_day)
    dg_timesheets_page_reload (self);
}

static void
on_main_stack_map (DgTimesheetsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root) && self->window == NULL)
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "notify::is-active", G_CALLBACK (on_window_is_active), self, 0);
    }
  if (!self->loaded || self->stale)
    load (self);
}

static void
on_main_stack_unmap (DgTimesheetsPage *self)
{
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, on_window_is_active, self);
  self->window = NULL;
}

static void
on_try_again_clicked (DgTimesheetsPage *self)
{
  load (self);
}

static void
on_filter_changed (DgTimesheetsPage *self)
{
  if (self->filling_filter)
    return;
  dg_timesheets_page_reload (self);
}

static void
on_selection_changed (DgTimesheetsPage *self)
{
  DgTimesheetWeek *week = gtk_single_selection_get_selected_item (self->selection);

  if (self->selecting || week == NULL)
    return;
  if (!is_shown (self, week))
    show_week (self, dg_timesheet_week_get_assistant_id (week), dg_timesheet_week_get_start (week));
  /* Side by side, the keyboard focus stays in the list so that the arrow
   * keys go on browsing; only a narrow window turns to the week. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_leaflet_changed (DgTimesheetsPage *self)
{
  sync_selection (self);
}

static void
on_back_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DgTimesheetsPage *self = DG_TIMESHEETS_PAGE (widget);

  /* Only a folded leaflet has a week alone on screen to go back from. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* One label of three lines: a list view of GTK 4.8 keeps up to 200 rows
 * alive, so every widget in a row costs time. */
static void
on_week_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               DgTimesheetsPage         *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, "timesheets_week_row");
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
on_week_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              DgTimesheetsPage         *self)
{
  DgTimesheetWeek *week = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *range = dg_timesheet_week_format_range (week);
  g_autofree char *hours = dg_duration_format_hours (dg_timesheet_week_get_minutes (week));
  DgMoney amount = dg_timesheet_week_get_amount (week);
  g_autofree char *amount_text = dg_money_format (&amount);
  g_autofree char *markup = NULL;

  /* Translators: a week in the list: the assistant's name, the week, then
   * its hours, amount and state: "Maria Santos", "2–8 March 2026",
   * "12.5 h · €187.50 · Awaiting Approval" */
  markup = g_markup_printf_escaped (_("<b>%s</b>\n%s\n<span size=\"small\" alpha=\"65%%\">%s · %s · %s</span>"),
                                    dg_timesheet_week_get_assistant_name (week), range, hours, amount_text,
                                    dg_timesheet_state_get_label (dg_timesheet_week_get_state (week)));
  gtk_label_set_markup (GTK_LABEL (label), markup);
}

/* "All Assistants", then every assistant, archived ones too: their weeks
 * may still wait. The choice is kept when the list changes, unless that
 * assistant was deleted. */
static void
fill_assistant_filter (DgTimesheetsPage *self)
{
  self->filling_filter = TRUE;
  dg_assistant_filter_fill (self->assistant_dropdown, self->assistant_model, self->assistant_ids,
                            self->assistants, FALSE);
  self->filling_filter = FALSE;
}

static void
on_assistants_changed (DgTimesheetsPage *self)
{
  self->filter_stale = TRUE;
  /* A renamed assistant's weeks show the new name; a deleted one's go. */
  dg_timesheets_page_reload (self);
}

static void
on_store_changed (DgTimesheetsPage *self)
{
  dg_timesheets_page_reload (self);
}

/* ---- actions ------------------------------------------------------------- */

static void
on_enter_hours_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  DgTimesheetsPage *self = DG_TIMESHEETS_PAGE (widget);
  DgTimeGridDialog *dialog;
  gint64 assistant_id;

  if (self->store == NULL)
    return;
  /* The grid opens on the week in view, else on this week of the
   * assistant chosen above. */
  assistant_id = self->shown_assistant_id != 0 ? self->shown_assistant_id : selected_assistant_id (self);
  dialog = dg_time_grid_dialog_new (parent_window (self), self->store, self->assistants, assistant_id,
                                    self->shown_assistant_id != 0 ? &self->shown_start : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_approve_until_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DgTimesheetsPage *self = DG_TIMESHEETS_PAGE (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (dg_approve_until_dialog_new (parent_window (self), self->store)));
}

static void
on_import_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgTimesheetsPage *self = DG_TIMESHEETS_PAGE (widget);

  if (self->store == NULL)
    return;
  dg_time_import_dialog_choose_file (parent_window (self), self->store, self->assistants);
}

void
dg_timesheets_page_set_stores (DgTimesheetsPage *self,
                               DgTimesheetStore *timesheets,
                               DgAssistantStore *assistants)
{
  g_return_if_fail (DG_IS_TIMESHEETS_PAGE (self));
  g_return_if_fail (DG_IS_TIMESHEET_STORE (timesheets));
  g_return_if_fail (DG_IS_ASSISTANT_STORE (assistants));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (timesheets);
  self->assistants = g_object_ref (assistants);
  g_signal_connect_object (timesheets, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (assistants, "items-changed", G_CALLBACK (on_assistants_changed), self, G_CONNECT_SWAPPED);
  dg_timesheet_week_view_set_store (self->week_view, timesheets);
  self->filter_stale = TRUE;
  dg_timesheets_page_reload (self);
}

static void
dg_timesheets_page_dispose (GObject *object)
{
  DgTimesheetsPage *self = DG_TIMESHEETS_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->assistants != NULL)
    g_signal_handlers_disconnect_by_data (self->assistants, self);
  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, on_window_is_active, self);
  self->window = NULL;
  /* The bin's child is built from the template: release it through the
   * bin first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TIMESHEETS_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->weeks);
  g_clear_object (&self->store);
  g_clear_object (&self->assistants);

  G_OBJECT_CLASS (dg_timesheets_page_parent_class)->dispose (object);
}

static void
dg_timesheets_page_finalize (GObject *object)
{
  DgTimesheetsPage *self = DG_TIMESHEETS_PAGE (object);

  g_clear_pointer (&self->assistant_ids, g_array_unref);

  G_OBJECT_CLASS (dg_timesheets_page_parent_class)->finalize (object);
}

static void
dg_timesheets_page_class_init (DgTimesheetsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_timesheets_page_dispose;
  object_class->finalize = dg_timesheets_page_finalize;

  g_type_ensure (DG_TYPE_TIMESHEET_WEEK_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-timesheets-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, assistant_model);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, assistant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, list_empty_status);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, DgTimesheetsPage, week_view);
  gtk_widget_class_bind_template_callback (widget_class, on_main_stack_map);
  gtk_widget_class_bind_template_callback (widget_class, on_try_again_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_main_stack_unmap);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_week_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_week_bind);

  gtk_widget_class_install_action (widget_class, "timesheets.enter-hours", NULL, on_enter_hours_activated);
  gtk_widget_class_install_action (widget_class, "timesheets.import", NULL, on_import_activated);
  gtk_widget_class_install_action (widget_class, "timesheets.approve-until", NULL, on_approve_until_activated);
  gtk_widget_class_install_action (widget_class, "timesheets.back", NULL, on_back_activated);
  /* As the browser and the hours grid go back a week. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "timesheets.back", NULL);
}

static void
dg_timesheets_page_init (DgTimesheetsPage *self)
{
  /* The drop-downs announce their first selection while the template is
   * built: nothing to read yet. */
  self->filling_filter = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling_filter = FALSE;

  self->week_start_day = G_DATE_MONDAY;
  self->weeks = g_list_store_new (DG_TYPE_TIMESHEET_WEEK);
  self->assistant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->weeks)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  update_stacks (self);
}
