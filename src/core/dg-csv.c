/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-csv"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-csv.h"

G_DEFINE_QUARK (dg-csv-error-quark, dg_csv_error)

#define UTF8_BOM "\xef\xbb\xbf"

void
dg_csv_record_free (DgCsvRecord *record)
{
  if (record == NULL)
    return;
  g_strfreev (record->fields);
  g_free (record->problem);
  g_free (record);
}

/* The number of line breaks (CRLF, LF or CR, each one) in [@p, @end). */
static guint
count_line_breaks (const char *p,
                   const char *end)
{
  guint n = 0;

  for (; p < end; p++)
    {
      if (*p == '\n')
        n++;
      else if (*p == '\r' && !(p + 1 < end && p[1] == '\n'))
        n++;
    }
  return n;
}

/* If a line break starts at *@p, steps over it (CRLF as one) and says so. */
static gboolean
skip_line_break (const char **p,
                 const char  *end)
{
  if (*p >= end)
    return FALSE;
  if (**p == '\n')
    {
      (*p)++;
      return TRUE;
    }
  if (**p == '\r')
    {
      (*p)++;
      if (*p < end && **p == '\n')
        (*p)++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_line_break (const char *p,
               const char *end)
{
  return p < end && (*p == '\n' || *p == '\r');
}

/* Whichever of ',', ';' and TAB the first non-empty record holds most
 * often outside quotes; ',' on a tie, as RFC 4180 files are the most
 * common and a header of one column has none at all. */
static char
detect_separator (const char *p,
                  const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  while (skip_line_break (&p, end))
    ;
  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;   /* a doubled quote toggles twice */
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

typedef struct
{
  const char *p;
  const char *end;
  char        separator;
  guint       line;        /* of *p */
} Reader;

static void
set_problem (char       **problem,
             char        *message)
{
  /* The first problem of a row is the one to fix first. */
  if (*problem == NULL)
    *problem = message;
  else
    g_free (message);
}

/* Reads a field that starts with a quote at reader->p into @field. FALSE
 * when the file ends before the quote closes. */
static gboolean
read_quoted_field (Reader   *reader,
                   GString  *field,
                   guint     field_number,
                   char    **problem)
{
  const char *p = reader->p + 1;

  for (;;)
    {
      if (p >= reader->end)
        return FALSE;
      if (*p == '"')
        {
          if (p + 1 < reader->end && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p += 2;
              continue;
            }
          p++;
          break;
        }
      if (*p == '\r' || *p == '\n')
        {
          /* Line breaks are kept as written, CRLF included: a note's own
           * line ends are its business. */
          if (*p == '\r' && p + 1 < reader->end && p[1] == '\n')
            g_string_append_c (field, *p++);
          g_string_append_c (field, *p++);
          reader->line++;
          continue;
        }
      g_string_append_c (field, *p++);
    }

  /* Spaces after the closing quote are what some writers put before a
   * separator; anything else is kept, so that no text is lost, and said. */
  while (p < reader->end && *p == ' ' && reader->separator != ' ')
    p++;
  if (p < reader->end && *p != reader->separator && !is_line_break (p, reader->end))
    {
      set_problem (problem,
                   g_strdup_printf (_("Field %u has text after its closing quotation mark; a quotation mark inside a quoted field must be doubled."),
                                    field_number));
      for (; p < reader->end && *p != reader->separator && !is_line_break (p, reader->end); p++)
        g_string_append_c (field, *p);
    }
  reader->p = p;
  return TRUE;
}

static void
read_plain_field (Reader   *reader,
                  GString  *field,
                  guint     field_number,
                  char    **problem)
{
  const char *p = reader->p;

  for (; p < reader->end && *p != reader->separator && !is_line_break (p, reader->end); p++)
    {
      if (*p == '"')
        set_problem (problem,
                     g_strdup_printf (_("Field %u contains a quotation mark but does not start with one; a field with quotation marks must be enclosed in them."),
                                      field_number));
      g_string_append_c (field, *p);
    }
  reader->p = p;
}

/* Reads the record at reader->p, which is not at a line break or the end,
 * and the line break after it. NULL with @error for an open quote. */
static DgCsvRecord *
read_record (Reader  *reader,
             GError **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  g_autofree char *problem = NULL;
  DgCsvRecord *record;
  guint first_line = reader->line;

  for (;;)
    {
      const char *q = reader->p;

      g_string_truncate (field, 0);
      /* A quoted field may follow a space or two: "a, "b, c"" */
      while (q < reader->end && *q == ' ' && reader->separator != ' ')
        q++;
      if (q < reader->end && *q == '"')
        {
          guint opened_on = reader->line;

          reader->p = q;
          if (!read_quoted_field (reader, field, fields->len + 1, &problem))
            {
              g_set_error (error, DG_CSV_ERROR, DG_CSV_ERROR_UNTERMINATED,
                           _("The quotation mark opened on line %u is never closed, so the rest of the file would be one field. The file may be cut off: export it again."),
                           opened_on);
              return NULL;
            }
        }
      else
        {
          read_plain_field (reader, field, fields->len + 1, &problem);
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (reader->p < reader->end && *reader->p == reader->separator)
        {
          reader->p++;
          continue;
        }
      if (skip_line_break (&reader->p, reader->end))
        reader->line++;
      break;
    }

  record = g_new0 (DgCsvRecord, 1);
  record->line = first_line;
  record->n_fields = fields->len;
  g_ptr_array_add (fields, NULL);
  record->fields = (GStrv) g_ptr_array_steal (fields, NULL);
  record->problem = g_steal_pointer (&problem);
  return record;
}

/* Refuses bytes that are not UTF-8 text, naming the line they are on. */
static gboolean
check_encoding (const char  *data,
                gsize        length,
                GError     **error)
{
  const char *bad = NULL;
  guint line;

  if (g_utf8_validate_len (data, length, &bad))
    return TRUE;

  line = count_line_breaks (data, bad) + 1;
  if (*bad == '\0')
    g_set_error (error, DG_CSV_ERROR, DG_CSV_ERROR_ENCODING,
                 _("Line %u contains a NUL byte: the file is not a text (CSV) file. Export it from the time tracker again as CSV."),
                 line);
  else
    g_set_error (error, DG_CSV_ERROR, DG_CSV_ERROR_ENCODING,
                 _("Line %u is not UTF-8 text. Save or export the file with the encoding UTF-8 and import it again."),
                 line);
  return FALSE;
}

GPtrArray *
dg_csv_parse (const char  *data,
              gsize        length,
              char        *out_separator,
              GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  Reader reader;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length == 0)
    {
      g_set_error_literal (error, DG_CSV_ERROR, DG_CSV_ERROR_EMPTY,
                           _("The file is empty: a CSV file needs a header row naming its columns."));
      return NULL;
    }
  if (!check_encoding (data, length, error))
    return NULL;

  reader.p = data;
  reader.end = data + length;
  reader.line = 1;
  if (length >= strlen (UTF8_BOM) && memcmp (data, UTF8_BOM, strlen (UTF8_BOM)) == 0)
    reader.p += strlen (UTF8_BOM);
  reader.separator = detect_separator (reader.p, reader.end);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) dg_csv_record_free);
  while (reader.p < reader.end)
    {
      DgCsvRecord *record;

      if (skip_line_break (&reader.p, reader.end))
        {
          reader.line++;
          continue;
        }
      record = read_record (&reader, error);
      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  if (records->len == 0)
    {
      g_set_error_literal (error, DG_CSV_ERROR, DG_CSV_ERROR_EMPTY,
                           _("The file is empty: a CSV file needs a header row naming its columns."));
      return NULL;
    }

  if (out_separator != NULL)
    *out_separator = reader.separator;
  return g_steal_pointer (&records);
}
