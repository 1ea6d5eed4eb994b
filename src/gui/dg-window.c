/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-window"

#include <glib/gi18n.h>
#include <stdio.h>

#include "dg-assistant-store.h"
#include "dg-assistants-page.h"
#include "dg-frame-probe.h"
#include "dg-handbook-store.h"
#include "dg-handbooks-page.h"
#include "dg-invoice-store.h"
#include "dg-invoices-page.h"
#include "dg-overview-page.h"
#include "dg-task-store.h"
#include "dg-tasks-page.h"
#include "dg-timesheet-store.h"
#include "dg-timesheets-page.h"
#include "dg-welcome-page.h"
#include "dg-window.h"

struct _DgWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  GtkStack             *content_stack;
  GtkRevealer          *sample_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  DgOverviewPage       *overview_page;
  DgAssistantsPage     *assistants_page;
  DgHandbooksPage      *handbooks_page;
  DgTasksPage          *tasks_page;
  DgTimesheetsPage     *timesheets_page;
  DgInvoicesPage       *invoices_page;
};

G_DEFINE_FINAL_TYPE (DgWindow, dg_window, ADW_TYPE_APPLICATION_WINDOW)

/* A week chosen on the Overview opens on the Timesheets page. */
static void
on_week_activated (DgOverviewPage *overview,
                   gint64          assistant_id,
                   const char     *week_start,
                   DgWindow       *self)
{
  GDate start;
  guint year = 0, month = 0, day = 0;

  g_date_clear (&start, 1);
  /* Not g_date_set_parse(): it reads dates in the user's locale. */
  if (week_start == NULL || sscanf (week_start, "%4u-%2u-%2u", &year, &month, &day) != 3 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_critical ("The Overview chose a week with an invalid first day “%s”.", week_start);
      return;
    }
  g_date_set_dmy (&start, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  adw_view_stack_set_visible_child_name (self->stack, "timesheets");
  dg_timesheets_page_show_week (self->timesheets_page, assistant_id, &start);
}

/* Issuing and cancelling change the states of time entries (approved ↔
 * invoiced), which the timesheet views show. */
static void
on_invoices_changed (DgTimesheetStore *timesheets)
{
  g_signal_emit_by_name (timesheets, "changed");
}

/* win.show-invoice (int64 id): the Overview's unpaid invoices open here. */
static void
on_show_invoice_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  DgWindow *self = DG_WINDOW (user_data);
  gint64 invoice_id = g_variant_get_int64 (parameter);

  if (invoice_id <= 0)
    {
      g_critical ("win.show-invoice was given the invalid invoice id %" G_GINT64_FORMAT ".", invoice_id);
      return;
    }
  dg_invoices_page_show_invoice (self->invoices_page, invoice_id);
  adw_view_stack_set_visible_child_name (self->stack, "invoices");
}

/* ---- keys that reach the shown page ------------------------------------ */

/* What Ctrl+N, Ctrl+F and Ctrl+P do on each page, as that page's own
 * action; NULL where the page has nothing of the kind. Application
 * accelerators resolve from the focused widget up, so a page's action set
 * as an accelerator works only while the focus is inside that page: the
 * window's actions hand the key to whichever page is shown instead. */
typedef enum
{
  PAGE_KEY_NEW_ITEM,
  PAGE_KEY_SEARCH,
  PAGE_KEY_PRINT,
  N_PAGE_KEYS
} PageKey;

static const struct
{
  const char *page;
  const char *actions[N_PAGE_KEYS];
} page_keys[] = {
  { "overview", { NULL, NULL, NULL } },
  { "assistants", { "assistants.add", "assistants.search", NULL } },
  { "handbooks", { "handbooks.new", "handbooks.search", "handbooks.print" } },
  { "tasks", { "tasks.new", NULL, NULL } },
  { "timesheets", { "timesheets.enter-hours", NULL, NULL } },
  { "invoices", { "invoices.new", NULL, "invoices.print" } },
};

static void
activate_on_shown_page (DgWindow *self,
                        PageKey   key)
{
  const char *shown = adw_view_stack_get_visible_child_name (self->stack);

  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    {
      if (g_strcmp0 (shown, page_keys[i].page) == 0 && page_keys[i].actions[key] != NULL)
        gtk_widget_activate_action (adw_view_stack_get_visible_child (self->stack),
                                    page_keys[i].actions[key], NULL);
    }
}

static void
on_new_item_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  activate_on_shown_page (DG_WINDOW (user_data), PAGE_KEY_NEW_ITEM);
}

static void
on_search_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  activate_on_shown_page (DG_WINDOW (user_data), PAGE_KEY_SEARCH);
}

static void
on_print_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  activate_on_shown_page (DG_WINDOW (user_data), PAGE_KEY_PRINT);
}

/* win.show-page (string name): Alt+1…6. A page the stack does not have
 * is ignored rather than shown blank. Focus left on the view switcher
 * would ring a tab no longer selected, so it goes; it is not moved into
 * the page, where the first control is often the search entry, which
 * Ctrl+F is for. */
static void
on_show_page_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  DgWindow *self = DG_WINDOW (user_data);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->stack, name);
  GtkWidget *focus;

  if (page == NULL)
    return;
  adw_view_stack_set_visible_child (self->stack, page);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && gtk_widget_get_ancestor (focus, ADW_TYPE_VIEW_SWITCHER) != NULL)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

GtkWindow *
dg_window_new (DgApplication  *application,
               DgDatabase     *db,
               GError        **error)
{
  g_autoptr(DgAssistantStore) assistants = NULL;
  g_autoptr(DgHandbookStore) handbooks = NULL;
  g_autoptr(DgTaskStore) tasks = NULL;
  g_autoptr(DgTimesheetStore) timesheets = NULL;
  g_autoptr(DgInvoiceStore) invoices = NULL;
  DgWindow *self;

  g_return_val_if_fail (DG_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  assistants = dg_assistant_store_new (db, error);
  if (assistants == NULL)
    return NULL;
  handbooks = dg_handbook_store_new (db, error);
  if (handbooks == NULL)
    return NULL;
  tasks = dg_task_store_new (db, error);
  if (tasks == NULL)
    return NULL;
  /* Reads nothing until asked: the pages ask once they are shown. */
  timesheets = dg_timesheet_store_new (db);
  invoices = dg_invoice_store_new (db);

  self = g_object_new (DG_TYPE_WINDOW, "application", application, NULL);
  dg_assistants_page_set_store (self->assistants_page, assistants);
  dg_assistants_page_set_task_store (self->assistants_page, tasks);
  dg_handbooks_page_set_store (self->handbooks_page, handbooks);
  dg_tasks_page_set_stores (self->tasks_page, tasks, assistants, handbooks);
  dg_timesheets_page_set_stores (self->timesheets_page, timesheets, assistants);
  dg_invoices_page_set_stores (self->invoices_page, invoices, assistants);
  g_signal_connect_object (invoices, "changed", G_CALLBACK (on_invoices_changed), timesheets, G_CONNECT_SWAPPED);
  dg_overview_page_set_stores (self->overview_page, timesheets, tasks);
  dg_overview_page_set_invoice_store (self->overview_page, invoices);
  g_signal_connect_object (self->overview_page, "week-activated", G_CALLBACK (on_week_activated), self, 0);
  return GTK_WINDOW (self);
}

void
dg_window_add_toast (DgWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (DG_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
dg_window_set_welcome_visible (DgWindow *self,
                               gboolean  visible)
{
  static const char *page_actions[] = { "new-item", "search", "print", "show-page", "show-invoice" };
  GtkWidget *welcome;

  g_return_if_fail (DG_IS_WINDOW (self));

  welcome = gtk_stack_get_child_by_name (self->content_stack, "welcome");
  gtk_stack_set_visible_child_name (self->content_stack, visible ? "welcome" : "main");
  /* The pages' keys (Ctrl+N, Alt+1…) would act on pages no one sees. */
  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    {
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), page_actions[i]);

      g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !visible);
    }
  if (visible)
    gtk_widget_grab_focus (welcome);
}

gboolean
dg_window_get_welcome_visible (DgWindow *self)
{
  g_return_val_if_fail (DG_IS_WINDOW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "welcome") == 0;
}

void
dg_window_set_sample (DgWindow *self,
                      gboolean  sample)
{
  g_return_if_fail (DG_IS_WINDOW (self));

  gtk_revealer_set_reveal_child (self->sample_bar, sample);
  /* The subtitle shows where the view switcher leaves room for it, the bar
   * always; the title names the sample in the window list too. */
  adw_view_switcher_title_set_subtitle (self->switcher_title, sample ? _("Sample Business") : NULL);
  gtk_window_set_title (GTK_WINDOW (self), sample ? _("Sample Business — Delegate") : _("Delegate"));
}

gboolean
dg_window_get_sample (DgWindow *self)
{
  g_return_val_if_fail (DG_IS_WINDOW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->sample_bar);
}

/* welcome.start: the owner begins with their own business, on the pages'
 * empty states and with the business profile that every invoice needs. */
static void
on_welcome_start_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  DgWindow *self = DG_WINDOW (widget);

  dg_window_set_welcome_visible (self, FALSE);
  gtk_widget_activate_action (widget, "app.preferences", NULL);
}

static gboolean
dg_window_close_request (GtkWindow *window)
{
  DgWindow *self = DG_WINDOW (window);
  int width, height;

  /* Unsaved edits first: the page may ask to keep the window open. */
  if (!dg_assistants_page_prepare_close (self->assistants_page))
    return TRUE;
  if (!dg_handbooks_page_prepare_close (self->handbooks_page))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (dg_window_parent_class)->close_request (window);
}

static void
dg_window_dispose (GObject *object)
{
  DgWindow *self = DG_WINDOW (object);

  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_WINDOW);

  G_OBJECT_CLASS (dg_window_parent_class)->dispose (object);
}

static void
dg_window_class_init (DgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dg_window_dispose;
  window_class->close_request = dg_window_close_request;

  g_type_ensure (DG_TYPE_OVERVIEW_PAGE);
  g_type_ensure (DG_TYPE_ASSISTANTS_PAGE);
  g_type_ensure (DG_TYPE_HANDBOOKS_PAGE);
  g_type_ensure (DG_TYPE_TASKS_PAGE);
  g_type_ensure (DG_TYPE_TIMESHEETS_PAGE);
  g_type_ensure (DG_TYPE_INVOICES_PAGE);
  g_type_ensure (DG_TYPE_WELCOME_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DgWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, sample_bar);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, assistants_page);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, handbooks_page);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, tasks_page);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, timesheets_page);
  gtk_widget_class_bind_template_child (widget_class, DgWindow, invoices_page);

  gtk_widget_class_install_action (widget_class, "welcome.start", NULL, on_welcome_start_activated);
}

static const GActionEntry win_actions[] = {
  { "show-invoice", on_show_invoice_activated, "x", NULL, NULL, { 0 } },
  { "new-item", on_new_item_activated, NULL, NULL, NULL, { 0 } },
  { "search", on_search_activated, NULL, NULL, NULL, { 0 } },
  { "print", on_print_activated, NULL, NULL, NULL, { 0 } },
  { "show-page", on_show_page_activated, "s", NULL, NULL, { 0 } },
};

static void
dg_window_init (DgWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  dg_frame_probe_attach (GTK_WINDOW (self));
}
