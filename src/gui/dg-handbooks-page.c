/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbooks-page"

#include <glib/gi18n.h>

#include "dg-confirmation.h"
#include "dg-handbook-editor.h"
#include "dg-handbook-template-dialog.h"
#include "dg-handbooks-page.h"
#include "dg-validation.h"

#define SEARCH_LIMIT 100

struct _DgHandbooksPage
{
  AdwBin              parent_instance;

  DgHandbookStore    *store;
  GListStore         *results;       /* DgHandbook, best match first */
  GHashTable         *snippets;      /* DgHandbook → Pango markup */
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
  DgHandbookEditor   *editor;        /* made when first needed */
};

G_DEFINE_FINAL_TYPE (DgHandbooksPage, dg_handbooks_page, ADW_TYPE_BIN)

static gboolean
searching (DgHandbooksPage *self)
{
  return !dg_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static gboolean
filter_handbook (gpointer item,
                 gpointer user_data)
{
  DgHandbooksPage *self = user_data;

  return gtk_toggle_button_get_active (self->show_archived_button) ||
         !dg_handbook_get_archived (item);
}

static guint
position_of (DgHandbooksPage *self,
             DgHandbook      *handbook)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgHandbook) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item == handbook)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_handbook (DgHandbooksPage *self,
                 DgHandbook      *handbook)
{
  self->reverting_selection = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     handbook ? position_of (self, handbook)
                                              : GTK_INVALID_LIST_POSITION);
  self->reverting_selection = FALSE;
}

static gboolean
editor_shown (DgHandbooksPage *self)
{
  return self->editor != NULL &&
         gtk_stack_get_visible_child (self->detail_stack) == GTK_WIDGET (self->editor);
}

static DgHandbook *
edited_handbook (DgHandbooksPage *self)
{
  return editor_shown (self) ? dg_handbook_editor_get_handbook (self->editor) : NULL;
}

static gboolean
has_unsaved_changes (DgHandbooksPage *self)
{
  return self->editor != NULL && dg_handbook_editor_get_dirty (self->editor);
}

static void
update_stacks (DgHandbooksPage *self)
{
  DgHandbook *edited = edited_handbook (self);
  gboolean any = g_list_model_get_n_items (G_LIST_MODEL (self->store)) > 0;
  gboolean editing_new = edited != NULL && dg_handbook_get_id (edited) == 0;

  gtk_stack_set_visible_child_name (self->main_stack, any || editing_new ? "list" : "empty");
  gtk_stack_set_visible_child_name (self->list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0
                                    ? "list" : "no-results");
}

static void on_editor_saved  (DgHandbookEditor *editor,
                              DgHandbook       *handbook,
                              DgHandbooksPage  *self);
static void on_editor_open   (DgHandbookEditor *editor,
                              DgHandbook       *handbook,
                              DgHandbooksPage  *self);
static void on_editor_closed (DgHandbookEditor *editor,
                              DgHandbooksPage  *self);

static DgHandbookEditor *
ensure_editor (DgHandbooksPage *self)
{
  if (self->editor == NULL)
    {
      self->editor = g_object_new (DG_TYPE_HANDBOOK_EDITOR, NULL);
      dg_handbook_editor_set_store (self->editor, self->store);
      g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
      g_signal_connect_object (self->editor, "open", G_CALLBACK (on_editor_open), self, 0);
      g_signal_connect_object (self->editor, "closed", G_CALLBACK (on_editor_closed), self, 0);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->editor), "editor");
    }
  return self->editor;
}

static void
show_editor (DgHandbooksPage *self,
             gboolean         shown)
{
  if (shown)
    gtk_stack_set_visible_child (self->detail_stack, GTK_WIDGET (ensure_editor (self)));
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "placeholder");
}

/* Saves what is being edited before something else is opened; FALSE when
 * the store refused it, and the editor then shows why. */
static gboolean
leave_edited (DgHandbooksPage *self)
{
  gboolean saved;

  if (!has_unsaved_changes (self))
    return TRUE;
  self->switching = TRUE;
  saved = dg_handbook_editor_save (self->editor, NULL);
  self->switching = FALSE;
  return saved;
}

static void
open_handbook (DgHandbooksPage *self,
               DgHandbook      *handbook)
{
  if (handbook != edited_handbook (self))
    dg_handbook_editor_edit (ensure_editor (self), handbook);
  show_editor (self, TRUE);
  update_stacks (self);
  select_handbook (self, handbook);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      DgHandbooksPage    *self)
{
  DgHandbook *handbook = gtk_single_selection_get_selected_item (selection);

  if (self->reverting_selection || handbook == NULL)
    return;

  /* Edits are kept: saved as they are; when the save fails, the
   * selection stays so that nothing is lost. */
  if (handbook != edited_handbook (self) && !leave_edited (self))
    {
      select_handbook (self, edited_handbook (self));
      return;
    }
  open_handbook (self, handbook);
}

/* On a narrow window the list stands alone: nothing is shown selected
 * there, so that a click on any row, also the last one edited, opens it. */
static void
on_leaflet_changed (DgHandbooksPage *self)
{
  gboolean list_alone = adw_leaflet_get_folded (self->leaflet) &&
                        adw_leaflet_get_visible_child (self->leaflet) != self->content_box;

  select_handbook (self, list_alone ? NULL : edited_handbook (self));
}

static void
refilter (DgHandbooksPage *self)
{
  DgHandbook *edited = edited_handbook (self);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (edited != NULL)
    select_handbook (self, edited);
  update_stacks (self);
}

static void
run_search (DgHandbooksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_remove_all (self->snippets);
  if (searching (self))
    {
      hits = dg_handbook_store_search (self->store,
                                       gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                       SEARCH_LIMIT, &error);
      if (hits == NULL)
        g_warning ("Searching the handbooks failed: %s", error->message);
      for (guint i = 0; hits != NULL && i < hits->len; i++)
        {
          DgHandbookHit *hit = g_ptr_array_index (hits, i);
          DgHandbook *handbook = dg_handbook_store_find (self->store, hit->handbook_id);

          if (handbook == NULL)
            continue;
          g_ptr_array_add (found, g_object_ref (handbook));
          g_hash_table_replace (self->snippets, handbook, g_strdup (hit->snippet));
        }
    }
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       found->pdata, found->len);
}

static void
on_search_changed (DgHandbooksPage *self)
{
  GListModel *model = searching (self) ? G_LIST_MODEL (self->results) : G_LIST_MODEL (self->store);

  run_search (self);
  if (gtk_filter_list_model_get_model (self->filtered) != model)
    gtk_filter_list_model_set_model (self->filtered, model);
  refilter (self);
}

static void
on_store_items_changed (GListModel      *model,
                        guint            position,
                        guint            removed,
                        guint            added,
                        DgHandbooksPage *self)
{
  /* Titles, steps, deletions: what matches may have changed too. */
  if (searching (self))
    run_search (self);
  refilter (self);
}

static void
on_editor_saved (DgHandbookEditor *editor,
                 DgHandbook       *handbook,
                 DgHandbooksPage  *self)
{
  /* Saved on the way to another handbook: the selection goes where the
   * owner clicked. */
  if (self->switching)
    {
      update_stacks (self);
      return;
    }
  if (searching (self))
    run_search (self);
  refilter (self);
}

static void
on_editor_open (DgHandbookEditor *editor,
                DgHandbook       *handbook,
                DgHandbooksPage  *self)
{
  DgHandbook *listed = dg_handbook_store_find (self->store, dg_handbook_get_id (handbook));

  /* Shown in the list, wherever the search had led. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  on_search_changed (self);
  open_handbook (self, listed ? listed : handbook);
}

static void
on_editor_closed (DgHandbookEditor *editor,
                  DgHandbooksPage  *self)
{
  show_editor (self, FALSE);
  select_handbook (self, NULL);
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  update_stacks (self);
}

static void
on_new_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DgHandbooksPage *self = DG_HANDBOOKS_PAGE (widget);
  g_autoptr(DgHandbook) handbook = NULL;

  if (!leave_edited (self))
    return;

  handbook = dg_handbook_new ("");
  dg_handbook_editor_edit (ensure_editor (self), handbook);
  show_editor (self, TRUE);
  select_handbook (self, NULL);
  update_stacks (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  dg_handbook_editor_focus_title (self->editor);
}

static void
on_template_created (GtkWidget       *dialog,
                     DgHandbook      *saved,
                     DgHandbooksPage *self)
{
  on_editor_open (NULL, saved, self);
}

static void
on_new_from_template_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  DgHandbooksPage *self = DG_HANDBOOKS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL || !leave_edited (self))
    return;
  dialog = dg_handbook_template_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_template_created), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_search_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DgHandbooksPage *self = DG_HANDBOOKS_PAGE (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "list") != 0)
    return;
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_box);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Ctrl+P prints the handbook that is open: the editor's own action, which
 * knows whether there is one to print. */
static void
on_print_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DgHandbooksPage *self = DG_HANDBOOKS_PAGE (widget);

  if (editor_shown (self))
    gtk_widget_activate_action (GTK_WIDGET (self->editor), "handbook.print", NULL);
}

static void
on_back_clicked (GtkButton       *button,
                 DgHandbooksPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- list rows: one label, as rows are many ----------------------------- */

static char *
describe (DgHandbook *handbook)
{
  GString *text = g_string_new (NULL);
  int version = dg_handbook_get_version (handbook);

  if (version == 0)
    g_string_append (text, _("Draft"));
  else if (dg_handbook_get_has_changes (handbook))
    /* Translators: in the list, a handbook whose draft differs from its latest version */
    g_string_printf (text, _("Version %d · unpublished changes"), version);
  else
    /* Translators: in the list, a handbook's latest version */
    g_string_printf (text, _("Version %d"), version);
  if (dg_handbook_get_archived (handbook))
    /* Translators: after the version of an archived handbook in the list */
    g_string_append (text, _(" · Archived"));
  return g_markup_escape_text (text->str, -1);
}

static void
refresh_row (GtkLabel        *label,
             DgHandbooksPage *self)
{
  DgHandbook *handbook = g_object_get_data (G_OBJECT (label), "dg-handbook");
  const char *snippet;
  g_autofree char *details = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;

  if (handbook == NULL)
    return;
  snippet = searching (self) ? g_hash_table_lookup (self->snippets, handbook) : NULL;
  /* A snippet may span a step's title and details: one line in the list. */
  details = snippet && *snippet ? g_strdelimit (g_strdup (snippet), "\n", ' ') : describe (handbook);
  title = g_markup_escape_text (dg_handbook_get_display_title (handbook), -1);
  markup = g_strdup_printf ("<b>%s</b>\n<span size=\"small\" alpha=\"60%%\">%s</span>", title, details);
  gtk_label_set_markup (label, markup);
}

static void
on_row_handbook_notify (DgHandbook *handbook,
                        GParamSpec *pspec,
                        GtkLabel   *label)
{
  refresh_row (label, g_object_get_data (G_OBJECT (label), "dg-page"));
}

static void
on_list_item_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    DgHandbooksPage          *self)
{
  /* Up to three lines, so that a search snippet can show its match. */
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "lines", 3,
                                   "max-width-chars", 40,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   "margin-top", 9,
                                   "margin-bottom", 9,
                                   "margin-start", 6,
                                   NULL);

  g_object_set_data (G_OBJECT (label), "dg-page", self);
  gtk_list_item_set_child (item, label);
}

static void
on_list_item_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   DgHandbooksPage          *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DgHandbook *handbook = gtk_list_item_get_item (item);

  g_object_set_data_full (G_OBJECT (label), "dg-handbook", g_object_ref (handbook), g_object_unref);
  g_signal_connect_object (handbook, "notify", G_CALLBACK (on_row_handbook_notify), label, 0);
  refresh_row (GTK_LABEL (label), self);
}

static void
on_list_item_unbind (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     DgHandbooksPage          *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  DgHandbook *handbook = g_object_get_data (G_OBJECT (label), "dg-handbook");

  if (handbook != NULL)
    g_signal_handlers_disconnect_by_func (handbook, on_row_handbook_notify, label);
  g_object_set_data (G_OBJECT (label), "dg-handbook", NULL);
}

/* ---- public --------------------------------------------------------------- */

void
dg_handbooks_page_set_store (DgHandbooksPage *self,
                             DgHandbookStore *store)
{
  g_return_if_fail (DG_IS_HANDBOOKS_PAGE (self));
  g_return_if_fail (DG_IS_HANDBOOK_STORE (store));
  g_return_if_fail (self->store == NULL);

  self->store = g_object_ref (store);
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (store));
  /* After the filter model has taken in the change: refiltering before it
   * would apply the same change twice. */
  g_signal_connect_object (store, "items-changed", G_CALLBACK (on_store_items_changed), self, G_CONNECT_AFTER);
  update_stacks (self);
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
                            DgHandbooksPage  *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (g_strcmp0 (response, "discard") != 0)
    return;
  dg_handbook_editor_discard (self->editor);
  /* Once the dialog, which belongs to the window, has finished. */
  if (GTK_IS_WINDOW (root))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window, g_object_ref (root), g_object_unref);
}

gboolean
dg_handbooks_page_prepare_close (DgHandbooksPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkRoot *root;

  g_return_val_if_fail (DG_IS_HANDBOOKS_PAGE (self), TRUE);

  /* A draft is saved complete or not; only a save the store refused
   * (the database, or the handbook deleted meanwhile) needs the owner. */
  if (!has_unsaved_changes (self) || dg_handbook_editor_save (self->editor, &error))
    return TRUE;

  /* Translators: the reason follows, a full sentence from the database */
  body = g_strdup_printf (_("The changes could not be saved: %s"), error->message);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dg_confirmation_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                           _("Discard Unsaved Changes?"), body,
                           _("_Keep Editing"), "discard", _("_Discard Changes"),
                           G_CALLBACK (on_discard_dialog_response), self);
  return FALSE;
}

static void
dg_handbooks_page_dispose (GObject *object)
{
  DgHandbooksPage *self = DG_HANDBOOKS_PAGE (object);

  /* The editor saves what is pending as it goes; the store's signals must
   * not reach this page's widgets, which are going too. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_filter_list_model_set_model (self->filtered, NULL);

  /* The bin's child is a template child too: release it through the bin
   * first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_HANDBOOKS_PAGE);
  self->editor = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_handbooks_page_parent_class)->dispose (object);
}

static void
dg_handbooks_page_finalize (GObject *object)
{
  DgHandbooksPage *self = DG_HANDBOOKS_PAGE (object);

  g_clear_pointer (&self->snippets, g_hash_table_unref);

  G_OBJECT_CLASS (dg_handbooks_page_parent_class)->finalize (object);
}

static void
dg_handbooks_page_class_init (DgHandbooksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_handbooks_page_dispose;
  object_class->finalize = dg_handbooks_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-handbooks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, show_archived_button);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, DgHandbooksPage, detail_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, refilter);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_item_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_list_item_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_list_item_unbind);

  gtk_widget_class_install_action (widget_class, "handbooks.new", NULL, on_new_activated);
  gtk_widget_class_install_action (widget_class, "handbooks.new-from-template", NULL, on_new_from_template_activated);
  gtk_widget_class_install_action (widget_class, "handbooks.search", NULL, on_search_activated);
  gtk_widget_class_install_action (widget_class, "handbooks.print", NULL, on_print_activated);
}

static void
dg_handbooks_page_init (DgHandbooksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->results = g_list_store_new (DG_TYPE_HANDBOOK);
  self->snippets = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->filter = gtk_custom_filter_new (filter_handbook, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}
