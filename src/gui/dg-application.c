/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-application"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-preferences-window.h"
#include "dg-window.h"

struct _DgApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  DgDatabase     *database;
};

G_DEFINE_FINAL_TYPE (DgApplication, dg_application, ADW_TYPE_APPLICATION)

DgApplication *
dg_application_new (void)
{
  return g_object_new (DG_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/delegatedesk/Delegate",
                       NULL);
}

DgDatabase *
dg_application_get_database (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), NULL);

  return self->database;
}

static int
dg_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  DgApplication *self = DG_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      self->database_path = g_canonicalize_filename (path, NULL);
      /* Another database is another document: don't hand it over to an
       * instance that already runs on the default one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }

  return G_APPLICATION_CLASS (dg_application_parent_class)->handle_local_options (app, options);
}

static void
on_error_dialog_response (AdwMessageDialog *dialog,
                          const char       *response,
                          DgApplication    *self)
{
  g_application_release (G_APPLICATION (self));
}

static void
show_open_error (DgApplication *self,
                 const GError  *error)
{
  AdwMessageDialog *dialog;

  /* Keep running until the owner has read why nothing opened. */
  g_application_hold (G_APPLICATION (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("The Database Could Not Be Opened"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_dialog_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dg_application_activate (GApplication *app)
{
  DgApplication *self = DG_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->database == NULL)
    {
      g_autofree char *path = self->database_path ? g_strdup (self->database_path)
                                                  : dg_database_get_default_path ();

      self->database = dg_database_open (path, &error);
      if (self->database == NULL)
        {
          show_open_error (self, error);
          return;
        }
    }

  window = dg_window_new (self, self->database, &error);
  if (window == NULL)
    {
      show_open_error (self, error);
      return;
    }
  gtk_window_present (window);
}

static void
on_quit_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  DgApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing (rather than destroying) lets each window keep what was typed. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
on_preferences_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  DgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->database == NULL)
    return;
  gtk_window_present (GTK_WINDOW (dg_preferences_window_new (parent, self->database)));
}

static void
on_about_activated (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Delegate developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Delegate"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Delegate developers"),
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/delegatedesk/delegate",
                        "issue-url", "https://github.com/delegatedesk/delegate/issues",
                        "comments", _("Hand work to remote assistants: write the handbooks they work from, assign tasks, approve their hours and print their invoices."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your name and e-mail, one translator a line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Built when asked for, not with every window as GTK's automatic
 * help overlay would: it costs start-up time that few runs need. */
static void
on_shortcuts_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  DgApplication *self = user_data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/delegatedesk/Delegate/dg-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (window);
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated },
  { "preferences", on_preferences_activated },
  { "about", on_about_activated },
  { "shortcuts", on_shortcuts_activated },
};

static void
dg_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *new_item_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *print_accels[] = { "<Control>p", NULL };
  static const char *save_accels[] = { "<Control>s", NULL };
  /* In the order of the view switcher. */
  static const char *pages[] = { "overview", "assistants", "handbooks", "tasks", "timesheets", "invoices" };

  G_APPLICATION_CLASS (dg_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts", shortcuts_accels);
  /* The window hands these to the page it shows, wherever the focus is. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.new-item", new_item_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.print", print_accels);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-page::%s", pages[i]);
      g_autofree char *accel = g_strdup_printf ("<Alt>%u", i + 1);
      const char *accels[] = { accel, NULL };

      gtk_application_set_accels_for_action (GTK_APPLICATION (app), detailed, accels);
    }
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "editor.save", save_accels);
}

static void
dg_application_finalize (GObject *object)
{
  DgApplication *self = DG_APPLICATION (object);

  g_clear_object (&self->database);
  g_clear_pointer (&self->database_path, g_free);

  G_OBJECT_CLASS (dg_application_parent_class)->finalize (object);
}

static void
dg_application_class_init (DgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = dg_application_finalize;
  app_class->handle_local_options = dg_application_handle_local_options;
  app_class->startup = dg_application_startup;
  app_class->activate = dg_application_activate;
}

static void
dg_application_init (DgApplication *self)
{
  static const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the default one"), N_("PATH") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Hand work to remote assistants and keep every record in one place."));
}
