/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dg-handbook.h"

G_BEGIN_DECLS

/* The starter library: ready-made handbooks for the work assistants
 * typically do, written in English ("en") and German ("de"). Nothing is
 * added to a database unless the owner asks ("New from template"). */

typedef struct
{
  const char *id;        /* "appointment-scheduling" */
  const char *language;  /* "en" or "de" */
  const char *title;
} DgHandbookTemplateInfo;

/* The templates in @language ("en" or "de"), NULL-terminated by id == NULL. */
const DgHandbookTemplateInfo *dg_handbook_templates_list      (const char *language);
/* The language of templates that suits the user's locale: "de" for German
 * locales, "en" otherwise. */
const char                   *dg_handbook_templates_default_language (void);
/* A new, unsaved handbook (id 0) with the template's content. */
DgHandbook                   *dg_handbook_templates_instantiate (const char  *id,
                                                                 const char  *language,
                                                                 GError     **error);

G_END_DECLS
