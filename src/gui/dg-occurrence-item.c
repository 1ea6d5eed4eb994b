/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-occurrence-item"

#include "dg-occurrence-item.h"

struct _DgOccurrenceItem
{
  GObject           parent_instance;

  char             *title;
  char             *detail;
  char             *style_class;
  DgTaskOccurrence *occurrence;
  gboolean          first;
  gboolean          last;
};

G_DEFINE_FINAL_TYPE (DgOccurrenceItem, dg_occurrence_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OCCURRENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DgOccurrenceItem *
dg_occurrence_item_new_heading (const char *title,
                                const char *detail,
                                const char *style_class)
{
  DgOccurrenceItem *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (DG_TYPE_OCCURRENCE_ITEM, NULL);
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  self->style_class = g_strdup (style_class);
  return self;
}

DgOccurrenceItem *
dg_occurrence_item_new (DgTaskOccurrence *occurrence,
                        gboolean          first,
                        gboolean          last)
{
  DgOccurrenceItem *self;

  g_return_val_if_fail (DG_IS_TASK_OCCURRENCE (occurrence), NULL);

  self = g_object_new (DG_TYPE_OCCURRENCE_ITEM, NULL);
  self->occurrence = g_object_ref (occurrence);
  self->first = first;
  self->last = last;
  return self;
}

gboolean
dg_occurrence_item_is_heading (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), FALSE);

  return self->occurrence == NULL;
}

const char *
dg_occurrence_item_get_title (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), NULL);

  return self->title;
}

const char *
dg_occurrence_item_get_detail (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), NULL);

  return self->detail;
}

const char *
dg_occurrence_item_get_style_class (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), NULL);

  return self->style_class;
}

DgTaskOccurrence *
dg_occurrence_item_get_occurrence (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), NULL);

  return self->occurrence;
}

gboolean
dg_occurrence_item_get_first (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), FALSE);

  return self->first;
}

gboolean
dg_occurrence_item_get_last (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), FALSE);

  return self->last;
}

/* "<task id>/<recurrence id>" of an occurrence; NULL for a heading. */
static char *
dg_occurrence_item_dup_key (DgOccurrenceItem *self)
{
  g_return_val_if_fail (DG_IS_OCCURRENCE_ITEM (self), NULL);

  if (self->occurrence == NULL)
    return NULL;
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s",
                          dg_task_get_id (dg_task_occurrence_get_task (self->occurrence)),
                          dg_task_occurrence_get_recurrence_id (self->occurrence));
}

/* Whether @new_item can take the place of @old_item: the same heading, or
 * the same occurrence at the same corner of its card. */
static gboolean
same_place (DgOccurrenceItem *old_item,
            DgOccurrenceItem *new_item)
{
  g_autofree char *old_key = NULL;
  g_autofree char *new_key = NULL;

  if ((old_item->occurrence == NULL) != (new_item->occurrence == NULL))
    return FALSE;
  if (old_item->occurrence == NULL)
    return g_strcmp0 (old_item->title, new_item->title) == 0 &&
           g_strcmp0 (old_item->detail, new_item->detail) == 0 &&
           g_strcmp0 (old_item->style_class, new_item->style_class) == 0;
  if (old_item->first != new_item->first || old_item->last != new_item->last)
    return FALSE;
  old_key = dg_occurrence_item_dup_key (old_item);
  new_key = dg_occurrence_item_dup_key (new_item);
  return g_str_equal (old_key, new_key);
}

static void
take_occurrence (DgOccurrenceItem *self,
                 DgOccurrenceItem *from)
{
  if (self->occurrence == NULL)
    return;
  g_set_object (&self->occurrence, from->occurrence);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRENCE]);
}

void
dg_occurrence_item_update_store (GListStore *store,
                                 GPtrArray  *items)
{
  GListModel *model;
  guint n_old;
  guint prefix = 0;
  guint suffix = 0;

  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (items != NULL);

  model = G_LIST_MODEL (store);
  n_old = g_list_model_get_n_items (model);
  while (prefix < n_old && prefix < items->len)
    {
      g_autoptr(DgOccurrenceItem) old_item = g_list_model_get_item (model, prefix);

      if (!same_place (old_item, g_ptr_array_index (items, prefix)))
        break;
      take_occurrence (old_item, g_ptr_array_index (items, prefix));
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < items->len - prefix)
    {
      g_autoptr(DgOccurrenceItem) old_item = g_list_model_get_item (model, n_old - 1 - suffix);
      DgOccurrenceItem *new_item = g_ptr_array_index (items, items->len - 1 - suffix);

      if (!same_place (old_item, new_item))
        break;
      take_occurrence (old_item, new_item);
      suffix++;
    }
  if (prefix + suffix < n_old || prefix + suffix < items->len)
    g_list_store_splice (store, prefix, n_old - prefix - suffix,
                         items->pdata + prefix, items->len - prefix - suffix);
}

static void
dg_occurrence_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DgOccurrenceItem *self = DG_OCCURRENCE_ITEM (object);

  switch (prop_id)
    {
    case PROP_OCCURRENCE:
      g_value_set_object (value, self->occurrence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_occurrence_item_dispose (GObject *object)
{
  DgOccurrenceItem *self = DG_OCCURRENCE_ITEM (object);

  g_clear_object (&self->occurrence);

  G_OBJECT_CLASS (dg_occurrence_item_parent_class)->dispose (object);
}

static void
dg_occurrence_item_finalize (GObject *object)
{
  DgOccurrenceItem *self = DG_OCCURRENCE_ITEM (object);

  g_free (self->title);
  g_free (self->detail);
  g_free (self->style_class);

  G_OBJECT_CLASS (dg_occurrence_item_parent_class)->finalize (object);
}

static void
dg_occurrence_item_class_init (DgOccurrenceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dg_occurrence_item_get_property;
  object_class->dispose = dg_occurrence_item_dispose;
  object_class->finalize = dg_occurrence_item_finalize;

  properties[PROP_OCCURRENCE] =
    g_param_spec_object ("occurrence", NULL, NULL,
                         DG_TYPE_TASK_OCCURRENCE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_occurrence_item_init (DgOccurrenceItem *self)
{
}
