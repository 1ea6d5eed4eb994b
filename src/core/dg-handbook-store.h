/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dg-database.h"
#include "dg-handbook.h"

G_BEGIN_DECLS

#define DG_HANDBOOK_ERROR (dg_handbook_error_quark ())

typedef enum
{
  DG_HANDBOOK_ERROR_NOT_FOUND,
  DG_HANDBOOK_ERROR_IN_USE,        /* referred to: archive instead */
  DG_HANDBOOK_ERROR_NO_CHANGES,    /* publish without changes */
  DG_HANDBOOK_ERROR_PUBLISHED,     /* a published version cannot change */
} DgHandbookError;

#define DG_TYPE_HANDBOOK_STORE (dg_handbook_store_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbookStore, dg_handbook_store, DG, HANDBOOK_STORE, GObject)

GQuark           dg_handbook_error_quark            (void);

/* A GListModel of the drafts of every handbook (DgHandbook, published FALSE),
 * active and archived, sorted by title. The objects in the list are the
 * editable drafts: change them, then save. */
DgHandbookStore *dg_handbook_store_new              (DgDatabase      *db,
                                                     GError         **error);
DgDatabase      *dg_handbook_store_get_database     (DgHandbookStore *self);
DgHandbook      *dg_handbook_store_find             (DgHandbookStore *self,
                                                     gint64           id);

/* Stores @handbook (a new one, id 0, or a draft from the list) with all its
 * steps in one transaction, as it is: a draft without a title or with
 * untitled steps is saved too, so that nothing typed is lost; the search
 * index takes whatever text there is. Title, tags and links are trimmed
 * first (blank tags and links dropped). Then
 * "has-changes" tells whether the draft differs from the latest version
 * (always TRUE before the first publication). A published version is
 * refused with DG_HANDBOOK_ERROR_PUBLISHED. */
gboolean         dg_handbook_store_save             (DgHandbookStore *self,
                                                     DgHandbook      *handbook,
                                                     GError         **error);
/* Checks @handbook with dg_handbook_validate(), saves it and freezes it as
 * the next numbered version with @change_note, in one transaction; returns
 * the new number, or 0 with an error (DG_VALIDATION_ERROR when it is
 * incomplete, DG_HANDBOOK_ERROR_NO_CHANGES when it equals the latest
 * version). */
int              dg_handbook_store_publish          (DgHandbookStore *self,
                                                     DgHandbook      *handbook,
                                                     const char      *change_note,
                                                     GError         **error);
/* Published versions, newest first: DgHandbook objects with published TRUE.
 * get_version fails with DG_HANDBOOK_ERROR_NOT_FOUND for an unknown number. */
GPtrArray       *dg_handbook_store_list_versions    (DgHandbookStore *self,
                                                     gint64           handbook_id,
                                                     GError         **error);
DgHandbook      *dg_handbook_store_get_version      (DgHandbookStore *self,
                                                     gint64           handbook_id,
                                                     int              number,
                                                     GError         **error);

/* Stores a copy of @handbook's draft titled "… (Copy)", unpublished and not
 * archived, and adds it to the list; returns it (a new reference). */
DgHandbook      *dg_handbook_store_duplicate        (DgHandbookStore *self,
                                                     DgHandbook      *handbook,
                                                     GError         **error);
gboolean         dg_handbook_store_archive          (DgHandbookStore *self,
                                                     DgHandbook      *handbook,
                                                     GError         **error);
gboolean         dg_handbook_store_restore          (DgHandbookStore *self,
                                                     DgHandbook      *handbook,
                                                     GError         **error);
/* Only while nothing refers to the handbook (acknowledgements, later tasks);
 * otherwise DG_HANDBOOK_ERROR_IN_USE. Deletes its versions with it. */
gboolean         dg_handbook_store_delete           (DgHandbookStore *self,
                                                     DgHandbook      *handbook,
                                                     GError         **error);

/* ---- acknowledgements -------------------------------------------------- */

typedef struct
{
  gint64  assistant_id;
  char   *assistant_name;
  int     version;           /* the version the assistant has read */
  char   *date;              /* YYYY-MM-DD */
  gboolean outdated;         /* a newer version has been published since */
} DgAcknowledgement;

void             dg_acknowledgement_free            (DgAcknowledgement *ack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgAcknowledgement, dg_acknowledgement_free)

/* Records that the assistant has read @version (which must be published) on
 * @date (YYYY-MM-DD); replaces an earlier acknowledgement of this handbook. */
gboolean         dg_handbook_store_acknowledge      (DgHandbookStore *self,
                                                     gint64           handbook_id,
                                                     gint64           assistant_id,
                                                     int              version,
                                                     const char      *date,
                                                     GError         **error);
/* DgAcknowledgement *, by assistant name. */
GPtrArray       *dg_handbook_store_list_acknowledgements (DgHandbookStore *self,
                                                          gint64           handbook_id,
                                                          GError         **error);

/* ---- search ------------------------------------------------------------ */

typedef struct
{
  gint64  handbook_id;
  char   *title;
  char   *snippet;    /* Pango markup: the text around the match, escaped,
                       * with the matching words in <b>…</b> */
} DgHandbookHit;

void             dg_handbook_hit_free               (DgHandbookHit   *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgHandbookHit, dg_handbook_hit_free)

/* Full-text search over titles, purposes, tags and steps of the saved
 * drafts of handbooks that are not archived: each word of @query matches as
 * a prefix, all words must match, case and accents are ignored; a title
 * match ranks above one in the text. Returns DgHandbookHit *, best first, at
 * most @limit. Any text is a valid query; one without words finds nothing. */
GPtrArray       *dg_handbook_store_search           (DgHandbookStore *self,
                                                     const char      *query,
                                                     guint            limit,
                                                     GError         **error);

G_END_DECLS
