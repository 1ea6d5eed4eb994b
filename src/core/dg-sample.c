/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-sample"

#include <glib/gi18n.h>
#include <string.h>

#include "dg-assistant-store.h"
#include "dg-business-profile.h"
#include "dg-handbook-store.h"
#include "dg-handbook-templates.h"
#include "dg-invoice-store-private.h"
#include "dg-invoice-store.h"
#include "dg-sample.h"
#include "dg-task-store.h"
#include "dg-timesheet-store.h"

/* Everything is written through the stores, so the sample obeys the same
 * rules as data a user types: validation, issue-date order, invoiced
 * entries frozen. The stores open their own transactions; inside the one
 * dg_sample_create() opens they become savepoints, so the sample is still
 * written all or nothing.
 *
 * Only the GRand seeded from the options decides anything, and every date
 * is counted from the options' today, so a seed gives the same rows. What
 * the stores stamp themselves is not ours to set: the times rows were
 * created, saved, published or logged (wall clock) and tasks' iCalendar
 * UIDs (random). */

G_DEFINE_QUARK (dg-sample-error-quark, dg_sample_error)

#define DEFAULT_SEED 20260701

/* Weeks of hours before today's week: a couple of months for the newcomer's
 * sample, two years for the larger ones. */
#define SMALL_WEEKS 8
#define LARGE_WEEKS 104

/* The larger samples have thousands of tasks and handbooks, as the issue
 * asks: fifty handbooks per scale step, and a one-off job every other week
 * per assistant over the years of hours (scale 10: 500 handbooks and about
 * 1,700 tasks; scale 20: 1,000 and 3,300). Not more: a handbook costs
 * about 2.4 ms of processor time to save and publish, a task about 0.9 ms
 * to add, and scale 10, mostly issuing invoices, is to stay under 20 s. */
#define HANDBOOKS_PER_SCALE 50
#define ONE_OFF_EVERY_WEEKS 2
/* Weeks after today's with one-offs still to come. */
#define UPCOMING_WEEKS 3
/* A one-off job is set three weeks before it is due. */
#define ONE_OFF_LEAD_DAYS 21

/* ---- the made-up people -------------------------------------------------- */

typedef struct
{
  const char         *time_zone;
  const char         *country;
  const char         *currency;
  gint64              rate_min;    /* minor units per hour */
  gint64              rate_max;
  gint64              rate_step;
  const char * const *first_names;
  const char * const *last_names;
  const char * const *streets;
  const char         *address_format;  /* number, street, postcode */
  guint               postcode_min;
  guint               postcode_max;
  /* The starter handbooks of their work: a task every weekday, a second
   * one (weekly, or monthly on the first Monday) and one-off jobs. */
  const char         *handbooks[3];
  gboolean            monthly;         /* the second task: first Monday of a month, else Fridays */
} Region;

static const char * const manila_first[] = {
  "Maria", "Jose", "Angelica", "Mark", "Kristine", "John Paul", "Jasmine", "Carlo",
  "Patricia", "Rafael", "Camille", "Miguel", "Bea", "Paolo", "Nicole", "Joshua",
  "Andrea", "Renz", "Katrina", "Daniel", NULL
};
static const char * const manila_last[] = {
  "Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Torres",
  "Villanueva", "Ramos", "Aquino", "Castillo", "Flores", "Navarro", "Dela Cruz",
  "Soriano", "Pascual", "Salazar", "Manalo", "Tolentino", NULL
};
static const char * const manila_streets[] = {
  "Mabini Street", "Rizal Avenue", "Bonifacio Drive", "Luna Street", "Del Pilar Street",
  "Jupiter Street", "Kalayaan Avenue", "Aguinaldo Street", NULL
};

static const char * const berlin_first[] = {
  "Jonas", "Lena", "Felix", "Hannah", "Lukas", "Mia", "Paul", "Emilia", "Leon",
  "Clara", "Finn", "Sophie", "Noah", "Lea", "Elias", "Marie", "Julian", "Anna",
  "Moritz", "Greta", NULL
};
static const char * const berlin_last[] = {
  "Weber", "Schulz", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein",
  "Wolf", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann",
  "Hartmann", "Lange", "Schmitt", "Werner", "Krause", NULL
};
static const char * const berlin_streets[] = {
  "Bergstraße", "Kastanienallee", "Oranienstraße", "Schönhauser Allee", "Boxhagener Straße",
  "Weserstraße", "Kollwitzstraße", "Wrangelstraße", NULL
};

static const char * const buenos_aires_first[] = {
  "Lucía", "Martín", "Sofía", "Mateo", "Valentina", "Santiago", "Camila", "Joaquín",
  "Florencia", "Tomás", "Agustina", "Nicolás", "Julieta", "Facundo", "Micaela",
  "Ignacio", "Carolina", "Federico", "Rocío", "Gonzalo", NULL
};
static const char * const buenos_aires_last[] = {
  "Fernández", "González", "Rodríguez", "López", "Martínez", "Pérez", "Gómez",
  "Díaz", "Romero", "Sosa", "Álvarez", "Ruiz", "Benítez", "Acosta", "Medina",
  "Herrera", "Aguirre", "Giménez", "Molina", "Castro", NULL
};
static const char * const buenos_aires_streets[] = {
  "Av. Corrientes", "Av. Santa Fe", "Av. Rivadavia", "Av. Callao", "Calle Florida",
  "Av. Córdoba", "Calle Thames", "Av. Scalabrini Ortiz", NULL
};

static const Region regions[] = {
  { "Asia/Manila", "PH", "PHP", 35000, 60000, 2500,
    manila_first, manila_last, manila_streets, "%u %s\nMakati City %u", 1200, 1235,
    { "inbox-management", "appointment-scheduling", "data-entry" }, FALSE },
  { "Europe/Berlin", "DE", "EUR", 2800, 4500, 100,
    berlin_first, berlin_last, berlin_streets, "%2$s %1$u\n%3$05u Berlin", 10115, 14199,
    { "phone-calls", "bookkeeping-reconciliation", "file-storage" }, TRUE },
  { "America/Argentina/Buenos_Aires", "AR", "USD", 1200, 2500, 50,
    buenos_aires_first, buenos_aires_last, buenos_aires_streets,
    "%2$s %1$u\nC%3$04u Buenos Aires", 1001, 1440,
    { "social-media-posts", "blog-articles", "travel-arrangements" }, FALSE },
};

#define N_REGIONS G_N_ELEMENTS (regions)

/* Made-up content in the handbooks' language (the options'), not the
 * interface's: a German sample reads German throughout. */
typedef struct
{
  const char *en;
  const char *de;
} SampleText;

/* The scale-1 one-offs of each region's third kind of work, one per kind
 * (done, overdue, to come), so the Tasks page shows three jobs rather than
 * one title three times. */
static const SampleText one_off_titles[N_REGIONS][3] = {
  { { "Enter the supplier invoices", "Lieferantenrechnungen erfassen" },
    { "Update the customer list", "Kundenliste aktualisieren" },
    { "Type up the trade fair contacts", "Messekontakte abtippen" } },
  { { "Archive last year’s contracts", "Verträge des Vorjahres archivieren" },
    { "Tidy up the shared drive", "Gemeinsames Laufwerk aufräumen" },
    { "Scan the delivery notes", "Lieferscheine einscannen" } },
  { { "Book the trip to the coffee fair", "Reise zur Kaffeemesse buchen" },
    { "Plan the visit to the farm in Colombia", "Besuch auf der Finca in Kolumbien planen" },
    { "Book hotels for the sales tour", "Hotels für die Vertriebsreise buchen" } },
};

/* What assistants write on their hours; many leave it empty. */
static const SampleText entry_notes[] = {
  { "", "" },
  { "", "" },
  { "", "" },
  { "", "" },
  { "Cleared the backlog from the weekend", "Rückstand vom Wochenende abgearbeitet" },
  { "Waiting for the client’s reply on two points", "Warte bei zwei Punkten auf Antwort des Kunden" },
  { "Followed the checklist, nothing unusual", "Nach Checkliste, nichts Besonderes" },
  { "Took longer: many questions to clarify", "Hat länger gedauert: viele Rückfragen" },
  { "Notes are in the shared folder", "Notizen liegen im gemeinsamen Ordner" },
  { "Interrupted by a call, finished afterwards", "Durch einen Anruf unterbrochen, danach fertig gemacht" },
};

/* The starter library in a fixed order: the template list is sorted by
 * title in the user's collation, which must not change the sample. */
static const char * const template_ids[] = {
  "inbox-management", "appointment-scheduling", "data-entry",
  "phone-calls", "bookkeeping-reconciliation", "file-storage",
  "social-media-posts", "blog-articles", "travel-arrangements",
};

/* A one-off task and the days its hours may be logged on: from three weeks
 * before it is due to the day it was done, or to yesterday while it is
 * open. No hours before the job was set, none after it was finished. */
typedef struct
{
  gint64  id;
  guint32 first_day;             /* Julian day numbers */
  guint32 last_day;
} OneOff;

typedef struct
{
  gint64        id;
  const Region *region;
  GTimeZone    *zone;            /* owned by Sample */
  gint64        recurring[2];    /* the weekday task and the second one */
  GArray       *one_offs;        /* OneOff */
  guint         next_entry;      /* in Sample's entries: the first not approved */
  guint         end_entry;       /* in Sample's entries: after the last */
} Person;

typedef struct
{
  gint64  id;
  char   *title;
  int     version;
  const char *template_id;
} SampleHandbook;

typedef struct
{
  DgDatabase            *db;
  guint                  scale;
  const char            *language;
  GRand                 *rand;
  GDate                  today;
  GDate                  first_day;       /* Monday of the first week of hours */
  GDate                  current_monday;  /* Monday of today's week */
  GTimeZone             *zones[N_REGIONS];
  DgAssistantStore      *assistants;
  DgHandbookStore       *handbooks;
  DgTaskStore           *tasks;
  DgTimesheetStore      *timesheets;
  DgInvoiceStore        *invoices;
  GArray                *people;          /* Person */
  GArray                *sample_handbooks;  /* SampleHandbook */
  GPtrArray             *entries;         /* DgTimeEntry, by assistant and start */
} Sample;

static void
sample_clear (Sample *sample)
{
  for (guint i = 0; sample->people != NULL && i < sample->people->len; i++)
    g_clear_pointer (&g_array_index (sample->people, Person, i).one_offs, g_array_unref);
  for (guint i = 0; sample->sample_handbooks != NULL && i < sample->sample_handbooks->len; i++)
    g_clear_pointer (&g_array_index (sample->sample_handbooks, SampleHandbook, i).title, g_free);
  g_clear_pointer (&sample->people, g_array_unref);
  g_clear_pointer (&sample->sample_handbooks, g_array_unref);
  g_clear_pointer (&sample->entries, g_ptr_array_unref);
  for (guint i = 0; i < N_REGIONS; i++)
    g_clear_pointer (&sample->zones[i], g_time_zone_unref);
  g_clear_object (&sample->assistants);
  g_clear_object (&sample->handbooks);
  g_clear_object (&sample->tasks);
  g_clear_object (&sample->timesheets);
  g_clear_object (&sample->invoices);
  g_clear_pointer (&sample->rand, g_rand_free);
}

/* ---- small helpers ------------------------------------------------------- */

static const char *
sample_text (const Sample     *sample,
             const SampleText *text)
{
  return g_str_equal (sample->language, "de") ? text->de : text->en;
}

static guint
count_strv (const char * const *strv)
{
  guint n = 0;

  while (strv[n] != NULL)
    n++;
  return n;
}

static gint32
rand_range (Sample *sample,
            gint32  begin,
            gint32  end)
{
  return g_rand_int_range (sample->rand, begin, end);
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

static void
date_add_days (const GDate *from,
               int          days,
               GDate       *out)
{
  *out = *from;
  if (days >= 0)
    g_date_add_days (out, (guint) days);
  else
    g_date_subtract_days (out, (guint) -days);
}

/* Local @hour:@minute on @date in @zone. */
static GDateTime *
local_time (GTimeZone   *zone,
            const GDate *date,
            int          hour,
            int          minute)
{
  return g_date_time_new (zone, g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date), hour, minute, 0);
}

static char *
format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* The IBAN check digits for @country and @bban (ISO 13616: mod 97 of the
 * BBAN followed by the country's letters as numbers and "00"). */
static char *
make_iban (const char *country,
           const char *bban)
{
  g_autofree char *text = g_strconcat (bban, country, "00", NULL);
  guint remainder = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        remainder = (remainder * 10 + (guint) (*p - '0')) % 97;
      else
        remainder = (remainder * 100 + (guint) (g_ascii_toupper (*p) - 'A' + 10)) % 97;
    }

  return g_strdup_printf ("%s%02u%s", country, 98 - remainder, bban);
}

/* ---- the business -------------------------------------------------------- */

static gboolean
add_profile (Sample  *sample,
             GError **error)
{
  g_autoptr(DgBusinessProfile) profile = dg_business_profile_new ();
  g_autofree char *iban = make_iban ("DE", "200505501234567890");

  g_object_set (profile,
                "name", "Möller Kaffeerösterei GmbH",
                "address", "Speicherstraße 12\n20457 Hamburg\nGermany",
                "tax-number", "43/712/04519",
                "vat-id", "DE274915630",
                "iban", iban,
                "bic", "HASPDEHHXXX",
                "email", "buero@moeller-kaffee.example",
                "currency", "EUR",
                "payment-terms-days", 14,
                NULL);
  return dg_business_profile_save (profile, sample->db, error);
}

/* The name of the @index-th person of @region: every pair of first and
 * last name once, in an order the seed shuffles, then again with a middle
 * initial, so that thousands of assistants still have names of their own. */
static char *
make_name (const Region *region,
           guint         index,
           guint         offset)
{
  guint n_first = count_strv (region->first_names);
  guint n_last = count_strv (region->last_names);
  guint n_pairs = n_first * n_last;
  /* 7 is prime and does not divide the number of pairs (20 × 20), so
   * stepping by it visits every pair once before one comes again. */
  guint pair = (offset + index * 7) % n_pairs;
  guint round = index / n_pairs;
  const char *first = region->first_names[pair % n_first];
  const char *last = region->last_names[pair / n_first];

  g_assert (n_pairs % 7 != 0);
  if (round == 0)
    return g_strdup_printf ("%s %s", first, last);
  return g_strdup_printf ("%s %c. %s", first, 'A' + (round - 1) % 26, last);
}

static char *
make_email (const char *name,
            guint       index)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  g_autofree char *lower = g_ascii_strdown (ascii, -1);
  GString *local = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (local, *p);
      else if (local->len > 0 && local->str[local->len - 1] != '.')
        g_string_append_c (local, '.');
    }
  if (index > 0)
    g_string_append_printf (local, "%u", index);
  g_string_append (local, "@example.com");
  return g_string_free (local, FALSE);
}

static gboolean
add_assistant (Sample       *sample,
               guint         index,
               guint         name_offset,
               GError      **error)
{
  const Region *region = &regions[index % N_REGIONS];
  guint in_region = index / N_REGIONS;
  g_autoptr(DgAssistant) assistant = dg_assistant_new ();
  g_autofree char *name = make_name (region, in_region, name_offset);
  g_autofree char *email = make_email (name, in_region);
  g_autofree char *address = NULL;
  g_autofree char *self_billing = NULL;
  guint n_streets = count_strv (region->streets);
  gint64 rate;
  GDate agreement;
  Person person = { 0 };

  address = g_strdup_printf (region->address_format,
                             (guint) rand_range (sample, 1, 240),
                             region->streets[rand_range (sample, 0, (gint32) n_streets)],
                             (guint) rand_range (sample, (gint32) region->postcode_min,
                                                 (gint32) region->postcode_max + 1));
  rate = region->rate_min +
         region->rate_step * rand_range (sample, 0,
                                         (gint32) ((region->rate_max - region->rate_min) / region->rate_step) + 1);
  /* Signed before the first hours, so every invoice may be issued. */
  date_add_days (&sample->first_day, -rand_range (sample, 7, 60), &agreement);
  self_billing = format_date (&agreement);

  g_object_set (assistant,
                "name", name,
                "email", email,
                "time-zone", region->time_zone,
                "country", region->country,
                "address", address,
                "currency", region->currency,
                "hourly-rate", rate,
                "self-billing-date", self_billing,
                NULL);

  if (g_str_equal (region->country, "DE"))
    {
      g_autofree char *tax_number = g_strdup_printf ("%02d/%03d/%05d", rand_range (sample, 11, 38),
                                                     rand_range (sample, 100, 1000),
                                                     rand_range (sample, 0, 100000));
      g_autofree char *bban = g_strdup_printf ("10050000%010d", rand_range (sample, 100000, G_MAXINT32));
      g_autofree char *iban = make_iban ("DE", bban);

      g_object_set (assistant,
                    "tax-number", tax_number,
                    "iban", iban,
                    "bic", "BELADEBEXXX",
                    "invoice-language", "de",
                    NULL);
      /* Half of them charge VAT, the others use the small-business
       * exemption: the sample shows both kinds of German invoice. */
      if (in_region % 2 == 0)
        {
          g_autofree char *vat_id = g_strdup_printf ("DE%09d", rand_range (sample, 100000000, 999999999));

          g_object_set (assistant,
                        "tax-status", DG_TAX_STATUS_VAT,
                        "vat-rate", 1900,
                        "vat-id", vat_id,
                        NULL);
        }
      else
        g_object_set (assistant, "tax-status", DG_TAX_STATUS_SMALL_BUSINESS, NULL);
    }
  else
    g_object_set (assistant, "tax-status", DG_TAX_STATUS_OUTSIDE_SCOPE, NULL);

  if (!dg_assistant_store_add (sample->assistants, assistant, error))
    return FALSE;

  person.id = dg_assistant_get_id (assistant);
  person.region = region;
  person.zone = sample->zones[index % N_REGIONS];
  person.one_offs = g_array_new (FALSE, FALSE, sizeof (OneOff));
  g_array_append_val (sample->people, person);
  return TRUE;
}

static gboolean
add_assistants (Sample  *sample,
                GError **error)
{
  guint offsets[N_REGIONS];

  for (guint r = 0; r < N_REGIONS; r++)
    offsets[r] = (guint) rand_range (sample, 0, 400);

  for (guint i = 0; i < N_REGIONS * sample->scale; i++)
    if (!add_assistant (sample, i, offsets[i % N_REGIONS], error))
      return FALSE;
  return TRUE;
}

/* ---- handbooks ----------------------------------------------------------- */

static gboolean
add_handbook (Sample      *sample,
              const char  *template_id,
              guint        copy,
              GError     **error)
{
  g_autoptr(DgHandbook) handbook = NULL;
  SampleHandbook sample_handbook = { 0 };
  int version;

  handbook = dg_handbook_templates_instantiate (template_id, sample->language, error);
  if (handbook == NULL)
    return FALSE;

  /* Copies stand for the same kind of work for another client or team. */
  if (copy > 0)
    {
      g_autofree char *title = g_strdup_printf ("%s %u", dg_handbook_get_title (handbook), copy + 1);

      g_object_set (handbook, "title", title, NULL);
    }

  if (!dg_handbook_store_save (sample->handbooks, handbook, error))
    return FALSE;
  version = dg_handbook_store_publish (sample->handbooks, handbook, "", error);
  if (version == 0)
    return FALSE;

  sample_handbook.id = dg_handbook_get_id (handbook);
  sample_handbook.title = g_strdup (dg_handbook_get_title (handbook));
  sample_handbook.version = version;
  sample_handbook.template_id = template_id;
  g_array_append_val (sample->sample_handbooks, sample_handbook);
  return TRUE;
}

static gboolean
add_handbooks (Sample  *sample,
               GError **error)
{
  guint n_handbooks = sample->scale == 1 ? G_N_ELEMENTS (template_ids)
                                         : HANDBOOKS_PER_SCALE * sample->scale;

  for (guint i = 0; i < n_handbooks; i++)
    if (!add_handbook (sample, template_ids[i % G_N_ELEMENTS (template_ids)],
                       i / G_N_ELEMENTS (template_ids), error))
      return FALSE;
  return TRUE;
}

/* The first handbook made from @template_id. */
static const SampleHandbook *
find_handbook (Sample     *sample,
               const char *template_id)
{
  for (guint i = 0; i < sample->sample_handbooks->len; i++)
    {
      const SampleHandbook *handbook = &g_array_index (sample->sample_handbooks, SampleHandbook, i);

      if (g_str_equal (handbook->template_id, template_id))
        return handbook;
    }
  g_assert_not_reached ();
}

/* ---- tasks --------------------------------------------------------------- */

static DgTask *
new_task (const Person         *person,
          const SampleHandbook *handbook,
          const GDate          *due,
          const char           *rrule)
{
  g_autofree char *due_text = format_date (due);
  DgTask *task = dg_task_new (handbook->title);

  g_object_set (task,
                "assistant-id", person->id,
                "handbook-id", handbook->id,
                "due-date", due_text,
                "due-time", "09:00",
                "time-zone", person->region->time_zone,
                "rrule", rrule,
                NULL);
  return task;
}

/* Whether @person's second recurring task falls on @day. */
static gboolean
is_second_task_day (const Person *person,
                    const GDate  *day)
{
  if (person->region->monthly)
    return g_date_get_weekday (day) == G_DATE_MONDAY && g_date_get_day (day) <= 7;
  return g_date_get_weekday (day) == G_DATE_FRIDAY;
}

static gboolean
add_recurring_tasks (Sample  *sample,
                     Person  *person,
                     GError **error)
{
  const char *second_rule = person->region->monthly ? "FREQ=MONTHLY;BYDAY=1MO" : "FREQ=WEEKLY;BYDAY=FR";

  for (guint i = 0; i < 2; i++)
    {
      const SampleHandbook *handbook = find_handbook (sample, person->region->handbooks[i]);
      g_autoptr(DgTask) task = NULL;
      GDate due = sample->first_day;

      /* A rule's first date must be one of its dates. */
      while (i == 1 && !is_second_task_day (person, &due))
        g_date_add_days (&due, 1);
      task = new_task (person, handbook, &due, i == 0 ? "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR" : second_rule);
      g_object_set (task, "estimate-minutes", i == 0 ? 120 : 90, NULL);
      if (!dg_task_store_add (sample->tasks, task, error))
        return FALSE;
      person->recurring[i] = dg_task_get_id (task);
      if (!dg_handbook_store_acknowledge (sample->handbooks, handbook->id, person->id,
                                          handbook->version, dg_task_get_due_date (task), error))
        return FALSE;
    }
  return TRUE;
}

typedef enum
{
  ONE_OFF_DONE,
  ONE_OFF_OVERDUE,
  ONE_OFF_UPCOMING,
} OneOffKind;

/* A day for a one-off of @kind, counted from today. */
static void
one_off_due_date (Sample     *sample,
                  OneOffKind  kind,
                  GDate      *due)
{
  int offset;

  switch (kind)
    {
    case ONE_OFF_DONE:
      offset = -rand_range (sample, 8, 45);
      break;
    case ONE_OFF_OVERDUE:
      offset = -rand_range (sample, 1, 6);
      break;
    case ONE_OFF_UPCOMING:
    default:
      offset = rand_range (sample, 1, 21);
      break;
    }
  date_add_days (&sample->today, offset, due);
}

static gboolean
add_one_off_task (Sample                *sample,
                  Person                *person,
                  const SampleHandbook  *handbook,
                  const char            *title,
                  OneOffKind             kind,
                  const GDate           *due_date,
                  gint64                 fixed_fee,
                  GArray                *progress,
                  GPtrArray             *completed_texts,
                  GError               **error)
{
  g_autoptr(DgTask) task = NULL;
  OneOff one_off;
  GDate due = *due_date;
  GDate window_start;
  GDate yesterday;

  task = new_task (person, handbook, &due, "");
  if (title != NULL)
    g_object_set (task, "title", title, NULL);
  g_object_set (task,
                "estimate-minutes", 30 * rand_range (sample, 1, 9),
                "priority", kind == ONE_OFF_OVERDUE ? DG_TASK_PRIORITY_HIGH : DG_TASK_PRIORITY_NONE,
                NULL);
  if (fixed_fee > 0)
    g_object_set (task, "billing", DG_TASK_BILLING_FIXED_FEE, "billing-amount", fixed_fee, NULL);
  if (!dg_task_store_add (sample->tasks, task, error))
    return FALSE;

  date_add_days (&due, -ONE_OFF_LEAD_DAYS, &window_start);
  date_add_days (&sample->today, -1, &yesterday);
  one_off.id = dg_task_get_id (task);
  one_off.first_day = g_date_get_julian (&window_start);
  one_off.last_day = kind == ONE_OFF_DONE ? g_date_get_julian (&due) : g_date_get_julian (&yesterday);
  g_array_append_val (person->one_offs, one_off);

  if (kind == ONE_OFF_DONE)
    {
      /* Done on the day it was due, after the day's last hours (which end
       * by 18:30 local), so no hours come after the job was finished. */
      g_autoptr(GDateTime) done_at = local_time (person->zone, &due, 19, 0);
      char *completed_at = format_utc (done_at);
      DgTaskProgress change = { one_off.id, NULL, DG_TASK_STATUS_DONE, 100, completed_at };

      g_ptr_array_add (completed_texts, completed_at);
      g_array_append_val (progress, change);
    }
  return TRUE;
}

/* The past occurrences of @person's recurring tasks: done (three hours
 * after they were due), now and then skipped, and the last one or two of the weekday
 * task still open, so the Tasks page has something overdue. */
static gboolean
add_occurrence_progress (Sample     *sample,
                         Person     *person,
                         GArray     *progress,
                         GPtrArray  *texts,
                         GError    **error)
{
  g_autoptr(GDateTime) from = local_time (person->zone, &sample->first_day, 0, 0);
  g_autoptr(GDateTime) to = local_time (person->zone, &sample->today, 0, 0);
  g_autoptr(GPtrArray) occurrences = NULL;
  guint n_open = (guint) rand_range (sample, 1, 3);
  guint n_weekday_seen = 0;

  occurrences = dg_task_store_list_occurrences (sample->tasks, from, to, person->id, error);
  if (occurrences == NULL)
    return FALSE;

  for (guint i = occurrences->len; i > 0; i--)
    {
      DgTaskOccurrence *occurrence = g_ptr_array_index (occurrences, i - 1);
      DgTask *task = dg_task_occurrence_get_task (occurrence);
      const char *recurrence_id = dg_task_occurrence_get_recurrence_id (occurrence);
      DgTaskProgress change = { dg_task_get_id (task), NULL, DG_TASK_STATUS_DONE, 100, NULL };
      g_autoptr(GDateTime) done_at = NULL;

      if (recurrence_id == NULL || recurrence_id[0] == '\0')
        continue;
      if (dg_task_get_id (task) == person->recurring[0] && n_weekday_seen++ < n_open)
        continue;

      change.recurrence_id = recurrence_id;
      if (rand_range (sample, 0, 20) == 0)
        {
          change.status = DG_TASK_STATUS_SKIPPED;
          change.percent_complete = 0;
          change.completed_at = "";
        }
      else
        {
          char *completed_at;

          done_at = g_date_time_add_hours (dg_task_occurrence_get_due (occurrence), 3);
          completed_at = format_utc (done_at);
          g_ptr_array_add (texts, completed_at);
          change.completed_at = completed_at;
        }
      g_array_append_val (progress, change);
    }

  /* The strings the changes point to are kept in @texts; the occurrences
   * own the recurrence ids, so the changes are applied before they go. */
  if (progress->len > 0 &&
      !dg_task_store_set_progress (sample->tasks, (const DgTaskProgress *) progress->data,
                                   progress->len, error))
    return FALSE;
  g_array_set_size (progress, 0);
  g_ptr_array_set_size (texts, 0);
  return TRUE;
}

/* The larger samples' one-offs: one every other week over the weeks of
 * hours and a few weeks beyond, each following a handbook of the library.
 * Those due more than a week ago are done, the others of the past week
 * overdue, the rest to come. */
static gboolean
add_one_off_tasks_large (Sample     *sample,
                         Person     *person,
                         GArray     *progress,
                         GPtrArray  *texts,
                         GError    **error)
{
  GDate overdue_from;
  GDate monday;

  date_add_days (&sample->today, -7, &overdue_from);
  for (monday = sample->first_day;
       g_date_days_between (&sample->current_monday, &monday) <= 7 * UPCOMING_WEEKS;
       g_date_add_days (&monday, 7 * ONE_OFF_EVERY_WEEKS))
    {
      const SampleHandbook *handbook =
        &g_array_index (sample->sample_handbooks, SampleHandbook,
                        rand_range (sample, 0, (gint32) sample->sample_handbooks->len));
      OneOffKind kind;
      GDate due;

      /* A weekday of one of the weeks. */
      date_add_days (&monday, 7 * rand_range (sample, 0, ONE_OFF_EVERY_WEEKS) + rand_range (sample, 0, 5), &due);
      if (g_date_compare (&due, &overdue_from) < 0)
        kind = ONE_OFF_DONE;
      else if (g_date_compare (&due, &sample->today) < 0)
        kind = ONE_OFF_OVERDUE;
      else
        kind = ONE_OFF_UPCOMING;
      if (!add_one_off_task (sample, person, handbook, NULL, kind, &due, 0, progress, texts, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_tasks (Sample  *sample,
           GError **error)
{
  g_autoptr(GArray) progress = g_array_new (FALSE, FALSE, sizeof (DgTaskProgress));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint p = 0; p < sample->people->len; p++)
    {
      Person *person = &g_array_index (sample->people, Person, p);
      const SampleHandbook *third = find_handbook (sample, person->region->handbooks[2]);

      if (!add_recurring_tasks (sample, person, error))
        return FALSE;

      if (sample->scale == 1)
        {
          /* One of each kind, and a fixed fee for the first assistant so
           * an invoice bills a finished job as well as hours. */
          for (OneOffKind kind = ONE_OFF_DONE; kind <= ONE_OFF_UPCOMING; kind++)
            {
              const char *title = sample_text (sample, &one_off_titles[person->region - regions][kind]);
              gint64 fixed_fee = p == 0 && kind == ONE_OFF_DONE ? 250000 : 0;
              GDate due;

              one_off_due_date (sample, kind, &due);
              if (!add_one_off_task (sample, person, third, title, kind, &due, fixed_fee,
                                     progress, texts, error))
                return FALSE;
            }
        }
      else if (!add_one_off_tasks_large (sample, person, progress, texts, error))
        return FALSE;

      if (!add_occurrence_progress (sample, person, progress, texts, error))
        return FALSE;
    }
  return TRUE;
}

/* ---- hours --------------------------------------------------------------- */

static DgTimeEntry *
new_entry (Sample      *sample,
           Person      *person,
           const GDate *day,
           int          hour,
           int          minute,
           gint64       task_id,
           int          minutes)
{
  g_autoptr(GDateTime) start = local_time (person->zone, day, hour, minute);
  const SampleText *note = &entry_notes[rand_range (sample, 0, G_N_ELEMENTS (entry_notes))];
  DgTimeEntry *entry = dg_time_entry_new ();

  dg_time_entry_set_assistant_id (entry, person->id);
  dg_time_entry_set_task_id (entry, task_id);
  dg_time_entry_set_time_zone (entry, person->region->time_zone);
  dg_time_entry_set_start (entry, start);
  dg_time_entry_set_minutes (entry, minutes);
  dg_time_entry_set_note (entry, sample_text (sample, note));
  return entry;
}

/* One of @person's one-off tasks whose working days include @day, or 0 if
 * none does. */
static gint64
pick_one_off (Sample      *sample,
              Person      *person,
              const GDate *day)
{
  guint32 julian = g_date_get_julian (day);
  guint n_open = 0;
  guint chosen;

  for (guint i = 0; i < person->one_offs->len; i++)
    {
      const OneOff *one_off = &g_array_index (person->one_offs, OneOff, i);

      if (one_off->first_day <= julian && julian <= one_off->last_day)
        n_open++;
    }
  if (n_open == 0)
    return 0;

  chosen = (guint) rand_range (sample, 0, (gint32) n_open);
  for (guint i = 0; i < person->one_offs->len; i++)
    {
      const OneOff *one_off = &g_array_index (person->one_offs, OneOff, i);

      if (one_off->first_day <= julian && julian <= one_off->last_day && chosen-- == 0)
        return one_off->id;
    }
  g_assert_not_reached ();
}

/* Every weekday before today: the morning on the weekday task, on the days
 * of the second recurring task that one too, and now and then an hour or
 * two on a one-off task. */
static gboolean
add_hours (Sample  *sample,
           GError **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GDate day;

  for (guint p = 0; p < sample->people->len; p++)
    {
      Person *person = &g_array_index (sample->people, Person, p);

      person->next_entry = entries->len;

      for (day = sample->first_day; g_date_compare (&day, &sample->today) < 0; g_date_add_days (&day, 1))
        {
          GDateWeekday weekday = g_date_get_weekday (&day);
          int hour = rand_range (sample, 8, 11);
          int minutes = 15 * rand_range (sample, 8, 21);

          if (weekday == G_DATE_SATURDAY || weekday == G_DATE_SUNDAY)
            continue;

          g_ptr_array_add (entries, new_entry (sample, person, &day, hour, 15 * rand_range (sample, 0, 4),
                                               person->recurring[0], minutes));
          hour += minutes / 60 + 1;
          if (is_second_task_day (person, &day))
            {
              g_ptr_array_add (entries, new_entry (sample, person, &day, hour, 0,
                                                   person->recurring[1], 15 * rand_range (sample, 2, 7)));
            }
          else if (rand_range (sample, 0, 3) == 0)
            {
              gint64 task_id = pick_one_off (sample, person, &day);

              if (task_id != 0)
                g_ptr_array_add (entries, new_entry (sample, person, &day, hour, 30, task_id,
                                                     15 * rand_range (sample, 2, 9)));
            }
        }
      person->end_entry = entries->len;
    }

  if (!dg_timesheet_store_add_entries (sample->timesheets, entries, NULL, NULL, error))
    return FALSE;
  sample->entries = g_steal_pointer (&entries);
  return TRUE;
}

/* Approves @person's hours up to @until (YYYY-MM-DD) that are not yet. One
 * assistant's at a time, right before their invoice: issuing looks through
 * every approved entry of every assistant, so approving everybody's two
 * years first made the large samples several times slower. */
static gboolean
approve_entries_until (Sample      *sample,
                       Person      *person,
                       const char  *until,
                       GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (; person->next_entry < person->end_entry; person->next_entry++)
    {
      DgTimeEntry *entry = g_ptr_array_index (sample->entries, person->next_entry);
      gint64 id = dg_time_entry_get_id (entry);

      if (strcmp (dg_time_entry_get_local_date (entry), until) > 0)
        break;
      g_array_append_val (ids, id);
    }

  return ids->len == 0 ||
         dg_timesheet_store_approve_entries (sample->timesheets, (const gint64 *) ids->data,
                                             ids->len, error);
}

/* One of the first assistant's entries of last Tuesday was entered twice:
 * the owner rejected it, and the rest of the week waits. */
static gboolean
reject_entry (Sample  *sample,
              GError **error)
{
  GPtrArray *entries = sample->entries;
  g_autofree char *tuesday_text = NULL;
  GDate tuesday;

  date_add_days (&sample->current_monday, -6, &tuesday);
  tuesday_text = format_date (&tuesday);

  for (guint i = 0; i < entries->len; i++)
    {
      DgTimeEntry *entry = g_ptr_array_index (entries, i);
      gint64 id = dg_time_entry_get_id (entry);

      if (dg_time_entry_get_assistant_id (entry) == g_array_index (sample->people, Person, 0).id &&
          g_str_equal (dg_time_entry_get_local_date (entry), tuesday_text))
        return dg_timesheet_store_reject_entries (sample->timesheets, &id, 1,
                                                  _("These hours are in the timesheet twice. Please delete one of the entries."),
                                                  error);
    }
  return TRUE;
}

/* ---- invoices ------------------------------------------------------------ */

static gboolean
pay_invoice (Sample     *sample,
             DgInvoice  *invoice,
             const GDate *issue_date,
             GError    **error)
{
  GDate paid;

  date_add_days (issue_date, rand_range (sample, 1, 12), &paid);
  if (g_date_compare (&paid, &sample->today) > 0)
    paid = sample->today;
  return dg_invoice_store_mark_paid (sample->invoices, dg_invoice_get_id (invoice), &paid,
                                     dg_invoice_get_total (invoice).minor, error);
}

/* A monthly invoice to every assistant for each month that ended before the
 * approved weeks, issued three days after the month (so numbers follow the
 * dates) and paid within days; of the latest month every third assistant
 * has not been paid yet. Hours are approved month by month before their
 * invoices, as an owner does, up to the week before last; the first
 * assistant's approved hours since the last invoice wait in a draft. */
static gboolean
add_invoices (Sample  *sample,
              GError **error)
{
  g_autofree char *month_end_text = NULL;
  GDate approved_from;
  GDate month;

  date_add_days (&sample->current_monday, -14, &approved_from);
  _dg_invoice_store_set_today (sample->invoices, &sample->today);

  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&sample->first_day), g_date_get_year (&sample->first_day));

  for (;;)
    {
      GDate month_end = month;
      GDate next_month;
      GDate issue_date;
      gboolean latest;

      g_date_add_months (&month_end, 1);
      next_month = month_end;
      g_date_subtract_days (&month_end, 1);
      if (g_date_compare (&month_end, &approved_from) >= 0)
        break;

      {
        GDate next_end = next_month;

        g_date_add_months (&next_end, 1);
        g_date_subtract_days (&next_end, 1);
        latest = g_date_compare (&next_end, &approved_from) >= 0;
      }
      date_add_days (&month_end, 3, &issue_date);
      g_free (month_end_text);
      month_end_text = format_date (&month_end);

      for (guint p = 0; p < sample->people->len; p++)
        {
          Person *person = &g_array_index (sample->people, Person, p);
          g_autoptr(DgInvoice) draft = NULL;
          g_autoptr(DgInvoice) issued = NULL;
          g_autoptr(GError) local_error = NULL;

          if (!approve_entries_until (sample, person, month_end_text, error))
            return FALSE;
          draft = dg_invoice_store_create_draft (sample->invoices, person->id, &month, &month_end,
                                                 DG_INVOICE_GROUPING_BY_TASK, &local_error);
          if (draft == NULL)
            {
              if (g_error_matches (local_error, DG_INVOICE_ERROR, DG_INVOICE_ERROR_NOTHING_TO_INVOICE))
                continue;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          issued = dg_invoice_store_issue (sample->invoices, dg_invoice_get_id (draft), &issue_date, error);
          if (issued == NULL)
            return FALSE;
          if (latest && p % N_REGIONS == N_REGIONS - 1)
            continue;
          if (!pay_invoice (sample, issued, &issue_date, error))
            return FALSE;
        }

      month = next_month;
    }

  {
    g_autoptr(DgInvoice) draft = NULL;
    g_autofree char *approved_until_text = NULL;
    GDate approved_until;

    date_add_days (&sample->current_monday, -8, &approved_until);
    approved_until_text = format_date (&approved_until);
    for (guint p = 0; p < sample->people->len; p++)
      if (!approve_entries_until (sample, &g_array_index (sample->people, Person, p),
                                  approved_until_text, error))
        return FALSE;
    draft = dg_invoice_store_create_draft (sample->invoices, g_array_index (sample->people, Person, 0).id,
                                           &month, &approved_until, DG_INVOICE_GROUPING_BY_TASK, error);
    return draft != NULL;
  }
}

/* ---- the whole sample ---------------------------------------------------- */

static const char has_records_sql[] =
  "SELECT EXISTS (SELECT 1 FROM assistants) OR EXISTS (SELECT 1 FROM handbooks)"
  " OR EXISTS (SELECT 1 FROM tasks) OR EXISTS (SELECT 1 FROM time_entries)"
  " OR EXISTS (SELECT 1 FROM invoices)";

/* The business profile is one row that always exists, with the schema's
 * defaults until it is first saved: it was saved when any column differs
 * from its default. Built from the schema, so a column added later counts
 * too (number patterns, payment terms, week start, …). */
static const char profile_defaults_sql[] =
  "SELECT group_concat (printf ('\"%w\" IS %s', name, coalesce (dflt_value, 'NULL')), ' AND ')"
  " FROM pragma_table_info ('business_profile') WHERE pk = 0";

static gboolean
query_flag (DgDatabase    *db,
            sqlite3_stmt  *stmt,
            gboolean      *out_flag,
            GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      dg_database_propagate_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out_flag = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return TRUE;
}

/* Whether the profile row holds anything but the defaults. */
static gboolean
profile_was_saved (DgDatabase  *db,
                   gboolean    *out_saved,
                   GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  sqlite3_stmt *check = NULL;
  gboolean ok;

  stmt = dg_database_prepare (db, profile_defaults_sql, error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      dg_database_propagate_error (db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM business_profile WHERE NOT (%s))",
                         (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  /* Not through dg_database_prepare(), which caches by the address of a
   * static string; this one is made here and finalized after use. */
  if (sqlite3_prepare_v2 (sqlite3_db_handle (stmt), sql, -1, &check, NULL) != SQLITE_OK)
    {
      dg_database_propagate_error (db, error);
      return FALSE;
    }
  ok = query_flag (db, check, out_saved, error);
  sqlite3_finalize (check);
  return ok;
}

gboolean
dg_sample_database_is_empty (DgDatabase  *db,
                             GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean has_records;
  gboolean profile_saved;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = dg_database_prepare (db, has_records_sql, error);
  if (stmt == NULL || !query_flag (db, stmt, &has_records, error))
    return FALSE;
  if (has_records)
    return FALSE;
  if (!profile_was_saved (db, &profile_saved, error))
    return FALSE;
  return !profile_saved;
}

static gboolean
create_in_transaction (DgDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  Sample *sample = user_data;
  g_autoptr(GError) local_error = NULL;

  /* Checked inside the transaction, so nothing can slip in between. */
  if (!dg_sample_database_is_empty (db, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_NOT_EMPTY,
                     _("The database “%s” already holds data. The sample business is only "
                       "written into a new, empty database; choose another file."),
                     dg_database_get_path (db));
      return FALSE;
    }

  sample->assistants = dg_assistant_store_new (db, error);
  if (sample->assistants == NULL)
    return FALSE;
  sample->handbooks = dg_handbook_store_new (db, error);
  if (sample->handbooks == NULL)
    return FALSE;
  sample->tasks = dg_task_store_new (db, error);
  if (sample->tasks == NULL)
    return FALSE;
  sample->timesheets = dg_timesheet_store_new (db);
  sample->invoices = dg_invoice_store_new (db);

  return add_profile (sample, error) &&
         add_assistants (sample, error) &&
         add_handbooks (sample, error) &&
         add_tasks (sample, error) &&
         add_hours (sample, error) &&
         add_invoices (sample, error) &&
         reject_entry (sample, error);
}

void
dg_sample_options_init (DgSampleOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->scale = 1;
  options->seed = DEFAULT_SEED;
}

gboolean
dg_sample_create (DgDatabase             *db,
                  const DgSampleOptions  *options,
                  GError                **error)
{
  Sample sample = { 0 };
  gboolean ok;

  g_return_val_if_fail (DG_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->today == NULL || g_date_valid (options->today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options->scale < 1 || options->scale > DG_SAMPLE_SCALE_MAX)
    {
      g_set_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_INVALID,
                   _("The scale %u is out of range. Choose a scale from 1 to %u."),
                   options->scale, (guint) DG_SAMPLE_SCALE_MAX);
      return FALSE;
    }

  sample.db = db;
  sample.scale = options->scale;
  sample.language = options->language != NULL ? options->language
                                              : dg_handbook_templates_default_language ();
  sample.rand = g_rand_new_with_seed (options->seed);
  g_date_clear (&sample.today, 1);
  if (options->today != NULL)
    sample.today = *options->today;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&sample.today, (GDateDay) g_date_time_get_day_of_month (now),
                      (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
    }
  date_add_days (&sample.today, -(int) (g_date_get_weekday (&sample.today) - G_DATE_MONDAY),
                 &sample.current_monday);
  date_add_days (&sample.current_monday,
                 -7 * (sample.scale == 1 ? SMALL_WEEKS - 1 : LARGE_WEEKS - 1),
                 &sample.first_day);
  for (guint i = 0; i < N_REGIONS; i++)
    {
      sample.zones[i] = g_time_zone_new_identifier (regions[i].time_zone);
      /* NULL where the system has no time zone data (a minimal container
       * without tzdata): every local time of the sample needs them. */
      if (sample.zones[i] == NULL)
        {
          g_set_error (error, DG_SAMPLE_ERROR, DG_SAMPLE_ERROR_NO_TIME_ZONE,
                       _("The time zone “%s” is not known on this system, so the sample "
                         "business cannot be written. Install the time zone data (the "
                         "tzdata package) and try again."),
                       regions[i].time_zone);
          sample_clear (&sample);
          return FALSE;
        }
    }
  sample.people = g_array_new (FALSE, TRUE, sizeof (Person));
  sample.sample_handbooks = g_array_new (FALSE, TRUE, sizeof (SampleHandbook));

  ok = dg_database_transaction (db, create_in_transaction, &sample, error);
  sample_clear (&sample);
  return ok;
}

char *
dg_sample_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "delegate", "sample.db", NULL);
}
