/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-assistant-filter"

#include <glib/gi18n.h>

#include "dg-assistant-filter.h"

gint64
dg_assistant_filter_get_selected (GtkDropDown *dropdown,
                                  GArray      *ids)
{
  guint selected;

  g_return_val_if_fail (GTK_IS_DROP_DOWN (dropdown), 0);
  g_return_val_if_fail (ids != NULL, 0);

  selected = gtk_drop_down_get_selected (dropdown);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

void
dg_assistant_filter_fill (GtkDropDown      *dropdown,
                          GtkStringList    *model,
                          GArray           *ids,
                          DgAssistantStore *assistants,
                          gboolean          active_only)
{
  gint64 selected_id;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n;
  guint position = 0;
  gint64 all = 0;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (GTK_IS_STRING_LIST (model));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (DG_IS_ASSISTANT_STORE (assistants));

  selected_id = dg_assistant_filter_get_selected (dropdown, ids);
  n = g_list_model_get_n_items (G_LIST_MODEL (assistants));
  g_array_set_size (ids, 0);
  g_array_append_val (ids, all);
  g_ptr_array_add (names, (gpointer) _("All Assistants"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (G_LIST_MODEL (assistants), i);
      gint64 id = dg_assistant_get_id (assistant);

      if (active_only && !dg_assistant_get_active (assistant))
        continue;
      if (id == selected_id)
        position = ids->len;
      g_array_append_val (ids, id);
      g_ptr_array_add (names, (gpointer) dg_assistant_get_name (assistant));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (model, 0, g_list_model_get_n_items (G_LIST_MODEL (model)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (dropdown, position);
}
