/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "startup-benchmark"

/* Measures how long Delegate takes from process start to its first drawn
 * frame, and its peak memory, on a database with many assistants — side by
 * side with a bare libadwaita window (bare-window.c), so that the figures say
 * what Delegate adds rather than what GTK costs on this machine.
 *
 * Both programs report the frame themselves (dg-frame-probe.c) and quit; the
 * time is taken on the monotonic clock, which is shared between processes.
 * Runs alternate between the two programs so that drift of the machine hits
 * both alike. Run it through benchmarks/run, which provides Xvfb and a session
 * bus. A developer tool that is never installed: its output is not translated. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/pidfd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>
#include <glib-unix.h>
#include <glib/gstdio.h>

#include "dg-assistant-store.h"
#include "dg-database.h"

#define TIME_TARGET   1.25
#define MEMORY_TARGET 1.5
#define RUN_TIMEOUT_USEC (30 * G_USEC_PER_SEC)

typedef struct
{
  const char *label;
  char      **argv;
  GArray     *times_usec;     /* gint64, successful runs only */
  GArray     *peak_rss_kib;   /* gint64, successful runs only */
  guint       failures;
} Program;

typedef struct
{
  gboolean ok;
  gint64   time_usec;
  gint64   peak_rss_kib;
  char    *failure;
} RunResult;

typedef struct
{
  DgAssistantStore *store;
  guint             count;
} FillData;

/* A zone, a country in it and the currency paid there: assistants work from
 * anywhere, and the list should be as mixed as a real one. */
static const struct
{
  const char *time_zone;
  const char *country;
  const char *currency;
} places[] = {
  { "Europe/Berlin",       "DE", "EUR" },
  { "Europe/Lisbon",       "PT", "EUR" },
  { "Europe/London",       "GB", "GBP" },
  { "Europe/Zurich",       "CH", "CHF" },
  { "America/New_York",    "US", "USD" },
  { "America/Mexico_City", "MX", "MXN" },
  { "America/Sao_Paulo",   "BR", "BRL" },
  { "Asia/Manila",         "PH", "PHP" },
  { "Asia/Kolkata",        "IN", "INR" },
  { "Asia/Tokyo",          "JP", "JPY" },
  { "Africa/Lagos",        "NG", "NGN" },
  { "Australia/Sydney",    "AU", "AUD" },
};

static const char *given_names[] = {
  "Amara", "Björn", "Chiara", "Dmitri", "Émilie", "Farah", "Gustavo", "Hana",
  "Ines", "Jomo", "Kalani", "Łukasz", "Maribel", "Nguyen", "Oluwaseun", "Priya",
  "Quentin", "Rosa", "Søren", "Tomás", "Umaima", "Valentina", "Wei", "Ximena",
  "Yusuf", "Zofia", "Aiko", "Bongani", "Carmen", "Daniel", "Esther", "Felipe",
  "Gwen", "Hiroshi", "Ifeoma", "Joaquín", "Kirra", "Leilani", "Mateus", "Nadia",
};

static const char *family_names[] = {
  "Abara", "Bautista", "Castillo", "Dubois", "Eriksen", "Fernandes", "García",
  "Hoffmann", "Iyer", "Jensen", "Kowalski", "López", "Müller", "Nakamura",
  "Okafor", "Pereira", "Quispe", "Reyes", "Santos", "Tanaka", "Usman",
  "Villanueva", "Wójcik", "Yilmaz", "Zhang",
};

static const DgTaxStatus tax_statuses[] = {
  DG_TAX_STATUS_OUTSIDE_SCOPE,
  DG_TAX_STATUS_SMALL_BUSINESS,
  DG_TAX_STATUS_VAT,
};

static gboolean
fill_database (DgDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  FillData *data = user_data;

  for (guint i = 0; i < data->count; i++)
    {
      g_autoptr(DgAssistant) assistant = dg_assistant_new ();
      guint place = i % G_N_ELEMENTS (places);
      /* Walks through every pairing of the two name lists before repeating. */
      g_autofree char *name = g_strdup_printf ("%s %s",
                                               given_names[i % G_N_ELEMENTS (given_names)],
                                               family_names[(i / G_N_ELEMENTS (given_names)) % G_N_ELEMENTS (family_names)]);
      g_autofree char *email = g_strdup_printf ("assistant%04u@example.com", i);
      g_autofree char *address = g_strdup_printf ("%u Example Street\n%05u Example City", i + 1, 10000 + i);
      DgTaxStatus tax_status = tax_statuses[i % G_N_ELEMENTS (tax_statuses)];

      g_object_set (assistant,
                    "name", name,
                    "email", email,
                    "time-zone", places[place].time_zone,
                    "country", places[place].country,
                    "address", address,
                    "currency", places[place].currency,
                    "hourly-rate", (gint64) (1500 + (i * 37) % 4000),
                    "tax-status", tax_status,
                    "vat-rate", tax_status == DG_TAX_STATUS_VAT ? 1900 : 0,
                    "notes", i % 5 == 0 ? "Prefers written briefings." : "",
                    "active", i % 10 != 9,
                    NULL);

      if (!dg_assistant_store_add (data->store, assistant, error))
        {
          g_prefix_error (error, "Cannot add assistant %u (%s): ", i + 1, name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
create_database (const char  *path,
                 guint        count,
                 GError     **error)
{
  g_autoptr(DgDatabase) db = NULL;
  g_autoptr(DgAssistantStore) store = NULL;
  FillData data;

  db = dg_database_open (path, error);
  if (db == NULL)
    return FALSE;

  store = dg_assistant_store_new (db, error);
  if (store == NULL)
    return FALSE;

  /* One transaction: a thousand separate commits would take seconds. */
  data.store = store;
  data.count = count;
  return dg_database_transaction (db, fill_database, &data, error);
}

/* Looks for the probe's line in what the child wrote so far. */
static gboolean
parse_first_frame (GString *output,
                   gint64  *out_time)
{
  g_auto(GStrv) lines = g_strsplit (output->str, "\n", -1);

  /* The last element is an unfinished line (or empty): skip it. */
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      const char *value;
      char *end = NULL;
      gint64 time;

      if (!g_str_has_prefix (lines[i], "first-frame "))
        continue;

      value = lines[i] + strlen ("first-frame ");
      errno = 0;
      time = g_ascii_strtoll (value, &end, 10);
      if (errno == 0 && end != value && *end == '\0')
        {
          *out_time = time;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
read_log_tail (const char *log_path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  const gsize max_length = 2000;

  if (!g_file_get_contents (log_path, &contents, &length, NULL) || length == 0)
    return g_strdup ("");

  if (length > max_length)
    return g_strdup (contents + length - max_length);

  return g_steal_pointer (&contents);
}

static void
run_once (Program     *program,
          char       **envp,
          const char  *log_path,
          RunResult   *result)
{
  posix_spawn_file_actions_t actions;
  GString *output = g_string_new (NULL);
  int pipe_fds[2] = { -1, -1 };
  int pidfd = -1;
  pid_t pid = 0;
  gint64 start;
  gint64 frame_time = 0;
  gboolean have_frame = FALSE;
  gboolean exited = FALSE;
  gboolean timed_out = FALSE;
  int status = 0;
  struct rusage usage = { 0 };
  int spawn_errno;
  g_autoptr(GError) error = NULL;

  memset (result, 0, sizeof *result);

  /* Close-on-exec, so that the child keeps only the end dup2'ed to stdout
   * and the pipe reaches EOF when it exits. */
  if (!g_unix_open_pipe (pipe_fds, FD_CLOEXEC, &error))
    {
      result->failure = g_strdup_printf ("Cannot create a pipe: %s.", error->message);
      g_string_free (output, TRUE);
      return;
    }

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2 (&actions, pipe_fds[1], STDOUT_FILENO);
  /* GTK's warnings go to a file, shown only when the run fails. */
  posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, log_path,
                                    O_WRONLY | O_CREAT | O_TRUNC, 0600);

  start = g_get_monotonic_time ();
  spawn_errno = posix_spawn (&pid, program->argv[0], &actions, NULL, program->argv, envp);
  posix_spawn_file_actions_destroy (&actions);
  close (pipe_fds[1]);

  if (spawn_errno != 0)
    {
      result->failure = g_strdup_printf ("Cannot start %s: %s.", program->argv[0],
                                         g_strerror (spawn_errno));
      close (pipe_fds[0]);
      g_string_free (output, TRUE);
      return;
    }

  /* A pidfd becomes readable when the child exits, so one poll() waits for
   * both its output and its end, without a busy loop that would steal CPU
   * from the process being measured. */
  pidfd = pidfd_open (pid, 0);
  if (pidfd < 0)
    g_error ("Cannot watch process %d: %s", (int) pid, g_strerror (errno));

  while (!exited)
    {
      struct pollfd fds[2] = {
        { .fd = pidfd, .events = POLLIN },
        { .fd = pipe_fds[0], .events = POLLIN },
      };
      gint64 remaining = start + RUN_TIMEOUT_USEC - g_get_monotonic_time ();
      int n;

      if (remaining <= 0)
        {
          timed_out = TRUE;
          kill (pid, SIGKILL);
          break;
        }

      n = poll (fds, pipe_fds[0] >= 0 ? 2 : 1, (int) ((remaining + 999) / 1000));
      if (n < 0 && errno != EINTR)
        g_error ("Cannot wait for process %d: %s", (int) pid, g_strerror (errno));
      if (n <= 0)
        continue;

      if (pipe_fds[0] >= 0 && (fds[1].revents & (POLLIN | POLLHUP)) != 0)
        {
          char buffer[512];
          ssize_t len = read (pipe_fds[0], buffer, sizeof buffer);

          if (len > 0)
            g_string_append_len (output, buffer, len);
          else if (len == 0 || errno != EINTR)
            {
              close (pipe_fds[0]);
              pipe_fds[0] = -1;
            }
        }

      if ((fds[0].revents & POLLIN) != 0)
        exited = TRUE;
    }

  /* Reaps the child (at once: it has exited or was just killed) and takes its
   * peak resident set size, which the kernel keeps until then. */
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;
  close (pidfd);

  /* Whatever it wrote just before exiting; non-blocking, as a process it left
   * behind could keep the pipe open. */
  if (pipe_fds[0] >= 0)
    {
      char buffer[512];
      ssize_t len;

      g_unix_set_fd_nonblocking (pipe_fds[0], TRUE, NULL);
      while ((len = read (pipe_fds[0], buffer, sizeof buffer)) > 0)
        g_string_append_len (output, buffer, len);
      close (pipe_fds[0]);
    }

  have_frame = parse_first_frame (output, &frame_time);
  g_string_free (output, TRUE);

  if (timed_out && have_frame)
    result->failure = g_strdup_printf ("The process reported a frame but did not exit within %d s, "
                                       "so it was killed; is its window part of the application?",
                                       (int) (RUN_TIMEOUT_USEC / G_USEC_PER_SEC));
  else if (timed_out)
    result->failure = g_strdup_printf ("No frame within %d s; the process was killed.",
                                       (int) (RUN_TIMEOUT_USEC / G_USEC_PER_SEC));
  else if (WIFSIGNALED (status))
    result->failure = g_strdup_printf ("The process was killed by signal %d (%s).",
                                       WTERMSIG (status), g_strsignal (WTERMSIG (status)));
  else if (WEXITSTATUS (status) != 0)
    result->failure = g_strdup_printf ("The process exited with status %d.", WEXITSTATUS (status));
  else if (!have_frame)
    result->failure = g_strdup ("The process exited without reporting a frame; "
                                "does its window call dg_frame_probe_attach()?");

  if (result->failure != NULL)
    {
      g_autofree char *log = read_log_tail (log_path);

      if (*log != '\0')
        {
          char *with_log = g_strdup_printf ("%s Its error output ended with:\n%s",
                                            result->failure, log);
          g_free (result->failure);
          result->failure = with_log;
        }
      return;
    }

  result->ok = TRUE;
  result->time_usec = frame_time - start;
  result->peak_rss_kib = usage.ru_maxrss;   /* Linux reports kibibytes */
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Median of @values; the mean of the two middle values for an even count. */
static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = NULL;
  guint n = values->len;

  g_assert (n > 0);

  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_gint64);

  if (n % 2 == 1)
    return g_array_index (sorted, gint64, n / 2);

  return (g_array_index (sorted, gint64, n / 2 - 1) + g_array_index (sorted, gint64, n / 2)) / 2.0;
}

static gboolean
record_run (Program    *program,
            char      **envp,
            const char *log_path,
            const char *run_label)
{
  RunResult result;

  run_once (program, envp, log_path, &result);

  if (!result.ok)
    {
      printf ("%-8s %-10s failed: %s\n", run_label, program->label, result.failure);
      fflush (stdout);
      program->failures++;
      g_free (result.failure);
      return FALSE;
    }

  printf ("%-8s %-10s %12.1f %16.1f\n", run_label, program->label,
          result.time_usec / 1000.0, result.peak_rss_kib / 1024.0);
  fflush (stdout);

  g_array_append_val (program->times_usec, result.time_usec);
  g_array_append_val (program->peak_rss_kib, result.peak_rss_kib);
  return TRUE;
}

static void
print_ratio (const char *what,
             double      delegate_value,
             double      bare_value,
             double      target)
{
  double ratio = delegate_value / bare_value;

  printf ("%-8s ratio %.3f (target at most %.2f): %s\n", what, ratio, target,
          ratio <= target ? "within target" : "NOT within target");
}

static void
remove_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  /* Flat: the database, its WAL and shared-memory files, the run logs. */
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }

  g_rmdir (path);
}

static char *
absolute_program_path (const char  *path,
                       GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);

  if (!g_file_test (absolute, G_FILE_TEST_IS_EXECUTABLE) ||
      g_file_test (absolute, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   "%s is not an executable program; build the project first.", path);
      return NULL;
    }

  return g_steal_pointer (&absolute);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *delegate_option = NULL;
  g_autofree char *bare_option = NULL;
  g_autofree char *delegate_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *log_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  int runs = 10;
  int assistants = 1000;
  gint64 fill_start;
  Program delegate = { "delegate", NULL, NULL, NULL, 0 };
  Program bare = { "bare", NULL, NULL, NULL, 0 };
  Program *programs[] = { &delegate, &bare };
  double delegate_time, bare_time, delegate_memory, bare_memory;
  gboolean all_ok = TRUE;
  const GOptionEntry entries[] = {
    { "delegate", 0, 0, G_OPTION_ARG_FILENAME, &delegate_option, "The delegate program", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare_option, "The bare-window program", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Measured runs of each program (default 10)", "N" },
    { "assistants", 0, 0, G_OPTION_ARG_INT, &assistants, "Assistants in the database (default 1000)", "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Measures Delegate's time to first frame and peak memory "
                                "against a bare libadwaita window. Run it through benchmarks/run.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (delegate_option == NULL || bare_option == NULL)
    {
      g_printerr ("Both --delegate PATH and --bare PATH are needed.\n");
      return 1;
    }
  if (runs < 1 || assistants < 0)
    {
      g_printerr ("--runs must be at least 1 and --assistants not negative.\n");
      return 1;
    }
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_printerr ("DISPLAY is not set; run the benchmark through benchmarks/run, "
                  "which starts it under Xvfb.\n");
      return 1;
    }

  delegate_path = absolute_program_path (delegate_option, &error);
  if (delegate_path == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bare_path = absolute_program_path (bare_option, &error);
  if (bare_path == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  tmp_dir = g_dir_make_tmp ("delegate-benchmark-XXXXXX", &error);
  if (tmp_dir == NULL)
    {
      g_printerr ("Cannot create a temporary directory: %s\n", error->message);
      return 1;
    }
  db_path = g_build_filename (tmp_dir, "benchmark.db", NULL);
  log_path = g_build_filename (tmp_dir, "run.log", NULL);

  fill_start = g_get_monotonic_time ();
  if (!create_database (db_path, (guint) assistants, &error))
    {
      g_printerr ("Cannot create the benchmark database %s: %s\n", db_path, error->message);
      remove_directory (tmp_dir);
      return 1;
    }

  /* Inherits the session bus and schema directory from benchmarks/run; the
   * rest keeps both programs on the same footing: X11 (never a Wayland
   * session the shell may have), no accessibility bus, settings in memory. */
  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "DELEGATE_REPORT_FIRST_FRAME", "1", TRUE);
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GTK_A11Y", "none", TRUE);
  envp = g_environ_setenv (envp, "NO_AT_BRIDGE", "1", TRUE);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  delegate.argv = (char *[]) { delegate_path, (char *) "--database", db_path, NULL };
  bare.argv = (char *[]) { bare_path, NULL };
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      programs[p]->times_usec = g_array_new (FALSE, FALSE, sizeof (gint64));
      programs[p]->peak_rss_kib = g_array_new (FALSE, FALSE, sizeof (gint64));
    }

  printf ("Start-up benchmark: Delegate against a bare libadwaita window\n");
  printf ("  delegate: %s --database <temporary>\n", delegate_path);
  printf ("  bare:     %s\n", bare_path);
  printf ("  database: %d assistants, created in %.0f ms\n", assistants,
          (g_get_monotonic_time () - fill_start) / 1000.0);
  printf ("  display:  %s\n", g_getenv ("DISPLAY"));
  printf ("  %d measured runs of each, alternating, after one untimed warm-up run of each\n"
          "  (it loads the programs and libraries into the file cache).\n\n", runs);
  printf ("%-8s %-10s %12s %16s\n", "run", "program", "frame (ms)", "peak RSS (MiB)");
  fflush (stdout);

  /* The warm-up runs are not timed, but a failure there would fail the rest
   * too, so it is reported and counted. */
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      RunResult result;

      run_once (programs[p], envp, log_path, &result);
      if (result.ok)
        printf ("%-8s %-10s %12s %16s\n", "warm-up", programs[p]->label, "(untimed)", "");
      else
        {
          printf ("%-8s %-10s failed: %s\n", "warm-up", programs[p]->label, result.failure);
          programs[p]->failures++;
          g_free (result.failure);
        }
      fflush (stdout);
    }

  for (int i = 0; i < runs; i++)
    {
      g_autofree char *run_label = g_strdup_printf ("%d", i + 1);

      for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
        record_run (programs[p], envp, log_path, run_label);
    }

  printf ("\n");
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      if (programs[p]->times_usec->len == 0)
        {
          printf ("%-8s %-10s no successful run\n", "median", programs[p]->label);
          continue;
        }
      printf ("%-8s %-10s %12.1f %16.1f\n", "median", programs[p]->label,
              median (programs[p]->times_usec) / 1000.0,
              median (programs[p]->peak_rss_kib) / 1024.0);
    }

  if (delegate.times_usec->len > 0 && bare.times_usec->len > 0)
    {
      delegate_time = median (delegate.times_usec);
      bare_time = median (bare.times_usec);
      delegate_memory = median (delegate.peak_rss_kib);
      bare_memory = median (bare.peak_rss_kib);

      printf ("\nDelegate / bare window, of the medians:\n");
      print_ratio ("time", delegate_time, bare_time, TIME_TARGET);
      print_ratio ("memory", delegate_memory, bare_memory, MEMORY_TARGET);
    }

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      if (programs[p]->failures > 0)
        {
          printf ("\n%s: %u run(s) failed.\n", programs[p]->label, programs[p]->failures);
          all_ok = FALSE;
        }
      g_array_unref (programs[p]->times_usec);
      g_array_unref (programs[p]->peak_rss_kib);
    }

  remove_directory (tmp_dir);

  return all_ok ? 0 : 1;
}
