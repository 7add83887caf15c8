/* The export dialog (x on the dashboard and in the navigator): one assessment, four rows -
 * document (only those that fit its catalog), format, file and overwrite - and w to write.
 *
 * The file name defaults to document_default_name in the current directory
 * ("MDS-SDS_PACS_A社_2026-04-01.xlsx") and follows the document and format until it is edited.
 * Writing builds the document afresh from the database (document_build) and writes it with the
 * atomic writer (temp file, fsync, rename, 0600; an existing file only when overwrite is on);
 * the dialog stays open and shows the path written or the error, both in the UI language.
 *
 * For the checklist as XLSX, v turns on the vendor's workbook (anzen export checklist
 * --for-vendor): the same core call as the CLI, vendor_sheet_write, with its refusals (no vendor
 * on the assessment) on the status line; the default name then says 事業者記入用. */
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "exchange/lib.h"
#include "export/lib.h"
#include "list.h"
#include "msg.h"
#include "screens.h"

enum { ROW_DOCUMENT, ROW_FORMAT, ROW_PATH, ROW_FORCE, ROW__COUNT };

typedef struct {
    int64_t aid;
    doc_source src; /* for the default name and the title; the export itself reads afresh */
    const document *docs[8];
    size_t ndocs, doc;
    size_t fmt;
    char *path;
    bool path_edited, force;
    bool for_vendor; /* v: the vendor's workbook, when for_vendor_fits */
    list_state sel;
    char *result; /* the last outcome, shown under the rows */
    role result_role;
} export_state;

static const export_format *current_format(const export_state *st)
{
    return export_format_at(st->fmt);
}

/* Only the checklist has a vendor's workbook, and it is XLSX (as the CLI's --for-vendor). */
static bool for_vendor_fits(const export_state *st)
{
    return st->docs[st->doc] == &document_checklist && current_format(st) == &export_format_xlsx;
}

static bool for_vendor_on(const export_state *st)
{
    return st->for_vendor && for_vendor_fits(st);
}

static void default_path(export_state *st)
{
    if (st->path_edited)
        return;
    free(st->path);
    st->path = document_default_name(st->docs[st->doc], &st->src, current_format(st)->extension);
    if (for_vendor_on(st)) { /* "チェックリスト_PACS_A社_2026-04-01.xlsx" -> "…_2026-04-01_事業者記入用.xlsx" */
        const char *ext = current_format(st)->extension;
        size_t stem = strlen(st->path) - strlen(ext);
        char *p = xasprintf("%.*s_%s%s", (int)stem, st->path, L(EXPORT_FOR_VENDOR_STEM), ext);
        free(st->path);
        st->path = p;
    }
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)a;
    export_state *st = s->priv;
    char *t = msgf(MSG_EXPORT_TITLE, (long long)st->aid);
    sb_addf(sb, "%s  %s@%s", t, st->src.cat->id, st->src.cat->version);
    free(t);
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(EXPORT_HINT);
}

static const char *row_value(const export_state *st, int row, bool english)
{
    switch (row) {
    case ROW_DOCUMENT: return english ? st->docs[st->doc]->label_en : st->docs[st->doc]->label_ja;
    case ROW_FORMAT: return current_format(st)->name;
    case ROW_PATH: return st->path;
    case ROW_FORCE: return st->force ? L(TRI_YES) : L(TRI_NO);
    default: return "";
    }
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    export_state *st = s->priv;
    static const msg_id labels[ROW__COUNT] = {MSG_EXPORT_DOCUMENT, MSG_EXPORT_FORMAT, MSG_EXPORT_PATH, MSG_EXPORT_FORCE};
    int lw = 0;
    for (int i = 0; i < ROW__COUNT; i++)
        if (text_width(msg(labels[i])) > lw)
            lw = text_width(msg(labels[i]));
    char *scope = doc_source_scope_text(&st->src);
    char *head = xasprintf("%s / %s", i18n_get(&st->src.cat->title, a->english), scope);
    draw_text(w, r.y + 1, r.x + 2, r.w - 4, head, ROLE_HEADING);
    free(head);
    free(scope);
    for (int i = 0; i < ROW__COUNT; i++) {
        int y = r.y + 3 + i;
        bool sel = i == st->sel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        draw_text(w, y, r.x + 2, lw, msg(labels[i]), sel ? base : ROLE_LABEL);
        bool choice = i != ROW_PATH;
        char *v = choice ? xasprintf("< %s >", row_value(st, i, a->english)) : xstrdup(row_value(st, i, a->english));
        draw_text(w, y, r.x + 2 + lw + 2, r.w - lw - 5, v, base);
        free(v);
    }
    if (for_vendor_fits(st)) { /* the line under the rows: the v toggle */
        char *fv = msgf(MSG_EXPORT_FOR_VENDOR, st->for_vendor ? L(TRI_YES) : L(TRI_NO));
        draw_text(w, r.y + 3 + ROW__COUNT, r.x + 2, r.w - 4, fv, st->for_vendor ? ROLE_KEY : ROLE_DIM);
        free(fv);
    }
    if (st->result) {
        strlist lines = {0};
        wrap_text(st->result, r.w - 4, &lines);
        for (size_t i = 0; i < lines.len && r.y + 8 + (int)i < r.y + r.h; i++)
            draw_text(w, r.y + 8 + (int)i, r.x + 2, r.w - 4, lines.items[i], st->result_role);
        sl_free(&lines);
    }
}

static void set_result(export_state *st, app *a, role r, char *text)
{
    free(st->result);
    st->result = text;
    st->result_role = r == ROLE_STATUS_ERR ? ROLE_NEGATIVE : ROLE_POSITIVE;
    app_status(a, r, "%s", text);
}

/* A failed write in the UI language; an existing file says how to replace it here. */
static char *error_text(app *a, const export_error *e, const char *path)
{
    status_detail d = {0};
    if (export_error_status(e, path, &d) == STATUS_FILE_EXISTS)
        d.extra = xstrdup(L(EXPORT_EXISTS_HINT));
    char *m = status_format(&d, a->english);
    status_detail_free(&d);
    return m;
}

/* The vendor's workbook through the CLI's core call; a refusal in the UI language. */
static void write_for_vendor(export_state *st, app *a)
{
    vendor_sheet_options vo = {.date = NULL, .anzen_version = ANZEN_VERSION};
    status_detail err = {0};
    size_t items = 0;
    if (vendor_sheet_write(a->st, st->aid, &vo, st->path, st->force, &items, &err) != STATUS_OK) {
        if (err.code == STATUS_FILE_EXISTS && !err.extra)
            err.extra = xstrdup(L(EXPORT_EXISTS_HINT));
        char *why = status_format(&err, a->english);
        status_detail_free(&err);
        set_result(st, a, ROLE_STATUS_ERR, why);
        return;
    }
    set_result(st, a, ROLE_STATUS_OK, msgf(MSG_EXPORT_WROTE_VENDOR, st->path, items));
}

static void write_now(export_state *st, app *a)
{
    if (str_empty(st->path)) {
        set_result(st, a, ROLE_STATUS_ERR, xstrdup(L(EXPORT_NO_PATH)));
        return;
    }
    /* a large export takes a moment: say so before it starts */
    char *m = msgf(MSG_EXPORT_WRITING, st->path);
    app_status(a, ROLE_STATUS, "%s", m);
    free(m);
    app_draw(a);
    if (for_vendor_on(st)) {
        write_for_vendor(st, a);
        return;
    }
    export_doc *doc = NULL;
    status_detail err = {0};
    if (document_build(st->docs[st->doc], a->st, st->aid, NULL, a->english, &doc, &err) != STATUS_OK) {
        char *why = status_format(&err, a->english);
        set_result(st, a, ROLE_STATUS_ERR, msgf(MSG_EXPORT_FAILED, why));
        free(why);
        status_detail_free(&err);
        return;
    }
    export_error e = {0};
    if (export_write(doc, current_format(st), st->path, st->force, &e) == EXPORT_OK)
        set_result(st, a, ROLE_STATUS_OK, msgf(MSG_EXPORT_WROTE, st->path));
    else
        set_result(st, a, ROLE_STATUS_ERR, error_text(a, &e, st->path));
    export_error_clear(&e);
    export_doc_free(doc);
}

static void step(export_state *st, int row, int dir)
{
    size_t nf = export_format_count();
    if (row == ROW_DOCUMENT)
        st->doc = dir > 0 ? (st->doc + 1) % st->ndocs : (st->doc + st->ndocs - 1) % st->ndocs;
    else if (row == ROW_FORMAT)
        st->fmt = dir > 0 ? (st->fmt + 1) % nf : (st->fmt + nf - 1) % nf;
    else if (row == ROW_FORCE)
        st->force = !st->force;
    default_path(st);
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    export_state *st = s->priv;
    if (list_handle(&st->sel, ev->act))
        return RES_HANDLED;
    int row = st->sel.sel;
    switch (ev->act) {
    case ACT_CHOICE_NEXT:
    case ACT_CHOICE_PREV:
        step(st, row, ev->act == ACT_CHOICE_NEXT ? 1 : -1);
        return RES_HANDLED;
    case ACT_OPEN:
        if (row != ROW_PATH) {
            step(st, row, 1);
        } else {
            char *in = NULL;
            if (app_prompt(a, L(EXPORT_PATH_PROMPT), st->path, &in)) {
                free(st->path);
                st->path = in;
                st->path_edited = true;
            }
        }
        return RES_HANDLED;
    case ACT_WRITE:
        write_now(st, a);
        return RES_HANDLED;
    case ACT_FOR_VENDOR:
        if (!for_vendor_fits(st)) {
            app_status(a, ROLE_STATUS_ERR, "%s", L(EXPORT_FOR_VENDOR_ONLY));
            return RES_HANDLED;
        }
        st->for_vendor = !st->for_vendor;
        default_path(st);
        return RES_HANDLED;
    default:
        return RES_IGNORED;
    }
}

/* Another process changed the data, or a screen above closed: the title, the scope line and the
 * default file name follow the assessment's system and vendor as they are now. The export itself
 * always reads afresh (write_now). */
static void reload(screen *s, app *a, unsigned why)
{
    export_state *st = s->priv;
    if (!(why & (RELOAD_EXTERNAL | RELOAD_RESUME)))
        return;
    doc_source src;
    status_detail err = {0};
    if (doc_source_open(a->st, st->aid, NULL, a->english, &src, &err) != STATUS_OK) {
        app_status_error(a, &err); /* keeps what it showed: w then names the failure */
        return;
    }
    doc_source_close(&st->src);
    st->src = src;
    default_path(st);
}

static void done(screen *s)
{
    export_state *st = s->priv;
    doc_source_close(&st->src);
    free(st->path);
    free(st->result);
    free(st);
}

static const keybind export_binds[] = {
    {KEY_FN(KEY_RIGHT), ACT_CHOICE_NEXT},
    {'l', ACT_CHOICE_NEXT},
    {KEY_FN(KEY_LEFT), ACT_CHOICE_PREV},
    {'h', ACT_CHOICE_PREV},
    {'w', ACT_WRITE},
    {KEY_CTRL('s'), ACT_WRITE},
    {'v', ACT_FOR_VENDOR},
};
static const keymap export_keys = {.name = "export", .binds = export_binds, .len = AZ_ARRAY_LEN(export_binds)};

static const screen_ops export_ops = {
    .name = "export",
    .keys = &export_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *export_screen_new(app *a, int64_t aid)
{
    export_state *st = xcalloc(1, sizeof *st);
    status_detail err = {0};
    if (doc_source_open(a->st, aid, NULL, a->english, &st->src, &err) != STATUS_OK) {
        app_status_error(a, &err);
        free(st);
        return NULL;
    }
    st->aid = aid;
    for (size_t i = 0; i < document_count() && st->ndocs < AZ_ARRAY_LEN(st->docs); i++)
        if (document_fits(document_at(i), st->src.cat->kind)) {
            /* start on the document made for this kind of catalog, not the generic gap report */
            if (document_at(i)->kinds && (!st->ndocs || !st->docs[st->doc]->kinds))
                st->doc = st->ndocs;
            st->docs[st->ndocs++] = document_at(i);
        }
    for (size_t i = 0; i < export_format_count(); i++)
        if (str_eq(export_format_at(i)->name, "xlsx"))
            st->fmt = i;
    if (!st->ndocs) { /* a crosswalk: nothing to hand over */
        char *m = msgf(MSG_EXPORT_FAILED, st->src.cat->kind);
        app_status(a, ROLE_STATUS_ERR, "%s", m);
        free(m);
        doc_source_close(&st->src);
        free(st);
        return NULL;
    }
    default_path(st);
    list_set_count(&st->sel, ROW__COUNT);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &export_ops;
    s->priv = st;
    return s;
}
