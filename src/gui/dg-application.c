/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-application"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

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
  /* The window that waits, hidden, while the one it replaces asks what to
   * do with an unsaved edit; NULL when no swap is pending. */
  GtkWindow      *next_window;
  /* Its database when it shows the sample business, else NULL. */
  DgDatabase     *next_sample;
  gulong          toplevels_handler;
  guint           keep_check_id;
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

/* The window the owner sees: not one still waiting to replace it. */
static GtkWindow *
get_shown_window (DgApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (l->data != self->next_window)
        return l->data;
    }
  return NULL;
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
  GtkWindow *window = get_shown_window (self);
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

  gboolean swapping = self->creating_sample || self->next_window != NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (explore), self->sample_database == NULL && !swapping);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (leave), self->sample_database != NULL && !swapping);
}

static void
show_sample_error (DgApplication *self,
                   const char    *heading,
                   const GError  *error)
{
  GtkWidget *dialog = adw_message_dialog_new (get_shown_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
has_old_windows (DgApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (l->data != self->next_window && DG_IS_WINDOW (l->data))
        return TRUE;
    }
  return FALSE;
}

/* Whether an old window still asks what to do with an unsaved edit. */
static gboolean
old_window_asks (DgApplication *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      GtkWindow *parent = gtk_window_get_transient_for (toplevel);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          DG_IS_WINDOW (parent) && parent != self->next_window)
        return TRUE;
    }
  return FALSE;
}

/* Shows the waiting window once the old ones have gone (@done), or drops it
 * when the owner chose to keep editing in the old one. */
static void
end_swap (DgApplication *self,
          gboolean       done)
{
  g_autoptr(GtkWindow) window = g_steal_pointer (&self->next_window);
  g_autoptr(DgDatabase) sample = g_steal_pointer (&self->next_sample);

  g_clear_signal_handler (&self->toplevels_handler, gtk_window_get_toplevels ());
  g_clear_handle_id (&self->keep_check_id, g_source_remove);
  if (done)
    {
      g_set_object (&self->sample_database, sample);
      gtk_window_present (window);
    }
  else
    gtk_window_destroy (window);
  update_sample_actions (self);
}

static gboolean
check_kept (gpointer user_data)
{
  DgApplication *self = user_data;

  self->keep_check_id = 0;
  if (self->next_window != NULL && has_old_windows (self) && !old_window_asks (self))
    end_swap (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* A dialog came or went. "Discard" closes the old window from an idle
 * callback of the page (or asks about the next unsaved edit), so the
 * question whether the owner kept editing waits for a lower priority. */
static void
on_toplevels_changed (GListModel    *toplevels,
                      guint          position,
                      guint          removed,
                      guint          added,
                      DgApplication *self)
{
  if (self->keep_check_id == 0)
    self->keep_check_id = g_idle_add_full (G_PRIORITY_LOW, check_kept, self, NULL);
}

/* Puts @window (on the sample's database @sample, or on the owner's for
 * NULL) in place of the application's other windows. A window that refuses
 * to close asks the owner what to do with an unsaved edit: @window waits
 * hidden until it has gone, and is dropped if the owner keeps editing.
 * Destroying @window at once instead would leave the old window the last
 * one, and its "Discard" would quit the application. */
static void
replace_windows (DgApplication *self,
                 GtkWindow     *window,
                 DgDatabase    *sample)
{
  g_autoptr(GList) others = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  g_assert (self->next_window == NULL);
  self->next_window = g_object_ref (window);
  g_set_object (&self->next_sample, sample);
  update_sample_actions (self);

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
    }
  /* The windows are closed one by one from the copy, as each may go at once
   * (dg_application_window_removed() then ends the swap). */
  for (GList *l = others; l != NULL && self->next_window == window; l = l->next)
    {
      if (l->data != window && DG_IS_WINDOW (l->data))
        gtk_window_close (l->data);
    }
  if (self->next_window != window)
    return;
  if (!has_old_windows (self))
    {
      end_swap (self, TRUE);
      return;
    }
  self->toplevels_handler = g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                                                     G_CALLBACK (on_toplevels_changed), self, 0);
  /* A window that refused without asking would keep @window waiting. */
  on_toplevels_changed (gtk_window_get_toplevels (), 0, 0, 0, self);
}

static void
dg_application_window_removed (GtkApplication *application,
                               GtkWindow      *window)
{
  DgApplication *self = DG_APPLICATION (application);

  GTK_APPLICATION_CLASS (dg_application_parent_class)->window_removed (application, window);

  if (self->next_window != NULL && window != self->next_window && !has_old_windows (self))
    end_swap (self, TRUE);
}

/* Removes the sample business's file with its -wal and -shm companions: a
 * write-ahead log left behind would be replayed into the new file. */
static gboolean
remove_sample_files (const char  *path,
                     GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      int saved_errno;

      if (g_unlink (file) == 0 || errno == ENOENT)
        continue;
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The old sample file “%s” could not be removed: %s. Remove it by hand and try again."),
                   file, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Writes the sample business afresh on a connection of the thread's own: at
 * scale 1 that takes a few tenths of a second, which the window should not
 * freeze for. Afresh every time rather than once: its dates are counted
 * back from today (weeks awaiting approval, tasks due, the Overview's last
 * eight weeks), so a sample kept from an earlier visit would show a
 * business that stopped working on that day. */
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

  dg_sample_options_init (&options);
  if (!remove_sample_files (path, &error) ||
      (db = dg_database_open (path, &error)) == NULL ||
      !dg_sample_create (db, &options, &error))
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
  replace_windows (self, window, sample);
}

/* Whether @a and @b name the same file, also through a link. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf stat_a, stat_b;

  if (g_strcmp0 (a, b) == 0)
    return TRUE;
  return g_stat (a, &stat_a) == 0 && g_stat (b, &stat_b) == 0 &&
         stat_a.st_dev == stat_b.st_dev && stat_a.st_ino == stat_b.st_ino;
}

/* app.explore-sample: the sample business in a database of its own, beside
 * the owner's, so that nothing made up ever mixes into real records. */
static void
on_explore_sample_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  DgApplication *self = user_data;
  g_autofree char *path = dg_sample_get_default_path ();
  g_autoptr(GTask) task = NULL;

  if (self->sample_database != NULL || self->creating_sample || self->next_window != NULL)
    return;
  /* Started with --database on the sample's own file: writing the sample
   * afresh would delete what the owner opened. */
  if (self->database != NULL && same_file (dg_database_get_path (self->database), path))
    {
      g_autoptr(GError) error = g_error_new (G_FILE_ERROR, G_FILE_ERROR_EXIST,
                                             _("The open database “%s” is the file the sample business is written to, and exploring the sample would replace it. Open another database to explore the sample."),
                                             path);

      show_sample_error (self, _("The Sample Business Could Not Be Opened"), error);
      return;
    }

  self->creating_sample = TRUE;
  update_sample_actions (self);
  task = g_task_new (self, NULL, on_sample_created, NULL);
  g_task_set_source_tag (task, on_explore_sample_activated);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
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

  if (self->sample_database == NULL || self->next_window != NULL)
    return;

  window = new_owner_window (self, &error);
  if (window == NULL)
    {
      show_sample_error (self, _("The Database Could Not Be Opened"), error);
      return;
    }
  replace_windows (self, window, NULL);
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
  GtkWindow *parent = get_shown_window (self);
  /* The window's own database: the sample's profile while exploring it,
   * never the owner's behind the sample's back. */
  DgDatabase *db = dg_application_get_database (self);

  if (db == NULL)
    return;
  gtk_window_present (GTK_WINDOW (dg_preferences_window_new (parent, db)));
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

  g_clear_handle_id (&self->keep_check_id, g_source_remove);
  g_clear_object (&self->next_window);
  g_clear_object (&self->next_sample);
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
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = dg_application_finalize;
  app_class->handle_local_options = dg_application_handle_local_options;
  app_class->startup = dg_application_startup;
  app_class->activate = dg_application_activate;
  gtk_app_class->window_removed = dg_application_window_removed;
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
