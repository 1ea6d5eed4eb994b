/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-welcome-page"

#include <glib/gi18n.h>

#include "dg-welcome-page.h"

struct _DgWelcomePage
{
  AdwBin     parent_instance;

  GtkWidget *start_button;
};

G_DEFINE_FINAL_TYPE (DgWelcomePage, dg_welcome_page, ADW_TYPE_BIN)

/* The owner's own business is the way most starts should take, so it has
 * the focus rather than the header bar's menu button, which comes first in
 * the focus chain. */
static gboolean
dg_welcome_page_grab_focus (GtkWidget *widget)
{
  DgWelcomePage *self = DG_WELCOME_PAGE (widget);

  return gtk_widget_grab_focus (self->start_button);
}

static void
dg_welcome_page_dispose (GObject *object)
{
  /* The bin's child is a template child too: release it through the bin
   * first, or both would unparent it. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), DG_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (dg_welcome_page_parent_class)->dispose (object);
}

static void
dg_welcome_page_class_init (DgWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dg_welcome_page_dispose;
  widget_class->grab_focus = dg_welcome_page_grab_focus;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DgWelcomePage, start_button);
}

static void
dg_welcome_page_init (DgWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
