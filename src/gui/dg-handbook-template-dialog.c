/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-template-dialog"

#include <glib/gi18n.h>

#include "dg-handbook-template-dialog.h"
#include "dg-handbook-templates.h"

struct _DgHandbookTemplateDialog
{
  AdwWindow        parent_instance;

  DgHandbookStore *store;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *language_row;
  GtkListBox      *template_list;
};

G_DEFINE_FINAL_TYPE (DgHandbookTemplateDialog, dg_handbook_template_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CREATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* In the order of the language row's items. */
static const char * const languages[] = { "en", "de" };

static const char *
selected_language (DgHandbookTemplateDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  g_assert (selected < G_N_ELEMENTS (languages));
  return languages[selected];
}

static GtkWidget *
create_template_row (const DgHandbookTemplateInfo *info)
{
  g_autoptr(DgHandbook) preview = dg_handbook_templates_instantiate (info->id, info->language, NULL);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->title);
  /* The purpose says what the handbook is for better than its title can. */
  if (preview != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dg_handbook_get_purpose (preview));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, "template_row");
  g_object_set_data (G_OBJECT (row), "dg-template-id", (gpointer) info->id);
  g_object_set_data (G_OBJECT (row), "dg-template-language", (gpointer) info->language);
  return row;
}

static void
fill_template_list (DgHandbookTemplateDialog *self)
{
  const DgHandbookTemplateInfo *templates = dg_handbook_templates_list (selected_language (self));
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->template_list))) != NULL)
    gtk_list_box_remove (self->template_list, row);

  for (guint i = 0; templates != NULL && templates[i].id != NULL; i++)
    gtk_list_box_append (self->template_list, create_template_row (&templates[i]));
}

static void
on_language_row_selected (DgHandbookTemplateDialog *self)
{
  fill_template_list (self);
}

static void
show_error (DgHandbookTemplateDialog *self,
            const GError             *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_template_list_row_activated (DgHandbookTemplateDialog *self,
                                GtkListBoxRow            *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "dg-template-id");
  const char *language = g_object_get_data (G_OBJECT (row), "dg-template-language");
  g_autoptr(DgHandbook) handbook = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (id != NULL && language != NULL);

  handbook = dg_handbook_templates_instantiate (id, language, &error);
  if (handbook == NULL || !dg_handbook_store_save (self->store, handbook, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, handbook);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
dg_handbook_template_dialog_constructed (GObject *object)
{
  DgHandbookTemplateDialog *self = DG_HANDBOOK_TEMPLATE_DIALOG (object);
  const char *language = dg_handbook_templates_default_language ();
  guint index = 0;

  G_OBJECT_CLASS (dg_handbook_template_dialog_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (languages[i], language))
      index = i;
  /* Selecting another item fills the list through the notification;
   * keeping the selected one notifies nothing. */
  if (index == adw_combo_row_get_selected (self->language_row))
    fill_template_list (self);
  else
    adw_combo_row_set_selected (self->language_row, index);
}

static void
dg_handbook_template_dialog_dispose (GObject *object)
{
  DgHandbookTemplateDialog *self = DG_HANDBOOK_TEMPLATE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_HANDBOOK_TEMPLATE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_handbook_template_dialog_parent_class)->dispose (object);
}

static void
dg_handbook_template_dialog_get_property (GObject    *object,
                                          guint       prop_id,
                                          GValue     *value,
                                          GParamSpec *pspec)
{
  DgHandbookTemplateDialog *self = DG_HANDBOOK_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_handbook_template_dialog_set_property (GObject      *object,
                                          guint         prop_id,
                                          const GValue *value,
                                          GParamSpec   *pspec)
{
  DgHandbookTemplateDialog *self = DG_HANDBOOK_TEMPLATE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_handbook_template_dialog_class_init (DgHandbookTemplateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dg_handbook_template_dialog_constructed;
  object_class->dispose = dg_handbook_template_dialog_dispose;
  object_class->get_property = dg_handbook_template_dialog_get_property;
  object_class->set_property = dg_handbook_template_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DG_TYPE_HANDBOOK_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The handbook stored from the chosen template. */
  signals[CREATED] =
    g_signal_new ("created",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DG_TYPE_HANDBOOK);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-handbook-template-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgHandbookTemplateDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookTemplateDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, DgHandbookTemplateDialog, template_list);
  gtk_widget_class_bind_template_callback (widget_class, on_language_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_template_list_row_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_handbook_template_dialog_init (DgHandbookTemplateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dg_handbook_template_dialog_new (GtkWindow       *parent,
                                 DgHandbookStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (store), NULL);

  return g_object_new (DG_TYPE_HANDBOOK_TEMPLATE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}
