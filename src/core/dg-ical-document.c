/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-ical-document"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-ical-document.h"

G_DEFINE_QUARK (dg-ical-error-quark, dg_ical_error)

/* The reader works in two passes. The first is ours: it walks the physical
 * lines for bytes libical would silently swallow (NUL, control characters,
 * broken UTF-8), unfolds them while remembering where each logical line
 * began, checks the NAME[;PARAM=…]:VALUE shape, BEGIN/END pairing and the
 * date, duration and rule values. The second hands each VCALENDAR, unfolded
 * and normalised, to libical and refuses what it marks with an X-LIC-ERROR
 * property, but for the notes about names it does not know, which RFC 5545
 * says to ignore. To name lines after libical has parsed, every
 * component gets an X-DG-LINE property and every property an X-DG-LINE
 * parameter in the text libical reads; both are removed again afterwards. */

#define LINE_MARK "X-DG-LINE"

typedef struct
{
  char  *text;          /* unfolded, without line end */
  guint  line;          /* physical line of its first part */
  guint  name_length;   /* bytes of the property name */
  guint  value_offset;  /* the byte after the ':' that starts the value */
} LogicalLine;

struct _DgIcalDocument
{
  GPtrArray  *calendars;    /* icalcomponent *, owned */
  GHashTable *lines;        /* icalcomponent * / icalproperty * → line */
  GHashTable *by_kind;      /* kind → GPtrArray of icalcomponent * */
};

static void
logical_line_clear (gpointer data)
{
  LogicalLine *line = data;

  g_free (line->text);
}

static void
set_line_error (GError     **error,
                guint        line,
                const char  *message)
{
  /* TRANSLATORS: the first %u is a line number of the file, %s says what is
   * wrong with that line. */
  g_set_error (error, DG_ICAL_ERROR, DG_ICAL_ERROR_MALFORMED,
               _("Line %u: %s"), line, message);
}

/* A short, printable quote of a line for a message. */
static char *
quote_line (const char *text)
{
  const guint max_chars = 40;
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= max_chars)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max_chars);
  return g_strconcat (start, "…", NULL);
}

/* ---- pass 1: physical lines --------------------------------------------- */

/* RFC 5545 CONTROL: every C0 character but the tab, and DEL. */
static gboolean
is_control (guchar c)
{
  return (c < 0x20 && c != '\t') || c == 0x7f;
}

static gboolean
split_lines (const char  *data,
             gsize        length,
             GArray      *lines,
             GError     **error)
{
  const char *p = data;
  const char *end = data + length;
  guint number = 0;
  g_autoptr(GString) buffer = NULL;
  /* (physical line, end offset in @buffer) of each part of the line */
  g_autoptr(GArray) segments = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A byte-order mark says UTF-8 and is not part of the first line. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *line_end = p;
      const char *next;
      gsize line_length;

      number++;
      while (line_end < end && *line_end != '\n')
        line_end++;
      next = line_end < end ? line_end + 1 : end;
      if (line_end > p && line_end[-1] == '\r')
        line_end--;
      line_length = line_end - p;

      for (gsize i = 0; i < line_length; i++)
        {
          guchar c = p[i];

          if (c == '\0')
            {
              set_line_error (error, number,
                              _("The file contains a NUL byte, so it is not a text file."));
              return FALSE;
            }
          if (is_control (c))
            {
              g_autofree char *message =
                g_strdup_printf (_("The file contains the control character U+%04X, which iCalendar does not allow."), c);
              set_line_error (error, number, message);
              return FALSE;
            }
        }

      if (line_length > 0 && (p[0] == ' ' || p[0] == '\t'))
        {
          if (buffer == NULL)
            {
              set_line_error (error, number,
                              _("A continuation line (starting with a space) follows no property."));
              return FALSE;
            }
          g_string_append_len (buffer, p + 1, line_length - 1);
          g_array_append_val (segments, number);
          g_array_append_val (segments, buffer->len);
        }
      else if (line_length > 0)
        {
          LogicalLine line = { NULL, number, 0, 0 };

          g_array_append_val (lines, line);
          buffer = g_string_new_len (p, line_length);
          g_array_append_val (segments, number);
          g_array_append_val (segments, buffer->len);
        }
      /* else: blank lines between components are common and harmless. */

      /* A logical line is complete when the next physical line does not
       * continue it. UTF-8 is checked only then, as some writers fold in
       * the middle of a character; the line named is the physical line
       * holding the first bad byte. */
      if (buffer != NULL && (next >= end || (*next != ' ' && *next != '\t')))
        {
          LogicalLine *current = &g_array_index (lines, LogicalLine, lines->len - 1);
          const char *bad = NULL;

          if (!g_utf8_validate_len (buffer->str, buffer->len, &bad))
            {
              gsize offset = bad - buffer->str;
              guint bad_line = current->line;

              for (guint i = 0; i < segments->len; i += 2)
                {
                  bad_line = g_array_index (segments, guint, i);
                  if (offset < g_array_index (segments, guint, i + 1))
                    break;
                }
              set_line_error (error, bad_line,
                              _("The text is not UTF-8. Save the file as UTF-8 and try again."));
              return FALSE;
            }
          current->text = g_string_free (g_steal_pointer (&buffer), FALSE);
          g_array_set_size (segments, 0);
        }

      p = next;
    }

  return TRUE;
}

/* ---- pass 1: content lines ---------------------------------------------- */

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

/* Skips the values of a parameter, @p at its '=': VALUE *("," VALUE),
 * each quoted or plain. NULL when a quote is not closed. */
static const char *
skip_parameter_values (const char *p)
{
  do
    {
      p++;
      if (*p == '"')
        {
          p = strchr (p + 1, '"');
          if (p == NULL)
            return NULL;
          p++;
        }
      else
        {
          p += strcspn (p, "\";:,");
        }
    }
  while (*p == ',');
  return p;
}

/* NAME *(";" PARAM "=" VALUE *("," VALUE)) ":" VALUE (RFC 5545 §3.1). */
static gboolean
parse_content_line (LogicalLine  *line,
                    GError      **error)
{
  const char *text = line->text;
  const char *p = text;

  while (is_name_char (*p))
    p++;
  line->name_length = p - text;
  if (line->name_length == 0)
    goto bad;

  while (*p == ';')
    {
      const char *name = ++p;

      while (is_name_char (*p))
        p++;
      if (p == name || *p != '=')
        goto bad;
      p = skip_parameter_values (p);
      if (p == NULL)
        goto bad;
    }

  if (*p != ':')
    goto bad;
  line->value_offset = p + 1 - text;
  return TRUE;

bad:
  {
    g_autofree char *quoted = quote_line (text);
    g_autofree char *message =
      g_strdup_printf (_("“%s” is not a property of the form NAME:VALUE."), quoted);

    set_line_error (error, line->line, message);
  }
  return FALSE;
}

static gboolean
line_has_name (const LogicalLine *line,
               const char        *name)
{
  return strlen (name) == line->name_length &&
         g_ascii_strncasecmp (line->text, name, line->name_length) == 0;
}

static const char *
line_get_value (const LogicalLine *line)
{
  return line->text + line->value_offset;
}

/* The (first) value of parameter @name, unquoted, or NULL; the line's
 * syntax has been checked. */
static char *
line_get_parameter (const LogicalLine *line,
                    const char        *name)
{
  const char *p = line->text + line->name_length;
  gsize name_length = strlen (name);

  while (*p == ';')
    {
      const char *param = ++p;
      const char *equals = strchr (p, '=');
      const char *value = equals + 1;

      p = skip_parameter_values (equals);
      if ((gsize) (equals - param) == name_length &&
          g_ascii_strncasecmp (param, name, name_length) == 0)
        {
          if (*value == '"')
            return g_strndup (value + 1, strchr (value + 1, '"') - (value + 1));
          return g_strndup (value, strcspn (value, ",;:"));
        }
    }
  return NULL;
}

/* ---- pass 1: values ----------------------------------------------------- */

static gboolean
all_digits (const char *text,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return TRUE;
}

static int
digits_to_int (const char *text,
               gsize       n)
{
  int value = 0;

  for (gsize i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');
  return value;
}

static gboolean
is_date (const char *text,
         gsize       length)
{
  if (length != 8 || !all_digits (text, 8))
    return FALSE;
  return g_date_valid_dmy (digits_to_int (text + 6, 2),
                           digits_to_int (text + 4, 2),
                           digits_to_int (text, 4));
}

/* YYYYMMDD "T" HHMMSS ["Z"]; a leap second is allowed as RFC 5545 does. */
static gboolean
is_date_time (const char *text,
              gsize       length)
{
  if (length == 16 && text[15] == 'Z')
    length = 15;
  if (length != 15 || text[8] != 'T' || !is_date (text, 8) ||
      !all_digits (text + 9, 6))
    return FALSE;
  return digits_to_int (text + 9, 2) < 24 &&
         digits_to_int (text + 11, 2) < 60 &&
         digits_to_int (text + 13, 2) <= 60;
}

static gboolean
is_duration (const char *text,
             gsize       length)
{
  g_autofree char *copy = g_strndup (text, length);
  struct icaldurationtype duration;

  /* libical reads "P" alone or a stray letter as a zero duration. */
  if (length < 3 || strspn (copy, "+-PTWDHMS0123456789") != length)
    return FALSE;
  duration = icaldurationtype_from_string (copy);
  return !icaldurationtype_is_bad_duration (duration);
}

typedef enum
{
  VALUE_DATE_OR_DATE_TIME,
  VALUE_DATE,
  VALUE_DATE_TIME,
  VALUE_PERIOD,
} ValueType;

static gboolean
is_value_of_type (const char *text,
                  gsize       length,
                  ValueType   type)
{
  const char *slash;

  switch (type)
    {
    case VALUE_DATE:
      return is_date (text, length);
    case VALUE_DATE_TIME:
      return is_date_time (text, length);
    case VALUE_DATE_OR_DATE_TIME:
      return is_date (text, length) || is_date_time (text, length);
    case VALUE_PERIOD:
      slash = memchr (text, '/', length);
      if (slash == NULL || !is_date_time (text, slash - text))
        return FALSE;
      length -= slash + 1 - text;
      return is_date_time (slash + 1, length) || is_duration (slash + 1, length);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_rrule (const char *value)
{
  struct icalrecurrencetype rule;

  icalerror_clear_errno ();
  rule = icalrecurrencetype_from_string (value);
  if (rule.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR)
    {
      icalerror_clear_errno ();
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_value (const LogicalLine  *line,
             GError            **error)
{
  static const char * const date_times[] = {
    "DTSTART", "DTEND", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", NULL
  };
  static const char * const utc_stamps[] = {
    "COMPLETED", "DTSTAMP", "CREATED", "LAST-MODIFIED", NULL
  };
  static const char * const integers[] = {
    "PERCENT-COMPLETE", "PRIORITY", "SEQUENCE", "REPEAT", NULL
  };
  const char *value = line_get_value (line);
  g_autofree char *name = g_ascii_strup (line->text, line->name_length);
  g_autofree char *value_param = NULL;
  ValueType type;
  gboolean list;
  const char *p;

  if (line_has_name (line, "RRULE"))
    {
      if (!check_rrule (value))
        goto bad;
      return TRUE;
    }
  if (g_strv_contains (integers, name))
    {
      /* libical reads "fifty" as 0 without a word. */
      gsize start = (*value == '+' || *value == '-') ? 1 : 0;
      gint64 number;

      if (value[start] == '\0' || strspn (value + start, "0123456789") != strlen (value + start) ||
          strlen (value) > 9)
        goto bad;
      number = g_ascii_strtoll (value, NULL, 10);
      if ((g_str_equal (name, "PERCENT-COMPLETE") && (number < 0 || number > 100)) ||
          (g_str_equal (name, "PRIORITY") && (number < 0 || number > 9)))
        goto bad;
      return TRUE;
    }
  if (line_has_name (line, "DURATION"))
    {
      if (!is_duration (value, strlen (value)))
        goto bad;
      return TRUE;
    }

  if (g_strv_contains (utc_stamps, name))
    {
      type = VALUE_DATE_TIME;
      list = FALSE;
    }
  else if (g_strv_contains (date_times, name))
    {
      value_param = line_get_parameter (line, "VALUE");
      if (value_param == NULL)
        type = VALUE_DATE_OR_DATE_TIME;
      else if (g_ascii_strcasecmp (value_param, "DATE") == 0)
        type = VALUE_DATE;
      else if (g_ascii_strcasecmp (value_param, "DATE-TIME") == 0)
        type = VALUE_DATE_TIME;
      else if (g_ascii_strcasecmp (value_param, "PERIOD") == 0 &&
               g_str_equal (name, "RDATE"))
        type = VALUE_PERIOD;
      else
        goto bad;
      list = g_str_equal (name, "EXDATE") || g_str_equal (name, "RDATE");
    }
  else
    {
      return TRUE;
    }

  p = value;
  for (;;)
    {
      gsize length = list ? strcspn (p, ",") : strlen (p);

      if (!is_value_of_type (p, length, type))
        goto bad;
      p += length;
      if (*p == '\0')
        break;
      p++;
    }
  return TRUE;

bad:
  {
    g_autofree char *quoted = quote_line (value);
    g_autofree char *message = NULL;

    if (g_str_equal (name, "RRULE"))
      message = g_strdup_printf (_("“%s” is not a valid repeat rule (RRULE)."), quoted);
    else if (g_strv_contains (integers, name))
      /* TRANSLATORS: the second %s is a property name such as PRIORITY */
      message = g_strdup_printf (_("“%s” is not a valid number for %s."), quoted, name);
    else
      /* TRANSLATORS: the second %s is a property name such as DTSTART or DUE */
      message = g_strdup_printf (_("“%s” is not a valid date, time or duration for %s."),
                                 quoted, name);
    set_line_error (error, line->line, message);
  }
  return FALSE;
}

/* ---- pass 1: structure -------------------------------------------------- */

typedef struct
{
  char  *name;
  guint  line;
} OpenComponent;

static void
open_component_clear (gpointer data)
{
  OpenComponent *open = data;

  g_free (open->name);
}

/* The component name of a BEGIN or END line, upper case, without trailing
 * blanks. */
static char *
line_get_component_name (const LogicalLine *line)
{
  char *name = g_ascii_strup (line_get_value (line), -1);

  return g_strchomp (name);
}

static gboolean
check_component_name (const LogicalLine  *line,
                      const char         *name,
                      GError            **error)
{
  g_autofree char *message = NULL;

  if (g_str_has_prefix (name, "X-") ||
      icalcomponent_string_to_kind (name) != ICAL_NO_COMPONENT)
    return TRUE;
  message = g_strdup_printf (_("“%s” is not an iCalendar component."), name);
  set_line_error (error, line->line, message);
  return FALSE;
}

static gboolean
is_calendar_begin (const char *text)
{
  g_autofree char *upper = g_ascii_strup (text, -1);

  return g_str_equal (g_strchomp (upper), "BEGIN:VCALENDAR");
}

/* Checks every line and the nesting; on success @calendars holds, for each
 * VCALENDAR, the index range [first, last] into @lines. */
static gboolean
check_structure (GArray   *lines,
                 GArray   *calendars,
                 GError  **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (OpenComponent));
  guint calendar_start = 0;

  g_array_set_clear_func (stack, open_component_clear);

  for (guint i = 0; i < lines->len; i++)
    {
      LogicalLine *line = &g_array_index (lines, LogicalLine, i);

      /* Checked before the syntax: text before or after the calendar (a
       * mail's greeting) is better named as such. */
      if (stack->len == 0 && !is_calendar_begin (line->text))
        {
          g_autofree char *quoted = quote_line (line->text);
          g_autofree char *message =
            g_strdup_printf (_("“%s” is outside a calendar (BEGIN:VCALENDAR … END:VCALENDAR)."),
                             quoted);
          set_line_error (error, line->line, message);
          return FALSE;
        }
      if (!parse_content_line (line, error))
        return FALSE;

      if (line_has_name (line, "BEGIN"))
        {
          OpenComponent open = { line_get_component_name (line), line->line };

          if (stack->len > 0 && g_str_equal (open.name, "VCALENDAR"))
            {
              set_line_error (error, line->line,
                              _("A calendar begins inside another one; an END:VCALENDAR is missing before this line."));
              g_free (open.name);
              return FALSE;
            }
          if (!check_component_name (line, open.name, error))
            {
              g_free (open.name);
              return FALSE;
            }
          if (stack->len == 0)
            calendar_start = i;
          g_array_append_val (stack, open);
        }
      else if (line_has_name (line, "END"))
        {
          g_autofree char *name = line_get_component_name (line);
          OpenComponent *open;

          if (stack->len == 0)
            {
              g_autofree char *message =
                g_strdup_printf (_("END:%s closes nothing that was begun."), name);
              set_line_error (error, line->line, message);
              return FALSE;
            }
          open = &g_array_index (stack, OpenComponent, stack->len - 1);
          if (!g_str_equal (open->name, name))
            {
              g_autofree char *message = NULL;
              gboolean closes_outer = FALSE;

              for (guint j = 0; j + 1 < stack->len; j++)
                closes_outer |= g_str_equal (g_array_index (stack, OpenComponent, j).name, name);
              /* END:VCALENDAR while a VTODO is open: the VTODO lacks its
               * END, and its BEGIN is the line to look at. */
              if (closes_outer)
                {
                  message = g_strdup_printf (_("BEGIN:%s has no matching END:%s before END:%s on line %u."),
                                             open->name, open->name, name, line->line);
                  set_line_error (error, open->line, message);
                }
              else
                {
                  message = g_strdup_printf (_("END:%s does not match BEGIN:%s on line %u."),
                                             name, open->name, open->line);
                  set_line_error (error, line->line, message);
                }
              return FALSE;
            }
          g_array_remove_index (stack, stack->len - 1);
          if (stack->len == 0)
            {
              guint range[2] = { calendar_start, i };

              g_array_append_vals (calendars, range, 2);
            }
        }
      else if (!check_value (line, error))
        {
          return FALSE;
        }
    }

  if (stack->len > 0)
    {
      /* The innermost open component is the one whose END is missing. */
      OpenComponent *open = &g_array_index (stack, OpenComponent, stack->len - 1);
      g_autofree char *message =
        g_strdup_printf (_("BEGIN:%s has no matching END:%s; the file may be cut off."),
                         open->name, open->name);

      set_line_error (error, open->line, message);
      return FALSE;
    }

  return TRUE;
}

/* ---- pass 2: libical ---------------------------------------------------- */

/* The calendar's lines as libical reads them: unfolded, CRLF, with the
 * physical line numbers attached (see the comment at the top). */
static char *
build_calendar_text (GArray *lines,
                     guint   first,
                     guint   last)
{
  GString *text = g_string_new (NULL);

  for (guint i = first; i <= last; i++)
    {
      LogicalLine *line = &g_array_index (lines, LogicalLine, i);

      if (line_has_name (line, "BEGIN"))
        {
          g_string_append_printf (text, "%s\r\n" LINE_MARK ":%u\r\n", line->text, line->line);
        }
      else if (line_has_name (line, "END"))
        {
          g_string_append_printf (text, "%s\r\n", line->text);
        }
      else
        {
          g_string_append_len (text, line->text, line->name_length);
          g_string_append_printf (text, ";" LINE_MARK "=%u%s\r\n", line->line,
                                  line->text + line->name_length);
        }
    }
  return g_string_free (text, FALSE);
}

static guint
property_take_line (icalproperty *property)
{
  for (icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_X_PARAMETER);
       parameter != NULL;
       parameter = icalproperty_get_next_parameter (property, ICAL_X_PARAMETER))
    {
      if (g_strcmp0 (icalparameter_get_xname (parameter), LINE_MARK) == 0)
        {
          guint line = (guint) g_ascii_strtoull (icalparameter_get_xvalue (parameter), NULL, 10);

          icalproperty_remove_parameter_by_ref (property, parameter);
          return line;
        }
    }
  return 0;
}

static const char *
describe_lic_error (icalproperty *error_property)
{
  icalparameter *type = icalproperty_get_first_parameter (error_property,
                                                          ICAL_XLICERRORTYPE_PARAMETER);

  switch (type != NULL ? icalparameter_get_xlicerrortype (type) : ICAL_XLICERRORTYPE_NONE)
    {
    case ICAL_XLICERRORTYPE_PROPERTYPARSEERROR:
      return _("This property cannot be read.");
    case ICAL_XLICERRORTYPE_VALUEPARSEERROR:
      return _("The value of this property cannot be read.");
    default:
      return _("This line cannot be read as iCalendar.");
    }
}

/* A parameter libical did not take (an unknown one, or an unknown
 * value): the property itself is kept, and RFC 5545 says to ignore
 * parameters one does not know; the ones that matter, VALUE and TZID of the
 * dates, were checked in the first pass. */
static gboolean
lic_error_keeps_property (icalproperty *error_property)
{
  icalparameter *type = icalproperty_get_first_parameter (error_property,
                                                          ICAL_XLICERRORTYPE_PARAMETER);
  icalparameter_xlicerrortype kind = type != NULL ? icalparameter_get_xlicerrortype (type)
                                                  : ICAL_XLICERRORTYPE_NONE;

  return kind == ICAL_XLICERRORTYPE_PARAMETERNAMEPARSEERROR ||
         kind == ICAL_XLICERRORTYPE_PARAMETERVALUEPARSEERROR;
}

static gboolean
lic_error_is_unknown_name (icalproperty *error_property)
{
  icalparameter *type = icalproperty_get_first_parameter (error_property,
                                                          ICAL_XLICERRORTYPE_PARAMETER);

  return type != NULL &&
         icalparameter_get_xlicerrortype (type) == ICAL_XLICERRORTYPE_PROPERTYPARSEERROR &&
         g_str_has_prefix (icalproperty_get_xlicerror (error_property), "Parse error in property name");
}

/* Moves the line marks into @self->lines, removes them, and notes in
 * @first_error_line the first X-LIC-ERROR libical left in @component that
 * damages the file (the harmless ones are removed). @own_lines are the
 * lines of @component's own properties, in order, to place an error
 * property that carries no mark. */
static void
collect_lines (DgIcalDocument  *self,
               icalcomponent   *component,
               GHashTable      *own_lines,
               GHashTable      *empty_values,
               guint           *first_error_line,
               const char     **first_error)
{
  GPtrArray *lines;
  guint component_line = 0;
  guint last_seen;
  g_autoptr(GPtrArray) marks = g_ptr_array_new ();
  g_autoptr(GPtrArray) children = g_ptr_array_new ();
  g_autoptr(GPtrArray) harmless = g_ptr_array_new ();

  for (icalproperty *property = icalcomponent_get_first_property (component, ICAL_X_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (property), LINE_MARK) == 0)
      g_ptr_array_add (marks, property);
  for (guint i = 0; i < marks->len; i++)
    {
      icalproperty *mark = marks->pdata[i];

      if (component_line == 0)
        component_line = (guint) g_ascii_strtoull (icalproperty_get_x (mark), NULL, 10);
      icalcomponent_remove_property (component, mark);
      icalproperty_free (mark);
    }
  g_hash_table_insert (self->lines, component, GUINT_TO_POINTER (component_line));

  lines = g_hash_table_lookup (own_lines, GUINT_TO_POINTER (component_line));
  last_seen = component_line;
  for (icalproperty *property = icalcomponent_get_first_property (component, ICAL_ANY_PROPERTY);
       property != NULL;
       property = icalcomponent_get_next_property (component, ICAL_ANY_PROPERTY))
    {
      guint line = property_take_line (property);

      if (icalproperty_isa (property) == ICAL_XLICERROR_PROPERTY &&
          lic_error_keeps_property (property))
        {
          g_ptr_array_add (harmless, property);
          continue;
        }
      if (icalproperty_isa (property) == ICAL_XLICERROR_PROPERTY)
        {
          line = component_line;
          for (guint i = 0; lines != NULL && i < lines->len; i++)
            {
              guint candidate = GPOINTER_TO_UINT (lines->pdata[i]);

              if (candidate > last_seen)
                {
                  line = candidate;
                  break;
                }
            }
          /* libical drops a property with an empty value ("LOCATION:", as
           * Outlook writes) with an error, though an empty text is valid
           * (the values that matter were checked in the first pass); and
           * one with a name it does not know, which RFC 5545 §3.8.8 says
           * to ignore. Neither damages the file. */
          last_seen = MAX (last_seen, line);
          if (g_hash_table_contains (empty_values, GUINT_TO_POINTER (line)) ||
              lic_error_is_unknown_name (property))
            {
              g_ptr_array_add (harmless, property);
              continue;
            }
          if (*first_error_line == 0 || line < *first_error_line)
            {
              *first_error_line = line;
              *first_error = describe_lic_error (property);
            }
        }
      if (line != 0)
        {
          g_hash_table_insert (self->lines, property, GUINT_TO_POINTER (line));
          last_seen = MAX (last_seen, line);
        }
    }

  for (guint i = 0; i < harmless->len; i++)
    {
      icalcomponent_remove_property (component, harmless->pdata[i]);
      icalproperty_free (harmless->pdata[i]);
    }

  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    g_ptr_array_add (children, child);
  for (guint i = 0; i < children->len; i++)
    collect_lines (self, children->pdata[i], own_lines, empty_values,
                   first_error_line, first_error);
}

/* For every component (by its BEGIN line) the lines of its own properties;
 * @empty_values gets the lines of properties without a value. */
static GHashTable *
map_own_lines (GArray     *lines,
               guint       first,
               guint       last,
               GHashTable *empty_values)
{
  GHashTable *own = g_hash_table_new_full (NULL, NULL, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = first; i <= last; i++)
    {
      LogicalLine *line = &g_array_index (lines, LogicalLine, i);

      if (line_has_name (line, "BEGIN"))
        {
          g_array_append_val (stack, line->line);
          g_hash_table_insert (own, GUINT_TO_POINTER (line->line), g_ptr_array_new ());
        }
      else if (line_has_name (line, "END"))
        {
          g_array_remove_index (stack, stack->len - 1);
        }
      else
        {
          guint owner = g_array_index (stack, guint, stack->len - 1);
          GPtrArray *list = g_hash_table_lookup (own, GUINT_TO_POINTER (owner));

          g_ptr_array_add (list, GUINT_TO_POINTER (line->line));
          if (*line_get_value (line) == '\0')
            g_hash_table_add (empty_values, GUINT_TO_POINTER (line->line));
        }
    }
  return own;
}

static gboolean
parse_calendar (DgIcalDocument  *self,
                GArray          *lines,
                guint            first,
                guint            last,
                GError         **error)
{
  g_autofree char *text = build_calendar_text (lines, first, last);
  g_autoptr(GHashTable) empty_values = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) own_lines = map_own_lines (lines, first, last, empty_values);
  icalcomponent *calendar;
  guint error_line = 0;
  const char *error_message = NULL;
  guint begin_line = g_array_index (lines, LogicalLine, first).line;

  calendar = icalparser_parse_string (text);
  icalerror_clear_errno ();
  if (calendar == NULL || icalcomponent_isa (calendar) != ICAL_VCALENDAR_COMPONENT)
    {
      g_clear_pointer (&calendar, icalcomponent_free);
      set_line_error (error, begin_line, _("This calendar cannot be read."));
      return FALSE;
    }
  g_ptr_array_add (self->calendars, calendar);

  collect_lines (self, calendar, own_lines, empty_values, &error_line, &error_message);
  if (error_line != 0)
    {
      set_line_error (error, error_line, error_message);
      return FALSE;
    }
  return TRUE;
}

/* ---- public API --------------------------------------------------------- */

static gboolean
has_calendar_start (GArray *lines)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_array_index (lines, LogicalLine, i).text;

      if (text != NULL && is_calendar_begin (text))
        return TRUE;
    }
  return FALSE;
}

DgIcalDocument *
dg_ical_document_read (const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (LogicalLine));
  g_autoptr(GArray) calendars = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(DgIcalDocument) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);
  g_array_set_clear_func (lines, logical_line_clear);

  /* A file with no calendar at all is more likely the wrong file than a
   * damaged one: say so first, whatever else is in it. */
  if (!split_lines (data, length, lines, &local_error))
    {
      if (lines->len == 0 || has_calendar_start (lines))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  if (!has_calendar_start (lines))
    {
      guint line = lines->len > 0 ? g_array_index (lines, LogicalLine, 0).line : 1;

      g_set_error (error, DG_ICAL_ERROR, DG_ICAL_ERROR_NOT_CALENDAR,
                   _("Line %u: %s"), line,
                   _("This is not an iCalendar file: it has no BEGIN:VCALENDAR."));
      return NULL;
    }
  g_clear_error (&local_error);

  if (!check_structure (lines, calendars, error))
    return NULL;

  self = g_new0 (DgIcalDocument, 1);
  self->calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) icalcomponent_free);
  self->lines = g_hash_table_new (NULL, NULL);
  self->by_kind = g_hash_table_new_full (NULL, NULL, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < calendars->len; i += 2)
    if (!parse_calendar (self, lines,
                         g_array_index (calendars, guint, i),
                         g_array_index (calendars, guint, i + 1),
                         error))
      return NULL;

  return g_steal_pointer (&self);
}

void
dg_ical_document_free (DgIcalDocument *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->calendars);
  g_hash_table_unref (self->lines);
  g_hash_table_unref (self->by_kind);
  g_free (self);
}

static void
collect_components (icalcomponent      *component,
                    icalcomponent_kind  kind,
                    GPtrArray          *found)
{
  for (icalcomponent *child = icalcomponent_get_first_component (component, ICAL_ANY_COMPONENT);
       child != NULL;
       child = icalcomponent_get_next_component (component, ICAL_ANY_COMPONENT))
    {
      if (icalcomponent_isa (child) == kind)
        g_ptr_array_add (found, child);
      else
        collect_components (child, kind, found);
    }
}

GPtrArray *
dg_ical_document_get_components (DgIcalDocument     *self,
                                 icalcomponent_kind  kind)
{
  GPtrArray *found;

  g_return_val_if_fail (self != NULL, NULL);

  found = g_hash_table_lookup (self->by_kind, GINT_TO_POINTER (kind));
  if (found != NULL)
    return found;

  found = g_ptr_array_new ();
  for (guint i = 0; i < self->calendars->len; i++)
    collect_components (self->calendars->pdata[i], kind, found);
  g_hash_table_insert (self->by_kind, GINT_TO_POINTER (kind), found);
  return found;
}

guint
dg_ical_document_get_line (DgIcalDocument *self,
                           icalcomponent  *component)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (component != NULL, 0);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, component));
}

guint
dg_ical_document_get_property_line (DgIcalDocument *self,
                                    icalproperty   *property)
{
  guint line;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (property != NULL, 0);

  line = GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, property));
  if (line == 0 && icalproperty_get_parent (property) != NULL)
    line = dg_ical_document_get_line (self, icalproperty_get_parent (property));
  return line;
}

/* ---- time zones --------------------------------------------------------- */

/* The Windows zone names Exchange and Outlook write as TZID, to the IANA
 * zone CLDR maps them to for the world ("001"). */
static const struct
{
  const char *windows;
  const char *iana;
} windows_zones[] = {
  { "Dateline Standard Time", "Etc/GMT+12" },
  { "UTC-11", "Etc/GMT+11" },
  { "Aleutian Standard Time", "America/Adak" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "Marquesas Standard Time", "Pacific/Marquesas" },
  { "Alaskan Standard Time", "America/Anchorage" },
  { "UTC-09", "Etc/GMT+9" },
  { "Pacific Standard Time (Mexico)", "America/Tijuana" },
  { "UTC-08", "Etc/GMT+8" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "US Mountain Standard Time", "America/Phoenix" },
  { "Mountain Standard Time (Mexico)", "America/Mazatlan" },
  { "Mountain Standard Time", "America/Denver" },
  { "Yukon Standard Time", "America/Whitehorse" },
  { "Central America Standard Time", "America/Guatemala" },
  { "Central Standard Time", "America/Chicago" },
  { "Easter Island Standard Time", "Pacific/Easter" },
  { "Central Standard Time (Mexico)", "America/Mexico_City" },
  { "Canada Central Standard Time", "America/Regina" },
  { "SA Pacific Standard Time", "America/Bogota" },
  { "Eastern Standard Time (Mexico)", "America/Cancun" },
  { "Eastern Standard Time", "America/New_York" },
  { "Haiti Standard Time", "America/Port-au-Prince" },
  { "Cuba Standard Time", "America/Havana" },
  { "US Eastern Standard Time", "America/Indiana/Indianapolis" },
  { "Turks And Caicos Standard Time", "America/Grand_Turk" },
  { "Paraguay Standard Time", "America/Asuncion" },
  { "Atlantic Standard Time", "America/Halifax" },
  { "Venezuela Standard Time", "America/Caracas" },
  { "Central Brazilian Standard Time", "America/Cuiaba" },
  { "SA Western Standard Time", "America/La_Paz" },
  { "Pacific SA Standard Time", "America/Santiago" },
  { "Newfoundland Standard Time", "America/St_Johns" },
  { "Tocantins Standard Time", "America/Araguaina" },
  { "E. South America Standard Time", "America/Sao_Paulo" },
  { "SA Eastern Standard Time", "America/Cayenne" },
  { "Argentina Standard Time", "America/Argentina/Buenos_Aires" },
  { "Greenland Standard Time", "America/Nuuk" },
  { "Montevideo Standard Time", "America/Montevideo" },
  { "Magallanes Standard Time", "America/Punta_Arenas" },
  { "Saint Pierre Standard Time", "America/Miquelon" },
  { "Bahia Standard Time", "America/Bahia" },
  { "UTC-02", "Etc/GMT+2" },
  { "Azores Standard Time", "Atlantic/Azores" },
  { "Cape Verde Standard Time", "Atlantic/Cape_Verde" },
  { "UTC", "Etc/UTC" },
  { "Coordinated Universal Time", "Etc/UTC" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "Sao Tome Standard Time", "Africa/Sao_Tome" },
  { "Morocco Standard Time", "Africa/Casablanca" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "W. Central Africa Standard Time", "Africa/Lagos" },
  { "Jordan Standard Time", "Asia/Amman" },
  { "GTB Standard Time", "Europe/Bucharest" },
  { "Middle East Standard Time", "Asia/Beirut" },
  { "Egypt Standard Time", "Africa/Cairo" },
  { "E. Europe Standard Time", "Europe/Chisinau" },
  { "Syria Standard Time", "Asia/Damascus" },
  { "West Bank Standard Time", "Asia/Hebron" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "FLE Standard Time", "Europe/Kiev" },
  { "Israel Standard Time", "Asia/Jerusalem" },
  { "South Sudan Standard Time", "Africa/Juba" },
  { "Kaliningrad Standard Time", "Europe/Kaliningrad" },
  { "Sudan Standard Time", "Africa/Khartoum" },
  { "Libya Standard Time", "Africa/Tripoli" },
  { "Namibia Standard Time", "Africa/Windhoek" },
  { "Arabic Standard Time", "Asia/Baghdad" },
  { "Turkey Standard Time", "Europe/Istanbul" },
  { "Arab Standard Time", "Asia/Riyadh" },
  { "Belarus Standard Time", "Europe/Minsk" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "Volgograd Standard Time", "Europe/Volgograd" },
  { "Iran Standard Time", "Asia/Tehran" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Astrakhan Standard Time", "Europe/Astrakhan" },
  { "Azerbaijan Standard Time", "Asia/Baku" },
  { "Russia Time Zone 3", "Europe/Samara" },
  { "Mauritius Standard Time", "Indian/Mauritius" },
  { "Saratov Standard Time", "Europe/Saratov" },
  { "Georgian Standard Time", "Asia/Tbilisi" },
  { "Caucasus Standard Time", "Asia/Yerevan" },
  { "Afghanistan Standard Time", "Asia/Kabul" },
  { "West Asia Standard Time", "Asia/Tashkent" },
  { "Ekaterinburg Standard Time", "Asia/Yekaterinburg" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "Qyzylorda Standard Time", "Asia/Qyzylorda" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Central Asia Standard Time", "Asia/Almaty" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Omsk Standard Time", "Asia/Omsk" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "Altai Standard Time", "Asia/Barnaul" },
  { "W. Mongolia Standard Time", "Asia/Hovd" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "N. Central Asia Standard Time", "Asia/Novosibirsk" },
  { "Tomsk Standard Time", "Asia/Tomsk" },
  { "China Standard Time", "Asia/Shanghai" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Ulaanbaatar Standard Time", "Asia/Ulaanbaatar" },
  { "Aus Central W. Standard Time", "Australia/Eucla" },
  { "Transbaikal Standard Time", "Asia/Chita" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "North Korea Standard Time", "Asia/Pyongyang" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "Yakutsk Standard Time", "Asia/Yakutsk" },
  { "Cen. Australia Standard Time", "Australia/Adelaide" },
  { "AUS Central Standard Time", "Australia/Darwin" },
  { "E. Australia Standard Time", "Australia/Brisbane" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "West Pacific Standard Time", "Pacific/Port_Moresby" },
  { "Tasmania Standard Time", "Australia/Hobart" },
  { "Vladivostok Standard Time", "Asia/Vladivostok" },
  { "Lord Howe Standard Time", "Australia/Lord_Howe" },
  { "Bougainville Standard Time", "Pacific/Bougainville" },
  { "Russia Time Zone 10", "Asia/Srednekolymsk" },
  { "Magadan Standard Time", "Asia/Magadan" },
  { "Norfolk Standard Time", "Pacific/Norfolk" },
  { "Sakhalin Standard Time", "Asia/Sakhalin" },
  { "Central Pacific Standard Time", "Pacific/Guadalcanal" },
  { "Russia Time Zone 11", "Asia/Kamchatka" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "UTC+12", "Etc/GMT-12" },
  { "Fiji Standard Time", "Pacific/Fiji" },
  { "Chatham Islands Standard Time", "Pacific/Chatham" },
  { "UTC+13", "Etc/GMT-13" },
  { "Tonga Standard Time", "Pacific/Tongatapu" },
  { "Samoa Standard Time", "Pacific/Apia" },
  { "Line Islands Standard Time", "Pacific/Kiritimati" },
};

const char *
dg_ical_windows_zone_to_iana (const char *windows_name)
{
  g_return_val_if_fail (windows_name != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (windows_zones[i].windows, windows_name) == 0)
      return windows_zones[i].iana;
  return NULL;
}

/* Only names shaped like IANA's ("Area/Location", "UTC"): GLib would also
 * take a POSIX rule such as "ABC5" as a zone. */
static GTimeZone *
iana_zone_new (const char *name)
{
  if (!g_ascii_isalpha (name[0]) ||
      strspn (name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                    "0123456789/_+-") != strlen (name) ||
      strstr (name, "//") != NULL)
    return NULL;
  return g_time_zone_new_identifier (name);
}

/* The IANA name @tzid stands for, with its zone in @zone: an IANA name, a
 * Windows name, or an IANA name behind a vendor prefix
 * ("/freeassociation.sourceforge.net/Europe/Berlin",
 * "/mozilla.org/20050126_1/America/New_York"). */
static const char *
iana_name_from_tzid (const char  *tzid,
                     GTimeZone  **zone)
{
  const char *iana = dg_ical_windows_zone_to_iana (tzid);

  if (iana != NULL)
    {
      *zone = g_time_zone_new_identifier (iana);
      return *zone != NULL ? iana : NULL;
    }
  if ((*zone = iana_zone_new (tzid)) != NULL)
    return tzid;
  if (tzid[0] == '/')
    for (const char *p = strchr (tzid + 1, '/'); p != NULL; p = strchr (p + 1, '/'))
      if ((*zone = iana_zone_new (p + 1)) != NULL)
        return p + 1;
  return NULL;
}

static GTimeZone *
zone_from_tzid (const char *tzid)
{
  GTimeZone *zone = NULL;

  iana_name_from_tzid (tzid, &zone);
  return zone;
}

char *
dg_ical_tzid_to_iana (const char *tzid)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (tzid != NULL, NULL);

  return g_strdup (iana_name_from_tzid (tzid, &zone));
}

static icalcomponent *
get_calendar (icalcomponent *component)
{
  while (component != NULL && icalcomponent_isa (component) != ICAL_VCALENDAR_COMPONENT)
    component = icalcomponent_get_parent (component);
  return component;
}

GDateTime *
dg_ical_document_get_date_time (DgIcalDocument     *self,
                                icalcomponent      *component,
                                icalproperty_kind   kind,
                                GTimeZone          *fallback_zone,
                                GError            **error)
{
  icalproperty *property;
  icalparameter *tzid_parameter;
  icalvalue *value;
  struct icaltimetype time;
  const char *tzid;
  g_autoptr(GTimeZone) zone = NULL;
  icalcomponent *calendar;
  icaltimezone *file_zone;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (component != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  property = icalcomponent_get_first_property (component, kind);
  value = property != NULL ? icalproperty_get_value (property) : NULL;
  if (value == NULL ||
      (icalvalue_isa (value) != ICAL_DATETIME_VALUE && icalvalue_isa (value) != ICAL_DATE_VALUE))
    {
      g_autofree char *message =
        g_strdup_printf (_("The entry has no date or time in %s."),
                         icalproperty_kind_to_string (kind));
      set_line_error (error, dg_ical_document_get_line (self, component), message);
      return NULL;
    }

  time = icalvalue_isa (value) == ICAL_DATE_VALUE ? icalvalue_get_date (value)
                                                   : icalvalue_get_datetime (value);
  if (time.is_date)
    time.hour = time.minute = time.second = 0;

  if (icaltime_is_utc (time))
    return g_date_time_new_utc (time.year, time.month, time.day,
                                time.hour, time.minute, time.second);

  tzid_parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  tzid = tzid_parameter != NULL ? icalparameter_get_tzid (tzid_parameter) : NULL;
  if (tzid == NULL || time.is_date)
    {
      if (fallback_zone == NULL)
        return g_date_time_new_utc (time.year, time.month, time.day,
                                    time.hour, time.minute, time.second);
      return g_date_time_new (fallback_zone, time.year, time.month, time.day,
                              time.hour, time.minute, time.second);
    }

  /* A known zone name is read with the system's zone data, which is more
   * complete than what a client writes as VTIMEZONE. */
  zone = zone_from_tzid (tzid);
  if (zone != NULL)
    return g_date_time_new (zone, time.year, time.month, time.day,
                            time.hour, time.minute, time.second);

  calendar = get_calendar (component);
  file_zone = calendar != NULL ? icalcomponent_get_timezone (calendar, tzid) : NULL;
  if (file_zone != NULL)
    {
      int is_daylight = 0;
      int offset;
      time_t instant;
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GTimeZone) offset_zone = NULL;

      offset = icaltimezone_get_utc_offset (file_zone, &time, &is_daylight);
      instant = icaltime_as_timet_with_zone (time, file_zone);
      utc = g_date_time_new_from_unix_utc (instant);
      offset_zone = g_time_zone_new_offset (offset);
      return g_date_time_to_timezone (utc, offset_zone);
    }

  {
    g_autofree char *message =
      g_strdup_printf (_("The time zone “%s” is not known and the file does not describe it (no VTIMEZONE)."),
                       tzid);
    set_line_error (error, dg_ical_document_get_property_line (self, property), message);
  }
  return NULL;
}
