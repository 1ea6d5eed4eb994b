/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-timesheet-week"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-timesheet-private.h"
#include "dg-timesheet-week.h"

struct _DgTimesheetWeek
{
  GObject    parent_instance;

  gint64     assistant_id;
  char      *assistant_name;
  char      *time_zone;
  char      *currency;
  GDate      start;
  char      *start_date;

  guint      n_pending;
  guint      n_approved;
  guint      n_rejected;
  guint      n_invoiced;
  gint64     minutes;
  gint64     pending_minutes;
  gint64     day_minutes[7];
  gint64     amount;

  GPtrArray *task_totals;  /* DgTimesheetTaskTotal * */
  GPtrArray *fixed_fees;   /* DgTimesheetFixedFee * */
};

enum {
  PROP_0,
  PROP_ASSISTANT_ID,
  PROP_ASSISTANT_NAME,
  PROP_TIME_ZONE,
  PROP_CURRENCY,
  PROP_START_DATE,
  PROP_STATE,
  PROP_N_PENDING,
  PROP_N_APPROVED,
  PROP_N_REJECTED,
  PROP_N_INVOICED,
  PROP_MINUTES,
  PROP_PENDING_MINUTES,
  PROP_AMOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgTimesheetWeek, dg_timesheet_week, G_TYPE_OBJECT)

/* ---- the state enum ------------------------------------------------------ */

static const GEnumValue state_values[] = {
  { DG_TIMESHEET_STATE_EMPTY, "DG_TIMESHEET_STATE_EMPTY", "empty" },
  { DG_TIMESHEET_STATE_PENDING, "DG_TIMESHEET_STATE_PENDING", "pending" },
  { DG_TIMESHEET_STATE_REJECTED, "DG_TIMESHEET_STATE_REJECTED", "rejected" },
  { DG_TIMESHEET_STATE_APPROVED, "DG_TIMESHEET_STATE_APPROVED", "approved" },
  { DG_TIMESHEET_STATE_INVOICED, "DG_TIMESHEET_STATE_INVOICED", "invoiced" },
  { 0, NULL, NULL }
};

GType
dg_timesheet_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DgTimesheetState", state_values));
  return type_id;
}

const char *
dg_timesheet_state_to_string (DgTimesheetState state)
{
  for (guint i = 0; state_values[i].value_nick != NULL; i++)
    if (state_values[i].value == (int) state)
      return state_values[i].value_nick;
  g_return_val_if_reached (NULL);
}

const char *
dg_timesheet_state_get_label (DgTimesheetState state)
{
  switch (state)
    {
    case DG_TIMESHEET_STATE_EMPTY:    return _("No Hours");
    case DG_TIMESHEET_STATE_PENDING:  return _("Awaiting Approval");
    case DG_TIMESHEET_STATE_REJECTED: return _("Rejected");
    case DG_TIMESHEET_STATE_APPROVED: return _("Approved");
    case DG_TIMESHEET_STATE_INVOICED: return _("Invoiced");
    default:                          g_return_val_if_reached (NULL);
    }
}

/* ---- totals --------------------------------------------------------------- */

static void
task_total_free (DgTimesheetTaskTotal *total)
{
  g_free (total->title);
  g_free (total);
}

static void
fixed_fee_free (DgTimesheetFixedFee *fee)
{
  g_free (fee->title);
  g_free (fee->recurrence_id);
  g_free (fee->due_date);
  g_free (fee);
}

/* ---- the object ---------------------------------------------------------- */

static void
dg_timesheet_week_finalize (GObject *object)
{
  DgTimesheetWeek *self = DG_TIMESHEET_WEEK (object);

  g_free (self->assistant_name);
  g_free (self->time_zone);
  g_free (self->currency);
  g_free (self->start_date);
  g_clear_pointer (&self->task_totals, g_ptr_array_unref);
  g_clear_pointer (&self->fixed_fees, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_timesheet_week_parent_class)->finalize (object);
}

static void
dg_timesheet_week_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DgTimesheetWeek *self = DG_TIMESHEET_WEEK (object);

  switch (prop_id)
    {
    case PROP_ASSISTANT_ID:    g_value_set_int64 (value, self->assistant_id); break;
    case PROP_ASSISTANT_NAME:  g_value_set_string (value, self->assistant_name); break;
    case PROP_TIME_ZONE:       g_value_set_string (value, self->time_zone); break;
    case PROP_CURRENCY:        g_value_set_string (value, self->currency); break;
    case PROP_START_DATE:      g_value_set_string (value, self->start_date); break;
    case PROP_STATE:           g_value_set_enum (value, dg_timesheet_week_get_state (self)); break;
    case PROP_N_PENDING:       g_value_set_uint (value, self->n_pending); break;
    case PROP_N_APPROVED:      g_value_set_uint (value, self->n_approved); break;
    case PROP_N_REJECTED:      g_value_set_uint (value, self->n_rejected); break;
    case PROP_N_INVOICED:      g_value_set_uint (value, self->n_invoiced); break;
    case PROP_MINUTES:         g_value_set_int64 (value, self->minutes); break;
    case PROP_PENDING_MINUTES: g_value_set_int64 (value, self->pending_minutes); break;
    case PROP_AMOUNT:          g_value_set_int64 (value, self->amount); break;
    default:                   G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_timesheet_week_class_init (DgTimesheetWeekClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_timesheet_week_finalize;
  object_class->get_property = dg_timesheet_week_get_property;

  properties[PROP_ASSISTANT_ID] =
    g_param_spec_int64 ("assistant-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ASSISTANT_NAME] =
    g_param_spec_string ("assistant-name", NULL, NULL, "", flags);
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, "", flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "", flags);
  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL, "", flags);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, DG_TYPE_TIMESHEET_STATE,
                       DG_TIMESHEET_STATE_EMPTY, flags);
  properties[PROP_N_PENDING] =
    g_param_spec_uint ("n-pending", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_APPROVED] =
    g_param_spec_uint ("n-approved", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_REJECTED] =
    g_param_spec_uint ("n-rejected", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_INVOICED] =
    g_param_spec_uint ("n-invoiced", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MINUTES] =
    g_param_spec_int64 ("minutes", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PENDING_MINUTES] =
    g_param_spec_int64 ("pending-minutes", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AMOUNT] =
    g_param_spec_int64 ("amount", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_timesheet_week_init (DgTimesheetWeek *self)
{
  self->task_totals = g_ptr_array_new_with_free_func ((GDestroyNotify) task_total_free);
  self->fixed_fees = g_ptr_array_new_with_free_func ((GDestroyNotify) fixed_fee_free);
  g_date_clear (&self->start, 1);
}

/* ---- building (dg-timesheet-private.h) ------------------------------------ */

static char *
format_iso_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

DgTimesheetWeek *
_dg_timesheet_week_new (gint64       assistant_id,
                        const char  *assistant_name,
                        const char  *time_zone,
                        const char  *currency,
                        const GDate *start)
{
  DgTimesheetWeek *self;

  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);

  self = g_object_new (DG_TYPE_TIMESHEET_WEEK, NULL);
  self->assistant_id = assistant_id;
  self->assistant_name = g_strdup (assistant_name ? assistant_name : "");
  self->time_zone = g_strdup (time_zone ? time_zone : "");
  self->currency = g_strdup (currency ? currency : "");
  self->start = *start;
  self->start_date = format_iso_date (start);
  return self;
}

void
_dg_timesheet_week_add_entry (DgTimesheetWeek  *self,
                              guint             day,
                              DgTimeEntryState  state,
                              gint64            minutes)
{
  g_return_if_fail (DG_IS_TIMESHEET_WEEK (self));
  g_return_if_fail (day < 7);

  switch (state)
    {
    case DG_TIME_ENTRY_STATE_PENDING:
      self->n_pending++;
      self->pending_minutes += minutes;
      break;
    case DG_TIME_ENTRY_STATE_APPROVED:
      self->n_approved++;
      break;
    case DG_TIME_ENTRY_STATE_REJECTED:
      /* Rejected hours are not owed until they are corrected. */
      self->n_rejected++;
      return;
    case DG_TIME_ENTRY_STATE_INVOICED:
      self->n_invoiced++;
      break;
    default:
      g_return_if_reached ();
    }
  self->minutes += minutes;
  self->day_minutes[day] += minutes;
}

void
_dg_timesheet_week_add_task_total (DgTimesheetWeek *self,
                                   gint64           task_id,
                                   char            *title,
                                   gint64           minutes,
                                   gint64           amount)
{
  DgTimesheetTaskTotal *total;

  g_return_if_fail (DG_IS_TIMESHEET_WEEK (self));

  total = g_new0 (DgTimesheetTaskTotal, 1);
  total->task_id = task_id;
  total->title = title;
  total->minutes = minutes;
  total->amount = amount;
  g_ptr_array_add (self->task_totals, total);
}

void
_dg_timesheet_week_add_fixed_fee (DgTimesheetWeek *self,
                                  gint64           task_id,
                                  const char      *title,
                                  const char      *recurrence_id,
                                  const char      *due_date,
                                  gint64           fee)
{
  DgTimesheetFixedFee *fixed_fee;

  g_return_if_fail (DG_IS_TIMESHEET_WEEK (self));

  fixed_fee = g_new0 (DgTimesheetFixedFee, 1);
  fixed_fee->task_id = task_id;
  fixed_fee->title = g_strdup (title ? title : "");
  fixed_fee->recurrence_id = g_strdup (recurrence_id ? recurrence_id : "");
  fixed_fee->due_date = g_strdup (due_date ? due_date : "");
  fixed_fee->fee = fee;
  g_ptr_array_add (self->fixed_fees, fixed_fee);
}

int
_dg_timesheet_compare_titles (const char *a,
                              const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);
  int cmp = g_utf8_collate (folded_a, folded_b);

  return cmp != 0 ? cmp : strcmp (a, b);
}

static int
compare_task_totals (gconstpointer a,
                     gconstpointer b)
{
  const DgTimesheetTaskTotal *total_a = *(DgTimesheetTaskTotal **) a;
  const DgTimesheetTaskTotal *total_b = *(DgTimesheetTaskTotal **) b;
  int cmp;

  if ((total_a->task_id == 0) != (total_b->task_id == 0))
    return total_a->task_id == 0 ? 1 : -1;
  cmp = _dg_timesheet_compare_titles (total_a->title, total_b->title);
  if (cmp != 0)
    return cmp;
  return (total_a->task_id > total_b->task_id) - (total_a->task_id < total_b->task_id);
}

static int
compare_fixed_fees (gconstpointer a,
                    gconstpointer b)
{
  const DgTimesheetFixedFee *fee_a = *(DgTimesheetFixedFee **) a;
  const DgTimesheetFixedFee *fee_b = *(DgTimesheetFixedFee **) b;
  int cmp = g_strcmp0 (fee_a->due_date, fee_b->due_date);

  if (cmp != 0)
    return cmp;
  cmp = _dg_timesheet_compare_titles (fee_a->title, fee_b->title);
  if (cmp != 0)
    return cmp;
  return (fee_a->task_id > fee_b->task_id) - (fee_a->task_id < fee_b->task_id);
}

void
_dg_timesheet_week_finish (DgTimesheetWeek *self)
{
  g_return_if_fail (DG_IS_TIMESHEET_WEEK (self));

  g_ptr_array_sort (self->task_totals, compare_task_totals);
  g_ptr_array_sort (self->fixed_fees, compare_fixed_fees);

  /* Each line is rounded on its own, so the week is the sum of what the
   * lines show. */
  self->amount = 0;
  for (guint i = 0; i < self->task_totals->len; i++)
    self->amount += ((DgTimesheetTaskTotal *) g_ptr_array_index (self->task_totals, i))->amount;
  for (guint i = 0; i < self->fixed_fees->len; i++)
    self->amount += ((DgTimesheetFixedFee *) g_ptr_array_index (self->fixed_fees, i))->fee;
}

/* ---- reading --------------------------------------------------------------- */

gint64
dg_timesheet_week_get_assistant_id (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  return self->assistant_id;
}

const char *
dg_timesheet_week_get_assistant_name (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);
  return self->assistant_name;
}

const char *
dg_timesheet_week_get_time_zone (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);
  return self->time_zone;
}

const char *
dg_timesheet_week_get_currency (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);
  return self->currency;
}

const char *
dg_timesheet_week_get_start_date (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);
  return self->start_date;
}

const GDate *
dg_timesheet_week_get_start (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);
  return &self->start;
}

DgTimesheetState
dg_timesheet_week_get_state (DgTimesheetWeek *self)
{
  guint n_entries;

  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), DG_TIMESHEET_STATE_EMPTY);

  n_entries = self->n_pending + self->n_approved + self->n_rejected + self->n_invoiced;
  if (n_entries == 0)
    return DG_TIMESHEET_STATE_EMPTY;
  if (self->n_pending > 0)
    return DG_TIMESHEET_STATE_PENDING;
  if (self->n_rejected > 0)
    return DG_TIMESHEET_STATE_REJECTED;
  if (self->n_invoiced == n_entries)
    return DG_TIMESHEET_STATE_INVOICED;
  return DG_TIMESHEET_STATE_APPROVED;
}

guint
dg_timesheet_week_get_n_pending (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  return self->n_pending;
}

guint
dg_timesheet_week_get_n_approved (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  return self->n_approved;
}

guint
dg_timesheet_week_get_n_rejected (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  return self->n_rejected;
}

guint
dg_timesheet_week_get_n_invoiced (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  return self->n_invoiced;
}

gint64
dg_timesheet_week_get_minutes (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  return self->minutes;
}

gint64
dg_timesheet_week_get_pending_minutes (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  return self->pending_minutes;
}

gint64
dg_timesheet_week_get_day_minutes (DgTimesheetWeek *self,
                                   guint            day)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), 0);
  g_return_val_if_fail (day < 7, 0);
  return self->day_minutes[day];
}

DgMoney
dg_timesheet_week_get_amount (DgTimesheetWeek *self)
{
  DgMoney money = { 0, "" };

  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), money);

  dg_money_init (&money, self->amount, self->currency);
  return money;
}

GPtrArray *
dg_timesheet_week_get_task_totals (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);
  return self->task_totals;
}

GPtrArray *
dg_timesheet_week_get_fixed_fees (DgTimesheetWeek *self)
{
  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);
  return self->fixed_fees;
}

static GDateTime *
date_time_of (const GDate *date)
{
  return g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date),
                              g_date_get_day (date), 0, 0, 0);
}

char *
dg_timesheet_week_format_range (DgTimesheetWeek *self)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  GDate end;

  g_return_val_if_fail (DG_IS_TIMESHEET_WEEK (self), NULL);

  end = self->start;
  g_date_add_days (&end, 6);
  first = date_time_of (&self->start);
  last = date_time_of (&end);

  /* Translators: the last day of a week for a heading, "8 March 2026";
   * see g_date_time_format() for the codes. */
  last_text = g_date_time_format (last, _("%-d %B %Y"));
  if (g_date_get_year (&self->start) != g_date_get_year (&end))
    /* Translators: the first day of a week that ends in the next year. */
    first_text = g_date_time_format (first, _("%-d %B %Y"));
  else if (g_date_get_month (&self->start) != g_date_get_month (&end))
    /* Translators: the first day of a week that ends in the next month,
     * "30 March". */
    first_text = g_date_time_format (first, _("%-d %B"));
  else
    {
      /* Translators: the first day of a week within one month, "2". */
      first_text = g_date_time_format (first, _("%-d"));
      /* Translators: a week within one month, "2–8 March 2026". */
      return g_strdup_printf (_("%s–%s"), first_text, last_text);
    }
  /* Translators: a week across two months, "30 March – 5 April 2026". */
  return g_strdup_printf (_("%s – %s"), first_text, last_text);
}

void
dg_timesheet_week_start_of (const GDate  *date,
                            GDateWeekday  week_start,
                            GDate        *out_start)
{
  guint offset;

  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (g_date_valid_weekday (week_start));
  g_return_if_fail (out_start != NULL);

  offset = (g_date_get_weekday (date) + 7 - week_start) % 7;
  *out_start = *date;
  g_date_subtract_days (out_start, offset);
}
