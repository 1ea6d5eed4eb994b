/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-handbook"

#include <glib/gi18n.h>

#include "dg-handbook.h"
#include "dg-validation.h"

/* ---- DgHandbookStep -------------------------------------------------- */

enum {
  STEP_PROP_0,
  STEP_PROP_TITLE,
  STEP_PROP_DETAILS,
  STEP_PROP_CHECKLIST,
  STEP_PROP_MINUTES,
  STEP_N_PROPS
};

struct _DgHandbookStep
{
  GObject   parent_instance;

  char     *title;
  char     *details;
  gboolean  checklist;
  int       minutes;
};

static GParamSpec *step_properties[STEP_N_PROPS];

G_DEFINE_FINAL_TYPE (DgHandbookStep, dg_handbook_step, G_TYPE_OBJECT)

DgHandbookStep *
dg_handbook_step_new (const char *title,
                      const char *details,
                      gboolean    checklist,
                      int         minutes)
{
  return g_object_new (DG_TYPE_HANDBOOK_STEP,
                       "title", title,
                       "details", details,
                       "checklist", checklist,
                       "minutes", MAX (minutes, 0),
                       NULL);
}

DgHandbookStep *
dg_handbook_step_copy (DgHandbookStep *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STEP (self), NULL);

  return dg_handbook_step_new (self->title, self->details, self->checklist, self->minutes);
}

gboolean
dg_handbook_step_equal (DgHandbookStep *a,
                        DgHandbookStep *b)
{
  g_return_val_if_fail (DG_IS_HANDBOOK_STEP (a), FALSE);
  g_return_val_if_fail (DG_IS_HANDBOOK_STEP (b), FALSE);

  return g_str_equal (a->title, b->title) &&
         g_str_equal (a->details, b->details) &&
         !a->checklist == !b->checklist &&
         a->minutes == b->minutes;
}

const char *dg_handbook_step_get_title     (DgHandbookStep *self) { g_return_val_if_fail (DG_IS_HANDBOOK_STEP (self), NULL); return self->title; }
const char *dg_handbook_step_get_details   (DgHandbookStep *self) { g_return_val_if_fail (DG_IS_HANDBOOK_STEP (self), NULL); return self->details; }
gboolean    dg_handbook_step_get_checklist (DgHandbookStep *self) { g_return_val_if_fail (DG_IS_HANDBOOK_STEP (self), FALSE); return self->checklist; }
int         dg_handbook_step_get_minutes   (DgHandbookStep *self) { g_return_val_if_fail (DG_IS_HANDBOOK_STEP (self), 0); return self->minutes; }

static void
dg_handbook_step_finalize (GObject *object)
{
  DgHandbookStep *self = DG_HANDBOOK_STEP (object);

  g_free (self->title);
  g_free (self->details);

  G_OBJECT_CLASS (dg_handbook_step_parent_class)->finalize (object);
}

static void
dg_handbook_step_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DgHandbookStep *self = DG_HANDBOOK_STEP (object);

  switch (prop_id)
    {
    case STEP_PROP_TITLE:     g_value_set_string (value, self->title); break;
    case STEP_PROP_DETAILS:   g_value_set_string (value, self->details); break;
    case STEP_PROP_CHECKLIST: g_value_set_boolean (value, self->checklist); break;
    case STEP_PROP_MINUTES:   g_value_set_int (value, self->minutes); break;
    default:                  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Replaces *@field with @text (NULL stored as ""); TRUE when it changed. */
static gboolean
set_string (char       **field,
            const char  *text)
{
  if (text == NULL)
    text = "";
  if (*field != NULL && g_str_equal (*field, text))
    return FALSE;
  g_free (*field);
  *field = g_strdup (text);
  return TRUE;
}

static void
dg_handbook_step_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DgHandbookStep *self = DG_HANDBOOK_STEP (object);

  switch (prop_id)
    {
    case STEP_PROP_TITLE:
      if (!set_string (&self->title, g_value_get_string (value)))
        return;
      break;
    case STEP_PROP_DETAILS:
      if (!set_string (&self->details, g_value_get_string (value)))
        return;
      break;
    case STEP_PROP_CHECKLIST:
      if (!self->checklist == !g_value_get_boolean (value))
        return;
      self->checklist = g_value_get_boolean (value);
      break;
    case STEP_PROP_MINUTES:
      if (self->minutes == g_value_get_int (value))
        return;
      self->minutes = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

static void
dg_handbook_step_class_init (DgHandbookStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_handbook_step_finalize;
  object_class->get_property = dg_handbook_step_get_property;
  object_class->set_property = dg_handbook_step_set_property;

  step_properties[STEP_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  step_properties[STEP_PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, "", flags);
  step_properties[STEP_PROP_CHECKLIST] =
    g_param_spec_boolean ("checklist", NULL, NULL, FALSE, flags);
  step_properties[STEP_PROP_MINUTES] =
    g_param_spec_int ("minutes", NULL, NULL, 0, G_MAXINT, 0, flags);

  g_object_class_install_properties (object_class, STEP_N_PROPS, step_properties);
}

static void
dg_handbook_step_init (DgHandbookStep *self)
{
  self->title = g_strdup ("");
  self->details = g_strdup ("");
}

/* ---- DgHandbook ------------------------------------------------------ */

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PURPOSE,
  PROP_TAGS,
  PROP_LINKS,
  PROP_ARCHIVED,
  PROP_VERSION,
  PROP_PUBLISHED,
  PROP_CHANGE_NOTE,
  PROP_DATE,
  PROP_HAS_CHANGES,
  N_PROPS
};

struct _DgHandbook
{
  GObject     parent_instance;

  gint64      id;
  char       *title;
  char       *purpose;
  GStrv       tags;
  GStrv       links;
  gboolean    archived;
  int         version;
  gboolean    published;
  char       *change_note;
  GDateTime  *date;
  gboolean    has_changes;
  GListStore *steps;   /* DgHandbookStep */
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgHandbook, dg_handbook, G_TYPE_OBJECT)

DgHandbook *
dg_handbook_new (const char *title)
{
  return g_object_new (DG_TYPE_HANDBOOK, "title", title, NULL);
}

DgHandbook *
dg_handbook_copy (DgHandbook *self)
{
  DgHandbook *copy;
  guint n_steps;

  g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL);

  copy = g_object_new (DG_TYPE_HANDBOOK,
                       "id", self->id,
                       "title", self->title,
                       "purpose", self->purpose,
                       "tags", self->tags,
                       "links", self->links,
                       "archived", self->archived,
                       "version", self->version,
                       "published", self->published,
                       "change-note", self->change_note,
                       "date", self->date,
                       "has-changes", self->has_changes,
                       NULL);
  n_steps = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);
      g_autoptr(DgHandbookStep) step_copy = dg_handbook_step_copy (step);

      g_list_store_append (copy->steps, step_copy);
    }
  return copy;
}

GListModel *
dg_handbook_get_steps (DgHandbook *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL);

  return G_LIST_MODEL (self->steps);
}

void
dg_handbook_insert_step (DgHandbook     *self,
                         guint           position,
                         DgHandbookStep *step)
{
  g_return_if_fail (DG_IS_HANDBOOK (self));
  g_return_if_fail (DG_IS_HANDBOOK_STEP (step));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->steps)));

  g_list_store_insert (self->steps, position, step);
}

DgHandbookStep *
dg_handbook_remove_step (DgHandbook *self,
                         guint       position)
{
  DgHandbookStep *step;

  g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL);
  g_return_val_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (self->steps)), NULL);

  step = g_list_model_get_item (G_LIST_MODEL (self->steps), position);
  g_list_store_remove (self->steps, position);
  return step;
}

void
dg_handbook_move_step (DgHandbook *self,
                       guint       from,
                       guint       to)
{
  g_autoptr(DgHandbookStep) step = NULL;
  guint n_steps;

  g_return_if_fail (DG_IS_HANDBOOK (self));
  n_steps = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  g_return_if_fail (from < n_steps);
  g_return_if_fail (to < n_steps);

  if (from == to)
    return;
  step = g_list_model_get_item (G_LIST_MODEL (self->steps), from);
  g_list_store_remove (self->steps, from);
  g_list_store_insert (self->steps, to, step);
}

gboolean
dg_handbook_validate (DgHandbook  *self,
                      GError     **error)
{
  guint n_steps;

  g_return_val_if_fail (DG_IS_HANDBOOK (self), FALSE);

  if (dg_text_is_blank (self->title))
    {
      g_set_error_literal (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                           _("Enter the handbook’s title."));
      return FALSE;
    }

  n_steps = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      if (dg_text_is_blank (step->title))
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_REQUIRED,
                       _("Step %u needs a title."), i + 1);
          return FALSE;
        }
      if (step->minutes < 0)
        {
          g_set_error (error, DG_VALIDATION_ERROR, DG_VALIDATION_ERROR_INVALID,
                       _("The estimate of step %u cannot be negative."), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

int
dg_handbook_get_total_minutes (DgHandbook *self)
{
  guint n_steps;
  int total = 0;

  g_return_val_if_fail (DG_IS_HANDBOOK (self), 0);

  n_steps = g_list_model_get_n_items (G_LIST_MODEL (self->steps));
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (G_LIST_MODEL (self->steps), i);

      /* Saturates instead of overflowing on absurd estimates. */
      total = step->minutes > G_MAXINT - total ? G_MAXINT : total + step->minutes;
    }
  return total;
}

char *
dg_handbook_format_minutes (int minutes)
{
  int hours;
  int rest;

  g_return_val_if_fail (minutes >= 0, NULL);

  hours = minutes / 60;
  rest = minutes % 60;
  if (hours == 0)
    /* Translators: an estimate of a few minutes, as in "15 min". */
    return g_strdup_printf (_("%d min"), minutes);
  if (rest == 0)
    /* Translators: an estimate of whole hours, as in "2 h". */
    return g_strdup_printf (_("%d h"), hours);
  /* Translators: an estimate in hours and minutes, as in "1 h 30 min". */
  return g_strdup_printf (_("%d h %d min"), hours, rest);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  guint i;

  for (i = 0; a[i] != NULL && b[i] != NULL; i++)
    if (!g_str_equal (a[i], b[i]))
      return FALSE;
  return a[i] == NULL && b[i] == NULL;
}

gboolean
dg_handbook_content_equal (DgHandbook *a,
                           DgHandbook *b)
{
  guint n_steps;

  g_return_val_if_fail (DG_IS_HANDBOOK (a), FALSE);
  g_return_val_if_fail (DG_IS_HANDBOOK (b), FALSE);

  if (!g_str_equal (a->title, b->title) ||
      !g_str_equal (a->purpose, b->purpose) ||
      !strv_equal ((const char * const *) a->tags, (const char * const *) b->tags) ||
      !strv_equal ((const char * const *) a->links, (const char * const *) b->links))
    return FALSE;

  n_steps = g_list_model_get_n_items (G_LIST_MODEL (a->steps));
  if (n_steps != g_list_model_get_n_items (G_LIST_MODEL (b->steps)))
    return FALSE;
  for (guint i = 0; i < n_steps; i++)
    {
      g_autoptr(DgHandbookStep) step_a = g_list_model_get_item (G_LIST_MODEL (a->steps), i);
      g_autoptr(DgHandbookStep) step_b = g_list_model_get_item (G_LIST_MODEL (b->steps), i);

      if (!dg_handbook_step_equal (step_a, step_b))
        return FALSE;
    }
  return TRUE;
}

gint64              dg_handbook_get_id          (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), 0); return self->id; }
const char         *dg_handbook_get_title       (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL); return self->title; }
const char         *dg_handbook_get_purpose     (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL); return self->purpose; }
const char * const *dg_handbook_get_tags        (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL); return (const char * const *) self->tags; }
const char * const *dg_handbook_get_links       (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL); return (const char * const *) self->links; }
gboolean            dg_handbook_get_archived    (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), FALSE); return self->archived; }
int                 dg_handbook_get_version     (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), 0); return self->version; }
gboolean            dg_handbook_get_published   (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), FALSE); return self->published; }
const char         *dg_handbook_get_change_note (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL); return self->change_note; }
GDateTime          *dg_handbook_get_date        (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL); return self->date; }
gboolean            dg_handbook_get_has_changes (DgHandbook *self) { g_return_val_if_fail (DG_IS_HANDBOOK (self), FALSE); return self->has_changes; }

const char *
dg_handbook_get_display_title (DgHandbook *self)
{
  g_return_val_if_fail (DG_IS_HANDBOOK (self), NULL);

  return dg_text_is_blank (self->title) ? _("Untitled Handbook") : self->title;
}

/* ---- comparing two versions ------------------------------------------ */

void
dg_step_change_free (DgStepChange *change)
{
  if (change == NULL)
    return;
  g_free (change->title);
  g_free (change);
}

static void
add_change (GPtrArray        *changes,
            DgStepChangeKind  kind,
            int               old_position,
            int               new_position,
            const char       *title)
{
  DgStepChange *change = g_new0 (DgStepChange, 1);

  change->kind = kind;
  change->old_position = old_position;
  change->new_position = new_position;
  change->title = g_strdup (title);
  g_ptr_array_add (changes, change);
}

/* Marks in @in_order the matched steps of the newer version whose old
 * positions form a longest increasing run: those kept their relative order,
 * every other matched step moved. @old_of_new[j] is the old index matched
 * with new step j, or -1. Patience method, O(n log n). */
static void
mark_longest_ordered (const int *old_of_new,
                      guint      n,
                      gboolean  *in_order)
{
  g_autofree guint *tails = g_new (guint, n + 1);     /* new index ending a run of length k+1 */
  g_autofree int *previous = g_new (int, n + 1);      /* new index before j in its run */
  guint length = 0;

  for (guint j = 0; j < n; j++)
    {
      guint low = 0;
      guint high = length;

      if (old_of_new[j] < 0)
        continue;
      while (low < high)
        {
          guint mid = low + (high - low) / 2;

          if (old_of_new[tails[mid]] < old_of_new[j])
            low = mid + 1;
          else
            high = mid;
        }
      previous[j] = low > 0 ? (int) tails[low - 1] : -1;
      tails[low] = j;
      if (low == length)
        length++;
    }

  if (length == 0)
    return;
  for (int j = (int) tails[length - 1]; j >= 0; j = previous[j])
    in_order[j] = TRUE;
}

GPtrArray *
dg_handbook_compare (DgHandbook *older,
                     DgHandbook *newer,
                     gboolean   *out_title_changed,
                     gboolean   *out_purpose_changed)
{
  g_autoptr(GHashTable) old_by_title = NULL;   /* title → GQueue of old indices */
  g_autofree int *old_of_new = NULL;
  g_autofree gboolean *old_matched = NULL;
  g_autofree gboolean *in_order = NULL;
  GListModel *old_steps;
  GListModel *new_steps;
  GPtrArray *changes;
  guint n_old;
  guint n_new;

  g_return_val_if_fail (DG_IS_HANDBOOK (older), NULL);
  g_return_val_if_fail (DG_IS_HANDBOOK (newer), NULL);

  if (out_title_changed != NULL)
    *out_title_changed = !g_str_equal (older->title, newer->title);
  if (out_purpose_changed != NULL)
    *out_purpose_changed = !g_str_equal (older->purpose, newer->purpose);

  old_steps = G_LIST_MODEL (older->steps);
  new_steps = G_LIST_MODEL (newer->steps);
  n_old = g_list_model_get_n_items (old_steps);
  n_new = g_list_model_get_n_items (new_steps);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_step_change_free);

  /* Steps are matched by title; when several share a title, the first in
   * the older version goes with the first in the newer, and so on. */
  old_by_title = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_queue_free);
  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (old_steps, i);
      GQueue *queue = g_hash_table_lookup (old_by_title, step->title);

      if (queue == NULL)
        {
          queue = g_queue_new ();
          /* The key lives as long as @older's step, which outlives the table. */
          g_hash_table_insert (old_by_title, step->title, queue);
        }
      g_queue_push_tail (queue, GUINT_TO_POINTER (i));
    }

  old_of_new = g_new (int, MAX (n_new, 1));
  old_matched = g_new0 (gboolean, MAX (n_old, 1));
  for (guint j = 0; j < n_new; j++)
    {
      g_autoptr(DgHandbookStep) step = g_list_model_get_item (new_steps, j);
      GQueue *queue = g_hash_table_lookup (old_by_title, step->title);

      old_of_new[j] = -1;
      if (queue != NULL && !g_queue_is_empty (queue))
        {
          old_of_new[j] = GPOINTER_TO_UINT (g_queue_pop_head (queue));
          old_matched[old_of_new[j]] = TRUE;
        }
    }

  /* A step that only got a new title (a typo fixed, a clearer wording)
   * keeps its details: it is the same step changed, not one removed and
   * one added. */
  for (guint j = 0; j < n_new; j++)
    {
      g_autoptr(DgHandbookStep) new_step = NULL;

      if (old_of_new[j] >= 0)
        continue;
      new_step = g_list_model_get_item (new_steps, j);
      if (*new_step->details == '\0')
        continue;
      for (guint i = 0; i < n_old; i++)
        {
          g_autoptr(DgHandbookStep) old_step = NULL;

          if (old_matched[i])
            continue;
          old_step = g_list_model_get_item (old_steps, i);
          if (g_str_equal (old_step->details, new_step->details))
            {
              old_of_new[j] = i;
              old_matched[i] = TRUE;
              break;
            }
        }
    }

  in_order = g_new0 (gboolean, MAX (n_new, 1));
  mark_longest_ordered (old_of_new, n_new, in_order);

  for (guint j = 0; j < n_new; j++)
    {
      g_autoptr(DgHandbookStep) new_step = g_list_model_get_item (new_steps, j);
      g_autoptr(DgHandbookStep) old_step = NULL;

      if (old_of_new[j] < 0)
        {
          add_change (changes, DG_STEP_CHANGE_ADDED, 0, j + 1, new_step->title);
          continue;
        }
      old_step = g_list_model_get_item (old_steps, old_of_new[j]);
      /* A step both edited and moved is reported as changed; its two
       * positions still show the move. */
      if (!dg_handbook_step_equal (old_step, new_step))
        add_change (changes, DG_STEP_CHANGE_CHANGED, old_of_new[j] + 1, j + 1, new_step->title);
      else if (!in_order[j])
        add_change (changes, DG_STEP_CHANGE_MOVED, old_of_new[j] + 1, j + 1, new_step->title);
    }

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(DgHandbookStep) old_step = NULL;

      if (old_matched[i])
        continue;
      old_step = g_list_model_get_item (old_steps, i);
      add_change (changes, DG_STEP_CHANGE_REMOVED, i + 1, 0, old_step->title);
    }

  return changes;
}

/* ---- GObject --------------------------------------------------------- */

static void
dg_handbook_dispose (GObject *object)
{
  DgHandbook *self = DG_HANDBOOK (object);

  g_clear_object (&self->steps);

  G_OBJECT_CLASS (dg_handbook_parent_class)->dispose (object);
}

static void
dg_handbook_finalize (GObject *object)
{
  DgHandbook *self = DG_HANDBOOK (object);

  g_free (self->title);
  g_free (self->purpose);
  g_strfreev (self->tags);
  g_strfreev (self->links);
  g_free (self->change_note);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (dg_handbook_parent_class)->finalize (object);
}

static void
dg_handbook_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  DgHandbook *self = DG_HANDBOOK (object);

  switch (prop_id)
    {
    case PROP_ID:          g_value_set_int64 (value, self->id); break;
    case PROP_TITLE:       g_value_set_string (value, self->title); break;
    case PROP_PURPOSE:     g_value_set_string (value, self->purpose); break;
    case PROP_TAGS:        g_value_set_boxed (value, self->tags); break;
    case PROP_LINKS:       g_value_set_boxed (value, self->links); break;
    case PROP_ARCHIVED:    g_value_set_boolean (value, self->archived); break;
    case PROP_VERSION:     g_value_set_int (value, self->version); break;
    case PROP_PUBLISHED:   g_value_set_boolean (value, self->published); break;
    case PROP_CHANGE_NOTE: g_value_set_string (value, self->change_note); break;
    case PROP_DATE:        g_value_set_boxed (value, self->date); break;
    case PROP_HAS_CHANGES: g_value_set_boolean (value, self->has_changes); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Replaces *@field with a copy of @strv (NULL stored as an empty list);
 * TRUE when it changed. */
static gboolean
set_strv (GStrv              *field,
          const char * const *strv)
{
  static const char * const empty[] = { NULL };

  if (strv == NULL)
    strv = empty;
  if (*field != NULL && strv_equal ((const char * const *) *field, strv))
    return FALSE;
  g_strfreev (*field);
  *field = g_strdupv ((char **) strv);
  return TRUE;
}

static gboolean
set_boolean (gboolean     *field,
             const GValue *value)
{
  if (!*field == !g_value_get_boolean (value))
    return FALSE;
  *field = g_value_get_boolean (value);
  return TRUE;
}

static void
dg_handbook_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  DgHandbook *self = DG_HANDBOOK (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_ID:
      changed = self->id != g_value_get_int64 (value);
      self->id = g_value_get_int64 (value);
      break;
    case PROP_TITLE:
      changed = set_string (&self->title, g_value_get_string (value));
      break;
    case PROP_PURPOSE:
      changed = set_string (&self->purpose, g_value_get_string (value));
      break;
    case PROP_TAGS:
      changed = set_strv (&self->tags, g_value_get_boxed (value));
      break;
    case PROP_LINKS:
      changed = set_strv (&self->links, g_value_get_boxed (value));
      break;
    case PROP_ARCHIVED:
      changed = set_boolean (&self->archived, value);
      break;
    case PROP_VERSION:
      changed = self->version != g_value_get_int (value);
      self->version = g_value_get_int (value);
      break;
    case PROP_PUBLISHED:
      changed = set_boolean (&self->published, value);
      break;
    case PROP_CHANGE_NOTE:
      changed = set_string (&self->change_note, g_value_get_string (value));
      break;
    case PROP_DATE:
      {
        GDateTime *date = g_value_get_boxed (value);

        if (date == self->date ||
            (date != NULL && self->date != NULL && g_date_time_equal (date, self->date)))
          return;
        g_clear_pointer (&self->date, g_date_time_unref);
        self->date = date != NULL ? g_date_time_ref (date) : NULL;
        changed = TRUE;
      }
      break;
    case PROP_HAS_CHANGES:
      changed = set_boolean (&self->has_changes, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
dg_handbook_class_init (DgHandbookClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = dg_handbook_dispose;
  object_class->finalize = dg_handbook_finalize;
  object_class->get_property = dg_handbook_get_property;
  object_class->set_property = dg_handbook_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_PURPOSE] =
    g_param_spec_string ("purpose", NULL, NULL, "", flags);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LINKS] =
    g_param_spec_boxed ("links", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, flags);
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_PUBLISHED] =
    g_param_spec_boolean ("published", NULL, NULL, FALSE, flags);
  properties[PROP_CHANGE_NOTE] =
    g_param_spec_string ("change-note", NULL, NULL, "", flags);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_HAS_CHANGES] =
    g_param_spec_boolean ("has-changes", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_handbook_init (DgHandbook *self)
{
  self->title = g_strdup ("");
  self->purpose = g_strdup ("");
  self->tags = g_new0 (char *, 1);
  self->links = g_new0 (char *, 1);
  self->change_note = g_strdup ("");
  self->steps = g_list_store_new (DG_TYPE_HANDBOOK_STEP);
}
