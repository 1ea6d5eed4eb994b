/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dg-handbook-store.h"

G_BEGIN_DECLS

#define DG_TYPE_HANDBOOKS_PAGE (dg_handbooks_page_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbooksPage, dg_handbooks_page, DG, HANDBOOKS_PAGE, AdwBin)

/* The Handbooks page: a list searched in full text beside the editor, or an
 * empty state. Actions: handbooks.new (Ctrl+N), handbooks.new-from-template,
 * handbooks.search (Ctrl+F). */
void     dg_handbooks_page_set_store     (DgHandbooksPage *self,
                                          DgHandbookStore *store);
/* Saves waiting edits, complete or not, before the window closes. FALSE
 * when the save fails: the page then shows why and asks whether to
 * discard them, and closes the window itself if the owner agrees. */
gboolean dg_handbooks_page_prepare_close (DgHandbooksPage *self);

G_END_DECLS
