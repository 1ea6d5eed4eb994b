/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "delegate-cli"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "dg-handbook-export.h"
#include "dg-handbook-store.h"
#include "dg-handbook-templates.h"

#include "dg-cli-handbook.h"

#define DEFAULT_SEARCH_LIMIT 20

typedef enum
{
  EXPORT_FORMAT_NONE,
  EXPORT_FORMAT_PDF,
  EXPORT_FORMAT_MARKDOWN,
} ExportFormat;

static const char *
get_state_label (DgHandbook *handbook)
{
  return dg_handbook_get_archived (handbook) ? _("archived") : _("active");
}

/* Where the draft stands against the versions published from it. */
static char *
describe_version (DgHandbook *handbook)
{
  int version = dg_handbook_get_version (handbook);

  if (dg_handbook_get_published (handbook))
    return g_strdup_printf ("%d", version);
  if (version == 0)
    return g_strdup (_("Draft, not published yet"));
  if (dg_handbook_get_has_changes (handbook))
    return g_strdup_printf (_("Draft, changed since version %d"), version);

  return g_strdup_printf (_("Draft, the same as version %d"), version);
}

/* ---- snippets ------------------------------------------------------------ */

static void
on_snippet_element (GMarkupParseContext  *context,
                    const char           *element_name,
                    gpointer              user_data)
{
  if (g_str_equal (element_name, "b"))
    g_string_append ((GString *) user_data, "**");
}

static void
on_snippet_start_element (GMarkupParseContext  *context,
                          const char           *element_name,
                          const char          **attribute_names,
                          const char          **attribute_values,
                          gpointer              user_data,
                          GError              **error)
{
  on_snippet_element (context, element_name, user_data);
}

static void
on_snippet_end_element (GMarkupParseContext  *context,
                        const char           *element_name,
                        gpointer              user_data,
                        GError              **error)
{
  on_snippet_element (context, element_name, user_data);
}

static void
on_snippet_text (GMarkupParseContext  *context,
                 const char           *text,
                 gsize                 text_len,
                 gpointer              user_data,
                 GError              **error)
{
  g_string_append_len ((GString *) user_data, text, text_len);
}

/* A search hit's Pango markup as plain text: entities unescaped and the
 * matching words between ** as in Markdown, which a terminal can show. */
static char *
snippet_markup_to_text (const char *markup)
{
  static const GMarkupParser parser = {
    on_snippet_start_element,
    on_snippet_end_element,
    on_snippet_text,
    NULL,
    NULL,
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autofree char *document = g_strconcat ("<snippet>", markup, "</snippet>", NULL);

  context = g_markup_parse_context_new (&parser, 0, text, NULL);

  /* Core escapes the text and balances the tags, so this cannot fail
   * unless core breaks its promise: then the markup is better than nothing. */
  if (!g_markup_parse_context_parse (context, document, -1, NULL) ||
      !g_markup_parse_context_end_parse (context, NULL))
    return g_strdup (markup);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- the store ----------------------------------------------------------- */

/* Only “add” may create the database: the other commands read it, or
 * change a handbook that a new database cannot hold. */
static DgHandbookStore *
open_store (DgCli     *cli,
            gboolean   create,
            GError   **error)
{
  DgDatabase *db = dg_cli_get_database (cli, create, error);

  if (db == NULL)
    return NULL;

  return dg_handbook_store_new (db, error);
}

/* For the commands on one handbook: opens the store and finds the draft of
 * @id in it. */
static DgHandbook *
find_handbook (DgCli            *cli,
               gint64            id,
               DgHandbookStore **out_store,
               GError          **error)
{
  DgHandbook *handbook;

  if (!(*out_store = open_store (cli, FALSE, error)))
    return NULL;

  handbook = dg_handbook_store_find (*out_store, id);
  if (handbook == NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND,
                   _("There is no handbook with the ID %s."), id_text);
    }

  return handbook;
}

/* The draft of @id when @version is 0, else that published version; a new
 * reference. */
static DgHandbook *
get_handbook (DgCli            *cli,
              gint64            id,
              int               version,
              DgHandbookStore **out_store,
              GError          **error)
{
  DgHandbook *draft = find_handbook (cli, id, out_store, error);

  if (draft == NULL)
    return NULL;

  if (version == 0)
    return g_object_ref (draft);

  return dg_handbook_store_get_version (*out_store, id, version, error);
}

/* --version N of “show” and “export”: 0 when not given. */
static gboolean
parse_version_option (const char *text,
                      int        *out_version)
{
  guint64 number;

  *out_version = 0;
  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT, &number, NULL))
    {
      dg_cli_usage_error (_("“%s” is not a version number: versions are numbered from 1 up."), text);
      return FALSE;
    }

  *out_version = (int) number;

  return TRUE;
}

static void
add_version_option (GOptionContext  *context,
                    char           **version_text,
                    const char      *description)
{
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_STRING, version_text, description, N_("N") },
    G_OPTION_ENTRY_NULL
  };

  /* GOption copies the entries. */
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* ---- JSON ---------------------------------------------------------------- */

static void
add_strv_json (JsonBuilder        *builder,
               const char         *member,
               const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/* The latest published version, or null when there is none yet. */
static void
add_version_json (JsonBuilder *builder,
                  DgHandbook  *handbook)
{
  json_builder_set_member_name (builder, "version");
  if (dg_handbook_get_version (handbook) > 0)
    json_builder_add_int_value (builder, dg_handbook_get_version (handbook));
  else
    json_builder_add_null_value (builder);
}

static void
add_list_item_json (JsonBuilder *builder,
                    DgHandbook  *handbook)
{
  json_builder_begin_object (builder);
  dg_cli_json_add_int (builder, "id", dg_handbook_get_id (handbook));
  dg_cli_json_add_string (builder, "title", dg_handbook_get_title (handbook));
  add_version_json (builder, handbook);
  dg_cli_json_add_boolean (builder, "has_unpublished_changes", dg_handbook_get_has_changes (handbook));
  dg_cli_json_add_int (builder, "step_count", g_list_model_get_n_items (dg_handbook_get_steps (handbook)));
  add_strv_json (builder, "tags", dg_handbook_get_tags (handbook));
  dg_cli_json_add_boolean (builder, "archived", dg_handbook_get_archived (handbook));
  json_builder_end_object (builder);
}

static void
add_handbook_json (JsonBuilder *builder,
                   DgHandbook  *handbook)
{
  GListModel *steps = dg_handbook_get_steps (handbook);
  guint n_steps = g_list_model_get_n_items (steps);
  GDateTime *date = dg_handbook_get_date (handbook);
  g_autofree char *date_text = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

  json_builder_begin_object (builder);
  dg_cli_json_add_int (builder, "id", dg_handbook_get_id (handbook));
  dg_cli_json_add_string (builder, "title", dg_handbook_get_title (handbook));
  dg_cli_json_add_string (builder, "purpose", dg_handbook_get_purpose (handbook));
  add_strv_json (builder, "tags", dg_handbook_get_tags (handbook));
  add_strv_json (builder, "links", dg_handbook_get_links (handbook));
  dg_cli_json_add_boolean (builder, "published", dg_handbook_get_published (handbook));
  add_version_json (builder, handbook);
  dg_cli_json_add_boolean (builder, "has_unpublished_changes",
                           !dg_handbook_get_published (handbook) &&
                           dg_handbook_get_has_changes (handbook));
  dg_cli_json_add_string (builder, "change_note", dg_handbook_get_change_note (handbook));
  dg_cli_json_add_string (builder, "date", date_text);
  dg_cli_json_add_boolean (builder, "archived", dg_handbook_get_archived (handbook));
  dg_cli_json_add_int (builder, "total_minutes", dg_handbook_get_total_minutes (handbook));

  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);

      json_builder_begin_object (builder);
      dg_cli_json_add_int (builder, "number", i + 1);
      dg_cli_json_add_string (builder, "title", dg_handbook_step_get_title (step));
      dg_cli_json_add_string (builder, "details", dg_handbook_step_get_details (step));
      dg_cli_json_add_boolean (builder, "checklist", dg_handbook_step_get_checklist (step));
      dg_cli_json_add_int (builder, "minutes", dg_handbook_step_get_minutes (step));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);
}

/* ---- text ---------------------------------------------------------------- */

/* @text with every line indented by @indent spaces. */
static void
print_indented (const char *text,
                guint       indent)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* No trailing blanks on the empty lines between paragraphs. */
      if (*lines[i] == '\0')
        g_print ("\n");
      else
        g_print ("%*s%s\n", (int) indent, "", lines[i]);
    }
}

static void
print_handbook_text (DgHandbook *handbook)
{
  GListModel *steps = dg_handbook_get_steps (handbook);
  guint n_steps = g_list_model_get_n_items (steps);
  const char * const *tags = dg_handbook_get_tags (handbook);
  const char * const *links = dg_handbook_get_links (handbook);
  const char *purpose = dg_handbook_get_purpose (handbook);
  const char *change_note = dg_handbook_get_change_note (handbook);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, dg_handbook_get_id (handbook));
  g_autofree char *version = describe_version (handbook);
  g_autofree char *date = dg_cli_format_local_time (dg_handbook_get_date (handbook));
  g_autofree char *tags_text = tags != NULL ? g_strjoinv (", ", (char **) tags) : g_strdup ("");
  g_autofree char *total = dg_handbook_format_minutes (dg_handbook_get_total_minutes (handbook));
  g_autoptr(GArray) fields = g_array_new (FALSE, FALSE, sizeof (DgCliField));

  dg_cli_add_field (fields, _("ID"), id);
  dg_cli_add_field (fields, _("Title"), dg_handbook_get_display_title (handbook));
  dg_cli_add_field (fields, _("Version"), version);
  dg_cli_add_field (fields, dg_handbook_get_published (handbook) ? _("Published") : _("Saved"), date);
  if (dg_handbook_get_published (handbook) && change_note != NULL && *change_note != '\0')
    dg_cli_add_field (fields, _("Change note"), change_note);
  dg_cli_add_field (fields, _("Tags"), tags_text);
  if (dg_handbook_get_total_minutes (handbook) > 0)
    dg_cli_add_field (fields, _("Estimated time"), total);
  dg_cli_add_field (fields, _("State"), get_state_label (handbook));

  dg_cli_print_fields ((const DgCliField *) fields->data, fields->len);

  if (purpose != NULL && *purpose != '\0')
    {
      g_print ("\n%s\n", _("Purpose:"));
      print_indented (purpose, 2);
    }

  g_print ("\n%s\n", _("Steps:"));
  if (n_steps == 0)
    g_print ("  %s\n", _("This handbook has no steps yet."));

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);
      g_autoptr(GString) line = g_string_new (NULL);
      const char *details = dg_handbook_step_get_details (step);
      int minutes = dg_handbook_step_get_minutes (step);

      g_string_append_printf (line, "%3u. ", i + 1);
      /* A box to tick, as on paper and in the Markdown export. */
      if (dg_handbook_step_get_checklist (step))
        g_string_append (line, "[ ] ");
      g_string_append (line, dg_handbook_step_get_title (step));
      if (minutes > 0)
        {
          g_autofree char *estimate = dg_handbook_format_minutes (minutes);

          g_string_append_printf (line, " (%s)", estimate);
        }
      g_print ("%s\n", line->str);

      if (details != NULL && *details != '\0')
        print_indented (details, 7);
    }

  if (links != NULL && links[0] != NULL)
    {
      g_print ("\n%s\n", _("Links:"));
      for (guint i = 0; links[i] != NULL; i++)
        g_print ("  %s\n", links[i]);
    }
}

/* ---- commands ------------------------------------------------------------ */

static int
run_handbook_list (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgHandbookStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean all = FALSE;
  gboolean archived = FALSE;
  gboolean json = FALSE;
  guint n_items;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("List archived handbooks too"), NULL },
    { "archived", 0, 0, G_OPTION_ARG_NONE, &archived, N_("List only archived handbooks"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("The version is the latest published one, or “draft” "
                                       "when the handbook has never been published. "
                                       "“unpublished” marks a draft changed since then."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (all && archived)
    return dg_cli_usage_error (_("The options --all and --archived cannot be used together."));

  if (!(store = open_store (cli, FALSE, &error)))
    return dg_cli_fail (error);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(DgHandbook) handbook = g_list_model_get_item (G_LIST_MODEL (store), i);
      int version = dg_handbook_get_version (handbook);
      char **cells;

      /* Without --all: the active ones, or with --archived the others. */
      if (!all && dg_handbook_get_archived (handbook) != archived)
        continue;

      if (json)
        {
          add_list_item_json (builder, handbook);
          continue;
        }

      cells = g_new0 (char *, 7);
      cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, dg_handbook_get_id (handbook));
      cells[1] = g_strdup (dg_handbook_get_display_title (handbook));
      /* Translators: in the version column, for a handbook never published */
      cells[2] = version > 0 ? g_strdup_printf ("%d", version) : g_strdup (_("draft"));
      cells[3] = g_strdup_printf ("%u", g_list_model_get_n_items (dg_handbook_get_steps (handbook)));
      /* Translators: in the changes column, for a draft that differs from the published version */
      cells[4] = g_strdup (version > 0 && dg_handbook_get_has_changes (handbook) ? _("unpublished") : "");
      cells[5] = g_strdup (get_state_label (handbook));
      g_ptr_array_add (rows, cells);
    }

  json_builder_end_array (builder);

  if (json)
    dg_cli_print_json (builder);
  else if (rows->len == 0)
    g_print ("%s\n", _("There are no handbooks to list."));
  else
    {
      const char *headers[] = {
        _("ID"), _("Title"), _("Version"), _("Steps"), _("Changes"), _("State"),
      };

      dg_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
    }

  return DG_CLI_EXIT_OK;
}

static int
run_handbook_show (DgCli              *cli,
                   const DgCliCommand *command,
                   int                 argc,
                   char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgHandbookStore) store = NULL;
  g_autoptr(DgHandbook) handbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version_text = NULL;
  gboolean json = FALSE;
  int version;
  gint64 id;

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  add_version_option (context, &version_text, N_("Show this published version instead of the draft"));
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id) ||
      !parse_version_option (version_text, &version))
    return DG_CLI_EXIT_USAGE;

  if (!(handbook = get_handbook (cli, id, version, &store, &error)))
    return dg_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_handbook_json (builder, handbook);
      dg_cli_print_json (builder);
    }
  else
    {
      print_handbook_text (handbook);
    }

  return DG_CLI_EXIT_OK;
}

static int
run_handbook_search (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgHandbookStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed = NULL;
  g_autofree char *query = NULL;
  gboolean json = FALSE;
  int limit = DEFAULT_SEARCH_LIMIT;
  const GOptionEntry entries[] = {
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("Show at most N handbooks (20 unless given)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("WORD…"), command->summary);
  g_option_context_set_description (context,
                                    N_("Searches titles, purposes, tags and steps. Each word "
                                       "matches the start of a word, with or without accents; "
                                       "the best matches come first. Matching words are shown "
                                       "between ** and **."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_options (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (argc < 2)
    return dg_cli_usage_error (_("Give at least one word to search for."));

  if (limit < 1)
    return dg_cli_usage_error (_("The limit must be a whole number from 1 up."));

  /* Arguments arrive in the locale's encoding; the index holds UTF-8. */
  typed = g_strjoinv (" ", argv + 1);
  query = g_locale_to_utf8 (typed, -1, NULL, NULL, NULL);
  if (query == NULL)
    return dg_cli_usage_error (_("The search words are not valid text in this computer’s language settings."));

  if (!(store = open_store (cli, FALSE, &error)))
    return dg_cli_fail (error);

  if (!(hits = dg_handbook_store_search (store, query, limit, &error)))
    return dg_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          DgHandbookHit *hit = g_ptr_array_index (hits, i);
          g_autofree char *snippet = snippet_markup_to_text (hit->snippet);

          json_builder_begin_object (builder);
          dg_cli_json_add_int (builder, "id", hit->handbook_id);
          dg_cli_json_add_string (builder, "title", hit->title);
          dg_cli_json_add_string (builder, "snippet", snippet);
          dg_cli_json_add_string (builder, "snippet_markup", hit->snippet);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      dg_cli_print_json (builder);
    }
  else if (hits->len == 0)
    {
      g_print (_("No handbook matches “%s”."), query);
      g_print ("\n");
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      const char *headers[] = { _("ID"), _("Title"), _("Match") };

      for (guint i = 0; i < hits->len; i++)
        {
          DgHandbookHit *hit = g_ptr_array_index (hits, i);
          char **cells = g_new0 (char *, 4);

          cells[0] = g_strdup_printf ("%" G_GINT64_FORMAT, hit->handbook_id);
          cells[1] = g_strdup (hit->title);
          /* One row per hit: the line breaks of a step's details would
           * break the table. */
          cells[2] = g_strdelimit (snippet_markup_to_text (hit->snippet), "\n\r\t", ' ');
          g_ptr_array_add (rows, cells);
        }

      dg_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
    }

  return DG_CLI_EXIT_OK;
}

static gboolean
check_template_language (const char  *language,
                         GError     **error)
{
  if (dg_handbook_templates_list (language)->id != NULL)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("There are no handbook templates in the language “%s”. Choose English (en) or German (de)."),
               language);

  return FALSE;
}

static int
run_handbook_add (DgCli              *cli,
                  const DgCliCommand *command,
                  int                 argc,
                  char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgHandbookStore) store = NULL;
  g_autoptr(DgHandbook) handbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *language = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) steps = NULL;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The handbook’s title"), N_("TITLE") },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose, N_("What the work is for and what its outcome is"), N_("TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag; repeat for more tags"), N_("TAG") },
    { "step", 0, 0, G_OPTION_ARG_STRING_ARRAY, &steps, N_("The title of a step; repeat for the next steps, in order"), N_("TITLE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_id, N_("Start from this template of the starter library"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("The language of the template: en or de"), N_("LANGUAGE") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("Give --title, with any of --purpose, --tag and --step; or "
                                       "--template with the ID of a template (see “delegate-cli "
                                       "handbook templates”), optionally with --language and a "
                                       "--title of its own. The language is that of this "
                                       "computer’s messages unless given. The new handbook is "
                                       "a draft until published. Prints its ID."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (template_id == NULL)
    {
      if (title == NULL)
        return dg_cli_usage_error (_("Give the handbook’s title with --title, or a template with --template."));
      if (language != NULL)
        return dg_cli_usage_error (_("The option --language only goes with --template."));
    }
  else if (purpose != NULL || tags != NULL || steps != NULL)
    {
      return dg_cli_usage_error (_("The options --purpose, --tag and --step cannot be used with "
                                   "--template: change the handbook after adding it."));
    }

  if (template_id != NULL)
    {
      if (language == NULL)
        language = g_strdup (dg_handbook_templates_default_language ());

      if (!(handbook = dg_handbook_templates_instantiate (template_id, language, &error)))
        return dg_cli_fail (error);

      if (title != NULL)
        g_object_set (handbook, "title", title, NULL);
    }
  else
    {
      handbook = dg_handbook_new (title);
      g_object_set (handbook,
                    "purpose", purpose != NULL ? purpose : "",
                    "tags", tags,
                    NULL);

      for (guint i = 0; steps != NULL && steps[i] != NULL; i++)
        {
          g_autoptr(DgHandbookStep) step = dg_handbook_step_new (steps[i], "", FALSE, 0);

          dg_handbook_insert_step (handbook, i, step);
        }
    }

  /* Checked before the database is created, so a typo creates nothing. */
  if (!dg_handbook_validate (handbook, &error))
    return dg_cli_fail (error);

  if (!(store = open_store (cli, TRUE, &error)) ||
      !dg_handbook_store_save (store, handbook, &error))
    return dg_cli_fail (error);

  g_print ("%" G_GINT64_FORMAT "\n", dg_handbook_get_id (handbook));

  return DG_CLI_EXIT_OK;
}

static int
run_handbook_templates (DgCli              *cli,
                        const DgCliCommand *command,
                        int                 argc,
                        char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("The language of the templates: en or de"), N_("LANGUAGE") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (NULL, command->summary);
  g_option_context_set_description (context,
                                    N_("The language is that of this computer’s messages unless "
                                       "given. Add a handbook from a template with "
                                       "“delegate-cli handbook add --template ID”."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  dg_cli_add_json_option (context, &json);

  if (!dg_cli_parse_no_arguments (context, &argc, &argv))
    return DG_CLI_EXIT_USAGE;

  if (language == NULL)
    language = g_strdup (dg_handbook_templates_default_language ());

  if (!check_template_language (language, &error))
    return dg_cli_fail (error);

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (const DgHandbookTemplateInfo *info = dg_handbook_templates_list (language); info->id != NULL; info++)
    {
      json_builder_begin_object (builder);
      dg_cli_json_add_string (builder, "id", info->id);
      dg_cli_json_add_string (builder, "language", info->language);
      dg_cli_json_add_string (builder, "title", info->title);
      json_builder_end_object (builder);

      g_ptr_array_add (rows, g_strdupv ((char *[]) { (char *) info->id, (char *) info->title, NULL }));
    }

  json_builder_end_array (builder);

  if (json)
    {
      dg_cli_print_json (builder);
    }
  else
    {
      const char *headers[] = { _("ID"), _("Title") };

      dg_cli_print_table (headers, G_N_ELEMENTS (headers), rows);
    }

  return DG_CLI_EXIT_OK;
}

static int
run_handbook_publish (DgCli              *cli,
                      const DgCliCommand *command,
                      int                 argc,
                      char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgHandbookStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  DgHandbook *handbook;
  gint64 id;
  int number;
  const GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What changed, for the version history"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("Freezes the draft as the next numbered version, which "
                                       "assistants can then acknowledge. Prints the version’s "
                                       "number. Fails when the draft is the same as the latest "
                                       "version."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id))
    return DG_CLI_EXIT_USAGE;

  if (!(handbook = find_handbook (cli, id, &store, &error)))
    return dg_cli_fail (error);

  number = dg_handbook_store_publish (store, handbook, note != NULL ? note : "", &error);
  if (number == 0)
    return dg_cli_fail (error);

  g_print ("%d\n", number);

  return DG_CLI_EXIT_OK;
}

static gboolean
parse_export_format (const char   *text,
                     ExportFormat *out_format)
{
  if (g_ascii_strcasecmp (text, "pdf") == 0)
    *out_format = EXPORT_FORMAT_PDF;
  else if (g_ascii_strcasecmp (text, "md") == 0 || g_ascii_strcasecmp (text, "markdown") == 0)
    *out_format = EXPORT_FORMAT_MARKDOWN;
  else
    return FALSE;

  return TRUE;
}

/* The format a file name asks for: NONE when its extension names none. */
static ExportFormat
guess_export_format (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_equal (path, "-"))
    return EXPORT_FORMAT_MARKDOWN;
  if (g_str_has_suffix (lower, ".pdf"))
    return EXPORT_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return EXPORT_FORMAT_MARKDOWN;

  return EXPORT_FORMAT_NONE;
}

static int
run_handbook_export (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DgHandbookStore) store = NULL;
  g_autoptr(DgHandbook) handbook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *markdown = NULL;
  ExportFormat format = EXPORT_FORMAT_NONE;
  int version;
  gint64 id;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("pdf or md (Markdown)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write, or - for Markdown on standard output"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  context = dg_cli_option_context_new (N_("ID"), command->summary);
  g_option_context_set_description (context,
                                    N_("-o is required. The format follows the file’s extension "
                                       "(.pdf, .md) unless --format is given. The PDF is on A4 "
                                       "paper, or US Letter in the US and Canada. Without "
                                       "--version the draft is exported."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  add_version_option (context, &version_text, N_("Export this published version instead of the draft"));

  if (!dg_cli_parse_id_argument (context, &argc, &argv, &id) ||
      !parse_version_option (version_text, &version))
    return DG_CLI_EXIT_USAGE;

  if (output == NULL)
    return dg_cli_usage_error (_("Give the file to write with -o FILE, or -o - for standard output."));

  if (format_text != NULL)
    {
      if (!parse_export_format (format_text, &format))
        return dg_cli_usage_error (_("The format “%s” is not known: use pdf or md."), format_text);
    }
  else
    {
      format = guess_export_format (output);
      if (format == EXPORT_FORMAT_NONE)
        return dg_cli_usage_error (_("The file name does not tell the format: give --format pdf "
                                     "or --format md."));
    }

  if (format == EXPORT_FORMAT_PDF && g_str_equal (output, "-"))
    return dg_cli_usage_error (_("A PDF cannot be written to standard output: give a file name with -o."));

  if (!(handbook = get_handbook (cli, id, version, &store, &error)))
    return dg_cli_fail (error);

  if (format == EXPORT_FORMAT_PDF)
    {
      if (!dg_handbook_export_pdf (handbook, output, &error))
        return dg_cli_fail (error);

      return DG_CLI_EXIT_OK;
    }

  markdown = dg_handbook_to_markdown (handbook);

  if (g_str_equal (output, "-"))
    {
      /* Markdown is UTF-8 whatever the locale, as a file would be. */
      fputs (markdown, stdout);
      if (fflush (stdout) != 0)
        {
          dg_cli_print_error (_("The Markdown could not be written to standard output."));
          return DG_CLI_EXIT_FAILED;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (output);

      /* Rather than g_file_set_contents(), whose errors name its temporary
       * file, which the user never sees. Both replace the file atomically. */
      if (!g_file_replace_contents (file, markdown, strlen (markdown), NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not save the handbook as Markdown: %s"),
                                                      error->message);

          dg_cli_print_error (message);
          return DG_CLI_EXIT_FAILED;
        }
    }

  return DG_CLI_EXIT_OK;
}

static gpointer
find_handbook_record (DgCli     *cli,
                      gint64     id,
                      GObject  **out_store,
                      GError   **error)
{
  DgHandbookStore *store = NULL;
  DgHandbook *handbook = find_handbook (cli, id, &store, error);

  *out_store = G_OBJECT (store);
  return handbook;
}

/* “archive”, “restore” and “delete”: the command's action is the store's
 * function that makes the change. */
static int
run_handbook_change (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  return dg_cli_run_change (cli, command, argc, argv, find_handbook_record,
                            DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_IN_USE,
                            _("To hide the handbook from lists while keeping its versions, "
                              "run “delegate-cli handbook archive %s”."));
}

static const DgCliCommand handbook_commands[] = {
  { "list", N_("List handbooks with their latest version"), run_handbook_list },
  { "show", N_("Show a handbook’s draft or one of its versions, step by step"), run_handbook_show },
  { "search", N_("Find handbooks by words in their text"), run_handbook_search },
  { "add", N_("Add a handbook, empty or from a template"), run_handbook_add },
  { "templates", N_("List the templates of the starter library"), run_handbook_templates },
  { "publish", N_("Publish a handbook’s draft as its next version"), run_handbook_publish },
  { "export", N_("Write a handbook as PDF or Markdown"), run_handbook_export },
  { "archive", N_("Archive a handbook: hidden from lists, versions kept"),
    run_handbook_change, G_CALLBACK (dg_handbook_store_archive) },
  { "restore", N_("Make an archived handbook active again"),
    run_handbook_change, G_CALLBACK (dg_handbook_store_restore) },
  { "delete", N_("Delete a handbook that nothing refers to, with its versions"),
    run_handbook_change, G_CALLBACK (dg_handbook_store_delete) },
  { NULL }
};

int
dg_cli_handbook_run (DgCli              *cli,
                     const DgCliCommand *command,
                     int                 argc,
                     char              **argv)
{
  return dg_cli_run_group (cli, command, handbook_commands, argc, argv);
}
