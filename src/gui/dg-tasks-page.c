/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-tasks-page"

#include <glib/gi18n.h>

#include "dg-agenda-view.h"
#include "dg-assistant-filter.h"
#include "dg-business-profile.h"
#include "dg-calendar-export.h"
#include "dg-calendar-import-dialog.h"
#include "dg-occurrence-item.h"
#include "dg-task-dialog.h"
#include "dg-task-row.h"
#include "dg-tasks-page-private.h"
#include "dg-window.h"

/* The first day of the week for "This Week"; Monday, as in ISO 8601 and
 * in the agenda. */
#define WEEK_START G_DATE_MONDAY
/* How far back the Done and Skipped filters look. */
#define HISTORY_DAYS 90
/* Shown again after this long, the list is made anew: the time of day
 * decides what is overdue. */
#define FRESH_FOR (60 * G_USEC_PER_SEC)

/* In the order of the status drop-down's items. */
typedef enum
{
  STATUS_FILTER_OPEN,
  STATUS_FILTER_DONE,
  STATUS_FILTER_SKIPPED,
  STATUS_FILTER_ALL,
} StatusFilter;

static GFile *test_file;

struct _DgTasksPage
{
  AdwBin            parent_instance;

  DgTaskStore      *tasks;
  DgAssistantStore *assistants;
  DgHandbookStore  *handbooks;
  GListStore       *items;           /* DgOccurrenceItem: headings, occurrences */
  guint             n_shown;         /* occurrences among them */
  /* Nothing is listed until the list is first shown, and a change while it
   * is hidden only marks it stale: listing thousands of dates takes time
   * that the start-up and the other pages should not wait for. */
  gboolean          loaded;
  gboolean          stale;
  gboolean          filter_stale;    /* the assistants changed since the
                                      * filter was filled (or never was) */
  gint64            loaded_at;       /* monotonic */
  GArray           *assistant_ids;   /* gint64 per drop-down item; 0 = all */
  GTimeZone        *owner_zone;
  GDateTime        *now;             /* of the last reload: the groups */
  guint             midnight_id;
  AdwToast         *undo_toast;      /* weak: the last change's Undo */
  gboolean          filling_filter;  /* or building the template */

  GtkStringList    *assistant_model;
  GtkDropDown      *assistant_dropdown;
  GtkDropDown      *status_dropdown;
  GtkStack         *view_stack;
  DgAgendaView     *agenda_view;
  GtkStack         *list_stack;
  GtkGridView      *list_view;
  AdwStatusPage    *empty_status;
  GtkWidget        *empty_new_button;
};

G_DEFINE_FINAL_TYPE (DgTasksPage, dg_tasks_page, ADW_TYPE_BIN)

static GtkWindow *
parent_window (DgTasksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_toast (DgTasksPage *self,
           AdwToast    *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (DG_IS_WINDOW (root))
    dg_window_add_toast (DG_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error (DgTasksPage *self,
            const char  *heading,
            const char  *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A list that cannot be read is said in a toast, not a dialog: it may
 * come back on every reload. */
static void
show_list_error (DgTasksPage *self,
                 const GError *error)
{
  /* Translators: %s is the reason, a sentence */
  g_autofree char *title = g_strdup_printf (_("The tasks could not be listed: %s"), error->message);

  add_toast (self, adw_toast_new (title));
}

static gint64
selected_assistant_id (DgTasksPage *self)
{
  return dg_assistant_filter_get_selected (self->assistant_dropdown, self->assistant_ids);
}

static StatusFilter
selected_status_filter (DgTasksPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  return selected <= STATUS_FILTER_ALL ? (StatusFilter) selected : STATUS_FILTER_OPEN;
}

static gboolean
status_matches (StatusFilter filter,
                DgTaskStatus status)
{
  switch (filter)
    {
    case STATUS_FILTER_OPEN:
      return dg_task_status_is_pending (status);
    case STATUS_FILTER_DONE:
      return status == DG_TASK_STATUS_DONE;
    case STATUS_FILTER_SKIPPED:
      return status == DG_TASK_STATUS_SKIPPED || status == DG_TASK_STATUS_CANCELLED;
    case STATUS_FILTER_ALL:
    default:
      return TRUE;
    }
}

static char *
occurrence_key (DgTaskOccurrence *occurrence)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s",
                          dg_task_get_id (dg_task_occurrence_get_task (occurrence)),
                          dg_task_occurrence_get_recurrence_id (occurrence));
}

static int
compare_occurrences (gconstpointer a,
                     gconstpointer b)
{
  DgTaskOccurrence *first = *(DgTaskOccurrence **) a;
  DgTaskOccurrence *second = *(DgTaskOccurrence **) b;
  int order = g_date_time_compare (dg_task_occurrence_get_due (first),
                                   dg_task_occurrence_get_due (second));

  if (order != 0)
    return order;
  return g_utf8_collate (dg_task_get_title (dg_task_occurrence_get_task (first)),
                         dg_task_get_title (dg_task_occurrence_get_task (second)));
}

static void
update_empty_state (DgTasksPage *self)
{
  gboolean any_task = self->tasks != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->tasks)) > 0;
  gboolean shown = self->n_shown > 0;

  gtk_stack_set_visible_child_name (self->list_stack, shown ? "list" : "empty");
  if (shown)
    return;

  gtk_widget_set_visible (self->empty_new_button, !any_task);
  if (!any_task)
    {
      adw_status_page_set_title (self->empty_status, _("No Tasks"));
      adw_status_page_set_description (self->empty_status,
                                       _("Assign work to an assistant, once or on a schedule, with the handbook to follow. It can go into their calendar too."));
    }
  else if (selected_status_filter (self) == STATUS_FILTER_OPEN)
    {
      adw_status_page_set_title (self->empty_status, _("Nothing Left to Do"));
      adw_status_page_set_description (self->empty_status,
                                       selected_assistant_id (self) == 0
                                       ? _("Every task is done for now. Work that is assigned or falls due appears here.")
                                       : _("Every task of this assistant is done for now. Work that is assigned or falls due appears here."));
    }
  else
    {
      adw_status_page_set_title (self->empty_status, _("No Matching Tasks"));
      adw_status_page_set_description (self->empty_status,
                                       selected_assistant_id (self) == 0
                                       ? _("No task has this status in the last three months or later. Choose another status above.")
                                       : _("No task of this assistant has this status. Choose another assistant or status above."));
    }
}

/* The occurrences under a heading for each group, as list items. */
static GPtrArray *
make_items (DgTasksPage *self,
            GPtrArray   *shown)
{
  GPtrArray *items = g_ptr_array_new_full (shown->len + 4, g_object_unref);
  g_autofree DgTaskGroup *groups = g_new (DgTaskGroup, shown->len);

  for (guint i = 0; i < shown->len; i++)
    groups[i] = dg_task_occurrence_get_group (g_ptr_array_index (shown, i), self->now, WEEK_START);
  for (guint i = 0; i < shown->len; i++)
    {
      gboolean first = i == 0 || groups[i - 1] != groups[i];
      gboolean last = i + 1 == shown->len || groups[i + 1] != groups[i];

      if (first)
        g_ptr_array_add (items, dg_occurrence_item_new_heading (dg_task_group_get_label (groups[i]), NULL,
                                                                groups[i] == DG_TASK_GROUP_OVERDUE ? "error" : NULL));
      g_ptr_array_add (items, dg_occurrence_item_new (g_ptr_array_index (shown, i), first, last));
    }
  return items;
}

static void fill_assistant_filter (DgTasksPage *self);

static void
load (DgTasksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) items = NULL;
  StatusFilter filter;
  gint64 assistant_id;

  if (self->tasks == NULL)
    return;
  self->loaded = TRUE;
  self->stale = FALSE;
  self->loaded_at = g_get_monotonic_time ();
  /* The filter is filled when the page is shown, like the list: with a
   * thousand assistants it costs start-up time the first page should have. */
  if (self->filter_stale)
    {
      self->filter_stale = FALSE;
      fill_assistant_filter (self);
    }

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_new_now (self->owner_zone);
  filter = selected_status_filter (self);
  assistant_id = selected_assistant_id (self);

  upcoming = dg_task_store_list_upcoming (self->tasks, self->now, WEEK_START, assistant_id, &error);
  if (upcoming == NULL)
    {
      show_list_error (self, error);
      return;
    }
  for (guint i = 0; i < upcoming->len; i++)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (upcoming, i);

      g_hash_table_add (seen, occurrence_key (occurrence));
      if (status_matches (filter, dg_task_occurrence_get_status (occurrence)))
        g_ptr_array_add (shown, g_object_ref (occurrence));
    }

  /* What was finished lies in the past, which the upcoming list leaves
   * out but for the overdue work, or after this week, where it lists only
   * the next date to do. */
  if (filter != STATUS_FILTER_OPEN)
    {
      g_autoptr(GDateTime) today = g_date_time_new (self->owner_zone,
                                                    g_date_time_get_year (self->now),
                                                    g_date_time_get_month (self->now),
                                                    g_date_time_get_day_of_month (self->now),
                                                    0, 0, 0);
      g_autoptr(GDateTime) from = g_date_time_add_days (today, -HISTORY_DAYS);
      g_autoptr(GPtrArray) more = dg_task_store_list_occurrences (self->tasks, from, today,
                                                                   assistant_id, &error);
      guint n_tasks = g_list_model_get_n_items (G_LIST_MODEL (self->tasks));

      if (more == NULL)
        {
          show_list_error (self, error);
          more = g_ptr_array_new_with_free_func (g_object_unref);
          g_clear_error (&error);
        }
      for (guint i = 0; i < n_tasks; i++)
        {
          g_autoptr(DgTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);
          g_autoptr(GPtrArray) overrides = NULL;

          if (assistant_id != 0 && dg_task_get_assistant_id (task) != assistant_id)
            continue;
          if (!dg_task_is_recurring (task))
            {
              DgTaskOccurrence *occurrence = dg_task_store_get_occurrence (self->tasks, task, NULL, NULL);

              if (occurrence != NULL)
                g_ptr_array_add (more, occurrence);
              continue;
            }
          overrides = dg_task_store_list_overrides (self->tasks, task, NULL);
          for (guint j = 0; overrides != NULL && j < overrides->len; j++)
            g_ptr_array_add (more, g_object_ref (g_ptr_array_index (overrides, j)));
        }

      for (guint i = 0; i < more->len; i++)
        {
          DgTaskOccurrence *occurrence = g_ptr_array_index (more, i);
          g_autofree char *key = occurrence_key (occurrence);

          if (g_date_time_compare (dg_task_occurrence_get_due (occurrence), from) < 0 ||
              !status_matches (filter, dg_task_occurrence_get_status (occurrence)) ||
              !g_hash_table_add (seen, g_steal_pointer (&key)))
            continue;
          g_ptr_array_add (shown, g_object_ref (occurrence));
        }
      g_ptr_array_sort (shown, compare_occurrences);
    }

  items = make_items (self, shown);
  self->n_shown = shown->len;
  dg_occurrence_item_update_store (self->items, items);
  update_empty_state (self);
}

void
dg_tasks_page_reload (DgTasksPage *self)
{
  g_return_if_fail (DG_IS_TASKS_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self->list_stack)))
    load (self);
  else
    self->stale = TRUE;
}

gboolean
dg_tasks_page_get_loaded (DgTasksPage *self)
{
  g_return_val_if_fail (DG_IS_TASKS_PAGE (self), FALSE);

  return self->loaded;
}

static void
on_list_stack_map (DgTasksPage *self)
{
  if (!self->loaded || self->stale || g_get_monotonic_time () - self->loaded_at > FRESH_FOR)
    load (self);
}

static void
on_filter_changed (DgTasksPage *self)
{
  if (self->filling_filter)
    return;
  dg_agenda_view_set_assistant_id (self->agenda_view, selected_assistant_id (self));
  dg_tasks_page_reload (self);
}

/* The agenda shows every status, each marked in its row. */
static void
on_view_changed (DgTasksPage *self)
{
  if (self->filling_filter)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_dropdown),
                            g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "list") == 0);
}

/* "All Assistants", then the active ones; the choice is kept when the list
 * changes, unless that assistant was archived or deleted. */
static void
fill_assistant_filter (DgTasksPage *self)
{
  self->filling_filter = TRUE;
  dg_assistant_filter_fill (self->assistant_dropdown, self->assistant_model, self->assistant_ids,
                            self->assistants, TRUE);
  dg_agenda_view_set_assistant_id (self->agenda_view, selected_assistant_id (self));
  self->filling_filter = FALSE;
}

static void
on_assistants_changed (GListModel  *model,
                       guint        position,
                       guint        removed,
                       guint        added,
                       DgTasksPage *self)
{
  g_autoptr(GError) error = NULL;

  self->filter_stale = TRUE;
  /* A renamed assistant shows with the new name in the rows too. */
  if (!dg_task_store_reload (self->tasks, &error))
    show_list_error (self, error);
  dg_tasks_page_reload (self);
}

static void
on_tasks_changed (DgTasksPage *self)
{
  dg_tasks_page_reload (self);
}

/* ---- the list ------------------------------------------------------------ */

/* A list item shows a heading or an occurrence, and is bound to one after
 * the other as the list scrolls: the child is swapped only when the kind
 * changes, which is rare, as headings are few. */
static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  DgTasksPage              *self)
{
  gtk_list_item_set_child (list_item, dg_task_row_new ());
}

static GtkWidget *
create_heading (void)
{
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL,
                                     "name", "task_group_heading",
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     NULL);

  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (heading, "dg-list-heading");
  return heading;
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 DgTasksPage              *self)
{
  DgOccurrenceItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);

  gtk_list_item_set_selectable (list_item, FALSE);
  if (dg_occurrence_item_is_heading (item))
    {
      const char *style_class = dg_occurrence_item_get_style_class (item);

      if (!GTK_IS_LABEL (child))
        {
          child = create_heading ();
          gtk_list_item_set_child (list_item, child);
        }
      gtk_label_set_label (GTK_LABEL (child), dg_occurrence_item_get_title (item));
      gtk_widget_set_css_classes (child, (const char *[]) { "heading", "dg-list-heading", style_class, NULL });
      gtk_list_item_set_activatable (list_item, FALSE);
      return;
    }

  if (!DG_IS_TASK_ROW (child))
    {
      child = dg_task_row_new ();
      gtk_list_item_set_child (list_item, child);
    }
  dg_task_row_set_item (DG_TASK_ROW (child), item, self->owner_zone);
  gtk_list_item_set_activatable (list_item, TRUE);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   DgTasksPage              *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (DG_IS_TASK_ROW (child))
    dg_task_row_set_item (DG_TASK_ROW (child), NULL, NULL);
}

static void present_dialog (DgTasksPage *self,
                            DgTask      *task);

/* A click on the row or Enter on it opens the task. */
static void
on_list_activated (GtkGridView *list_view,
                   guint        position,
                   DgTasksPage *self)
{
  g_autoptr(DgOccurrenceItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL && !dg_occurrence_item_is_heading (item))
    present_dialog (self, dg_task_occurrence_get_task (dg_occurrence_item_get_occurrence (item)));
}

/* ---- actions ------------------------------------------------------------- */

static void
present_dialog (DgTasksPage *self,
                DgTask      *task)
{
  DgTaskDialog *dialog;

  if (self->tasks == NULL)
    return;
  dialog = dg_task_dialog_new (parent_window (self), self->tasks, self->assistants, self->handbooks, task);
  if (task == NULL && selected_assistant_id (self) != 0)
    dg_task_dialog_set_assistant_id (dialog, selected_assistant_id (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_new_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  present_dialog (DG_TASKS_PAGE (widget), NULL);
}

static void
on_edit_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DgTasksPage *self = DG_TASKS_PAGE (widget);
  DgTask *task = self->tasks ? dg_task_store_find (self->tasks, g_variant_get_int64 (parameter)) : NULL;

  if (task != NULL)
    present_dialog (self, task);
}

typedef struct
{
  GWeakRef        page;
  DgTaskStore    *tasks;
  DgTaskProgress  before;
  char           *recurrence_id;
  char           *completed_at;
} UndoData;

static void
undo_data_free (gpointer  data,
                GClosure *closure)
{
  UndoData *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_object (&undo->tasks);
  g_free (undo->recurrence_id);
  g_free (undo->completed_at);
  g_free (undo);
}

static void
on_undo_clicked (AdwToast *toast,
                 UndoData *undo)
{
  g_autoptr(GError) error = NULL;

  undo->before.recurrence_id = undo->recurrence_id;
  undo->before.completed_at = undo->completed_at;
  if (!dg_task_store_set_progress (undo->tasks, &undo->before, 1, &error))
    {
      g_autoptr(DgTasksPage) page = g_weak_ref_get (&undo->page);

      if (page != NULL)
        show_error (page, _("Could Not Undo the Change"), error->message);
    }
}

static void
change_status (DgTasksPage  *self,
               GVariant     *parameter,
               DgTaskStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgTaskOccurrence) occurrence = NULL;
  const char *recurrence_id = NULL;
  const char *message;
  gint64 task_id = 0;
  DgTask *task;
  UndoData *undo;
  AdwToast *toast;

  g_variant_get (parameter, "(x&s)", &task_id, &recurrence_id);
  task = self->tasks ? dg_task_store_find (self->tasks, task_id) : NULL;
  if (task == NULL)
    return;
  if (*recurrence_id == '\0')
    recurrence_id = NULL;

  occurrence = dg_task_store_get_occurrence (self->tasks, task, recurrence_id, &error);
  if (occurrence == NULL ||
      !dg_task_store_set_status (self->tasks, task, recurrence_id, status, &error))
    {
      show_error (self, _("Could Not Change the Task"), error->message);
      return;
    }

  undo = g_new0 (UndoData, 1);
  g_weak_ref_init (&undo->page, self);
  undo->tasks = g_object_ref (self->tasks);
  undo->before.task_id = task_id;
  undo->before.status = dg_task_occurrence_get_status (occurrence);
  undo->before.percent_complete = dg_task_occurrence_get_percent_complete (occurrence);
  undo->recurrence_id = g_strdup (recurrence_id ? recurrence_id : "");
  undo->completed_at = g_strdup (dg_task_occurrence_get_completed_at (occurrence));

  switch (status)
    {
    case DG_TASK_STATUS_DONE:
      message = _("Marked done");
      break;
    case DG_TASK_STATUS_SKIPPED:
      message = _("Skipped this time");
      break;
    default:
      message = _("Marked open again");
      break;
    }
  /* Undo is offered for the last change only: toasts wait in line, and an
   * older Undo shown later would surprise. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_set_weak_pointer (&self->undo_toast, toast);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked),
                         undo, undo_data_free, 0);
  add_toast (self, toast);
}

static void
on_done_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  change_status (DG_TASKS_PAGE (widget), parameter, DG_TASK_STATUS_DONE);
}

static void
on_skip_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  change_status (DG_TASKS_PAGE (widget), parameter, DG_TASK_STATUS_SKIPPED);
}

static void
on_reopen_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  change_status (DG_TASKS_PAGE (widget), parameter, DG_TASK_STATUS_OPEN);
}

/* ---- calendar exchange ---------------------------------------------------- */

static void
export_calendar (DgTasksPage *self,
                 gint64       assistant_id,
                 GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgBusinessProfile) profile = NULL;
  g_autofree char *name = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *message = NULL;

  profile = dg_business_profile_load (dg_task_store_get_database (self->tasks), &error);
  if (profile == NULL ||
      !dg_calendar_export_to_file (self->tasks, self->handbooks, self->assistants, profile,
                                   assistant_id, file, &error))
    {
      show_error (self, _("Could Not Export the Calendar"), error->message);
      return;
    }
  name = g_file_get_basename (file);
  display_name = g_filename_display_name (name);
  /* Translators: a file name */
  message = g_strdup_printf (_("Saved “%s”"), display_name);
  add_toast (self, adw_toast_new (message));
}

static void
on_export_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            DgTasksPage     *self)
{
  gint64 *assistant_id = g_object_get_data (G_OBJECT (chooser), "dg-assistant-id");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    export_calendar (self, *assistant_id, file);
  g_object_unref (chooser);
}

void
dg_tasks_page_set_test_file (GFile *file)
{
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&test_file, file);
}

static GtkFileFilter *
calendar_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Calendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  return filter;
}

static void
on_export_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgTasksPage *self = DG_TASKS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = calendar_filter ();
  GtkFileChooserNative *chooser;
  gint64 *assistant_id;
  g_autofree char *name = NULL;

  if (self->tasks == NULL)
    return;
  if (test_file != NULL)
    {
      export_calendar (self, selected_assistant_id (self), test_file);
      return;
    }

  /* The assistant the list shows now, even if the filter changes while
   * the chooser is open. */
  assistant_id = g_new (gint64, 1);
  *assistant_id = selected_assistant_id (self);
  if (*assistant_id != 0)
    {
      DgAssistant *assistant = dg_assistant_store_find (self->assistants, *assistant_id);

      name = g_strconcat (assistant ? dg_assistant_get_name (assistant) : "delegate-tasks", ".ics", NULL);
      /* A name may hold characters a file name cannot. */
      g_strdelimit (name, "/\\:", '-');
    }
  else
    {
      name = g_strdup ("delegate-tasks.ics");
    }

  chooser = gtk_file_chooser_native_new (*assistant_id != 0 ? _("Export the Assistant’s Calendar")
                                                            : _("Export the Calendar of All Assistants"),
                                         parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (chooser), "dg-assistant-id", assistant_id, g_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_status (DgTasksPage *self,
               GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DgCalendarImport) import = NULL;
  DgCalendarImportDialog *dialog;

  import = dg_calendar_import_prepare_file (self->tasks, file, &error);
  if (import == NULL)
    {
      show_error (self, _("Could Not Read the Calendar"), error->message);
      return;
    }
  dialog = dg_calendar_import_dialog_new (parent_window (self), import);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (dg_tasks_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chooser_response (GtkNativeDialog *chooser,
                            int              response,
                            DgTasksPage     *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    import_status (self, file);
  g_object_unref (chooser);
}

static void
on_import_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgTasksPage *self = DG_TASKS_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = calendar_filter ();
  GtkFileChooserNative *chooser;

  if (self->tasks == NULL)
    return;
  if (test_file != NULL)
    {
      import_status (self, test_file);
      return;
    }
  chooser = gtk_file_chooser_native_new (_("Import Status from a Calendar"),
                                         parent_window (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the day changes ------------------------------------------------------ */

static void schedule_midnight (DgTasksPage *self);

static gboolean
on_midnight (gpointer user_data)
{
  DgTasksPage *self = user_data;

  self->midnight_id = 0;
  dg_tasks_page_reload (self);
  schedule_midnight (self);
  return G_SOURCE_REMOVE;
}

/* Today becomes yesterday at midnight: what was due today is overdue. */
static void
schedule_midnight (DgTasksPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (self->owner_zone);
  g_autoptr(GDateTime) today = g_date_time_new (self->owner_zone,
                                                g_date_time_get_year (now),
                                                g_date_time_get_month (now),
                                                g_date_time_get_day_of_month (now),
                                                0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan wait = g_date_time_difference (tomorrow, now);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  self->midnight_id = g_timeout_add_seconds ((guint) (wait / G_TIME_SPAN_SECOND) + 1, on_midnight, self);
}

static void
dg_tasks_page_map (GtkWidget *widget)
{
  DgTasksPage *self = DG_TASKS_PAGE (widget);

  GTK_WIDGET_CLASS (dg_tasks_page_parent_class)->map (widget);

  /* After a suspend the timer may be late. The list reloads itself when
   * it is shown (on_list_stack_map). */
  schedule_midnight (self);
}

void
dg_tasks_page_set_stores (DgTasksPage      *self,
                          DgTaskStore      *tasks,
                          DgAssistantStore *assistants,
                          DgHandbookStore  *handbooks)
{
  g_return_if_fail (DG_IS_TASKS_PAGE (self));
  g_return_if_fail (DG_IS_TASK_STORE (tasks));
  g_return_if_fail (DG_IS_ASSISTANT_STORE (assistants));
  g_return_if_fail (DG_IS_HANDBOOK_STORE (handbooks));
  g_return_if_fail (self->tasks == NULL);

  self->tasks = g_object_ref (tasks);
  self->assistants = g_object_ref (assistants);
  self->handbooks = g_object_ref (handbooks);
  g_signal_connect_object (tasks, "items-changed", G_CALLBACK (on_tasks_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tasks, "occurrences-changed", G_CALLBACK (on_tasks_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (assistants, "items-changed", G_CALLBACK (on_assistants_changed), self, 0);
  dg_agenda_view_set_store (self->agenda_view, tasks);
  self->filter_stale = TRUE;
  dg_tasks_page_reload (self);
}

static void
dg_tasks_page_dispose (GObject *object)
{
  DgTasksPage *self = DG_TASKS_PAGE (object);

  g_clear_handle_id (&self->midnight_id, g_source_remove);
  g_clear_weak_pointer (&self->undo_toast);
  if (self->tasks != NULL)
    g_signal_handlers_disconnect_by_data (self->tasks, self);
  if (self->assistants != NULL)
    g_signal_handlers_disconnect_by_data (self->assistants, self);
  /* The bin's child is built from the template: release it through the
   * bin first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TASKS_PAGE);
  g_clear_object (&self->items);
  g_clear_object (&self->tasks);
  g_clear_object (&self->assistants);
  g_clear_object (&self->handbooks);

  G_OBJECT_CLASS (dg_tasks_page_parent_class)->dispose (object);
}

static void
dg_tasks_page_finalize (GObject *object)
{
  DgTasksPage *self = DG_TASKS_PAGE (object);

  g_clear_pointer (&self->assistant_ids, g_array_unref);
  g_clear_pointer (&self->owner_zone, g_time_zone_unref);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (dg_tasks_page_parent_class)->finalize (object);
}

static void
dg_tasks_page_class_init (DgTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_tasks_page_dispose;
  object_class->finalize = dg_tasks_page_finalize;
  widget_class->map = dg_tasks_page_map;

  g_type_ensure (DG_TYPE_AGENDA_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, assistant_model);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, assistant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, empty_status);
  gtk_widget_class_bind_template_child (widget_class, DgTasksPage, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_stack_map);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activated);

  gtk_widget_class_install_action (widget_class, "tasks.new", NULL, on_new_activated);
  gtk_widget_class_install_action (widget_class, "tasks.edit", "x", on_edit_activated);
  gtk_widget_class_install_action (widget_class, "tasks.done", "(xs)", on_done_activated);
  gtk_widget_class_install_action (widget_class, "tasks.skip", "(xs)", on_skip_activated);
  gtk_widget_class_install_action (widget_class, "tasks.reopen", "(xs)", on_reopen_activated);
  gtk_widget_class_install_action (widget_class, "tasks.export-calendar", NULL, on_export_activated);
  gtk_widget_class_install_action (widget_class, "tasks.import-status", NULL, on_import_activated);
}

static void
dg_tasks_page_init (DgTasksPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  /* The drop-downs announce their first selection while the template is
   * built: nothing to reload yet. */
  self->filling_filter = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling_filter = FALSE;

  self->items = g_list_store_new (DG_TYPE_OCCURRENCE_ITEM);
  self->assistant_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->owner_zone = g_time_zone_new_local ();
  self->now = g_date_time_new_now (self->owner_zone);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_empty_state (self);
}
