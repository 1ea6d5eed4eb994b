/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <stdio.h>
#include <string.h>

#include "dg-invoice-private.h"
#include "dg-invoice.h"

/* ---- enums ---------------------------------------------------------------- */

static const GEnumValue state_values[] = {
  { DG_INVOICE_STATE_DRAFT, "DG_INVOICE_STATE_DRAFT", "draft" },
  { DG_INVOICE_STATE_ISSUED, "DG_INVOICE_STATE_ISSUED", "issued" },
  { DG_INVOICE_STATE_PAID, "DG_INVOICE_STATE_PAID", "paid" },
  { DG_INVOICE_STATE_CANCELLED, "DG_INVOICE_STATE_CANCELLED", "cancelled" },
  { 0, NULL, NULL }
};

GType
dg_invoice_state_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("DgInvoiceState", state_values));
  return type_id;
}

const char *
dg_invoice_state_to_string (DgInvoiceState state)
{
  g_return_val_if_fail (state <= DG_INVOICE_STATE_CANCELLED, NULL);

  return state_values[state].value_nick;
}

gboolean
dg_invoice_state_from_string (const char     *text,
                              DgInvoiceState *out_state)
{
  g_return_val_if_fail (out_state != NULL, FALSE);

  for (guint i = 0; state_values[i].value_nick != NULL; i++)
    {
      if (g_strcmp0 (text, state_values[i].value_nick) == 0)
        {
          *out_state = state_values[i].value;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
dg_invoice_state_get_label (DgInvoiceState state)
{
  switch (state)
    {
    /* Translators: the state of an invoice that is still being prepared. */
    case DG_INVOICE_STATE_DRAFT:     return _("Draft");
    case DG_INVOICE_STATE_ISSUED:    return _("Issued");
    case DG_INVOICE_STATE_PAID:      return _("Paid");
    case DG_INVOICE_STATE_CANCELLED: return C_("invoice state", "Cancelled");
    default:                         g_return_val_if_reached (NULL);
    }
}

/* Looks @text up in @names (indexed by enum value, @n_names of them). */
static gboolean
name_lookup (const char * const *names,
             guint               n_names,
             const char         *text,
             int                *out_value)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (text, names[i]) == 0)
        {
          *out_value = (int) i;
          return TRUE;
        }
    }
  return FALSE;
}

static const char * const grouping_names[] = {
  [DG_INVOICE_GROUPING_BY_TASK] = "by-task",
  [DG_INVOICE_GROUPING_BY_ENTRY] = "by-entry",
};

const char *
dg_invoice_grouping_to_string (DgInvoiceGrouping grouping)
{
  g_return_val_if_fail (grouping < G_N_ELEMENTS (grouping_names), NULL);

  return grouping_names[grouping];
}

gboolean
dg_invoice_grouping_from_string (const char        *text,
                                 DgInvoiceGrouping *out_grouping)
{
  int value;

  g_return_val_if_fail (out_grouping != NULL, FALSE);

  if (!name_lookup (grouping_names, G_N_ELEMENTS (grouping_names), text, &value))
    return FALSE;
  *out_grouping = value;
  return TRUE;
}

static const char * const line_kind_names[] = {
  [DG_INVOICE_LINE_HOURS] = "hours",
  [DG_INVOICE_LINE_FIXED_FEE] = "fixed-fee",
  [DG_INVOICE_LINE_EXTRA] = "extra",
};

const char *
dg_invoice_line_kind_to_string (DgInvoiceLineKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (line_kind_names), NULL);

  return line_kind_names[kind];
}

gboolean
dg_invoice_line_kind_from_string (const char        *text,
                                  DgInvoiceLineKind *out_kind)
{
  int value;

  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (!name_lookup (line_kind_names, G_N_ELEMENTS (line_kind_names), text, &value))
    return FALSE;
  *out_kind = value;
  return TRUE;
}

/* ---- paper ---------------------------------------------------------------- */

static const char * const paper_names[] = {
  [DG_PAPER_A4] = "a4",
  [DG_PAPER_LETTER] = "letter",
};

const char *
dg_paper_to_string (DgPaper paper)
{
  g_return_val_if_fail (paper < G_N_ELEMENTS (paper_names), NULL);

  return paper_names[paper];
}

gboolean
dg_paper_from_string (const char *text,
                      DgPaper    *out_paper)
{
  int value;

  g_return_val_if_fail (out_paper != NULL, FALSE);

  if (!name_lookup (paper_names, G_N_ELEMENTS (paper_names), text, &value))
    return FALSE;
  *out_paper = value;
  return TRUE;
}

DgPaper
dg_paper_from_locale (void)
{
#ifdef __GLIBC__
  /* glibc answers LC_PAPER's width in millimetres as an integer cast to a
   * pointer; 216 mm is US Letter (used in the US, Canada, Mexico, Chile,
   * the Philippines …), everything else prints on A4. */
  int width = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);

  if (width == 216)
    return DG_PAPER_LETTER;
#endif
  return DG_PAPER_A4;
}

void
dg_paper_get_size (DgPaper  paper,
                   double  *out_width,
                   double  *out_height)
{
  g_return_if_fail (paper < G_N_ELEMENTS (paper_names));
  g_return_if_fail (out_width != NULL && out_height != NULL);

  if (paper == DG_PAPER_LETTER)
    {
      *out_width = 612.0;
      *out_height = 792.0;
      return;
    }
  /* A4 is 210 × 297 mm; 25.4 mm make 72 points. */
  *out_width = 210.0 * 72.0 / 25.4;
  *out_height = 297.0 * 72.0 / 25.4;
}

/* ---- lines and totals ----------------------------------------------------- */

DgInvoiceLine *
dg_invoice_line_copy (const DgInvoiceLine *line)
{
  DgInvoiceLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_memdup2 (line, sizeof *line);
  copy->description = g_strdup (line->description);
  copy->service_date = g_strdup (line->service_date);
  copy->recurrence_id = g_strdup (line->recurrence_id);
  return copy;
}

void
dg_invoice_line_free (DgInvoiceLine *line)
{
  if (line == NULL)
    return;
  g_free (line->description);
  g_free (line->service_date);
  g_free (line->recurrence_id);
  g_free (line);
}

static void
set_overflow_error (GError **error)
{
  g_set_error_literal (error, DG_MONEY_ERROR, DG_MONEY_ERROR_OVERFLOW,
                       _("The invoice’s total is too large to compute. Check the amounts of its lines."));
}

/* round(net × rate / 10000), half away from zero, exactly and without
 * overflowing where the result fits: with net = 10000·q + r (q and r of the
 * sign of net, |r| < 10000), net·rate/10000 = q·rate + r·rate/10000, where
 * q·rate is whole and has the sign of the fraction, so only the second part
 * needs rounding, and |r·rate| < 10000 · 2³¹ fits easily. */
static gboolean
tax_for_net (gint64  net,
             int     rate,
             gint64 *out_tax)
{
  gint64 q = net / 10000;
  gint64 r = net % 10000;
  gint64 part = r * (gint64) rate;
  gint64 rounded;
  gint64 tax;

  if (part >= 0)
    rounded = (part + 5000) / 10000;
  else
    rounded = -((-part + 5000) / 10000);

  if (__builtin_mul_overflow (q, (gint64) rate, &tax) ||
      __builtin_add_overflow (tax, rounded, &tax))
    return FALSE;
  *out_tax = tax;
  return TRUE;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const DgInvoiceTaxGroup *ga = *(const DgInvoiceTaxGroup * const *) a;
  const DgInvoiceTaxGroup *gb = *(const DgInvoiceTaxGroup * const *) b;

  return (ga->tax_rate > gb->tax_rate) - (ga->tax_rate < gb->tax_rate);
}

gboolean
dg_invoice_compute_totals (GPtrArray  *lines,
                           GPtrArray **out_groups,
                           gint64     *out_net,
                           gint64     *out_tax,
                           gint64     *out_total,
                           GError    **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  gint64 net = 0, tax = 0, total;

  g_return_val_if_fail (lines != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  groups = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lines->len; i++)
    {
      const DgInvoiceLine *line = g_ptr_array_index (lines, i);
      DgInvoiceTaxGroup *group = NULL;

      /* An invoice has one or two rates; a linear search beats a hash. */
      for (guint j = 0; j < groups->len && group == NULL; j++)
        {
          DgInvoiceTaxGroup *candidate = g_ptr_array_index (groups, j);

          if (candidate->tax_rate == line->tax_rate)
            group = candidate;
        }
      if (group == NULL)
        {
          group = g_new0 (DgInvoiceTaxGroup, 1);
          group->tax_rate = line->tax_rate;
          g_ptr_array_add (groups, group);
        }
      if (__builtin_add_overflow (group->net, line->amount, &group->net))
        {
          set_overflow_error (error);
          return FALSE;
        }
    }

  g_ptr_array_sort (groups, compare_groups);

  for (guint j = 0; j < groups->len; j++)
    {
      DgInvoiceTaxGroup *group = g_ptr_array_index (groups, j);

      if (!tax_for_net (group->net, group->tax_rate, &group->tax) ||
          __builtin_add_overflow (net, group->net, &net) ||
          __builtin_add_overflow (tax, group->tax, &tax))
        {
          set_overflow_error (error);
          return FALSE;
        }
    }
  if (__builtin_add_overflow (net, tax, &total))
    {
      set_overflow_error (error);
      return FALSE;
    }

  if (out_groups != NULL)
    *out_groups = g_steal_pointer (&groups);
  if (out_net != NULL)
    *out_net = net;
  if (out_tax != NULL)
    *out_tax = tax;
  if (out_total != NULL)
    *out_total = total;
  return TRUE;
}

/* ---- parties -------------------------------------------------------------- */

/* The string fields of DgInvoiceParties, with their keys in the stored text:
 * one table drives copy, free, serialize and parse, so a field cannot be
 * forgotten in one of them. */
typedef struct
{
  const char *group;
  const char *key;
  gsize       offset;
} PartiesField;

#define PARTIES_FIELD(group, key, member) { group, key, G_STRUCT_OFFSET (DgInvoiceParties, member) }

static const PartiesField parties_fields[] = {
  PARTIES_FIELD ("Business", "name", business_name),
  PARTIES_FIELD ("Business", "address", business_address),
  PARTIES_FIELD ("Business", "tax-number", business_tax_number),
  PARTIES_FIELD ("Business", "vat-id", business_vat_id),
  PARTIES_FIELD ("Business", "email", business_email),
  PARTIES_FIELD ("Assistant", "name", assistant_name),
  PARTIES_FIELD ("Assistant", "address", assistant_address),
  PARTIES_FIELD ("Assistant", "country", assistant_country),
  PARTIES_FIELD ("Assistant", "email", assistant_email),
  PARTIES_FIELD ("Assistant", "tax-number", assistant_tax_number),
  PARTIES_FIELD ("Assistant", "vat-id", assistant_vat_id),
  PARTIES_FIELD ("Assistant", "iban", assistant_iban),
  PARTIES_FIELD ("Assistant", "bic", assistant_bic),
  PARTIES_FIELD ("Assistant", "self-billing-date", self_billing_date),
};

#define PARTIES_STRING(parties, field) \
  (*(char **) G_STRUCT_MEMBER_P ((parties), (field)->offset))

DgInvoiceParties *
dg_invoice_parties_copy (const DgInvoiceParties *parties)
{
  DgInvoiceParties *copy;

  g_return_val_if_fail (parties != NULL, NULL);

  copy = g_memdup2 (parties, sizeof *parties);
  for (guint i = 0; i < G_N_ELEMENTS (parties_fields); i++)
    PARTIES_STRING (copy, &parties_fields[i]) =
      g_strdup (PARTIES_STRING (parties, &parties_fields[i]));
  return copy;
}

void
dg_invoice_parties_free (DgInvoiceParties *parties)
{
  if (parties == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (parties_fields); i++)
    g_free (PARTIES_STRING (parties, &parties_fields[i]));
  g_free (parties);
}

char *
dg_invoice_parties_serialize (const DgInvoiceParties *parties)
{
  g_autoptr(GKeyFile) key_file = NULL;

  g_return_val_if_fail (parties != NULL, NULL);

  key_file = g_key_file_new ();
  for (guint i = 0; i < G_N_ELEMENTS (parties_fields); i++)
    {
      const char *value = PARTIES_STRING (parties, &parties_fields[i]);

      g_key_file_set_string (key_file, parties_fields[i].group, parties_fields[i].key,
                             value != NULL ? value : "");
    }
  g_key_file_set_string (key_file, "Assistant", "tax-status",
                         dg_tax_status_to_string (parties->tax_status));
  g_key_file_set_integer (key_file, "Assistant", "vat-rate", parties->vat_rate);
  return g_key_file_to_data (key_file, NULL, NULL);
}

static void
set_parties_error (GError     **error,
                   const char  *detail)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
               _("The invoice’s stored names and addresses cannot be read (%s). Restore the database from a backup."),
               detail);
}

DgInvoiceParties *
dg_invoice_parties_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(DgInvoiceParties) parties = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *tax_status = NULL;
  g_autofree char *vat_rate = NULL;
  char *end = NULL;
  gint64 rate;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  key_file = g_key_file_new ();
  if (!g_key_file_load_from_data (key_file, text, -1, G_KEY_FILE_NONE, &local_error))
    {
      set_parties_error (error, local_error->message);
      return NULL;
    }

  parties = g_new0 (DgInvoiceParties, 1);
  for (guint i = 0; i < G_N_ELEMENTS (parties_fields); i++)
    {
      g_autofree char *value = g_key_file_get_string (key_file, parties_fields[i].group,
                                                      parties_fields[i].key, &local_error);

      /* GLib returns a value with the error for a bad escape: the error
       * decides. */
      if (local_error != NULL)
        {
          set_parties_error (error, local_error->message);
          return NULL;
        }
      PARTIES_STRING (parties, &parties_fields[i]) = g_steal_pointer (&value);
    }

  tax_status = g_key_file_get_string (key_file, "Assistant", "tax-status", &local_error);
  if (local_error != NULL)
    {
      set_parties_error (error, local_error->message);
      return NULL;
    }
  if (!dg_tax_status_from_string (tax_status, &parties->tax_status))
    {
      g_autofree char *detail = g_strdup_printf (_("unknown tax status “%s”"), tax_status);

      set_parties_error (error, detail);
      return NULL;
    }

  /* Read as text: g_key_file_get_integer() takes "19x" for 19. */
  vat_rate = g_key_file_get_value (key_file, "Assistant", "vat-rate", &local_error);
  if (vat_rate == NULL)
    {
      set_parties_error (error, local_error->message);
      return NULL;
    }
  rate = g_ascii_strtoll (vat_rate, &end, 10);
  if (end == vat_rate || *end != '\0' || rate < 0 || rate > 10000)
    {
      g_autofree char *detail = g_strdup_printf (_("VAT rate “%s” is not a number of basis points"),
                                                 vat_rate);

      set_parties_error (error, detail);
      return NULL;
    }
  parties->vat_rate = (int) rate;

  return g_steal_pointer (&parties);
}

/* ---- the invoice ---------------------------------------------------------- */

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATE,
  PROP_NUMBER,
  PROP_ASSISTANT_ID,
  PROP_ASSISTANT_NAME,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_CURRENCY,
  PROP_LANGUAGE,
  PROP_ISSUE_DATE,
  PROP_DUE_DATE,
  PROP_PAID_DATE,
  PROP_TOTAL,
  N_PROPS
};

struct _DgInvoice
{
  GObject            parent_instance;

  gint64             id;
  DgInvoiceKind      kind;
  DgInvoiceState     state;
  char              *number;
  gint64             assistant_id;
  char              *assistant_name;
  char              *period_start;
  char              *period_end;
  DgInvoiceGrouping  grouping;
  char              *currency;
  char              *language;
  DgPaper            paper;
  char              *issue_date;
  char              *due_date;
  char              *paid_date;
  gint64             paid_amount;
  gint64             cancels_id;
  char              *cancels_number;
  gint64             cancelled_by_id;
  char              *cancelled_by_number;
  char              *cancel_reason;

  GPtrArray         *lines;       /* DgInvoiceLine * */
  GPtrArray         *tax_groups;  /* DgInvoiceTaxGroup * */
  gint64             net;
  gint64             tax;
  gint64             total;
  DgInvoiceParties  *parties;
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (DgInvoice, dg_invoice, G_TYPE_OBJECT)

static void
dg_invoice_finalize (GObject *object)
{
  DgInvoice *self = DG_INVOICE (object);

  g_free (self->number);
  g_free (self->assistant_name);
  g_free (self->period_start);
  g_free (self->period_end);
  g_free (self->currency);
  g_free (self->language);
  g_free (self->issue_date);
  g_free (self->due_date);
  g_free (self->paid_date);
  g_free (self->cancels_number);
  g_free (self->cancelled_by_number);
  g_free (self->cancel_reason);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->tax_groups, g_ptr_array_unref);
  g_clear_pointer (&self->parties, dg_invoice_parties_free);

  G_OBJECT_CLASS (dg_invoice_parent_class)->finalize (object);
}

static void
dg_invoice_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  DgInvoice *self = DG_INVOICE (object);

  switch (prop_id)
    {
    case PROP_ID:             g_value_set_int64 (value, self->id); break;
    case PROP_KIND:           g_value_set_int (value, self->kind); break;
    case PROP_STATE:          g_value_set_int (value, self->state); break;
    case PROP_NUMBER:         g_value_set_string (value, self->number); break;
    case PROP_ASSISTANT_ID:   g_value_set_int64 (value, self->assistant_id); break;
    case PROP_ASSISTANT_NAME: g_value_set_string (value, self->assistant_name); break;
    case PROP_PERIOD_START:   g_value_set_string (value, self->period_start); break;
    case PROP_PERIOD_END:     g_value_set_string (value, self->period_end); break;
    case PROP_CURRENCY:       g_value_set_string (value, self->currency); break;
    case PROP_LANGUAGE:       g_value_set_string (value, self->language); break;
    case PROP_ISSUE_DATE:     g_value_set_string (value, self->issue_date); break;
    case PROP_DUE_DATE:       g_value_set_string (value, self->due_date); break;
    case PROP_PAID_DATE:      g_value_set_string (value, self->paid_date); break;
    case PROP_TOTAL:          g_value_set_int64 (value, self->total); break;
    default:                  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_invoice_class_init (DgInvoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = dg_invoice_finalize;
  object_class->get_property = dg_invoice_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, DG_INVOICE_KIND_INVOICE,
                      DG_INVOICE_KIND_CANCELLATION, DG_INVOICE_KIND_INVOICE, flags);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, DG_INVOICE_STATE_DRAFT,
                      DG_INVOICE_STATE_CANCELLED, DG_INVOICE_STATE_DRAFT, flags);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, "", flags);
  properties[PROP_ASSISTANT_ID] =
    g_param_spec_int64 ("assistant-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_ASSISTANT_NAME] =
    g_param_spec_string ("assistant-name", NULL, NULL, "", flags);
  properties[PROP_PERIOD_START] =
    g_param_spec_string ("period-start", NULL, NULL, "", flags);
  properties[PROP_PERIOD_END] =
    g_param_spec_string ("period-end", NULL, NULL, "", flags);
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, "", flags);
  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "", flags);
  properties[PROP_ISSUE_DATE] =
    g_param_spec_string ("issue-date", NULL, NULL, "", flags);
  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL, "", flags);
  properties[PROP_PAID_DATE] =
    g_param_spec_string ("paid-date", NULL, NULL, "", flags);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dg_invoice_init (DgInvoice *self)
{
}

static char *
dup_or_empty (const char *text)
{
  return g_strdup (text != NULL ? text : "");
}

DgInvoice *
_dg_invoice_new (const DgInvoiceFields *fields,
                 GPtrArray             *lines,
                 DgInvoiceParties      *parties,
                 GError               **error)
{
  g_autoptr(DgInvoice) self = NULL;
  g_autoptr(GPtrArray) owned_lines = lines;
  g_autoptr(DgInvoiceParties) owned_parties = parties;

  g_return_val_if_fail (fields != NULL, NULL);
  g_return_val_if_fail (lines != NULL, NULL);
  g_return_val_if_fail (parties != NULL, NULL);
  g_return_val_if_fail (fields->currency != NULL && dg_currency_is_known (fields->currency), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (DG_TYPE_INVOICE, NULL);
  if (!dg_invoice_compute_totals (lines, &self->tax_groups, &self->net, &self->tax,
                                  &self->total, error))
    return NULL;

  self->id = fields->id;
  self->kind = fields->kind;
  self->state = fields->state;
  self->number = dup_or_empty (fields->number);
  self->assistant_id = fields->assistant_id;
  self->assistant_name = dup_or_empty (fields->assistant_name);
  self->period_start = dup_or_empty (fields->period_start);
  self->period_end = dup_or_empty (fields->period_end);
  self->grouping = fields->grouping;
  self->currency = dup_or_empty (fields->currency);
  self->language = dup_or_empty (fields->language);
  self->paper = fields->paper;
  self->issue_date = dup_or_empty (fields->issue_date);
  self->due_date = dup_or_empty (fields->due_date);
  self->paid_date = dup_or_empty (fields->paid_date);
  self->paid_amount = fields->paid_amount;
  self->cancels_id = fields->cancels_id;
  self->cancels_number = dup_or_empty (fields->cancels_number);
  self->cancelled_by_id = fields->cancelled_by_id;
  self->cancelled_by_number = dup_or_empty (fields->cancelled_by_number);
  self->cancel_reason = dup_or_empty (fields->cancel_reason);
  self->lines = g_steal_pointer (&owned_lines);
  self->parties = g_steal_pointer (&owned_parties);

  return g_steal_pointer (&self);
}

gint64
dg_invoice_get_id (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), 0);
  return self->id;
}

DgInvoiceKind
dg_invoice_get_kind (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), DG_INVOICE_KIND_INVOICE);
  return self->kind;
}

DgInvoiceState
dg_invoice_get_state (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), DG_INVOICE_STATE_DRAFT);
  return self->state;
}

const char *
dg_invoice_get_number (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->number;
}

gint64
dg_invoice_get_assistant_id (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), 0);
  return self->assistant_id;
}

const char *
dg_invoice_get_assistant_name (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->assistant_name;
}

const char *
dg_invoice_get_period_start (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->period_start;
}

const char *
dg_invoice_get_period_end (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->period_end;
}

DgInvoiceGrouping
dg_invoice_get_grouping (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), DG_INVOICE_GROUPING_BY_TASK);
  return self->grouping;
}

const char *
dg_invoice_get_currency (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->currency;
}

const char *
dg_invoice_get_language (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->language;
}

DgPaper
dg_invoice_get_paper (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), DG_PAPER_A4);
  return self->paper;
}

const char *
dg_invoice_get_issue_date (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->issue_date;
}

const char *
dg_invoice_get_due_date (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->due_date;
}

const char *
dg_invoice_get_paid_date (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->paid_date;
}

gint64
dg_invoice_get_paid_amount (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), 0);
  return self->paid_amount;
}

gint64
dg_invoice_get_cancels_id (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), 0);
  return self->cancels_id;
}

const char *
dg_invoice_get_cancels_number (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->cancels_number;
}

gint64
dg_invoice_get_cancelled_by_id (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), 0);
  return self->cancelled_by_id;
}

const char *
dg_invoice_get_cancelled_by_number (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->cancelled_by_number;
}

const char *
dg_invoice_get_cancel_reason (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->cancel_reason;
}

GPtrArray *
dg_invoice_get_lines (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->lines;
}

GPtrArray *
dg_invoice_get_tax_groups (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->tax_groups;
}

static DgMoney
money_of (DgInvoice *self,
          gint64     minor)
{
  DgMoney money;

  dg_money_init (&money, minor, self->currency);
  return money;
}

DgMoney
dg_invoice_get_net_total (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), (DgMoney) { 0 });
  return money_of (self, self->net);
}

DgMoney
dg_invoice_get_tax_total (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), (DgMoney) { 0 });
  return money_of (self, self->tax);
}

DgMoney
dg_invoice_get_total (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), (DgMoney) { 0 });
  return money_of (self, self->total);
}

const DgInvoiceParties *
dg_invoice_get_parties (DgInvoice *self)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);
  return self->parties;
}

gboolean
dg_invoice_is_overdue (DgInvoice  *self,
                       const char *today)
{
  g_return_val_if_fail (DG_IS_INVOICE (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  /* "YYYY-MM-DD" dates order as text. */
  return self->state == DG_INVOICE_STATE_ISSUED &&
         self->kind == DG_INVOICE_KIND_INVOICE &&
         self->due_date[0] != '\0' &&
         strcmp (today, self->due_date) > 0;
}

/* "YYYY-MM-DD" as a GDateTime at midnight UTC (only its calendar date is
 * formatted), or NULL. */
static GDateTime *
date_time_of_iso (const char *text)
{
  int year, month, day;
  char rest;

  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &rest) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_utc (year, month, day, 0, 0, 0);
}

char *
dg_invoice_format_period (DgInvoice *self)
{
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  g_return_val_if_fail (DG_IS_INVOICE (self), NULL);

  first = date_time_of_iso (self->period_start);
  last = date_time_of_iso (self->period_end);
  if (first == NULL || last == NULL)
    return g_strdup ("");

  /* Translators: the last day of an invoice's service period, "2 Nov 2026";
   * see g_date_time_format() for the codes. */
  last_text = g_date_time_format (last, _("%-d %b %Y"));
  if (g_date_time_get_year (first) == g_date_time_get_year (last) &&
      g_date_time_get_day_of_year (first) == g_date_time_get_day_of_year (last))
    return g_steal_pointer (&last_text);
  if (g_date_time_get_year (first) != g_date_time_get_year (last))
    /* Translators: the first day of a service period that ends in a later
     * year, "28 Dec 2026". */
    first_text = g_date_time_format (first, _("%-d %b %Y"));
  else if (g_date_time_get_month (first) != g_date_time_get_month (last))
    /* Translators: the first day of a service period that ends in a later
     * month, "27 Oct". */
    first_text = g_date_time_format (first, _("%-d %b"));
  else
    {
      /* Translators: the first day of a service period within one month, "1". */
      first_text = g_date_time_format (first, _("%-d"));
      /* Translators: a service period within one month, "1–30 Nov 2026". */
      return g_strdup_printf (_("%s–%s"), first_text, last_text);
    }
  /* Translators: a service period across months, "27 Oct – 2 Nov 2026". */
  return g_strdup_printf (_("%s – %s"), first_text, last_text);
}
