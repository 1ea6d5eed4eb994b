/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-csv"

#include <string.h>

#include "dg-csv.h"
#include "dg-test-utils.h"

/* Parses @data (a C string literal, which may hold NUL: @length counts). */
static GPtrArray *
parse (const char  *data,
       gsize        length,
       char        *out_separator,
       GError     **error)
{
  return dg_csv_parse (data, length, out_separator, error);
}

#define PARSE_OK(literal, sep) parse_ok (literal, sizeof (literal) - 1, sep)

static GPtrArray *
parse_ok (const char *data,
          gsize       length,
          char       *out_separator)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = parse (data, length, out_separator, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static DgCsvRecord *
record_at (GPtrArray *records,
           guint      index)
{
  g_assert_cmpuint (index, <, records->len);
  return g_ptr_array_index (records, index);
}

/* Checks record @index: its first line and its fields, given as a NULL-
 * terminated list. */
static void
assert_record (GPtrArray   *records,
               guint        index,
               guint        line,
               const char  *first,
               ...)
{
  DgCsvRecord *record = record_at (records, index);
  const char *expected = first;
  guint n = 0;
  va_list args;

  g_assert_cmpuint (record->line, ==, line);
  va_start (args, first);
  for (; expected != NULL; expected = va_arg (args, const char *), n++)
    {
      g_assert_cmpuint (n, <, record->n_fields);
      g_assert_cmpstr (record->fields[n], ==, expected);
    }
  va_end (args);
  g_assert_cmpuint (record->n_fields, ==, n);
  g_assert_null (record->fields[n]);
  g_assert_null (record->problem);
}

static void
test_bom_crlf (void)
{
  g_autoptr(GPtrArray) records = NULL;
  char separator = 0;

  records = PARSE_OK ("\xef\xbb\xbf" "Date,Hours\r\n2024-03-04,1:30\r\n", &separator);
  g_assert_cmpint (separator, ==, ',');
  g_assert_cmpuint (records->len, ==, 2);
  /* The BOM is not part of the first column's name. */
  assert_record (records, 0, 1, "Date", "Hours", NULL);
  assert_record (records, 1, 2, "2024-03-04", "1:30", NULL);
}

static void
test_semicolon_decimal_comma (void)
{
  g_autoptr(GPtrArray) records = NULL;
  char separator = 0;

  records = PARSE_OK ("Datum;Stunden;Betrag;Notiz\n"
                      "04.03.2024;1,5;2.000,50;\"a; b\"\n"
                      "05.03.2024;0,01;;\n", &separator);
  g_assert_cmpint (separator, ==, ';');
  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 0, 1, "Datum", "Stunden", "Betrag", "Notiz", NULL);
  assert_record (records, 1, 2, "04.03.2024", "1,5", "2.000,50", "a; b", NULL);
  assert_record (records, 2, 3, "05.03.2024", "0,01", "", "", NULL);
}

/* Harvest with European numbers: commas separate, quoted commas are decimals. */
static void
test_comma_with_quoted_decimal_comma (void)
{
  g_autoptr(GPtrArray) records = NULL;
  char separator = 0;

  records = PARSE_OK ("Date,Hours,Billable Amount,Currency\n"
                      "2024-03-04,\"20,0\",\"2.000,0\",Euro - EUR\n", &separator);
  g_assert_cmpint (separator, ==, ',');
  assert_record (records, 1, 2, "2024-03-04", "20,0", "2.000,0", "Euro - EUR", NULL);
}

static void
test_tab (void)
{
  g_autoptr(GPtrArray) records = NULL;
  char separator = 0;

  records = PARSE_OK ("Date\tHours\tNote\n2024-03-04\t1,5\tone, two; three\n", &separator);
  g_assert_cmpint (separator, ==, '\t');
  assert_record (records, 0, 1, "Date", "Hours", "Note", NULL);
  assert_record (records, 1, 2, "2024-03-04", "1,5", "one, two; three", NULL);
}

static void
test_separator_detection (void)
{
  static const struct { const char *data; char separator; } cases[] = {
    { "a;b,c;d\n", ';' },
    { "a,b;c,d\n", ',' },
    { "a;b,c\n", ',' },                 /* a tie: comma */
    { "one column\n", ',' },
    { "\"a,b,c\";d;e\n", ';' },         /* separators in quotes do not count */
    { "\n\na\tb\n", '\t' },             /* empty lines before the header */
    { "a\tb;c\td\n", '\t' },
    { "h\n1,2,3;4\n", ',' },            /* only the header counts */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) records = NULL;
      char separator = 0;

      g_test_message ("%s", cases[i].data);
      records = parse_ok (cases[i].data, strlen (cases[i].data), &separator);
      g_assert_cmpint (separator, ==, cases[i].separator);
    }
}

/* A quoted field holding line breaks is one field; the records after it
 * know the physical line they start on. */
static void
test_multiline_field (void)
{
  g_autoptr(GPtrArray) records = NULL;

  records = PARSE_OK ("Date,Note,Hours\n"
                      "2024-03-04,\"first line\nsecond, line\r\nthird \"\"quoted\"\"\",1\n"
                      "2024-03-05,plain,2\n"
                      "\n"
                      "2024-03-06,\"\",3\n", NULL);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 0, 1, "Date", "Note", "Hours", NULL);
  assert_record (records, 1, 2, "2024-03-04", "first line\nsecond, line\r\nthird \"quoted\"", "1", NULL);
  assert_record (records, 2, 5, "2024-03-05", "plain", "2", NULL);
  /* line 6 is empty and skipped */
  assert_record (records, 3, 7, "2024-03-06", "", "3", NULL);
}

static void
test_cr_only (void)
{
  g_autoptr(GPtrArray) records = NULL;

  records = PARSE_OK ("a,b\r1,\"x\ry\"\r\r2,3\r", NULL);
  g_assert_cmpuint (records->len, ==, 3);
  assert_record (records, 0, 1, "a", "b", NULL);
  assert_record (records, 1, 2, "1", "x\ry", NULL);
  assert_record (records, 2, 5, "2", "3", NULL);
}

static void
test_missing_final_newline (void)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) quoted = NULL;

  records = PARSE_OK ("a,b\n1,2", NULL);
  g_assert_cmpuint (records->len, ==, 2);
  assert_record (records, 1, 2, "1", "2", NULL);

  quoted = PARSE_OK ("a,b\r\n1,\"2\"", NULL);
  g_assert_cmpuint (quoted->len, ==, 2);
  assert_record (quoted, 1, 2, "1", "2", NULL);
}

static void
test_empty_fields (void)
{
  g_autoptr(GPtrArray) records = NULL;

  records = PARSE_OK ("a,b,c\n,,\n1,,3\n1,2,\n", NULL);
  g_assert_cmpuint (records->len, ==, 4);
  assert_record (records, 1, 2, "", "", "", NULL);
  assert_record (records, 2, 3, "1", "", "3", NULL);
  assert_record (records, 3, 4, "1", "2", "", NULL);
}

/* Spaces around a quoted field, as some writers put after a comma. */
static void
test_space_before_quote (void)
{
  g_autoptr(GPtrArray) records = NULL;

  records = PARSE_OK ("a, b\n1, \"x, y\" ,  z\n", NULL);
  assert_record (records, 0, 1, "a", " b", NULL);
  assert_record (records, 1, 2, "1", "x, y", "  z", NULL);
}

/* A malformed row is still returned, with its text, and says why. */
static void
test_problems (void)
{
  g_autoptr(GPtrArray) records = NULL;
  DgCsvRecord *record;

  records = PARSE_OK ("a,b,c\n"
                      "1,5\" screen,3\n"
                      "\"ab\"c,2,3\n"
                      "ok,ok,ok\n", NULL);
  g_assert_cmpuint (records->len, ==, 4);

  record = record_at (records, 1);
  g_assert_cmpuint (record->line, ==, 2);
  g_assert_cmpuint (record->n_fields, ==, 3);
  g_assert_cmpstr (record->fields[1], ==, "5\" screen");
  g_assert_nonnull (record->problem);
  g_assert_nonnull (strstr (record->problem, "2"));
  g_assert_nonnull (strstr (record->problem, "quotation mark"));

  record = record_at (records, 2);
  g_assert_cmpuint (record->line, ==, 3);
  g_assert_cmpuint (record->n_fields, ==, 3);
  g_assert_cmpstr (record->fields[0], ==, "abc");
  g_assert_nonnull (record->problem);
  g_assert_nonnull (strstr (record->problem, "1"));
  g_assert_nonnull (strstr (record->problem, "closing quotation mark"));

  assert_record (records, 3, 4, "ok", "ok", "ok", NULL);
}

static void
test_unterminated_quote (void)
{
  static const char data[] = "a,b\n1,2\n3,\"open\nmore\n4,5\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = parse (data, sizeof data - 1, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, DG_CSV_ERROR, DG_CSV_ERROR_UNTERMINATED);
  /* the line the quote opened on, not the end of the file */
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);

  records = parse ("\"a", 2, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, DG_CSV_ERROR, DG_CSV_ERROR_UNTERMINATED);
  g_assert_nonnull (strstr (error->message, "line 1"));
}

static void
test_encoding_errors (void)
{
  static const char latin1[] = "a,b\n1,2\n\n3,M\xfcller\n";
  static const char nul[] = "a,b\r\n1,2\0\r\n";
  static const char truncated[] = "a,b\n1,\xc3";
  g_autoptr(GError) error = NULL;
  GPtrArray *records;

  records = parse (latin1, sizeof latin1 - 1, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, DG_CSV_ERROR, DG_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 4"));
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_clear_error (&error);

  records = parse (nul, sizeof nul - 1, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, DG_CSV_ERROR, DG_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 2"));
  g_assert_nonnull (strstr (error->message, "NUL"));
  g_clear_error (&error);

  records = parse (truncated, sizeof truncated - 1, NULL, &error);
  g_assert_null (records);
  g_assert_error (error, DG_CSV_ERROR, DG_CSV_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 2"));
}

static void
test_empty_file (void)
{
  static const char *cases[] = { "", "\n", "\r\n\r\n", "\xef\xbb\xbf", "\xef\xbb\xbf\n\n" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GPtrArray *records = parse (cases[i], strlen (cases[i]), NULL, &error);

      g_assert_null (records);
      g_assert_error (error, DG_CSV_ERROR, DG_CSV_ERROR_EMPTY);
    }
}

/* The real exports in the shared samples: each record has as many fields
 * as the tool wrote, and the short row is the one short. */
static void
test_samples (void)
{
  static const struct { const char *file; char separator; guint n_records; guint n_fields[3]; } cases[] = {
    { "A/solidtime_clockify_detailed_test1.csv", ',', 3, { 17, 17, 17 } },
    { "A/solidtime_harvest_detailed_time_eu_decimals.csv", ',', 3, { 20, 20, 20 } },
    { "A/solidtime_toggl_detailed_test1.csv", ',', 3, { 14, 14, 14 } },
    { "D/solidtime_clockify_detailed_short_row.csv", ',', 2, { 13, 12 } },
  };
  const char *samples = g_getenv ("DG_SAMPLES_DIR");
  g_autoptr(GDir) dir = NULL;
  guint n_seen = 0;

  if (samples == NULL || !g_file_test (samples, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("The shared sample files are not here ($DG_SAMPLES_DIR is not a folder).");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (samples, cases[i].file, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;
      char separator = 0;

      g_test_message ("%s", cases[i].file);
      g_assert_true (g_file_get_contents (path, &contents, &length, &error));
      g_assert_no_error (error);
      records = parse_ok (contents, length, &separator);
      g_assert_cmpint (separator, ==, cases[i].separator);
      g_assert_cmpuint (records->len, ==, cases[i].n_records);
      for (guint r = 0; r < records->len && r < G_N_ELEMENTS (cases[i].n_fields); r++)
        {
          DgCsvRecord *record = record_at (records, r);

          g_assert_cmpuint (record->line, ==, r + 1);
          g_assert_cmpuint (record->n_fields, ==, cases[i].n_fields[r]);
          g_assert_null (record->problem);
        }
    }

  /* Spot checks of content: quoted separators, empty quoted fields, the
   * decimal comma kept as text for the importer. */
  {
    g_autofree char *path = g_build_filename (samples, cases[1].file, NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GPtrArray) records = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    records = parse_ok (contents, length, NULL);
    g_assert_cmpstr (record_at (records, 0)->fields[6], ==, "Hours");
    g_assert_cmpstr (record_at (records, 1)->fields[5], ==, "");
    g_assert_cmpstr (record_at (records, 1)->fields[15], ==, "2.000,0");
    g_assert_cmpstr (record_at (records, 2)->fields[6], ==, "0,01");
    g_assert_cmpstr (record_at (records, 2)->fields[19], ==, "");
  }
  {
    g_autofree char *path = g_build_filename (samples, cases[2].file, NULL);
    g_autofree char *contents = NULL;
    g_autoptr(GPtrArray) records = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    records = parse_ok (contents, length, NULL);
    g_assert_cmpstr (record_at (records, 1)->fields[12], ==, "Development, Backend");
    g_assert_cmpstr (record_at (records, 2)->fields[11], ==, "01:00:01");
  }

  /* Every CSV in A/ is read without an error, also those added later. */
  {
    g_autofree char *folder = g_build_filename (samples, "A", NULL);
    const char *name;

    dir = g_dir_open (folder, 0, NULL);
    g_assert_nonnull (dir);
    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);
        g_autofree char *contents = NULL;
        g_autoptr(GPtrArray) records = NULL;
        gsize length;

        if (!g_str_has_suffix (name, ".csv"))
          continue;
        g_test_message ("A/%s", name);
        g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
        records = parse_ok (contents, length, NULL);
        for (guint r = 1; r < records->len; r++)
          g_assert_cmpuint (record_at (records, r)->n_fields, ==, record_at (records, 0)->n_fields);
        n_seen++;
      }
    g_assert_cmpuint (n_seen, >=, 3);
  }
}

/* Many rows: the parser stays linear and counts lines right at the end. */
static void
test_many_rows (void)
{
  g_autoptr(GString) data = g_string_new ("Date;Hours;Note\r\n");
  g_autoptr(GPtrArray) records = NULL;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (data, "2024-03-04;1,5;\"row %u\nsecond line\"\r\n", i);
  records = parse_ok (data->str, data->len, NULL);
  g_assert_cmpuint (records->len, ==, 20001);
  g_assert_cmpuint (record_at (records, 20000)->line, ==, 2 + 19999 * 2);
  g_assert_cmpstr (record_at (records, 20000)->fields[2], ==, "row 19999\nsecond line");
}

int
main (int    argc,
      char **argv)
{
  dg_test_init (&argc, &argv);

  g_test_add_func ("/csv/bom-crlf", test_bom_crlf);
  g_test_add_func ("/csv/semicolon-decimal-comma", test_semicolon_decimal_comma);
  g_test_add_func ("/csv/comma-quoted-decimal-comma", test_comma_with_quoted_decimal_comma);
  g_test_add_func ("/csv/tab", test_tab);
  g_test_add_func ("/csv/separator-detection", test_separator_detection);
  g_test_add_func ("/csv/multiline-field", test_multiline_field);
  g_test_add_func ("/csv/cr-only", test_cr_only);
  g_test_add_func ("/csv/missing-final-newline", test_missing_final_newline);
  g_test_add_func ("/csv/empty-fields", test_empty_fields);
  g_test_add_func ("/csv/space-before-quote", test_space_before_quote);
  g_test_add_func ("/csv/problems", test_problems);
  g_test_add_func ("/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/csv/encoding-errors", test_encoding_errors);
  g_test_add_func ("/csv/empty-file", test_empty_file);
  g_test_add_func ("/csv/samples", test_samples);
  g_test_add_func ("/csv/many-rows", test_many_rows);

  return g_test_run ();
}
