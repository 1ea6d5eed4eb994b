/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-templates"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "dg-handbook-templates.h"
#include "dg-handbooks-resources.h"

/* The texts live in one GKeyFile per handbook and language
 * (src/core/handbooks/<language>/<id>.handbook), compiled into the core.
 * The resource is set up by an explicit call rather than by a constructor:
 * in a static library an object file that no code refers to is dropped by
 * the linker, constructor and all. */
#define TEMPLATES_PATH "/io/github/delegatedesk/Delegate/handbooks"
#define TEMPLATE_SUFFIX ".handbook"

typedef struct
{
  const char             *language;
  DgHandbookTemplateInfo *infos;   /* NULL-terminated by id == NULL */
} TemplateList;

/* Callers keep the list and its strings for the life of the program, so
 * each language is read once and never freed. */
static TemplateList template_lists[] = {
  { "en", NULL },
  { "de", NULL },
};

static const DgHandbookTemplateInfo no_templates[] = { { NULL, NULL, NULL } };

static GResource *
get_templates_resource (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      dg_core_handbooks_register_resource ();
      g_once_init_leave (&initialized, 1);
    }

  return dg_core_handbooks_get_resource ();
}

static GKeyFile *
load_key_file (const char  *language,
               const char  *id,
               GError     **error)
{
  g_autofree char *path = g_strconcat (TEMPLATES_PATH "/", language, "/", id, TEMPLATE_SUFFIX, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (get_templates_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  if (!g_key_file_load_from_data (key_file, data, size, G_KEY_FILE_NONE, error))
    return NULL;

  return g_steal_pointer (&key_file);
}

static int
compare_infos_by_title (gconstpointer a,
                        gconstpointer b)
{
  const DgHandbookTemplateInfo *info_a = a;
  const DgHandbookTemplateInfo *info_b = b;

  return g_utf8_collate (info_a->title, info_b->title);
}

static DgHandbookTemplateInfo *
read_template_list (const char *language)
{
  g_autofree char *dir = g_strconcat (TEMPLATES_PATH "/", language, "/", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = NULL;
  g_autoptr(GArray) infos = g_array_new (TRUE, TRUE, sizeof (DgHandbookTemplateInfo));

  children = g_resource_enumerate_children (get_templates_resource (), dir, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (children == NULL)
    g_error ("The built-in handbook templates are missing: %s", error->message);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autoptr(GKeyFile) key_file = NULL;
      g_autofree char *id = NULL;
      g_autofree char *title = NULL;
      DgHandbookTemplateInfo info;

      if (!g_str_has_suffix (children[i], TEMPLATE_SUFFIX))
        continue;

      id = g_strndup (children[i], strlen (children[i]) - strlen (TEMPLATE_SUFFIX));
      key_file = load_key_file (language, id, &error);
      if (key_file != NULL)
        title = g_key_file_get_string (key_file, "Handbook", "Title", &error);
      /* The files are part of the program; a broken one is a build bug
       * that the template test catches. */
      if (title == NULL)
        g_error ("The built-in handbook template %s/%s is broken: %s", language, id, error->message);

      info.id = g_intern_string (id);
      info.language = g_intern_static_string (language);
      info.title = g_intern_string (title);
      g_array_append_val (infos, info);
    }

  g_array_sort (infos, compare_infos_by_title);

  return (DgHandbookTemplateInfo *) g_array_free (g_steal_pointer (&infos), FALSE);
}

static TemplateList *
find_template_list (const char *language)
{
  for (gsize i = 0; i < G_N_ELEMENTS (template_lists); i++)
    if (g_strcmp0 (template_lists[i].language, language) == 0)
      return &template_lists[i];

  return NULL;
}

const DgHandbookTemplateInfo *
dg_handbook_templates_list (const char *language)
{
  TemplateList *list;

  g_return_val_if_fail (language != NULL, no_templates);

  list = find_template_list (language);
  if (list == NULL)
    return no_templates;

  if (g_once_init_enter (&list->infos))
    g_once_init_leave (&list->infos, read_template_list (list->language));

  return list->infos;
}

static gboolean
is_german (const char *name)
{
  return name != NULL &&
         g_str_has_prefix (name, "de") &&
         strchr ("_.@", name[2]) != NULL;   /* also matches "de" itself */
}

const char *
dg_handbook_templates_default_language (void)
{
  const char *locale = setlocale (LC_MESSAGES, NULL);

  /* Follow the language the program's messages are shown in: gettext shows
   * nothing translated in the C locale, and otherwise lets $LANGUAGE come
   * first, which g_get_language_names() does too. */
  if (locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX"))
    return "en";

  return is_german (g_get_language_names ()[0]) ? "de" : "en";
}

static gboolean
template_exists (const char *id,
                 const char *language)
{
  for (const DgHandbookTemplateInfo *info = dg_handbook_templates_list (language); info->id != NULL; info++)
    if (g_str_equal (info->id, id))
      return TRUE;

  return FALSE;
}

DgHandbook *
dg_handbook_templates_instantiate (const char  *id,
                                   const char  *language,
                                   GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(DgHandbook) handbook = NULL;
  g_autofree char *title = NULL;
  g_autofree char *purpose = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) links = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (find_template_list (language) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There are no handbook templates in the language “%s”. Choose English (en) or German (de)."),
                   language);
      return NULL;
    }

  /* Only names from the list are looked up, so an id cannot reach any
   * other resource path. */
  if (!template_exists (id, language))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no handbook template called “%s”. Choose one from the list of templates."),
                   id);
      return NULL;
    }

  key_file = load_key_file (language, id, error);
  if (key_file == NULL)
    return NULL;

  title = g_key_file_get_string (key_file, "Handbook", "Title", error);
  if (title == NULL)
    return NULL;

  /* Purpose, tags and links are optional in the format. */
  purpose = g_key_file_get_string (key_file, "Handbook", "Purpose", NULL);
  tags = g_key_file_get_string_list (key_file, "Handbook", "Tags", NULL, NULL);
  links = g_key_file_get_string_list (key_file, "Handbook", "Links", NULL, NULL);

  handbook = dg_handbook_new (title);
  g_object_set (handbook,
                "purpose", purpose != NULL ? purpose : "",
                "tags", tags,
                "links", links,
                NULL);

  for (guint number = 1; ; number++)
    {
      g_autofree char *group = g_strdup_printf ("Step %u", number);
      g_autofree char *step_title = NULL;
      g_autofree char *details = NULL;
      g_autoptr(DgHandbookStep) step = NULL;
      g_autoptr(GError) local_error = NULL;
      gboolean checklist;
      int minutes;

      if (!g_key_file_has_group (key_file, group))
        break;

      step_title = g_key_file_get_string (key_file, group, "Title", error);
      if (step_title == NULL)
        return NULL;

      details = g_key_file_get_string (key_file, group, "Details", NULL);

      checklist = g_key_file_get_boolean (key_file, group, "Checklist", &local_error);
      if (local_error != NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_clear_error (&local_error);

      minutes = g_key_file_get_integer (key_file, group, "Minutes", &local_error);
      if (local_error != NULL && !g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      step = dg_handbook_step_new (step_title, details != NULL ? details : "", checklist, MAX (minutes, 0));
      dg_handbook_insert_step (handbook, number - 1, step);
    }

  return g_steal_pointer (&handbook);
}
