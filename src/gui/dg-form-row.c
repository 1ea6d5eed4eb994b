/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "dg-form-row"

#include "dg-form-row.h"

#define ROW_MESSAGE "dg-form-row-message"
#define LABEL_ROWS  "dg-form-row-rows"

/* The rows marked with @label's messages, first marked first: holding a
 * reference each, as the label may outlive a row it lists. */
static GPtrArray *
rows_of (GtkLabel *label)
{
  GPtrArray *rows = g_object_get_data (G_OBJECT (label), LABEL_ROWS);

  if (rows == NULL)
    {
      rows = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_data_full (G_OBJECT (label), LABEL_ROWS, rows, (GDestroyNotify) g_ptr_array_unref);
    }
  return rows;
}

static void
update_label (GtkLabel *label)
{
  GPtrArray *rows = rows_of (label);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, dg_form_row_get_error (g_ptr_array_index (rows, i)));
    }
  gtk_label_set_label (label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (label), text->len > 0);
}

void
dg_form_row_set_error (GtkWidget    *row,
                       GtkLabel     *error_label,
                       const GError *error)
{
  const char *message = error != NULL ? error->message : NULL;
  GPtrArray *rows = error_label != NULL ? rows_of (error_label) : NULL;
  guint position;

  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (error_label == NULL || GTK_IS_LABEL (error_label));

  /* The form checks on every key press: an unchanged mark stays as it is. */
  if (g_strcmp0 (message, dg_form_row_get_error (row)) == 0)
    return;

  g_object_set_data_full (G_OBJECT (row), ROW_MESSAGE, g_strdup (message), g_free);
  if (message != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      if (rows != NULL && !g_ptr_array_find (rows, row, NULL))
        g_ptr_array_add (rows, g_object_ref (row));
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      if (rows != NULL && g_ptr_array_find (rows, row, &position))
        g_ptr_array_remove_index (rows, position);
    }

  if (error_label != NULL)
    update_label (error_label);
}

const char *
dg_form_row_get_error (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_WIDGET (row), NULL);

  return g_object_get_data (G_OBJECT (row), ROW_MESSAGE);
}
