/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-application"

#include <glib/gi18n.h>

#include "dg-application.h"
#include "dg-preferences-window.h"
#include "dg-sample.h"
#include "dg-window.h"

struct _DgApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  DgDatabase     *database;
  /* The sample business while the owner explores it, else NULL. */
  DgDatabase     *sample_database;
  gboolean        creating_sample;
  gboolean        welcome_enabled;
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

  return self->sample_database != NULL ? self->sample_database : self->database;
}

gboolean
dg_application_get_exploring_sample (DgApplication *self)
{
  g_return_val_if_fail (DG_IS_APPLICATION (self), FALSE);

  return self->sample_database != NULL;
}

void
dg_application_set_welcome_enabled (DgApplication *self,
                                    gboolean       enabled)
{
  g_return_if_fail (DG_IS_APPLICATION (self));

  self->welcome_enabled = !!enabled;
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

/* A window on the owner's database; on the welcome page while that holds
 * nothing yet. */
static GtkWindow *
new_owner_window (DgApplication  *self,
                  GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  GtkWindow *window;
  gboolean empty;

  window = dg_window_new (self, self->database, error);
  if (window == NULL)
    return NULL;
  /* A database that cannot be read is no first start: the pages say what
   * they could not read. */
  empty = dg_sample_database_is_empty (self->database, &local_error);
  if (local_error != NULL)
    g_warning ("Could not tell whether the database is empty: %s", local_error->message);
  if (self->welcome_enabled && empty)
    dg_window_set_welcome_visible (DG_WINDOW (window), TRUE);
  return window;
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

  window = new_owner_window (self, &error);
  if (window == NULL)
    {
      show_open_error (self, error);
      return;
    }
  gtk_window_present (window);
}

static void
update_sample_actions (DgApplication *self)
{
  GAction *explore = g_action_map_lookup_action (G_ACTION_MAP (self), "explore-sample");
  GAction *leave = g_action_map_lookup_action (G_ACTION_MAP (self), "leave-sample");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (explore), self->sample_database == NULL && !self->creating_sample);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (leave), self->sample_database != NULL);
}

static void
show_sample_error (DgApplication *self,
                   const char    *heading,
                   const GError  *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Puts @window in place of the application's other windows. A window that
 * refuses to close (it asks what to do with an unsaved edit) keeps its
 * place: @window is destroyed and FALSE returned. */
static gboolean
replace_windows (DgApplication *self,
                 GtkWindow     *window)
{
  g_autoptr(GList) others = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  for (GList *l = others; l != NULL; l = l->next)
    {
      int width, height;

      if (l->data == window || !DG_IS_WINDOW (l->data))
        continue;
      /* In the old window's place, not at the size it had at the start. */
      gtk_window_get_default_size (l->data, &width, &height);
      gtk_window_set_default_size (window, width, height);
      if (gtk_window_is_maximized (l->data))
        gtk_window_maximize (window);
      gtk_window_close (l->data);
    }
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (l->data != window && DG_IS_WINDOW (l->data))
        {
          gtk_window_destroy (window);
          return FALSE;
        }
    }
  gtk_window_present (window);
  return TRUE;
}

/* Opens (and at the first time writes) the sample business on a connection
 * of the thread's own: at scale 1 that takes some tenths of a second, which
 * the window should not freeze for. */
static void
create_sample_in_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  DgSampleOptions options;
  gboolean empty;

  db = dg_database_open (path, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  empty = dg_sample_database_is_empty (db, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  dg_sample_options_init (&options);
  if (empty && !dg_sample_create (db, &options, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_sample_created (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DgApplication *self = DG_APPLICATION (source);
  const char *path = g_task_get_task_data (G_TASK (result));
  g_autoptr(DgDatabase) sample = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  self->creating_sample = FALSE;
  update_sample_actions (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_sample_error (self, _("The Sample Business Could Not Be Created"), error);
      return;
    }

  sample = dg_database_open (path, &error);
  window = sample != NULL ? dg_window_new (self, sample, &error) : NULL;
  if (window == NULL)
    {
      show_sample_error (self, _("The Sample Business Could Not Be Opened"), error);
      return;
    }
  dg_window_set_sample (DG_WINDOW (window), TRUE);
  if (!replace_windows (self, window))
    return;
  self->sample_database = g_steal_pointer (&sample);
  update_sample_actions (self);
}

/* app.explore-sample: the sample business in a database of its own, beside
 * the owner's, so that nothing made up ever mixes into real records. */
static void
on_explore_sample_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  DgApplication *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->sample_database != NULL || self->creating_sample)
    return;

  self->creating_sample = TRUE;
  update_sample_actions (self);
  task = g_task_new (self, NULL, on_sample_created, NULL);
  g_task_set_source_tag (task, on_explore_sample_activated);
  g_task_set_task_data (task, dg_sample_get_default_path (), g_free);
  g_task_run_in_thread (task, create_sample_in_thread);
}

/* app.leave-sample: back to the owner's database, on the welcome page again
 * while it is still empty. */
static void
on_leave_sample_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  DgApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (self->sample_database == NULL)
    return;

  window = new_owner_window (self, &error);
  if (window == NULL)
    {
      show_sample_error (self, _("The Database Could Not Be Opened"), error);
      return;
    }
  if (!replace_windows (self, window))
    return;
  g_clear_object (&self->sample_database);
  update_sample_actions (self);
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
  { "explore-sample", on_explore_sample_activated },
  { "leave-sample", on_leave_sample_activated },
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
  update_sample_actions (DG_APPLICATION (app));
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

  g_clear_object (&self->sample_database);
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

  self->welcome_enabled = TRUE;
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Hand work to remote assistants and keep every record in one place."));
}
