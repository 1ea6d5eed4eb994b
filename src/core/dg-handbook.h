/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* ---- DgHandbookStep: one step of a handbook -------------------------- */

#define DG_TYPE_HANDBOOK_STEP (dg_handbook_step_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbookStep, dg_handbook_step, DG, HANDBOOK_STEP, GObject)

/* Properties: "title", "details" (multi-line), "checklist" (boolean: printed
 * with a check box), "minutes" (int, estimate, 0 = none). */
DgHandbookStep *dg_handbook_step_new          (const char     *title,
                                               const char     *details,
                                               gboolean        checklist,
                                               int             minutes);
DgHandbookStep *dg_handbook_step_copy         (DgHandbookStep *self);
gboolean        dg_handbook_step_equal        (DgHandbookStep *a,
                                               DgHandbookStep *b);
const char     *dg_handbook_step_get_title    (DgHandbookStep *self);
const char     *dg_handbook_step_get_details  (DgHandbookStep *self);
gboolean        dg_handbook_step_get_checklist (DgHandbookStep *self);
int             dg_handbook_step_get_minutes  (DgHandbookStep *self);

/* ---- DgHandbook: the content of a handbook --------------------------- */

#define DG_TYPE_HANDBOOK (dg_handbook_get_type ())
G_DECLARE_FINAL_TYPE (DgHandbook, dg_handbook, DG, HANDBOOK, GObject)

/* The same type serves the editable draft and a published version (frozen
 * copy). Properties: "id" (int64, the handbook; 0 until stored), "title",
 * "purpose", "tags" (GStrv), "links" (GStrv, one URL or note each),
 * "archived" (boolean), "version" (int: for a published version its number;
 * for a draft the number of the latest published version, 0 if none),
 * "published" (boolean: TRUE for a published version), "change-note",
 * "date" (GDateTime: when published, or when the draft was last saved),
 * "has-changes" (boolean, drafts: differs from the latest version).
 * Steps are a GListModel of DgHandbookStep, in order. */
DgHandbook     *dg_handbook_new               (const char     *title);
DgHandbook     *dg_handbook_copy              (DgHandbook     *self);
GListModel     *dg_handbook_get_steps         (DgHandbook     *self);
/* Step editing on a draft; every change shows as items-changed on the
 * steps model. @to in move_step is the step's position after the move. */
void            dg_handbook_insert_step       (DgHandbook     *self,
                                               guint           position,
                                               DgHandbookStep *step);
DgHandbookStep *dg_handbook_remove_step       (DgHandbook     *self,
                                               guint           position);
void            dg_handbook_move_step         (DgHandbook     *self,
                                               guint           from,
                                               guint           to);
/* Title required; every step needs a title; no negative estimate. The
 * error names the step ("Step 3 needs a title."). Only publishing needs
 * this: a draft is saved as it is. */
gboolean        dg_handbook_validate          (DgHandbook     *self,
                                               GError        **error);
/* Sum of the steps' estimates in minutes. */
int             dg_handbook_get_total_minutes (DgHandbook     *self);
/* An estimate as the owner reads it: "45 min", "1 h", "1 h 30 min"
 * (translated). Every place that shows minutes uses it, so that the
 * editor, the exports and the command line say the same. */
char           *dg_handbook_format_minutes    (int             minutes);
/* Same title, purpose, tags, links and steps (in order): what publishing
 * freezes. Id, dates, version and archived are not compared. */
gboolean        dg_handbook_content_equal     (DgHandbook     *a,
                                               DgHandbook     *b);

gint64          dg_handbook_get_id            (DgHandbook     *self);
const char     *dg_handbook_get_title         (DgHandbook     *self);
/* The title, or "Untitled Handbook" for a draft without one: for display. */
const char     *dg_handbook_get_display_title (DgHandbook     *self);
const char     *dg_handbook_get_purpose       (DgHandbook     *self);
const char * const *dg_handbook_get_tags      (DgHandbook     *self);
const char * const *dg_handbook_get_links     (DgHandbook     *self);
gboolean        dg_handbook_get_archived      (DgHandbook     *self);
int             dg_handbook_get_version       (DgHandbook     *self);
gboolean        dg_handbook_get_published     (DgHandbook     *self);
const char     *dg_handbook_get_change_note   (DgHandbook     *self);
GDateTime      *dg_handbook_get_date          (DgHandbook     *self);
gboolean        dg_handbook_get_has_changes   (DgHandbook     *self);

/* ---- comparing two versions ------------------------------------------ */

typedef enum
{
  DG_STEP_CHANGE_ADDED,
  DG_STEP_CHANGE_REMOVED,
  DG_STEP_CHANGE_CHANGED,   /* same step (matched by title), other content;
                             * may also have moved (see the positions) */
  DG_STEP_CHANGE_MOVED,     /* same content, out of its former order (steps
                             * that only shift because others were added or
                             * removed are not reported) */
} DgStepChangeKind;

typedef struct
{
  DgStepChangeKind kind;
  int              old_position;   /* 1-based; 0 for ADDED */
  int              new_position;   /* 1-based; 0 for REMOVED */
  char            *title;
} DgStepChange;

void            dg_step_change_free           (DgStepChange   *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DgStepChange, dg_step_change_free)

/* Which steps were added, removed, changed or moved from @older to @newer,
 * in the order of @newer (removed ones after). Also compares title and
 * purpose: @out_title_changed / @out_purpose_changed may be NULL. */
GPtrArray      *dg_handbook_compare           (DgHandbook     *older,
                                               DgHandbook     *newer,
                                               gboolean       *out_title_changed,
                                               gboolean       *out_purpose_changed);

G_END_DECLS
