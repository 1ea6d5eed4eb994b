/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-assistant-store"

#include <glib/gi18n.h>

#include "dg-assistant-store.h"

struct _DgAssistantStore
{
  GObject     parent_instance;

  DgDatabase *db;
  GPtrArray  *items;   /* DgAssistant *, sorted by compare_assistants() */
};

static void dg_assistant_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (DgAssistantStore, dg_assistant_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      dg_assistant_store_list_model_init))
G_DEFINE_QUARK (dg-assistant-error-quark, dg_assistant_error)

#define COLUMNS \
  "name, email, time_zone, country, address, currency, hourly_rate, " \
  "tax_status, vat_rate, vat_id, self_billing_date, notes, active, " \
  "tax_number, iban, bic, invoice_language"

static const char *select_all_sql =
  "SELECT id, " COLUMNS " FROM assistants ORDER BY name COLLATE NOCASE";
static const char *select_one_sql =
  "SELECT id, " COLUMNS " FROM assistants WHERE id = ?1";
static const char *insert_sql =
  "INSERT INTO assistants (" COLUMNS ") "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
  "?16, ?17)";
static const char *update_sql =
  "UPDATE assistants SET name = ?1, email = ?2, time_zone = ?3, country = ?4, "
  "address = ?5, currency = ?6, hourly_rate = ?7, tax_status = ?8, "
  "vat_rate = ?9, vat_id = ?10, self_billing_date = ?11, notes = ?12, "
  "active = ?13, tax_number = ?14, iban = ?15, bic = ?16, "
  "invoice_language = ?17 WHERE id = ?18";
static const char *set_active_sql =
  "UPDATE assistants SET active = ?1 WHERE id = ?2";
static const char *delete_sql =
  "DELETE FROM assistants WHERE id = ?1";

static int
compare_assistants (DgAssistant *a,
                    DgAssistant *b)
{
  g_autofree char *name_a = g_utf8_casefold (dg_assistant_get_name (a), -1);
  g_autofree char *name_b = g_utf8_casefold (dg_assistant_get_name (b), -1);
  int cmp = g_utf8_collate (name_a, name_b);

  if (cmp != 0)
    return cmp;
  return (dg_assistant_get_id (a) > dg_assistant_get_id (b)) -
         (dg_assistant_get_id (a) < dg_assistant_get_id (b));
}

static int
compare_assistant_pointers (gconstpointer a,
                            gconstpointer b)
{
  return compare_assistants (*(DgAssistant **) a, *(DgAssistant **) b);
}

static guint
sorted_position (DgAssistantStore *self,
                 DgAssistant      *assistant)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_assistants (g_ptr_array_index (self->items, mid), assistant) < 0)
        low = mid + 1;
      else
        high = mid;
    }
  return low;
}

static void
insert_sorted (DgAssistantStore *self,
               DgAssistant      *assistant)
{
  guint position = sorted_position (self, assistant);

  g_ptr_array_insert (self->items, position, g_object_ref (assistant));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
set_gone_error (DgAssistant  *assistant,
                GError      **error)
{
  g_set_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND,
               _("The assistant “%s” no longer exists. Reload the list and try again."),
               dg_assistant_get_name (assistant));
}

/* Runs @stmt, which changes the row of @assistant; fails when another
 * program removed that row meanwhile, so nothing is reported saved that was
 * not. */
static gboolean
change_row (DgAssistantStore  *self,
            sqlite3_stmt      *stmt,
            DgAssistant       *assistant,
            GError           **error)
{
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;
  if (dg_database_changes (self->db) == 0)
    {
      set_gone_error (assistant, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_position (DgAssistantStore *self,
               DgAssistant      *assistant,
               guint            *out_position,
               GError          **error)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      DgAssistant *item = g_ptr_array_index (self->items, i);

      if (dg_assistant_get_id (item) == dg_assistant_get_id (assistant))
        {
          *out_position = i;
          return TRUE;
        }
    }

  set_gone_error (assistant, error);
  return FALSE;
}

static DgAssistant *
assistant_from_row (sqlite3_stmt *stmt)
{
  DgAssistant *assistant = dg_assistant_new ();
  DgTaxStatus tax_status = DG_TAX_STATUS_OUTSIDE_SCOPE;

  /* The schema's CHECK constraint keeps tax_status to the known names. */
  dg_tax_status_from_string (dg_database_column_text (stmt, 8), &tax_status);

  g_object_set (assistant,
                "id", (gint64) sqlite3_column_int64 (stmt, 0),
                "name", dg_database_column_text (stmt, 1),
                "email", dg_database_column_text (stmt, 2),
                "time-zone", dg_database_column_text (stmt, 3),
                "country", dg_database_column_text (stmt, 4),
                "address", dg_database_column_text (stmt, 5),
                "currency", dg_database_column_text (stmt, 6),
                "hourly-rate", (gint64) sqlite3_column_int64 (stmt, 7),
                "tax-status", tax_status,
                "vat-rate", sqlite3_column_int (stmt, 9),
                "vat-id", dg_database_column_text (stmt, 10),
                "self-billing-date", dg_database_column_text (stmt, 11),
                "notes", dg_database_column_text (stmt, 12),
                "active", sqlite3_column_int (stmt, 13) != 0,
                "tax-number", dg_database_column_text (stmt, 14),
                "iban", dg_database_column_text (stmt, 15),
                "bic", dg_database_column_text (stmt, 16),
                "invoice-language", dg_database_column_text (stmt, 17),
                NULL);
  return assistant;
}

DgAssistant *
dg_assistant_load (DgDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  DgAssistant *assistant = NULL;
  int rc;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  stmt = dg_database_prepare (db, select_one_sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    assistant = assistant_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_NOT_FOUND,
                         _("The assistant no longer exists. Reload the list and choose another assistant."));
  else
    dg_database_propagate_error (db, error);
  sqlite3_reset (stmt);
  return assistant;
}

static void
bind_assistant (sqlite3_stmt *stmt,
                DgAssistant  *assistant)
{
  dg_database_bind_text (stmt, 1, dg_assistant_get_name (assistant));
  dg_database_bind_text (stmt, 2, dg_assistant_get_email (assistant));
  dg_database_bind_text (stmt, 3, dg_assistant_get_time_zone (assistant));
  dg_database_bind_text (stmt, 4, dg_assistant_get_country (assistant));
  dg_database_bind_text (stmt, 5, dg_assistant_get_address (assistant));
  dg_database_bind_text (stmt, 6, dg_assistant_get_currency (assistant));
  sqlite3_bind_int64 (stmt, 7, dg_assistant_get_hourly_rate (assistant));
  dg_database_bind_text (stmt, 8, dg_tax_status_to_string (dg_assistant_get_tax_status (assistant)));
  sqlite3_bind_int (stmt, 9, dg_assistant_get_vat_rate (assistant));
  dg_database_bind_text (stmt, 10, dg_assistant_get_vat_id (assistant));
  dg_database_bind_text (stmt, 11, dg_assistant_get_self_billing_date (assistant));
  dg_database_bind_text (stmt, 12, dg_assistant_get_notes (assistant));
  sqlite3_bind_int (stmt, 13, dg_assistant_get_active (assistant));
  dg_database_bind_text (stmt, 14, dg_assistant_get_tax_number (assistant));
  dg_database_bind_text (stmt, 15, dg_assistant_get_iban (assistant));
  dg_database_bind_text (stmt, 16, dg_assistant_get_bic (assistant));
  dg_database_bind_text (stmt, 17, dg_assistant_get_invoice_language (assistant));
}

static gboolean
load (DgAssistantStore  *self,
      GError           **error)
{
  sqlite3_stmt *stmt = dg_database_prepare (self->db, select_all_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (self->items, assistant_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      dg_database_propagate_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  g_ptr_array_sort (self->items, compare_assistant_pointers);
  return TRUE;
}

DgAssistantStore *
dg_assistant_store_new (DgDatabase  *db,
                        GError     **error)
{
  g_autoptr(DgAssistantStore) self = NULL;

  g_return_val_if_fail (DG_IS_DATABASE (db), NULL);

  self = g_object_new (DG_TYPE_ASSISTANT_STORE, NULL);
  self->db = g_object_ref (db);
  if (!load (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

DgDatabase *
dg_assistant_store_get_database (DgAssistantStore *self)
{
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (self), NULL);

  return self->db;
}

DgAssistant *
dg_assistant_store_find (DgAssistantStore *self,
                         gint64            id)
{
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      DgAssistant *item = g_ptr_array_index (self->items, i);

      if (dg_assistant_get_id (item) == id)
        return item;
    }
  return NULL;
}

gboolean
dg_assistant_store_add (DgAssistantStore  *self,
                        DgAssistant       *assistant,
                        GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_ASSISTANT (assistant), FALSE);
  g_return_val_if_fail (dg_assistant_get_id (assistant) == 0, FALSE);

  if (!dg_assistant_validate (assistant, error))
    return FALSE;
  dg_assistant_normalize (assistant);

  stmt = dg_database_prepare (self->db, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_assistant (stmt, assistant);
  if (!dg_database_execute (self->db, stmt, error))
    return FALSE;

  g_object_set (assistant, "id", dg_database_last_insert_id (self->db), NULL);
  insert_sorted (self, assistant);
  return TRUE;
}

gboolean
dg_assistant_store_update (DgAssistantStore  *self,
                           DgAssistant       *changes,
                           GError           **error)
{
  g_autoptr(DgAssistant) stored = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  sqlite3_stmt *stmt;
  guint n_pspecs;
  guint position;

  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_ASSISTANT (changes), FALSE);

  if (!find_position (self, changes, &position, error) ||
      !dg_assistant_validate (changes, error))
    return FALSE;
  dg_assistant_normalize (changes);

  stmt = dg_database_prepare (self->db, update_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_assistant (stmt, changes);
  sqlite3_bind_int64 (stmt, 18, dg_assistant_get_id (changes));
  if (!change_row (self, stmt, changes, error))
    return FALSE;

  stored = g_ptr_array_steal_index (self->items, position);
  if (stored != changes)
    {
      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (changes), &n_pspecs);
      g_object_freeze_notify (G_OBJECT (stored));
      for (guint i = 0; i < n_pspecs; i++)
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspecs[i]->value_type);
          g_object_get_property (G_OBJECT (changes), pspecs[i]->name, &value);
          g_object_set_property (G_OBJECT (stored), pspecs[i]->name, &value);
        }
      g_object_thaw_notify (G_OBJECT (stored));
    }

  /* The name may have changed, and with it the place in the list. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  insert_sorted (self, stored);
  return TRUE;
}

static gboolean
set_active (DgAssistantStore  *self,
            DgAssistant       *assistant,
            gboolean           active,
            GError           **error)
{
  sqlite3_stmt *stmt;
  guint position;

  if (!find_position (self, assistant, &position, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, set_active_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, active);
  sqlite3_bind_int64 (stmt, 2, dg_assistant_get_id (assistant));
  if (!change_row (self, stmt, assistant, error))
    return FALSE;

  g_object_set (g_ptr_array_index (self->items, position), "active", active, NULL);
  g_object_set (assistant, "active", active, NULL);
  /* Filters over this list look at "active": tell them the item changed. */
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

gboolean
dg_assistant_store_archive (DgAssistantStore  *self,
                            DgAssistant       *assistant,
                            GError           **error)
{
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_ASSISTANT (assistant), FALSE);

  return set_active (self, assistant, FALSE, error);
}

gboolean
dg_assistant_store_restore (DgAssistantStore  *self,
                            DgAssistant       *assistant,
                            GError           **error)
{
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_ASSISTANT (assistant), FALSE);

  return set_active (self, assistant, TRUE, error);
}

gboolean
dg_assistant_store_delete (DgAssistantStore  *self,
                           DgAssistant       *assistant,
                           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(DgAssistant) removed = NULL;
  sqlite3_stmt *stmt;
  guint position;

  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (self), FALSE);
  g_return_val_if_fail (DG_IS_ASSISTANT (assistant), FALSE);

  if (!find_position (self, assistant, &position, error))
    return FALSE;

  stmt = dg_database_prepare (self->db, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, dg_assistant_get_id (assistant));

  /* Records that refer to the assistant (tasks, hours, invoices) hold foreign
   * keys: the database itself refuses the delete while any exists. */
  if (!change_row (self, stmt, assistant, &local_error))
    {
      if (g_error_matches (local_error, DG_DATABASE_ERROR, DG_DATABASE_ERROR_CONSTRAINT))
        g_set_error (error, DG_ASSISTANT_ERROR, DG_ASSISTANT_ERROR_IN_USE,
                     _("“%s” cannot be deleted because other records refer to them. Archive the assistant instead."),
                     dg_assistant_get_name (assistant));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  removed = g_ptr_array_steal_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

static GType
dg_assistant_store_get_item_type (GListModel *model)
{
  return DG_TYPE_ASSISTANT;
}

static guint
dg_assistant_store_get_n_items (GListModel *model)
{
  return DG_ASSISTANT_STORE (model)->items->len;
}

static gpointer
dg_assistant_store_get_item (GListModel *model,
                             guint       position)
{
  DgAssistantStore *self = DG_ASSISTANT_STORE (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
dg_assistant_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = dg_assistant_store_get_item_type;
  iface->get_n_items = dg_assistant_store_get_n_items;
  iface->get_item = dg_assistant_store_get_item;
}

static void
dg_assistant_store_dispose (GObject *object)
{
  DgAssistantStore *self = DG_ASSISTANT_STORE (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_assistant_store_parent_class)->dispose (object);
}

static void
dg_assistant_store_class_init (DgAssistantStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dg_assistant_store_dispose;
}

static void
dg_assistant_store_init (DgAssistantStore *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}
