/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-time-import-dialog"

#include <glib/gi18n.h>

#include "dg-duration.h"
#include "dg-time-import.h"
#include "dg-time-import-dialog-private.h"
#include "dg-window.h"

/* ---- one line of the preview ---------------------------------------------- */

/* A row of the import's preview, for the list model. It keeps the import's
 * array of rows alive; the dialog empties the list before it prepares
 * again, so a row never outlives the preparation it comes from. */
#define DG_TYPE_IMPORT_ROW_ITEM (dg_import_row_item_get_type ())
G_DECLARE_FINAL_TYPE (DgImportRowItem, dg_import_row_item, DG, IMPORT_ROW_ITEM, GObject)

struct _DgImportRowItem
{
  GObject                parent_instance;

  GPtrArray             *rows;
  const DgTimeImportRow *row;
};

G_DEFINE_FINAL_TYPE (DgImportRowItem, dg_import_row_item, G_TYPE_OBJECT)

static void
dg_import_row_item_finalize (GObject *object)
{
  DgImportRowItem *self = DG_IMPORT_ROW_ITEM (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (dg_import_row_item_parent_class)->finalize (object);
}

static void
dg_import_row_item_class_init (DgImportRowItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dg_import_row_item_finalize;
}

static void
dg_import_row_item_init (DgImportRowItem *self)
{
}

static DgImportRowItem *
dg_import_row_item_new (GPtrArray *rows,
                        guint      index)
{
  DgImportRowItem *self = g_object_new (DG_TYPE_IMPORT_ROW_ITEM, NULL);

  self->rows = g_ptr_array_ref (rows);
  self->row = g_ptr_array_index (rows, index);
  return self;
}

/* ---- the dialog ----------------------------------------------------------- */

typedef enum
{
  COLUMN_LINE,
  COLUMN_KIND,
  COLUMN_DATE,
  COLUMN_DURATION,
  COLUMN_ASSISTANT,
  COLUMN_TASK,
  COLUMN_NOTE,
  COLUMN_REASON,
  N_COLUMNS
} Column;

static const char *const column_names[N_COLUMNS] = {
  "import_cell_line",
  "import_cell_kind",
  "import_cell_date",
  "import_cell_duration",
  "import_cell_assistant",
  "import_cell_task",
  "import_cell_note",
  "import_cell_reason",
};

struct _DgTimeImportDialog
{
  AdwWindow            parent_instance;

  DgTimesheetStore    *store;
  DgAssistantStore    *assistants;
  GFile               *file;
  DgTimeImport        *import;
  GListModel          *active_assistants;
  GListStore          *rows;
  AdwComboRow         *column_rows[DG_TIME_COLUMN_COUNT];
  gboolean             preparing;
  gboolean             prepared_once;
  gboolean             ask_date_order;  /* the file's dates read either way */
  guint                close_id;

  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  GtkButton           *preview_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwClamp            *assistant_clamp;
  AdwComboRow         *assistant_row;
  AdwComboRow         *slash_order_row;
  GtkStack            *stack;
  AdwStatusPage       *failed_page;
  AdwPreferencesGroup *columns_group;
  AdwComboRow         *date_order_row;
  GtkLabel            *summary_label;
  GtkButton           *columns_button;
  GtkColumnView       *row_view;
};

G_DEFINE_FINAL_TYPE (DgTimeImportDialog, dg_time_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ASSISTANTS,
  PROP_FILE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];
static GFile *test_file;

static void
show_error (DgTimeImportDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static const char *
kind_label (DgTimeImportRowKind kind)
{
  switch (kind)
    {
    case DG_TIME_IMPORT_ROW_ADD:
      /* Translators: what the import does with a line of the file */
      return _("To Add");
    case DG_TIME_IMPORT_ROW_DUPLICATE:
      /* Translators: what the import does with a line of the file */
      return _("Imported Before");
    case DG_TIME_IMPORT_ROW_IGNORED:
      /* Translators: what the import does with a line of the file */
      return _("Ignored");
    case DG_TIME_IMPORT_ROW_BAD:
      /* Translators: what the import does with a line of the file */
      return _("Error");
    default:
      g_assert_not_reached ();
    }
}

/* ---- the list of rows ----------------------------------------------------- */

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, column_names[column]);
  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_LINE || column == COLUMN_DURATION ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_LINE || column == COLUMN_DURATION)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static char *
cell_text (const DgTimeImportRow *row,
           Column                 column)
{
  DgTimeEntry *entry = row->entry;

  switch (column)
    {
    case COLUMN_LINE:
      return g_strdup_printf ("%u", row->line);
    case COLUMN_KIND:
      return g_strdup (kind_label (row->kind));
    case COLUMN_DATE:
      if (entry != NULL)
        {
          g_autoptr(GDateTime) start = dg_time_entry_dup_local_start (entry);

          /* Translators: when an imported entry began, in the assistant's
           * zone, "Mon 2 Mar 2026, 09:00"; see g_date_time_format() */
          return start != NULL ? g_date_time_format (start, _("%a %-d %b %Y, %H:%M")) : g_strdup ("");
        }
      return g_strdup ("");
    case COLUMN_DURATION:
      return entry != NULL ? dg_duration_format_minutes (dg_time_entry_get_minutes (entry)) : g_strdup ("");
    case COLUMN_ASSISTANT:
      return g_strdup (entry != NULL ? dg_time_entry_get_assistant_name (entry) : "");
    case COLUMN_TASK:
      return g_strdup (entry != NULL ? dg_time_entry_get_task_title (entry) : "");
    case COLUMN_NOTE:
      /* A line that gives no entry shows what the file has there, to find
       * it by. */
      return g_strdup (entry != NULL ? dg_time_entry_get_note (entry) : row->text);
    case COLUMN_REASON:
      return g_strdup (row->reason);
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  DgImportRowItem *row_item = gtk_list_item_get_item (item);
  const DgTimeImportRow *row = row_item->row;
  g_autofree char *text = cell_text (row, column);
  gboolean bad = row->kind == DG_TIME_IMPORT_ROW_BAD;
  gboolean dim = row->kind == DG_TIME_IMPORT_ROW_DUPLICATE || row->kind == DG_TIME_IMPORT_ROW_IGNORED ||
                 (column == COLUMN_NOTE && row->entry == NULL);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  /* Long notes and reasons are cut in the list: the tooltip has all. */
  gtk_widget_set_tooltip_text (label, text != NULL && *text != '\0' ? text : NULL);
  if (bad && (column == COLUMN_KIND || column == COLUMN_REASON || column == COLUMN_LINE))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (dim && !bad)
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
  if (bad && column == COLUMN_KIND)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static void
add_column (DgTimeImportDialog *self,
            Column              column,
            const char         *title,
            int                 fixed_width,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->row_view, view_column);
  g_object_unref (view_column);
}

static void
set_up_row_view (DgTimeImportDialog *self)
{
  GtkNoSelection *selection;

  self->rows = g_list_store_new (DG_TYPE_IMPORT_ROW_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->row_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* Translators: a column of the import preview: the line of the file */
  add_column (self, COLUMN_LINE, C_("import column", "Line"), 56, FALSE);
  add_column (self, COLUMN_KIND, C_("import column", "Status"), 120, FALSE);
  add_column (self, COLUMN_DATE, C_("import column", "Start"), 170, FALSE);
  add_column (self, COLUMN_DURATION, C_("import column", "Duration"), 76, FALSE);
  add_column (self, COLUMN_ASSISTANT, C_("import column", "Assistant"), 130, FALSE);
  add_column (self, COLUMN_TASK, C_("import column", "Task"), 130, FALSE);
  add_column (self, COLUMN_NOTE, C_("import column", "Note"), 160, TRUE);
  /* Wide: for a bad line it is what the owner has to read. */
  add_column (self, COLUMN_REASON, C_("import column", "Reason"), 280, TRUE);
}

static void
fill_rows (DgTimeImportDialog *self)
{
  GPtrArray *rows = dg_time_import_get_rows (self->import);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (rows->len, g_object_unref);

  /* The bad lines first: in a file of thousands of lines they are what
   * the owner has to find. Then every other line in file order. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < rows->len; i++)
      {
        const DgTimeImportRow *row = g_ptr_array_index (rows, i);

        if ((row->kind == DG_TIME_IMPORT_ROW_BAD) == (pass == 0))
          g_ptr_array_add (items, dg_import_row_item_new (rows, i));
      }
  /* All at once: a file may have thousands of lines. */
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
}

/* ---- the mapping step ----------------------------------------------------- */

static void
set_up_mapping (DgTimeImportDialog *self)
{
  const char * const *header = dg_time_import_get_header (self->import);
  DgTimeColumnMapping guess;

  if (self->column_rows[0] != NULL || header == NULL)
    return;

  dg_time_column_mapping_guess (header, &guess);
  for (guint c = 0; c < DG_TIME_COLUMN_COUNT; c++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *name = g_strdup_printf ("import_column_%u", c);
      guint i = 0;

      /* Translators: a column of the file is not used for this field */
      gtk_string_list_append (choices, _("(none)"));
      for (const char * const *column = header; *column != NULL; column++, i++)
        {
          g_autofree char *unnamed = NULL;

          if (**column != '\0')
            {
              gtk_string_list_append (choices, *column);
              continue;
            }
          /* Translators: a column of a CSV file without a name in its header */
          unnamed = g_strdup_printf (_("Column %u"), i + 1);
          gtk_string_list_append (choices, unnamed);
        }

      gtk_widget_set_name (row, name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dg_time_column_get_label (c));
      if (c == DG_TIME_COLUMN_DATE)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Needed"));
      else if (c == DG_TIME_COLUMN_DURATION)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Needed unless the start and end times are chosen"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), guess.columns[c] >= 0 ? (guint) guess.columns[c] + 1 : 0);
      adw_preferences_group_add (self->columns_group, row);
      self->column_rows[c] = ADW_COMBO_ROW (row);
    }
  adw_combo_row_set_selected (self->date_order_row, guess.date_order);
}

static void
show_page (DgTimeImportDialog *self,
           const char         *page)
{
  gboolean preview = g_str_equal (page, "preview");
  gboolean mapping = g_str_equal (page, "mapping");

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), preview);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_button), mapping);
  gtk_widget_set_visible (GTK_WIDGET (self->assistant_clamp), preview || mapping);
  /* The mapping step has its own date order. */
  gtk_widget_set_visible (GTK_WIDGET (self->slash_order_row), preview && self->ask_date_order);
  if (preview)
    {
      gboolean can_apply = dg_time_import_can_apply (self->import);

      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), can_apply);
      /* With nothing to import, Enter should not seem to do something. */
      gtk_window_set_default_widget (GTK_WINDOW (self), can_apply ? GTK_WIDGET (self->import_button) : NULL);
    }
  else if (mapping)
    {
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->preview_button));
    }
  else
    {
      gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
    }
}

/* A file whose entries all name one assistant (an export of that
 * assistant's tracker) shows them as its assistant rather than whoever
 * comes first; the preview stays the same, as no line went to the other. */
static void
select_named_assistant (DgTimeImportDialog *self)
{
  GPtrArray *rows = dg_time_import_get_rows (self->import);
  DgAssistant *selected = adw_combo_row_get_selected_item (self->assistant_row);
  gint64 named = 0;
  guint n;

  for (guint i = 0; i < rows->len; i++)
    {
      DgTimeImportRow *row = g_ptr_array_index (rows, i);
      gint64 id = row->entry != NULL ? dg_time_entry_get_assistant_id (row->entry) : 0;

      if (id == 0)
        continue;
      if (named != 0 && named != id)
        return;
      named = id;
    }
  if (named == 0 || (selected != NULL && dg_assistant_get_id (selected) == named))
    return;

  n = g_list_model_get_n_items (self->active_assistants);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DgAssistant) assistant = g_list_model_get_item (self->active_assistants, i);

      if (dg_assistant_get_id (assistant) == named)
        {
          self->preparing = TRUE;
          adw_combo_row_set_selected (self->assistant_row, i);
          dg_time_import_set_default_assistant (self->import, named);
          self->preparing = FALSE;
          return;
        }
    }
}

/* Slash dates that read as a date both day first and month first, with
 * nothing in the file to settle it, were read in the tool's usual order:
 * the owner is asked to check, and the row stays once the owner chose, as
 * the dates are then settled by that choice. */
static void
show_date_order (DgTimeImportDialog *self)
{
  if (!dg_time_import_get_date_order_guessed (self->import))
    return;
  self->ask_date_order = TRUE;
  self->preparing = TRUE;
  adw_combo_row_set_selected (self->slash_order_row,
                              dg_time_import_get_date_order (self->import) == DG_DATE_ORDER_DMY ? 1 : 0);
  self->preparing = FALSE;
}

/* Reads the file again with the chosen assistant and columns. */
static void
prepare (DgTimeImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  DgAssistant *assistant = adw_combo_row_get_selected_item (self->assistant_row);

  /* The rows of the last preparation go first (see DgImportRowItem). */
  g_list_store_remove_all (self->rows);
  show_error (self, NULL);
  self->preparing = TRUE;
  dg_time_import_set_default_assistant (self->import, assistant != NULL ? dg_assistant_get_id (assistant) : 0);
  if (!dg_time_import_prepare_file (self->import, self->file, &error))
    {
      self->preparing = FALSE;
      if (g_error_matches (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_NEEDS_MAPPING))
        {
          set_up_mapping (self);
          show_page (self, "mapping");
        }
      else if (g_error_matches (error, DG_TIME_IMPORT_ERROR, DG_TIME_IMPORT_ERROR_BAD_MAPPING) &&
               self->column_rows[0] != NULL)
        {
          show_page (self, "mapping");
          show_error (self, error->message);
        }
      else
        {
          adw_status_page_set_description (self->failed_page, error->message);
          show_page (self, "failed");
        }
      return;
    }
  self->preparing = FALSE;
  if (!self->prepared_once)
    select_named_assistant (self);
  self->prepared_once = TRUE;
  show_date_order (self);

  summary = dg_time_import_describe (self->import);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_button),
                          dg_time_import_get_format (self->import) == DG_TIME_IMPORT_FORMAT_MAPPED_CSV);
  fill_rows (self);
  show_page (self, "preview");
}

static void
on_preview_button_clicked (DgTimeImportDialog *self)
{
  DgTimeColumnMapping mapping;

  if (self->column_rows[0] == NULL)
    return;
  for (guint c = 0; c < DG_TIME_COLUMN_COUNT; c++)
    mapping.columns[c] = (int) adw_combo_row_get_selected (self->column_rows[c]) - 1;
  mapping.date_order = adw_combo_row_get_selected (self->date_order_row);
  dg_time_import_set_mapping (self->import, &mapping);
  prepare (self);
}

static void
on_columns_button_clicked (DgTimeImportDialog *self)
{
  set_up_mapping (self);
  show_error (self, NULL);
  show_page (self, "mapping");
}

static void
on_assistant_row_selected (DgTimeImportDialog *self)
{
  /* Not while the template is built or the first preparation runs. */
  if (self->import == NULL || self->preparing)
    return;
  /* On the mapping step the file is read again with the columns as the
   * owner chose them so far, which "Preview" sets first. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "mapping"))
    return;
  prepare (self);
}

static void
on_slash_order_row_selected (DgTimeImportDialog *self)
{
  if (self->import == NULL || self->preparing)
    return;
  dg_time_import_set_date_order (self->import,
                                 adw_combo_row_get_selected (self->slash_order_row) == 1 ? DG_DATE_ORDER_DMY
                                                                                        : DG_DATE_ORDER_MDY);
  prepare (self);
}

/* ---- importing ------------------------------------------------------------ */

static gboolean
on_close_idle (gpointer user_data)
{
  DgTimeImportDialog *self = user_data;

  self->close_id = 0;
  gtk_window_destroy (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
on_import_button_clicked (DgTimeImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint n_added = 0;

  if (!dg_time_import_apply (self->import, &n_added, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* Once is enough. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  g_signal_emit (self, signals[IMPORTED], 0, n_added);
  /* Closed once the click is handled: the button is still in its signal. */
  if (self->close_id == 0)
    self->close_id = g_idle_add (on_close_idle, self);
}

/* ---- GObject -------------------------------------------------------------- */

static void
set_up_assistants (DgTimeImportDialog *self)
{
  GtkFilterListModel *active;

  /* Archived assistants take no new hours. */
  active = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->assistants)),
                                      GTK_FILTER (gtk_bool_filter_new (gtk_property_expression_new (DG_TYPE_ASSISTANT, NULL, "active"))));
  self->active_assistants = G_LIST_MODEL (active);
  adw_combo_row_set_expression (self->assistant_row, gtk_property_expression_new (DG_TYPE_ASSISTANT, NULL, "name"));
  adw_combo_row_set_model (self->assistant_row, self->active_assistants);
  gtk_widget_set_sensitive (GTK_WIDGET (self->assistant_row), g_list_model_get_n_items (self->active_assistants) > 0);
}

static void
dg_time_import_dialog_constructed (GObject *object)
{
  DgTimeImportDialog *self = DG_TIME_IMPORT_DIALOG (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (dg_time_import_dialog_parent_class)->constructed (object);

  name = g_file_get_basename (self->file);
  if (name != NULL)
    {
      g_autofree char *display_name = g_filename_display_name (name);

      adw_window_title_set_subtitle (self->window_title, display_name);
    }
  set_up_row_view (self);
  self->preparing = TRUE;
  set_up_assistants (self);
  self->preparing = FALSE;
  self->import = dg_time_import_new (self->store);
  prepare (self);
}

static void
dg_time_import_dialog_dispose (GObject *object)
{
  DgTimeImportDialog *self = DG_TIME_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->close_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), DG_TYPE_TIME_IMPORT_DIALOG);
  g_clear_object (&self->rows);
  g_clear_object (&self->active_assistants);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->assistants);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (dg_time_import_dialog_parent_class)->dispose (object);
}

static void
dg_time_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DgTimeImportDialog *self = DG_TIME_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ASSISTANTS:
      g_value_set_object (value, self->assistants);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_time_import_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  DgTimeImportDialog *self = DG_TIME_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ASSISTANTS:
      self->assistants = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dg_time_import_dialog_class_init (DgTimeImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = dg_time_import_dialog_constructed;
  object_class->dispose = dg_time_import_dialog_dispose;
  object_class->get_property = dg_time_import_dialog_get_property;
  object_class->set_property = dg_time_import_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         DG_TYPE_TIMESHEET_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ASSISTANTS] =
    g_param_spec_object ("assistants", NULL, NULL,
                         DG_TYPE_ASSISTANT_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The entries were added (the number of them); the dialog closes right
   * after. */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/delegatedesk/Delegate/dg-time-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, preview_button);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, assistant_clamp);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, assistant_row);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, slash_order_row);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, columns_button);
  gtk_widget_class_bind_template_child (widget_class, DgTimeImportDialog, row_view);
  gtk_widget_class_bind_template_callback (widget_class, on_import_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_columns_button_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_assistant_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_slash_order_row_selected);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dg_time_import_dialog_init (DgTimeImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DgTimeImportDialog *
dg_time_import_dialog_new (GtkWindow        *parent,
                           DgTimesheetStore *store,
                           DgAssistantStore *assistants,
                           GFile            *file)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (DG_IS_TIMESHEET_STORE (store), NULL);
  g_return_val_if_fail (DG_IS_ASSISTANT_STORE (assistants), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (DG_TYPE_TIME_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "assistants", assistants,
                       "file", file,
                       NULL);
}

/* ---- choosing the file ---------------------------------------------------- */

typedef struct
{
  GtkWindow        *parent;
  DgTimesheetStore *store;
  DgAssistantStore *assistants;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_clear_object (&data->assistants);
  g_free (data);
}

static void
on_imported (DgTimeImportDialog *dialog,
             guint               n_added,
             DgWindow           *window)
{
  g_autofree char *message = g_strdup_printf (ngettext ("%u entry imported", "%u entries imported", n_added), n_added);

  dg_window_add_toast (window, adw_toast_new (message));
}

static void
open_dialog (GtkWindow        *parent,
             DgTimesheetStore *store,
             DgAssistantStore *assistants,
             GFile            *file)
{
  DgTimeImportDialog *dialog = dg_time_import_dialog_new (parent, store, assistants, file);

  if (parent != NULL && DG_IS_WINDOW (parent))
    g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), parent, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ChooseData *data = g_object_get_data (G_OBJECT (chooser), "dg-choose-data");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    open_dialog (data->parent, data->store, data->assistants, file);
  g_object_unref (chooser);
}

static GtkFileFilter *
create_filter (const char *name,
               gboolean    csv,
               gboolean    calendar)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (csv)
    {
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  if (calendar)
    {
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_suffix (filter, "ics");
    }
  return filter;
}

void
dg_time_import_dialog_set_test_file (GFile *file)
{
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&test_file, file);
}

void
dg_time_import_dialog_choose_file (GtkWindow        *parent,
                                   DgTimesheetStore *store,
                                   DgAssistantStore *assistants)
{
  g_autoptr(GtkFileFilter) all = NULL;
  g_autoptr(GtkFileFilter) csv = NULL;
  g_autoptr(GtkFileFilter) calendar = NULL;
  GtkFileChooserNative *chooser;
  ChooseData *data;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (DG_IS_TIMESHEET_STORE (store));
  g_return_if_fail (DG_IS_ASSISTANT_STORE (assistants));

  if (test_file != NULL)
    {
      open_dialog (parent, store, assistants, test_file);
      return;
    }

  all = create_filter (_("Time Tracker Exports and Calendars"), TRUE, TRUE);
  csv = create_filter (_("CSV Files"), TRUE, FALSE);
  calendar = create_filter (_("Calendar Files"), FALSE, TRUE);
  data = g_new0 (ChooseData, 1);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->store = g_object_ref (store);
  data->assistants = g_object_ref (assistants);

  chooser = gtk_file_chooser_native_new (_("Import Hours"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  g_object_set_data_full (G_OBJECT (chooser), "dg-choose-data", data, (GDestroyNotify) choose_data_free);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), calendar);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
