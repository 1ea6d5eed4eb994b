/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-assistants-page"

#include <glib/gi18n.h>

#include "dg-assistant-editor.h"
#include "dg-assistant-row.h"
#include "dg-assistants-page.h"
#include "dg-confirmation.h"

struct _DgAssistantsPage
{
  AdwBin              parent_instance;

  DgAssistantStore   *store;
  DgTaskStore        *tasks;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkCustomFilter    *filter;
  gboolean            reverting_selection;
  gboolean            switching;     /* saving the edited one to open another */

  GtkStack           *main_stack;
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkToggleButton    *show_archived_button;
  GtkWidget          *sidebar_box;
  GtkWidget          *content_box;
  GtkStack           *detail_stack;
  DgAssistantEditor  *editor;      /* made when first needed: it is large */
};

G_DEFINE_FINAL_TYPE (DgAssistantsPage, dg_assistants_page, ADW_TYPE_BIN)

static gboolean
matches (DgAssistant *assistant,
         const char  *needle)
{
  const char *haystacks[] = {
    dg_assistant_get_name (assistant),
    dg_assistant_get_email (assistant),
    dg_assistant_get_time_zone (assistant),
    dg_assistant_get_country (assistant),
  };

  for (guint i = 0; i < G_N_ELEMENTS (haystacks); i++)
    {
      g_autofree char *folded = g_utf8_casefold (haystacks[i], -1);

      if (strstr (folded, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_assistant (gpointer item,
                  gpointer user_data)
{
  DgAssistantsPage *self = user_data;
  DgAssistant *assistant = item;
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);

  if (!gtk_toggle_button_get_active (self->show_archived_button) &&
      !dg_assistant_get_active (assistant))
    return FALSE;
  return *needle == '\0' || matches (assistant, needle);
}

static guint
position_of (DgAssistantsPage *self,
             DgAssistant      *assistant)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgAssistant) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item == assistant)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_assistant (DgAssistantsPage *self,
                  DgAssistant      *assistant)
{
  self->reverting_selection = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     assistant ? position_of (self, assistant)
                                               : GTK_INVALID_LIST_POSITION);
  self->reverting_selection = FALSE;
}

static gboolean
editor_shown (DgAssistantsPage *self)
{
  return self->editor != NULL &&
         gtk_stack_get_visible_child (self->detail_stack) == GTK_WIDGET (self->editor);
}

/* The stored assistant in the editor, NULL for none or a new one. */
static DgAssistant *
edited_assistant (DgAssistantsPage *self)
{
  return self->editor ? dg_assistant_editor_get_edited (self->editor) : NULL;
}

static gboolean
has_unsaved_changes (DgAssistantsPage *self)
{
  return self->editor != NULL && dg_assistant_editor_get_dirty (self->editor);
}

static void on_editor_saved   (DgAssistantEditor *editor,
                               DgAssistant       *assistant,
                               DgAssistantsPage  *self);
static void on_editor_closed (DgAssistantEditor *editor,
                               DgAssistantsPage  *self);

static DgAssistantEditor *
ensure_editor (DgAssistantsPage *self)
{
  if (self->editor == NULL)
    {
      self->editor = g_object_new (DG_TYPE_ASSISTANT_EDITOR, NULL);
      dg_assistant_editor_set_store (self->editor, self->store);
      if (self->tasks != NULL)
        dg_assistant_editor_set_task_store (self->editor, self->tasks);
      g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
      g_signal_connect_object (self->editor, "closed", G_CALLBACK (on_editor_closed), self, 0);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->editor), "editor");
    }
  return self->editor;
}

/* The editor, or the hint to pick an assistant when none is being edited. */
static void
show_editor (DgAssistantsPage *self,
             gboolean          shown)
{
  if (shown)
    gtk_stack_set_visible_child (self->detail_stack, GTK_WIDGET (ensure_editor (self)));
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "placeholder");
}


static void
update_stacks (DgAssistantsPage *self)
{
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;
  gboolean editing_new = edited_assistant (self) == NULL &&
                         g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "list") == 0 &&
                         editor_shown (self);

  gtk_stack_set_visible_child_name (self->main_stack, any || editing_new ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                    ? "list" : "no-results");
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      DgAssistantsPage   *self)
{
  DgAssistant *assistant = gtk_single_selection_get_selected_item (selection);

  if (self->reverting_selection || assistant == NULL)
    return;

  if (assistant != edited_assistant (self))
    {
      /* Changes to the assistant on screen are kept: saved when valid, and
       * when not, the selection stays so that the owner sees what to correct. */
      gboolean saved;

      self->switching = TRUE;
      saved = !has_unsaved_changes (self) || dg_assistant_editor_save (self->editor);
      self->switching = FALSE;
      if (!saved)
        {
          select_assistant (self, edited_assistant (self));
          return;
        }
      dg_assistant_editor_edit (ensure_editor (self), assistant);
    }

  show_editor (self, TRUE);
  /* Side by side, the keyboard focus stays in the list so that the arrow
   * keys go on browsing; only a narrow window turns to the editor. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

/* On a narrow window the list stands alone: nothing is shown selected there,
 * so that a click on any row, also the last one edited, opens it. */
static void
on_leaflet_changed (DgAssistantsPage *self)
{
  gboolean list_alone = adw_leaflet_get_folded (self->leaflet) &&
                        adw_leaflet_get_visible_child (self->leaflet) != self->content_box;

  select_assistant (self, list_alone ? NULL : edited_assistant (self));
}

static void
on_filter_inputs_changed (DgAssistantsPage *self)
{
  DgAssistant *edited = edited_assistant (self);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (edited != NULL)
    select_assistant (self, edited);
  update_stacks (self);
}

static void
on_store_items_changed (GListModel       *model,
                        guint             position,
                        guint             removed,
                        guint             added,
                        DgAssistantsPage *self)
{
  update_stacks (self);
}

static void
on_editor_saved (DgAssistantEditor *editor,
                 DgAssistant       *assistant,
                 DgAssistantsPage  *self)
{
  /* Saved on the way to another assistant: the list may be re-sorted, but
   * the selection goes where the owner clicked. */
  if (self->switching)
    {
      update_stacks (self);
      return;
    }
  select_assistant (self, assistant);
  update_stacks (self);
}

static void
on_editor_closed (DgAssistantEditor *editor,
                   DgAssistantsPage  *self)
{
  show_editor (self, FALSE);
  select_assistant (self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  update_stacks (self);
}

static void
on_add_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgAssistantsPage *self = DG_ASSISTANTS_PAGE (widget);

  if (has_unsaved_changes (self) && !dg_assistant_editor_save (self->editor))
    return;

  select_assistant (self, NULL);
  show_editor (self, TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "list");
  dg_assistant_editor_edit (ensure_editor (self), NULL);
  gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_search_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgAssistantsPage *self = DG_ASSISTANTS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "list") != 0)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_back_clicked (GtkButton        *button,
                 DgAssistantsPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_list_item_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    DgAssistantsPage         *self)
{
  gtk_list_item_set_child (item, g_object_new (DG_TYPE_ASSISTANT_ROW, NULL));
}

static void
on_list_item_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   DgAssistantsPage         *self)
{
  dg_assistant_row_set_assistant (DG_ASSISTANT_ROW (gtk_list_item_get_child (item)),
                                  gtk_list_item_get_item (item));
}

static void
on_list_item_unbind (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     DgAssistantsPage         *self)
{
  dg_assistant_row_set_assistant (DG_ASSISTANT_ROW (gtk_list_item_get_child (item)), NULL);
}

void
dg_assistants_page_set_store (DgAssistantsPage *self,
                              DgAssistantStore *store)
{
  g_return_if_fail (DG_IS_ASSISTANTS_PAGE (self));
  g_return_if_fail (DG_IS_ASSISTANT_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_store_items_changed), self, 0);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (store));
  update_stacks (self);
}

void
dg_assistants_page_set_task_store (DgAssistantsPage *self,
                                   DgTaskStore      *tasks)
{
  g_return_if_fail (DG_IS_ASSISTANTS_PAGE (self));
  g_return_if_fail (DG_IS_TASK_STORE (tasks));

  g_set_object (&self->tasks, tasks);
  if (self->editor != NULL)
    dg_assistant_editor_set_task_store (self->editor, tasks);
}

static gboolean
close_window (gpointer window)
{
  gtk_window_close (window);
  return G_SOURCE_REMOVE;
}

static void
on_discard_dialog_response (AdwMessageDialog *dialog,
                            const char       *response,
                            DgAssistantsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_strcmp0 (response, "discard") != 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.discard", NULL);
  /* Once the dialog, which belongs to the window, has finished. */
  if (GTK_IS_WINDOW (root))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window, g_object_ref (root), g_object_unref);
}

gboolean
dg_assistants_page_prepare_close (DgAssistantsPage *self)
{
  GtkRoot *root;

  g_return_val_if_fail (DG_IS_ASSISTANTS_PAGE (self), TRUE);

  if (!has_unsaved_changes (self))
    return TRUE;
  if (dg_assistant_editor_get_valid (self->editor) && dg_assistant_editor_save (self->editor))
    return TRUE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dg_confirmation_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           _("Discard Unsaved Changes?"),
                           _("Some fields of this assistant are not valid, so the changes could not be saved."),
                           _("_Keep Editing"), "discard", _("_Discard Changes"),
                           G_CALLBACK (on_discard_dialog_response), self);
  return FALSE;
}

static void
dg_assistants_page_dispose (GObject *object)
{
  DgAssistantsPage *self = DG_ASSISTANTS_PAGE (object);

  /* The bin's child is a template child too: release it through the bin
   * first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_ASSISTANTS_PAGE);
  self->editor = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (dg_assistants_page_parent_class)->dispose (object);
}

static void
dg_assistants_page_class_init (DgAssistantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_assistants_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-assistants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, show_archived_button);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, DgAssistantsPage, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_inputs_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_item_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_list_item_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_list_item_unbind);

  gtk_widget_class_install_action (widget_class, "assistants.add", NULL, on_add_activated);
  gtk_widget_class_install_action (widget_class, "assistants.search", NULL, on_search_activated);
}

static void
dg_assistants_page_init (DgAssistantsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_assistant, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}
