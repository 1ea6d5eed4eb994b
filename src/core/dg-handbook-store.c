/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook-store"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-handbook-store.h"
#include "dg-validation.h"

/* At most this many words of a search are used: a pasted paragraph should
 * not become a query that takes seconds. */
#define MAX_SEARCH_TERMS 16

struct _DgHandbookStore
{
  GObject     parent_instance;

  DgDatabase *db;
  GPtrArray  *items;    /* DgHandbook * drafts, sorted by compare_handbooks() */
  GHashTable *latest;   /* gint64 *handbook id → DgHandbook * latest published version */
};

static void dg_handbook_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DgHandbookStore, dg_handbook_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      dg_handbook_store_list_model_init))
G_DEFINE_QUARK (dg-handbook-error-quark, dg_handbook_error)

#define VERSION_COLUMNS \
  "id, handbook_id, number, title, purpose, tags, links, change_note, published_at"

static const char *select_drafts_sql =
  "SELECT id, title, purpose, tags, links, archived, saved_at FROM handbooks";
static const char *select_all_steps_sql =
  "SELECT handbook_id, title, details, checklist, minutes FROM handbook_steps "
  "ORDER BY handbook_id, position";
static const char *select_latest_versions_sql =
  "SELECT " VERSION_COLUMNS " FROM handbook_versions v "
  "WHERE number = (SELECT max(number) FROM handbook_versions WHERE handbook_id = v.handbook_id)";
static const char *select_versions_sql =
  "SELECT " VERSION_COLUMNS " FROM handbook_versions WHERE handbook_id = ?1 ORDER BY number DESC";
static const char *select_version_sql =
  "SELECT " VERSION_COLUMNS " FROM handbook_versions WHERE handbook_id = ?1 AND number = ?2";
static const char *select_version_steps_sql =
  "SELECT title, details, checklist, minutes FROM handbook_version_steps "
  "WHERE version_id = ?1 ORDER BY position";
static const char *insert_sql =
  "INSERT INTO handbooks (title, purpose, tags, links, archived, saved_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char *update_sql =
  "UPDATE handbooks SET title = ?1, purpose = ?2, tags = ?3, links = ?4, "
  "archived = ?5, saved_at = ?6 WHERE id = ?7";
static const char *delete_steps_sql =
  "DELETE FROM handbook_steps WHERE handbook_id = ?1";
static const char *insert_step_sql =
  "INSERT INTO handbook_steps (handbook_id, position, title, details, checklist, minutes) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char *next_number_sql =
  "SELECT coalesce(max(number), 0) + 1 FROM handbook_versions WHERE handbook_id = ?1";
/* A version is copied from the rows just written, so it is exactly what
 * was saved. */
static const char *insert_version_sql =
  "INSERT INTO handbook_versions (handbook_id, number, title, purpose, tags, links, "
  "change_note, published_at) "
  "SELECT id, ?2, title, purpose, tags, links, ?3, ?4 FROM handbooks WHERE id = ?1";
static const char *insert_version_steps_sql =
  "INSERT INTO handbook_version_steps (version_id, position, title, details, checklist, minutes) "
  "SELECT ?1, position, title, details, checklist, minutes FROM handbook_steps "
  "WHERE handbook_id = ?2";
static const char *set_archived_sql =
  "UPDATE handbooks SET archived = ?1 WHERE id = ?2";
static const char *delete_sql =
  "DELETE FROM handbooks WHERE id = ?1";
static const char *delete_index_sql =
  "DELETE FROM handbook_search WHERE rowid = ?1";
/* Archived handbooks are left out of the index, so that search never
 * offers them. */
static const char *insert_index_sql =
  "INSERT INTO handbook_search (rowid, title, purpose, tags, steps) "
  "SELECT h.id, h.title, h.purpose, h.tags, "
  "  (SELECT group_concat (s.title || char(10) || s.details, char(10)) "
  "   FROM handbook_steps s WHERE s.handbook_id = h.id) "
  "FROM handbooks h WHERE h.id = ?1 AND h.archived = 0";
static const char *version_exists_sql =
  "SELECT count(*) FROM handbook_versions WHERE handbook_id = ?1 AND number = ?2";
static const char *assistant_exists_sql =
  "SELECT count(*) FROM assistants WHERE id = ?1";
static const char *acknowledge_sql =
  "INSERT INTO handbook_acknowledgements (handbook_id, assistant_id, version, acknowledged_on) "
  "VALUES (?1, ?2, ?3, ?4) "
  "ON CONFLICT (handbook_id, assistant_id) DO UPDATE SET "
  "version = excluded.version, acknowledged_on = excluded.acknowledged_on";
static const char *select_acknowledgements_sql =
  "SELECT a.assistant_id, s.name, a.version, a.acknowledged_on, "
  "  a.version < (SELECT max(number) FROM handbook_versions v WHERE v.handbook_id = a.handbook_id) "
  "FROM handbook_acknowledgements a JOIN assistants s ON s.id = a.assistant_id "
  "WHERE a.handbook_id = ?1 ORDER BY s.name COLLATE NOCASE, s.id";
/* Titles weigh most, then purpose, tags and the steps. The snippet marks
 * matches with control characters that no text contains, to be replaced by
 * markup after escaping. */
static const char *search_sql =
  "SELECT rowid, title, snippet (handbook_search, -1, char(2), char(3), '…', 16) "
  "FROM handbook_search "
  "WHERE handbook_search MATCH ?1 AND rank MATCH 'bm25(10.0, 5.0, 3.0, 1.0)' "
  "ORDER BY rank LIMIT ?2";

/* ---- helpers ---------------------------------------------------------- */

static int
compare_handbooks (DgHandbook *a,
                   DgHandbook *b)
{
  g_autofree char *title_a = g_utf8_casefold (dg_handbook_get_title (a), -1);
  g_autofree char *title_b = g_utf8_casefold (dg_handbook_get_title (b), -1);
  int cmp = g_utf8_collate (title_a, title_b);

  if (cmp != 0)
    return cmp;
  return (dg_handbook_get_id (a) > dg_handbook_get_id (b)) -
         (dg_handbook_get_id (a) < dg_handbook_get_id (b));
}

static guint
sorted_position (DgHandbookStore *self,
                 DgHandbook      *handbook)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_handbooks (g_ptr_array_index (self->items, mid), handbook) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
insert_sorted (DgHandbookStore *self,
               DgHandbook      *handbook)
{
  guint position = sorted_position (self, handbook);

  g_ptr_array_insert (self->items, position, g_object_ref (handbook));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
set_unknown_handbook_error (GError **error)
{
  g_set_error_literal (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND,
                       _("The handbook no longer exists. Reload the list and try again."));
}

static void
set_gone_error (DgHandbook  *handbook,
                GError     **error)
{
  /* A draft may have no title yet: “” would name nothing. */
  if (dg_text_is_blank (dg_handbook_get_title (handbook)))
    {
      set_unknown_handbook_error (error);
      return;
    }
  g_set_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND,
               _("The handbook “%s” no longer exists. Reload the list and try again."),
               dg_handbook_get_title (handbook));
}

static gboolean
find_position (DgHandbookStore  *self,
               DgHandbook       *handbook,
               guint            *out_position,
               GError          **error)
{
  gint64 id = dg_handbook_get_id (handbook);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (dg_handbook_get_id (g_ptr_array_index (self->items, i)) == id)
        {
          *out_position = i;
          return TRUE;
        }
    }
  set_gone_error (handbook, error);
  return FALSE;
}

static gboolean
refuse_published (DgHandbook  *handbook,
                  GError     **error)
{
  if (!dg_handbook_get_published (handbook))
    return FALSE;
  g_set_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_PUBLISHED,
               _("Version %d of “%s” is published and cannot be changed. Edit the draft instead."),
               dg_handbook_get_version (handbook), dg_handbook_get_title (handbook));
  return TRUE;
}

/* Whole seconds, as stored: the draft in memory then has the very date that
 * a reload reads back. */
static GDateTime *
now_utc (void)
{
  return g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

static char *
format_utc (GDateTime *date)
{
  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
parse_utc (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return g_date_time_new_from_iso8601 (text, utc);
}

/* Tags and links are stored one per line: a value is split at line breaks
 * (and, for tags, at commas, as the window edits them comma-separated),
 * trimmed, and blank ones are dropped. */
static GStrv
normalize_lines (const char * const *values,
                 const char         *separators)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit_set (values[i], separators, -1);

      for (guint j = 0; lines[j] != NULL; j++)
        {
          g_strstrip (lines[j]);
          if (lines[j][0] != '\0')
            g_strv_builder_add (builder, lines[j]);
        }
    }
  return g_strv_builder_end (builder);
}

static GStrv
split_lines (const char *text)
{
  return g_strsplit (text, "\n", -1);
}

static char *
join_lines (const char * const *values)
{
  return g_strjoinv ("\n", (char **) values);
}

static void
normalize (DgHandbook *handbook)
{
  g_autofree char *title = g_strstrip (g_strdup (dg_handbook_get_title (handbook)));
  g_auto(GStrv) tags = normalize_lines (dg_handbook_get_tags (handbook), "\n,");
  g_auto(GStrv) links = normalize_lines (dg_handbook_get_links (handbook), "\n");
  GListModel *steps = dg_handbook_get_steps (handbook);
  guint n_steps = g_list_model_get_n_items (steps);

  g_object_set (handbook, "title", title, "tags", tags, "links", links, NULL);
  /* Steps are matched by title when versions are compared: stray spaces
   * must not make a step look new. */
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);
      g_autofree char *step_title = g_strstrip (g_strdup (dg_handbook_step_get_title (step)));

      g_object_set (step, "title", step_title, NULL);
    }
}

static void
replace_steps (DgHandbook *target,
               DgHandbook *source)
{
  GListModel *steps = dg_handbook_get_steps (source);
  guint n_steps = g_list_model_get_n_items (steps);

  while (g_list_model_get_n_items (dg_handbook_get_steps (target)) > 0)
    g_object_unref (dg_handbook_remove_step (target, 0));
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);
      g_autoptr(DgHandbookStep) copy = dg_handbook_step_copy (step);

      dg_handbook_insert_step (target, i, copy);
    }
}

static DgHandbookStep *
step_from_row (sqlite3_stmt *stmt,
               int           first)
{
  return dg_handbook_step_new (dg_database_column_text (stmt, first),
                               dg_database_column_text (stmt, first + 1),
                               sqlite3_column_int (stmt, first + 2) != 0,
                               sqlite3_column_int (stmt, first + 3));
}

/* Finishes stepping @stmt: TRUE on SQLITE_DONE, else the error. */
static gboolean
finish_rows (DgDatabase    *db,
             sqlite3_stmt  *stmt,
             int            rc,
             GError       **error)
{
  if (rc != SQLITE_DONE)
    dg_database_propagate_error (db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* A published version from a row of VERSION_COLUMNS, with its steps. */
static DgHandbook *
version_from_row (DgDatabase    *db,
                  sqlite3_stmt  *row,
                  GError       **error)
{
  g_autoptr(DgHandbook) version = dg_handbook_new (dg_database_column_text (row, 3));
  g_auto(GStrv) tags = split_lines (dg_database_column_text (row, 5));
  g_auto(GStrv) links = split_lines (dg_database_column_text (row, 6));
  g_autoptr(GDateTime) published_at = parse_utc (dg_database_column_text (row, 8));
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  stmt = dg_database_prepare (db, select_version_steps_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sqlite3_column_int64 (row, 0));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DgHandbookStep) step = step_from_row (stmt, 0);

      dg_handbook_insert_step (version, n++, step);
    }
  if (!finish_rows (db, stmt, rc, error))
    return NULL;

  g_object_set (version,
                "id", (gint64) sqlite3_column_int64 (row, 1),
                "version", sqlite3_column_int (row, 2),
                "purpose", dg_database_column_text (row, 4),
                "tags", tags,
                "links", links,
                "change-note", dg_database_column_text (row, 7),
                "date", published_at,
                "published", TRUE,
                NULL);
  return g_steal_pointer (&version);
}

static DgHandbook *
lookup_latest (DgHandbookStore *self,
               gint64           id)
{
  return g_hash_table_lookup (self->latest, &id);
}

static void
set_latest (DgHandbookStore *self,
            DgHandbook      *version)
{
  gint64 id = dg_handbook_get_id (version);

  g_hash_table_replace (self->latest, g_memdup2 (&id, sizeof id), g_object_ref (version));
}

/* Before the first publication there is always something to publish. */
static gboolean
compute_has_changes (DgHandbookStore *self,
                     DgHandbook      *draft)
{
  DgHandbook *latest = lookup_latest (self, dg_handbook_get_id (draft));

  return latest == NULL || !dg_handbook_content_equal (draft, latest);
}

/* ---- loading ---------------------------------------------------------- */

static DgHandbook *
draft_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(DgHandbook) draft = dg_handbook_new (dg_database_column_text (stmt, 1));
  g_auto(GStrv) tags = split_lines (dg_database_column_text (stmt, 3));
  g_auto(GStrv) links = split_lines (dg_database_column_text (stmt, 4));
  g_autoptr(GDateTime) saved_at = parse_utc (dg_database_column_text (stmt, 6));

  g_object_set (draft,
                "id", (gint64) sqlite3_column_int64 (stmt, 0),
                "purpose", dg_database_column_text (stmt, 2),
                "tags", tags,
                "links", links,
                "archived", sqlite3_column_int (stmt, 5) != 0,
                "date", saved_at,
                NULL);
  return g_steal_pointer (&draft);
}

typedef struct
{
  char       *key;       /* collation key of the casefolded title */
  DgHandbook *handbook;
} SortEntry;

static int
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *entry_a = a;
  const SortEntry *entry_b = b;
  int cmp = strcmp (entry_a->key, entry_b->key);

  if (cmp != 0)
    return cmp;
  return (dg_handbook_get_id (entry_a->handbook) > dg_handbook_get_id (entry_b->handbook)) -
         (dg_handbook_get_id (entry_a->handbook) < dg_handbook_get_id (entry_b->handbook));
}

/* Sorts with collation keys made once per title: thousands of handbooks
 * would otherwise be casefolded and collated again on every comparison. */
static void
sort_items (DgHandbookStore *self)
{
  g_autofree SortEntry *entries = g_new (SortEntry, MAX (self->items->len, 1));
  guint n = self->items->len;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = NULL;

      entries[i].handbook = g_ptr_array_index (self->items, i);
      folded = g_utf8_casefold (dg_handbook_get_title (entries[i].handbook), -1);
      entries[i].key = g_utf8_collate_key (folded, -1);
    }
  qsort (entries, n, sizeof (SortEntry), compare_sort_entries);
  for (guint i = 0; i < n; i++)
    {
      self->items->pdata[i] = entries[i].handbook;
      g_free (entries[i].key);
    }
}

static gboolean
load (DgHandbookStore  *self,
      GError          **error)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  DgHandbook *current = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = dg_database_prepare (self->db, select_drafts_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgHandbook *draft = draft_from_row (stmt);
      gint64 id = dg_handbook_get_id (draft);

      g_ptr_array_add (self->items, draft);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), draft);
    }
  if (!finish_rows (self->db, stmt, rc, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, select_all_steps_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(DgHandbookStep) step = NULL;

      if (current == NULL || dg_handbook_get_id (current) != id)
        current = g_hash_table_lookup (by_id, &id);
      /* The foreign key keeps every step with its handbook. */
      g_assert (current != NULL);
      step = step_from_row (stmt, 1);
      dg_handbook_insert_step (current, g_list_model_get_n_items (dg_handbook_get_steps (current)), step);
    }
  if (!finish_rows (self->db, stmt, rc, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, select_latest_versions_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(DgHandbook) version = version_from_row (self->db, stmt, error);
      gint64 id;

      if (version == NULL)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      id = dg_handbook_get_id (version);
      set_latest (self, version);
      g_object_set (g_hash_table_lookup (by_id, &id), "version", dg_handbook_get_version (version), NULL);
    }
  if (!finish_rows (self->db, stmt, rc, error))
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      DgHandbook *draft = g_ptr_array_index (self->items, i);

      g_object_set (draft, "has-changes", compute_has_changes (self, draft), NULL);
    }
  sort_items (self);
  return TRUE;
}

DgHandbookStore *
dg_handbook_store_new (DgDatabase  *db,
                       GError     **error)
{
  g_autoptr(DgHandbookStore) self = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  self = g_object_new (DG_TYPE_HANDBOOK_STORE, NULL);
  self->db = g_object_ref (db);
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

DgDatabase *
dg_handbook_store_get_database (DgHandbookStore *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), NULL);

  return self->db;
}

DgHandbook *
dg_handbook_store_find (DgHandbookStore *self,
                        gint64           id)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      DgHandbook *item = g_ptr_array_index (self->items, i);

      if (dg_handbook_get_id (item) == id)
        return item;
    }
  return NULL;
}

/* ---- saving and publishing -------------------------------------------- */

typedef struct
{
  DgHandbook *handbook;      /* normalised; validated when published */
  const char *saved_at;
  gboolean    publish;
  const char *change_note;
  gint64      id;            /* out for a new handbook */
  int         number;        /* out: the published version */
} WriteData;

/* The search index row of handbook @id, rewritten from what the tables hold. */
static gboolean
rewrite_index (DgDatabase  *db,
               gint64       id,
               GError     **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (db, delete_index_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!dg_database_execute (db, stmt, error))
    return FALSE;

  stmt = dg_database_prepare (db, insert_index_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return dg_database_execute (db, stmt, error);
}

static gboolean
write_steps (DgDatabase  *db,
             WriteData   *data,
             GError     **error)
{
  GListModel *steps = dg_handbook_get_steps (data->handbook);
  guint n_steps = g_list_model_get_n_items (steps);
  sqlite3_stmt *stmt = dg_database_prepare (db, delete_steps_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (!dg_database_execute (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (steps, i);

      stmt = dg_database_prepare (db, insert_step_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, data->id);
      sqlite3_bind_int (stmt, 2, i + 1);
      dg_database_bind_text (stmt, 3, dg_handbook_step_get_title (step));
      dg_database_bind_text (stmt, 4, dg_handbook_step_get_details (step));
      sqlite3_bind_int (stmt, 5, dg_handbook_step_get_checklist (step));
      sqlite3_bind_int (stmt, 6, dg_handbook_step_get_minutes (step));
      if (!dg_database_execute (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_version (DgDatabase  *db,
               WriteData   *data,
               GError     **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (db, next_number_sql, error);
  gint64 version_id;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      dg_database_propagate_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  data->number = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  stmt = dg_database_prepare (db, insert_version_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, data->id);
  sqlite3_bind_int (stmt, 2, data->number);
  dg_database_bind_text (stmt, 3, data->change_note);
  dg_database_bind_text (stmt, 4, data->saved_at);
  if (!dg_database_execute (db, stmt, error))
    return FALSE;
  version_id = dg_database_last_insert_id (db);

  stmt = dg_database_prepare (db, insert_version_steps_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, version_id);
  sqlite3_bind_int64 (stmt, 2, data->id);
  return dg_database_execute (db, stmt, error);
}

static gboolean
write_handbook (DgDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  WriteData *data = user_data;
  g_autofree char *tags = join_lines (dg_handbook_get_tags (data->handbook));
  g_autofree char *links = join_lines (dg_handbook_get_links (data->handbook));
  sqlite3_stmt *stmt;

  stmt = dg_database_prepare (db, data->id == 0 ? insert_sql : update_sql, error);
  if (stmt == NULL)
    return FALSE;
  dg_database_bind_text (stmt, 1, dg_handbook_get_title (data->handbook));
  dg_database_bind_text (stmt, 2, dg_handbook_get_purpose (data->handbook));
  dg_database_bind_text (stmt, 3, tags);
  dg_database_bind_text (stmt, 4, links);
  sqlite3_bind_int (stmt, 5, dg_handbook_get_archived (data->handbook));
  dg_database_bind_text (stmt, 6, data->saved_at);
  if (data->id != 0)
    sqlite3_bind_int64 (stmt, 7, data->id);
  if (!dg_database_execute (db, stmt, error))
    return FALSE;

  if (data->id == 0)
    data->id = dg_database_last_insert_id (db);
  else if (dg_database_changes (db) == 0)
    {
      /* Another program removed the row meanwhile. */
      set_gone_error (data->handbook, error);
      return FALSE;
    }

  if (!write_steps (db, data, error) ||
      !rewrite_index (db, data->id, error))
    return FALSE;
  return !data->publish || write_version (db, data, error);
}

/* Checks @handbook before it is written; sets *@out_position for one from
 * the list (G_MAXUINT for a new one). A draft is written whatever state it
 * is in, so that nothing typed is lost; only what is published must be
 * complete (@validate). */
static gboolean
prepare_write (DgHandbookStore  *self,
               DgHandbook       *handbook,
               gboolean          validate,
               guint            *out_position,
               GError          **error)
{
  *out_position = G_MAXUINT;
  if (refuse_published (handbook, error))
    return FALSE;
  if (dg_handbook_get_id (handbook) != 0 &&
      !find_position (self, handbook, out_position, error))
    return FALSE;
  if (validate && !dg_handbook_validate (handbook, error))
    return FALSE;
  normalize (handbook);
  return TRUE;
}

/* After a commit: the draft in the list takes what was written and moves to
 * its place by title. */
static void
apply_written (DgHandbookStore *self,
               DgHandbook      *handbook,
               guint            position,
               WriteData       *data,
               GDateTime       *saved_at)
{
  DgHandbook *latest = lookup_latest (self, data->id);
  g_autoptr(DgHandbook) stored = NULL;

  g_object_set (handbook,
                "id", data->id,
                "date", saved_at,
                "version", latest != NULL ? dg_handbook_get_version (latest) : 0,
                NULL);
  g_object_set (handbook, "has-changes", compute_has_changes (self, handbook), NULL);

  if (position == G_MAXUINT)
    {
      insert_sorted (self, handbook);
      return;
    }

  stored = g_ptr_array_steal_index (self->items, position);
  if (stored != handbook)
    {
      g_object_freeze_notify (G_OBJECT (stored));
      g_object_set (stored,
                    "title", dg_handbook_get_title (handbook),
                    "purpose", dg_handbook_get_purpose (handbook),
                    "tags", dg_handbook_get_tags (handbook),
                    "links", dg_handbook_get_links (handbook),
                    "archived", dg_handbook_get_archived (handbook),
                    "version", dg_handbook_get_version (handbook),
                    "date", dg_handbook_get_date (handbook),
                    "has-changes", dg_handbook_get_has_changes (handbook),
                    NULL);
      replace_steps (stored, handbook);
      g_object_thaw_notify (G_OBJECT (stored));
    }
  /* The title may have changed, and with it the place in the list. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  insert_sorted (self, stored);
}

gboolean
dg_handbook_store_save (DgHandbookStore  *self,
                        DgHandbook       *handbook,
                        GError          **error)
{
  g_autoptr(GDateTime) now = now_utc ();
  g_autofree char *saved_at = format_utc (now);
  WriteData data = { 0 };
  guint position;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), FALSE);

  if (!prepare_write (self, handbook, FALSE, &position, error))
    return FALSE;

  data.handbook = handbook;
  data.saved_at = saved_at;
  data.id = dg_handbook_get_id (handbook);
  if (!dg_database_transaction (self->db, write_handbook, &data, error))
    return FALSE;

  apply_written (self, handbook, position, &data, now);
  return TRUE;
}

int
dg_handbook_store_publish (DgHandbookStore  *self,
                           DgHandbook       *handbook,
                           const char       *change_note,
                           GError          **error)
{
  g_autoptr(GDateTime) now = now_utc ();
  g_autofree char *saved_at = format_utc (now);
  g_autofree char *note = g_strstrip (g_strdup (change_note != NULL ? change_note : ""));
  g_autoptr(DgHandbook) version = NULL;
  DgHandbook *latest;
  WriteData data = { 0 };
  guint position;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), 0);
  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), 0);

  if (!prepare_write (self, handbook, TRUE, &position, error))
    return 0;

  latest = lookup_latest (self, dg_handbook_get_id (handbook));
  if (latest != NULL && dg_handbook_content_equal (handbook, latest))
    {
      g_set_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NO_CHANGES,
                   _("“%s” has not changed since version %d was published. Change the draft before publishing again."),
                   dg_handbook_get_title (handbook), dg_handbook_get_version (latest));
      return 0;
    }

  data.handbook = handbook;
  data.saved_at = saved_at;
  data.id = dg_handbook_get_id (handbook);
  data.publish = TRUE;
  data.change_note = note;
  if (!dg_database_transaction (self->db, write_handbook, &data, error))
    return 0;

  version = dg_handbook_copy (handbook);
  g_object_set (version,
                "id", data.id,
                "version", data.number,
                "published", TRUE,
                "archived", FALSE,
                "change-note", note,
                "date", now,
                "has-changes", FALSE,
                NULL);
  set_latest (self, version);
  apply_written (self, handbook, position, &data, now);
  return data.number;
}

/* ---- versions --------------------------------------------------------- */

GPtrArray *
dg_handbook_store_list_versions (DgHandbookStore  *self,
                                 gint64            handbook_id,
                                 GError          **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), NULL);

  stmt = dg_database_prepare (self->db, select_versions_sql, error);
  if (stmt == NULL)
    return NULL;
  versions = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgHandbook *version = version_from_row (self->db, stmt, error);

      if (version == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (versions, version);
    }
  if (!finish_rows (self->db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&versions);
}

DgHandbook *
dg_handbook_store_get_version (DgHandbookStore  *self,
                               gint64            handbook_id,
                               int               number,
                               GError          **error)
{
  g_autoptr(DgHandbook) version = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), NULL);

  stmt = dg_database_prepare (self->db, select_version_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  sqlite3_bind_int (stmt, 2, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      version = version_from_row (self->db, stmt, error);
      sqlite3_reset (stmt);
      return g_steal_pointer (&version);
    }
  if (!finish_rows (self->db, stmt, rc, error))
    return NULL;

  if (dg_handbook_store_find (self, handbook_id) == NULL)
    set_unknown_handbook_error (error);
  else
    g_set_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND,
                 _("Version %d of “%s” has not been published. Choose one of its published versions."),
                 number, dg_handbook_get_title (dg_handbook_store_find (self, handbook_id)));
  return NULL;
}

/* ---- duplicate, archive, delete --------------------------------------- */

DgHandbook *
dg_handbook_store_duplicate (DgHandbookStore  *self,
                             DgHandbook       *handbook,
                             GError          **error)
{
  g_autoptr(DgHandbook) copy = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), NULL);
  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), NULL);

  /* The copy of a draft without a title is one too, not “ (Copy)”. */
  if (dg_text_is_blank (dg_handbook_get_title (handbook)))
    title = g_strdup ("");
  else
    /* Translators: the title of a duplicated handbook; %s is the original's */
    title = g_strdup_printf (_("%s (Copy)"), dg_handbook_get_title (handbook));
  copy = dg_handbook_new (title);
  g_object_set (copy,
                "purpose", dg_handbook_get_purpose (handbook),
                "tags", dg_handbook_get_tags (handbook),
                "links", dg_handbook_get_links (handbook),
                NULL);
  replace_steps (copy, handbook);

  if (!dg_handbook_store_save (self, copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}

typedef struct
{
  gint64   id;
  gboolean archived;
} ArchiveData;

static gboolean
write_archived (DgDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  ArchiveData *data = user_data;
  sqlite3_stmt *stmt = dg_database_prepare (db, set_archived_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->archived);
  sqlite3_bind_int64 (stmt, 2, data->id);
  if (!dg_database_execute (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    {
      set_unknown_handbook_error (error);
      return FALSE;
    }
  return rewrite_index (db, data->id, error);
}

static gboolean
set_archived (DgHandbookStore  *self,
              DgHandbook       *handbook,
              gboolean          archived,
              GError          **error)
{
  ArchiveData data = { dg_handbook_get_id (handbook), archived };
  guint position;

  if (refuse_published (handbook, error) ||
      !find_position (self, handbook, &position, error))
    return FALSE;
  if (!dg_database_transaction (self->db, write_archived, &data, error))
    return FALSE;

  g_object_set (g_ptr_array_index (self->items, position), "archived", archived, NULL);
  g_object_set (handbook, "archived", archived, NULL);
  /* Filters over this list look at "archived": tell them the item changed. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

gboolean
dg_handbook_store_archive (DgHandbookStore  *self,
                           DgHandbook       *handbook,
                           GError          **error)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), FALSE);

  return set_archived (self, handbook, TRUE, error);
}

gboolean
dg_handbook_store_restore (DgHandbookStore  *self,
                           DgHandbook       *handbook,
                           GError          **error)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), FALSE);

  return set_archived (self, handbook, FALSE, error);
}

static gboolean
delete_handbook (DgDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  gint64 id = *(gint64 *) user_data;
  sqlite3_stmt *stmt = dg_database_prepare (db, delete_index_sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!dg_database_execute (db, stmt, error))
    return FALSE;

  /* Steps and published versions go with it (ON DELETE CASCADE); records
   * that refer to it, such as acknowledgements, hold foreign keys without a
   * cascade, so the database itself refuses the delete while any exists. */
  stmt = dg_database_prepare (db, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!dg_database_execute (db, stmt, error))
    return FALSE;
  if (dg_database_changes (db) == 0)
    {
      set_unknown_handbook_error (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
dg_handbook_store_delete (DgHandbookStore  *self,
                          DgHandbook       *handbook,
                          GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DgHandbook) removed = NULL;
  gint64 id;
  guint position;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_HANDBOOK (handbook), FALSE);

  /* A version carries its handbook's id: deleting "it" would delete all. */
  if (refuse_published (handbook, error))
    return FALSE;
  if (!find_position (self, handbook, &position, error))
    return FALSE;

  id = dg_handbook_get_id (handbook);
  if (!dg_database_transaction (self->db, delete_handbook, &id, &local_error))
    {
      if (g_error_matches (local_error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT))
        g_set_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_IN_USE,
                     _("“%s” cannot be deleted because assistants have acknowledged it or other records refer to it. Archive the handbook instead."),
                     dg_handbook_get_title (handbook));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_hash_table_remove (self->latest, &id);
  removed = g_ptr_array_steal_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* ---- acknowledgements ------------------------------------------------- */

void
dg_acknowledgement_free (DgAcknowledgement *ack)
{
  if (ack == NULL)
    return;
  g_free (ack->assistant_name);
  g_free (ack->date);
  g_free (ack);
}

static gboolean
query_count (DgDatabase    *db,
             sqlite3_stmt  *stmt,
             gint64        *out_count,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    *out_count = sqlite3_column_int64 (stmt, 0);
  else
    dg_database_propagate_error (db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

gboolean
dg_handbook_store_acknowledge (DgHandbookStore  *self,
                               gint64            handbook_id,
                               gint64            assistant_id,
                               int               version,
                               const char       *date,
                               GError          **error)
{
  DgHandbook *handbook;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), FALSE);

  handbook = dg_handbook_store_find (self, handbook_id);
  if (handbook == NULL)
    {
      set_unknown_handbook_error (error);
      return FALSE;
    }
  if (!dg_validate_date (date, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, version_exists_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  sqlite3_bind_int (stmt, 2, version);
  if (!query_count (self->db, stmt, &count, error))
    return FALSE;
  if (count == 0)
    {
      g_set_error (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND,
                   _("Version %d of “%s” has not been published, so it cannot be acknowledged. Publish the handbook first."),
                   version, dg_handbook_get_title (handbook));
      return FALSE;
    }

  stmt = dg_database_prepare (self->db, assistant_exists_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assistant_id);
  if (!query_count (self->db, stmt, &count, error))
    return FALSE;
  if (count == 0)
    {
      g_set_error_literal (error, DG_HANDBOOK_ERROR, DG_HANDBOOK_ERROR_NOT_FOUND,
                           _("The assistant no longer exists. Reload the list and try again."));
      return FALSE;
    }

  stmt = dg_database_prepare (self->db, acknowledge_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  sqlite3_bind_int64 (stmt, 2, assistant_id);
  sqlite3_bind_int (stmt, 3, version);
  dg_database_bind_text (stmt, 4, date);
  return dg_database_execute (self->db, stmt, error);
}

GPtrArray *
dg_handbook_store_list_acknowledgements (DgHandbookStore  *self,
                                         gint64            handbook_id,
                                         GError          **error)
{
  g_autoptr(GPtrArray) acks = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), NULL);

  stmt = dg_database_prepare (self->db, select_acknowledgements_sql, error);
  if (stmt == NULL)
    return NULL;
  acks = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_acknowledgement_free);
  sqlite3_bind_int64 (stmt, 1, handbook_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgAcknowledgement *ack = g_new0 (DgAcknowledgement, 1);

      ack->assistant_id = sqlite3_column_int64 (stmt, 0);
      ack->assistant_name = g_strdup (dg_database_column_text (stmt, 1));
      ack->version = sqlite3_column_int (stmt, 2);
      ack->date = g_strdup (dg_database_column_text (stmt, 3));
      ack->outdated = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (acks, ack);
    }
  if (!finish_rows (self->db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&acks);
}

/* ---- search ----------------------------------------------------------- */

void
dg_handbook_hit_free (DgHandbookHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

/* An FTS5 query that cannot fail, whatever was typed: every run of letters,
 * digits and marks becomes a quoted prefix term ("word"*), all of them
 * required. Quotes, operators and brackets are separators, so they never
 * reach the FTS5 parser as syntax. NULL when nothing is left to search. */
static char *
build_match_query (const char *text)
{
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  guint n_terms = 0;
  const char *p = text;

  for (;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char_validated (p, -1) : 0;
      gboolean is_word = c != 0 && c != (gunichar) -1 && c != (gunichar) -2 &&
                         (g_unichar_isalnum (c) || g_unichar_ismark (c));

      if (is_word)
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0 && n_terms < MAX_SEARCH_TERMS)
        {
          if (n_terms > 0)
            g_string_append (query, " AND ");
          g_string_append_printf (query, "\"%s\"*", word->str);
          n_terms++;
        }
      g_string_truncate (word, 0);
      /* Invalid UTF-8 ends the query: what came before still counts. */
      if (c == 0 || c == (gunichar) -1 || c == (gunichar) -2)
        break;
    }

  if (n_terms == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Pango markup from a snippet: the text escaped, the match markers \002 …
 * \003 turned into <b> … </b>, always balanced. */
static char *
snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  gboolean bold = FALSE;
  const char *start = snippet;

  for (const char *p = snippet;; p++)
    {
      if (*p != '\0' && *p != '\002' && *p != '\003')
        continue;
      if (p > start)
        {
          g_autofree char *escaped = g_markup_escape_text (start, p - start);

          g_string_append (markup, escaped);
        }
      if (*p == '\0')
        break;
      if (*p == '\002' && !bold)
        g_string_append (markup, "<b>");
      else if (*p == '\003' && bold)
        g_string_append (markup, "</b>");
      bold = *p == '\002' ? TRUE : *p == '\003' ? FALSE : bold;
      start = p + 1;
    }
  if (bold)
    g_string_append (markup, "</b>");
  return g_string_free (g_steal_pointer (&markup), FALSE);
}

GPtrArray *
dg_handbook_store_search (DgHandbookStore  *self,
                          const char       *query,
                          guint             limit,
                          GError          **error)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *match = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (DG_IS_HANDBOOK_STORE (self), NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_handbook_hit_free);
  match = build_match_query (query != NULL ? query : "");
  if (match == NULL || limit == 0)
    return g_steal_pointer (&hits);

  stmt = dg_database_prepare (self->db, search_sql, error);
  if (stmt == NULL)
    return NULL;
  dg_database_bind_text (stmt, 1, match);
  sqlite3_bind_int64 (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DgHandbookHit *hit = g_new0 (DgHandbookHit, 1);

      hit->handbook_id = sqlite3_column_int64 (stmt, 0);
      hit->title = g_strdup (dg_database_column_text (stmt, 1));
      hit->snippet = snippet_to_markup (dg_database_column_text (stmt, 2));
      g_ptr_array_add (hits, hit);
    }
  if (!finish_rows (self->db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&hits);
}

/* ---- GListModel ------------------------------------------------------- */

static GType
dg_handbook_store_get_item_type (GListModel *model)
{
  return DG_TYPE_HANDBOOK;
}

static guint
dg_handbook_store_get_n_items (GListModel *model)
{
  return DG_HANDBOOK_STORE (model)->items->len;
}

static gpointer
dg_handbook_store_get_item (GListModel *model,
                            guint       position)
{
  DgHandbookStore *self = DG_HANDBOOK_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
dg_handbook_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dg_handbook_store_get_item_type;
  iface->get_n_items = dg_handbook_store_get_n_items;
  iface->get_item = dg_handbook_store_get_item;
}

static void
dg_handbook_store_dispose (GObject *object)
{
  DgHandbookStore *self = DG_HANDBOOK_STORE (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->latest, g_hash_table_unref);

  G_OBJECT_CLASS (dg_handbook_store_parent_class)->dispose (object);
}

static void
dg_handbook_store_class_init (DgHandbookStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dg_handbook_store_dispose;
}

static void
dg_handbook_store_init (DgHandbookStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->latest = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}
