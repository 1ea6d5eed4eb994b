/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The first start on an empty database: what Delegate does, and two ways
 * in. Its buttons activate "welcome.start" (the owner's own business, an
 * action of the window around it) and "app.explore-sample". Focusing the
 * page focuses "Start With My Business". Built by dg-window.ui only. */
#define DG_TYPE_WELCOME_PAGE (dg_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (DgWelcomePage, dg_welcome_page, DG, WELCOME_PAGE, AdwBin)

G_END_DECLS
