/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-invoice-number"

#include <string.h>

#include "dg-invoice-number.h"
#include "dg-validation.h"

/* Writes @pattern with its date placeholders filled in from @date; the
 * counter {N…} is written as @counter padded to its width, or copied as it
 * is when @with_counter is FALSE. The pattern has been validated, so every
 * "{" has its "}". */
static char *
expand (const char  *pattern,
        const GDate *date,
        gboolean     with_counter,
        guint64      counter)
{
  GString *out = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0';)
    {
      const char *close;
      gsize len;

      if (*p != '{')
        {
          g_string_append_c (out, *p++);
          continue;
        }

      close = strchr (p, '}');
      g_assert (close != NULL);
      len = close - (p + 1);

      if (len == 4 && strncmp (p + 1, "YYYY", 4) == 0)
        g_string_append_printf (out, "%04u", (guint) g_date_get_year (date));
      else if (len == 2 && strncmp (p + 1, "YY", 2) == 0)
        g_string_append_printf (out, "%02u", (guint) g_date_get_year (date) % 100);
      else if (len == 2 && strncmp (p + 1, "MM", 2) == 0)
        g_string_append_printf (out, "%02u", (guint) g_date_get_month (date));
      else if (with_counter)
        /* The width is the placeholder's; a larger counter is written in
         * full, since cutting digits off would repeat numbers. */
        g_string_append_printf (out, "%0*" G_GUINT64_FORMAT, (int) len, counter);
      else
        g_string_append_len (out, p, len + 2);

      p = close + 1;
    }

  return g_string_free (out, FALSE);
}

char *
dg_invoice_number_series_prefix (const char  *pattern,
                                 const GDate *issue_date)
{
  g_return_val_if_fail (pattern != NULL, NULL);
  g_return_val_if_fail (dg_validate_invoice_number_pattern (pattern, NULL), NULL);
  g_return_val_if_fail (issue_date != NULL && g_date_valid (issue_date), NULL);

  return expand (pattern, issue_date, FALSE, 0);
}

char *
dg_invoice_number_format (const char  *pattern,
                          const GDate *issue_date,
                          guint64      counter)
{
  g_return_val_if_fail (pattern != NULL, NULL);
  g_return_val_if_fail (dg_validate_invoice_number_pattern (pattern, NULL), NULL);
  g_return_val_if_fail (issue_date != NULL && g_date_valid (issue_date), NULL);

  return expand (pattern, issue_date, TRUE, counter);
}
