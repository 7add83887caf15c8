/* One maintenance contract: its clauses (proposed / included / excluded, with why and the reason),
 * the parameters of a clause (Enter), the 責任分界表 as a grid (Tab; arrows move, one key per
 * party), and a preview of the annex beside it at 120 columns or more, behind P below that.
 * E exports the annex. Every change is one core call (one transaction with history); the data and
 * the preview are read again after it. */
#include <stdlib.h>

#include "contract_screens.h"
#include "contract/lib.h"
#include "draw.h"
#include "export/lib.h"
#include "list.h"
#include "msg.h"
#include "screens.h"
#include "text/lib.h"

typedef enum { MODE_CLAUSES, MODE_PARAMS, MODE_MATRIX } ct_mode;

typedef struct {
    int64_t id;
    contract k;
    contract_clause_list clauses;
    contract_param_list params;
    contract_links links;
    contract_matrix matrix;
    bool loaded;
    char *preview;   /* the annex Markdown, or the reason it could not be built */
    strlist lines;   /* preview wrapped to lines_width */
    int lines_width;
    ct_mode mode;
    list_state csel, psel;
    size_t *pidx;    /* the selected clause's parameters (indices into params) */
    size_t np;
    int row, col;    /* matrix cursor */
    bool show_preview; /* below 120 columns: the preview instead of the lists */
    int preview_top;
} ct_state;

static void unload(ct_state *st)
{
    if (!st->loaded)
        return;
    contract_matrix_free(&st->matrix);
    contract_links_free(&st->links);
    contract_param_list_free(&st->params);
    contract_clause_list_free(&st->clauses);
    contract_free(&st->k);
    st->loaded = false;
}

static void build_preview(ct_state *st, app *a)
{
    free(st->preview);
    sl_free(&st->lines);
    st->lines_width = 0;
    annex_doc d;
    diag_list diags = {0};
    status_detail err = {0};
    if (annex_build(a->st, st->id, NULL, &d, &diags, &err) == STATUS_OK) {
        st->preview = annex_markdown(&d);
        annex_doc_free(&d);
    } else {
        strbuf sb = {0};
        char *why = status_format(&err, a->english);
        sb_add(&sb, why);
        free(why);
        for (size_t i = 0; i < diags.len; i++) {
            char *m = diag_format(&diags.items[i]);
            sb_addf(&sb, "\n%s", m);
            free(m);
        }
        st->preview = sb_take(&sb);
    }
    status_detail_free(&err);
    diag_free(&diags);
}

static void select_params(ct_state *st)
{
    free(st->pidx);
    st->pidx = NULL;
    st->np = 0;
    if (!st->clauses.len)
        return;
    const contract_clause *cl = &st->clauses.items[st->csel.sel];
    st->pidx = xcalloc(st->params.len + 1, sizeof *st->pidx);
    for (size_t i = 0; i < st->params.len; i++)
        if (st->params.items[i].clause == cl)
            st->pidx[st->np++] = i;
    list_set_count(&st->psel, (int)st->np);
}

static bool load(ct_state *st, app *a)
{
    unload(st);
    status_detail err = {0};
    status_code r = contract_get(a->st, st->id, &st->k, &err);
    if (r == STATUS_OK && (r = contract_clauses(a->st, &st->k, &st->clauses, &err)) != STATUS_OK)
        contract_free(&st->k);
    if (r != STATUS_OK) {
        app_status_error(a, &err);
        return false;
    }
    /* what fails to read here shows empty, with the reason on the status line */
    if (contract_params(a->st, st->id, &st->clauses, &st->params, &err) != STATUS_OK ||
        contract_links_load(a->st, &st->k, &st->links, &err) != STATUS_OK ||
        contract_matrix_get(a->st, &st->k, &st->clauses, &st->links, &st->matrix, &err) != STATUS_OK)
        app_status_error(a, &err);
    st->loaded = true;
    list_set_count(&st->csel, (int)st->clauses.len);
    select_params(st);
    build_preview(st, a);
    return true;
}

/* ---- drawing ---- */

static const char *state_label(const contract_clause *cl)
{
    if (cl->decision == CLAUSE_INCLUDE)
        return CT("採用", "included");
    if (cl->decision == CLAUSE_EXCLUDE)
        return CT("除外", "excluded");
    return cl->proposed ? CT("提案", "proposed") : CT("対象外", "-");
}

static role state_role(const contract_clause *cl)
{
    if (cl->decision == CLAUSE_EXCLUDE)
        return ROLE_NEGATIVE;
    if (cl->included)
        return cl->decision == CLAUSE_INCLUDE ? ROLE_POSITIVE : ROLE_PARTIAL;
    return ROLE_DIM;
}

static char *header_text(const ct_state *st)
{
    strbuf sb = {0};
    char *label = contract_label(&st->k);
    sb_addf(&sb, "%s  %s  ", label, st->k.vendor_name);
    for (size_t i = 0; i < st->k.nsystems; i++)
        sb_addf(&sb, "%s%s", i ? ", " : "", st->k.system_names[i]);
    if (st->k.term_start || st->k.term_end)
        sb_addf(&sb, "  %s - %s", st->k.term_start ? st->k.term_start : "", st->k.term_end ? st->k.term_end : "");
    free(label);
    return sb_take(&sb);
}

static void draw_tabs(ct_state *st, WINDOW *w, int y, int x, int limit)
{
    bool matrix = st->mode == MODE_MATRIX;
    char *a = xasprintf(matrix ? " %s " : "[%s]", CT("条項", "Clauses"));
    char *b = xasprintf(matrix ? "[%s]" : " %s ", CT("責任分界表", "Matrix"));
    int cx = draw_put(w, y, x, limit, a, matrix ? ROLE_DIM : ROLE_HEADING);
    cx = draw_put(w, y, cx + 1, limit, b, matrix ? ROLE_HEADING : ROLE_DIM);
    free(a);
    free(b);
    if (st->mode == MODE_PARAMS) {
        const contract_clause *cl = &st->clauses.items[st->csel.sel];
        char *t = xasprintf(" > %s %s", cl->node->ref ? cl->node->ref : cl->node->id, CT("のパラメータ", "parameters"));
        draw_put(w, y, cx + 1, limit, t, ROLE_HEADING);
        free(t);
    }
}

static void draw_clauses(ct_state *st, app *a, WINDOW *w, rect r)
{
    int x = r.x + 1, right = r.x + r.w;
    int detail = 4;
    int rows = r.h - detail;
    list_set_height(&st->csel, rows);
    for (int i = 0; i < rows && st->csel.top + i < (int)st->clauses.len; i++) {
        int idx = st->csel.top + i;
        const contract_clause *cl = &st->clauses.items[idx];
        bool sel = idx == st->csel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        int y = r.y + i;
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        draw_text(w, y, x, 4, cl->node->ref ? cl->node->ref : cl->node->id, sel ? base : ROLE_LABEL);
        char art[24] = "";
        if (cl->article)
            snprintf(art, sizeof art, a->english ? "Art.%d" : "第%d条", cl->article);
        draw_text(w, y, x + 5, 7, art, base);
        draw_text(w, y, x + 13, 8, state_label(cl), sel ? base : state_role(cl));
        draw_put(w, y, x + 22, right, i18n_get(&cl->node->title, a->english), base);
    }
    if (!st->clauses.len)
        return;
    const contract_clause *cl = &st->clauses.items[st->csel.sel];
    int y = r.y + r.h - detail;
    char *why = contract_clause_why(&st->clauses, cl, a->english);
    int cx = draw_put(w, y, x, right, CT("理由: ", "Why: "), ROLE_LABEL);
    draw_put(w, y, cx, right, why, ROLE_NORMAL);
    free(why);
    cx = draw_put(w, y + 1, x, right, CT("判断: ", "Decision: "), ROLE_LABEL);
    char *dec = cl->decision ? xasprintf("%s - %s (%s)", state_label(cl), cl->reason ? cl->reason : "", cl->decided_by ? cl->decided_by : "")
                             : xstrdup(CT("なし（提案のとおり）", "none (as proposed)"));
    draw_put(w, y + 1, cx, right, dec, ROLE_NORMAL);
    free(dec);
    strbuf ps = {0};
    for (size_t i = 0; i < st->np; i++) {
        const contract_param_value *p = &st->params.items[st->pidx[i]];
        const char *unit = i18n_get(&p->def->unit, a->english);
        sb_addf(&ps, "%s%s=%s%s", i ? ", " : "", i18n_get(&p->def->label, a->english), p->value, unit);
    }
    cx = draw_put(w, y + 2, x, right, CT("パラメータ: ", "Parameters: "), ROLE_LABEL);
    draw_put(w, y + 2, cx, right, st->np ? sb_str(&ps) : CT("なし", "none"), ROLE_NORMAL);
    sb_free(&ps);
}

static void draw_params(ct_state *st, app *a, WINDOW *w, rect r)
{
    int x = r.x + 1, right = r.x + r.w;
    int wl = r.w / 2 - 2;
    int detail = 3;
    int rows = r.h - detail;
    list_set_height(&st->psel, rows);
    for (int i = 0; i < rows && st->psel.top + i < (int)st->np; i++) {
        int idx = st->psel.top + i;
        const contract_param_value *p = &st->params.items[st->pidx[idx]];
        bool sel = idx == st->psel.sel;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        int y = r.y + i;
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        draw_text(w, y, x, wl, i18n_get(&p->def->label, a->english), sel ? base : ROLE_LABEL);
        const char *unit = i18n_get(&p->def->unit, a->english);
        char *v = xasprintf("%s%s%s%s", p->value, *unit ? " " : "", unit, p->is_default ? CT("  (既定値)", "  (default)") : "");
        draw_put(w, y, x + wl + 1, right, v, base);
        free(v);
    }
    if (!st->np) {
        draw_put(w, r.y, x, right, CT("この条項にパラメータはありません。", "This clause has no parameters."), ROLE_DIM);
        return;
    }
    const clause_param *def = st->params.items[st->pidx[st->psel.sel]].def;
    strbuf sb = {0};
    sb_addf(&sb, "%s: %s  %s: %s", CT("型", "type"), param_type_name(def->type), CT("既定値", "default"),
            def->default_value ? def->default_value : "");
    for (size_t i = 0; i < def->choices.len; i++)
        sb_addf(&sb, "%s%s", i ? " / " : CT("  選択肢: ", "  choices: "), def->choices.items[i]);
    draw_put(w, r.y + r.h - detail, x, right, sb_str(&sb), ROLE_DIM);
    sb_free(&sb);
}

static void draw_matrix(ct_state *st, app *a, WINDOW *w, rect r)
{
    int x = r.x + 1, right = r.x + r.w;
    int wc = r.w >= 80 ? 26 : 20;
    int wp = (r.w - 1 - wc - 1) / PHASE__COUNT - 1;
    draw_text(w, r.y, x, wc, CT("構成要素", "Component"), ROLE_HEADER);
    for (int ph = 0; ph < PHASE__COUNT; ph++)
        draw_text(w, r.y, x + wc + 1 + ph * (wp + 1), wp, a->english ? contract_phases[ph].en : contract_phases[ph].ja,
                  ROLE_HEADER);
    for (int comp = 0; comp < COMP__COUNT; comp++) {
        int y = r.y + 1 + comp;
        draw_text(w, y, x, wc, a->english ? contract_components[comp].en : contract_components[comp].ja,
                  comp == st->row ? ROLE_HEADING : ROLE_LABEL);
        for (int ph = 0; ph < PHASE__COUNT; ph++) {
            const contract_cell *cell = &st->matrix.cells[comp][ph];
            char *t = contract_cell_text(cell, a->english);
            char *m = xasprintf("%s%s", t, cell->origin == CELL_SET ? " *" : cell->note ? " +" : "");
            bool sel = comp == st->row && ph == st->col;
            role rl = sel ? ROLE_SELECTED : cell->party == RESP_NA ? ROLE_DIM : ROLE_NORMAL;
            draw_text(w, y, x + wc + 1 + ph * (wp + 1), wp, m, rl);
            free(m);
            free(t);
        }
    }
    const contract_cell *cell = &st->matrix.cells[st->row][st->col];
    int y = r.y + 2 + COMP__COUNT;
    int cx = draw_put(w, y, x, right, CT("根拠: ", "Basis: "), ROLE_LABEL);
    const char *basis = cell->origin == CELL_SET ? CT("手で設定", "set by hand") : cell->basis ? cell->basis : "-";
    cx = draw_put(w, y, cx, right, basis, ROLE_NORMAL);
    if (cell->origin == CELL_ANSWER)
        draw_put(w, y, cx, right, CT("（評価の回答の担当）", " (responsible party of an answer)"), ROLE_DIM);
    cx = draw_put(w, y + 1, x, right, CT("注記: ", "Note: "), ROLE_LABEL);
    draw_put(w, y + 1, cx, right, cell->note ? cell->note : "-", ROLE_NORMAL);
    draw_put(w, y + 3, x, right,
             CT("1:医療機関 2:事業者 3:共同 4:対象外 e:注記 r:自動  *:手で設定 +:注記",
                "1:hospital 2:vendor 3:joint 4:n/a e:note r:pre-fill  *:set by hand +:note"),
             ROLE_DIM);
}

/* The first preview line of the part the cursor is on: the selected article, or the matrix. */
static int preview_anchor(const ct_state *st, app *a)
{
    char *want = NULL;
    if (st->mode == MODE_MATRIX)
        want = xstrdup("## 責任分界表");
    else if (st->clauses.len && st->clauses.items[st->csel.sel].article)
        want = xasprintf("### 第%d条", st->clauses.items[st->csel.sel].article);
    (void)a;
    int at = 0;
    for (size_t i = 0; want && i < st->lines.len; i++)
        if (str_starts(st->lines.items[i], want)) {
            at = (int)i;
            break;
        }
    free(want);
    return at;
}

static void draw_preview(ct_state *st, app *a, WINDOW *w, rect r, bool follow)
{
    if (st->lines_width != r.w - 2) {
        sl_free(&st->lines);
        wrap_text(st->preview ? st->preview : "", r.w - 2, &st->lines);
        st->lines_width = r.w - 2;
    }
    /* -1: just opened, start at the part the cursor is on */
    int top = follow || st->preview_top < 0 ? preview_anchor(st, a) : st->preview_top;
    if (top > (int)st->lines.len - 1)
        top = st->lines.len ? (int)st->lines.len - 1 : 0;
    if (top < 0)
        top = 0;
    st->preview_top = top;
    draw_text(w, r.y, r.x + 1, r.w - 2, CT("別紙プレビュー", "Annex preview"), ROLE_HEADER);
    for (int i = 0; i + 1 < r.h && top + i < (int)st->lines.len; i++) {
        const char *line = st->lines.items[top + i];
        role rl = line[0] == '#' ? ROLE_HEADING : line[0] == '|' ? ROLE_NORMAL : ROLE_NORMAL;
        draw_put(w, r.y + 1 + i, r.x + 1, r.x + r.w - 1, line, rl);
    }
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    ct_state *st = s->priv;
    if (!st->loaded)
        return;
    char *h = header_text(st);
    draw_text(w, r.y, r.x + 1, r.w - 2, h, ROLE_HEADING);
    free(h);
    bool wide = r.w >= 120;
    /* the preview gets 55 columns beside the lists, enough for a clause's lines */
    rect body = {.y = r.y + 2, .x = r.x, .h = r.h - 2, .w = wide ? r.w - 56 : r.w};
    if (!wide && st->show_preview) {
        draw_preview(st, a, w, (rect){.y = r.y + 1, .x = r.x, .h = r.h - 1, .w = r.w}, false);
        return;
    }
    draw_tabs(st, w, r.y + 1, r.x + 1, body.x + body.w);
    if (st->mode == MODE_MATRIX)
        draw_matrix(st, a, w, body);
    else if (st->mode == MODE_PARAMS)
        draw_params(st, a, w, body);
    else
        draw_clauses(st, a, w, body);
    if (wide) {
        int px = r.x + body.w;
        for (int y = r.y + 1; y < r.y + r.h; y++)
            draw_put(w, y, px, px + 1, "|", ROLE_BORDER);
        draw_preview(st, a, w, (rect){.y = r.y + 1, .x = px + 1, .h = r.h - 1, .w = r.w - body.w - 1}, true);
    }
}

static void title(screen *s, app *a, strbuf *sb)
{
    ct_state *st = s->priv;
    (void)a;
    char *label = st->loaded ? contract_label(&st->k) : xasprintf("#%lld", (long long)st->id);
    sb_addf(sb, "%s %s", CT("契約", "Contract"), label);
    free(label);
}

static const char *hint(screen *s, app *a)
{
    ct_state *st = s->priv;
    (void)a;
    if (st->show_preview)
        return CT("P:閉じる  上下:スクロール  E:書き出し", "P:close  Up/Down:scroll  E:export");
    switch (st->mode) {
    case MODE_MATRIX: return CT("矢印:移動 1-4:担当 e:注記 Tab:条項 P:プレビュー E:書き出し", "arrows 1-4:party e:note Tab P:preview E:export");
    case MODE_PARAMS: return CT("Enter:値を変更 r:既定値 q:戻る", "Enter:edit r:default q:back");
    default: return CT("i:採用 x:除外 r:提案に戻す Enter:パラメータ Tab:分界表 P E", "i:include x:exclude r:reset Enter:params Tab P E");
    }
}

/* ---- changes ---- */

static void report(ct_state *st, app *a, status_code r, status_detail *err, const char *done)
{
    if (r != STATUS_OK) {
        app_status_error(a, err);
    } else {
        int keep = st->csel.sel, pkeep = st->psel.sel;
        load(st, a);
        list_select(&st->csel, keep);
        select_params(st);
        list_select(&st->psel, pkeep);
        app_status(a, ROLE_STATUS_OK, "%s", done);
    }
    status_detail_free(err);
}

static void decide(ct_state *st, app *a, contract_decision d)
{
    if (!st->clauses.len)
        return;
    const contract_clause *cl = &st->clauses.items[st->csel.sel];
    char *id = xstrdup(cl->node->id), *ref = xstrdup(cl->node->ref ? cl->node->ref : cl->node->id);
    char *reason = NULL;
    if (d != CLAUSE_UNDECIDED &&
        !app_prompt(a, d == CLAUSE_INCLUDE ? CT("採用の理由: ", "Reason to include: ") : CT("除外の理由: ", "Reason to exclude: "),
                    cl->reason ? cl->reason : "", &reason)) {
        free(id);
        free(ref);
        return;
    }
    status_detail err = {0};
    status_code r = contract_clause_decide(a->st, st->id, id, d, reason, a->who, &err);
    char *msg = xasprintf(d == CLAUSE_INCLUDE ? CT("採用しました: %s", "included: %s")
                          : d == CLAUSE_EXCLUDE ? CT("除外しました: %s", "excluded: %s")
                                                : CT("提案に戻しました: %s", "back to the proposal: %s"),
                          ref);
    report(st, a, r, &err, msg);
    free(msg);
    free(reason);
    free(id);
    free(ref);
}

static void edit_param(ct_state *st, app *a, bool reset)
{
    if (!st->np)
        return;
    const contract_param_value *p = &st->params.items[st->pidx[st->psel.sel]];
    char *clause = xstrdup(p->clause->node->id), *name = xstrdup(p->def->name);
    char *label = xasprintf("%s: ", i18n_get(&p->def->label, a->english));
    char *value = NULL;
    if (reset || app_prompt(a, label, p->value, &value)) {
        status_detail err = {0};
        status_code r = contract_param_set(a->st, st->id, clause, name, reset ? NULL : value, a->who, &err);
        char *msg = xasprintf(CT("保存しました: %s", "saved: %s"), label);
        msg[strlen(msg) - 2] = '\0'; /* without the ": " */
        report(st, a, r, &err, msg);
        free(msg);
    }
    free(value);
    free(label);
    free(clause);
    free(name);
}

static void set_cell(ct_state *st, app *a, responsibility party)
{
    status_detail err = {0};
    status_code r = contract_matrix_set(a->st, st->id, (contract_component)st->row, (contract_phase)st->col, party, 0,
                                        NULL, a->who, &err);
    char *msg = xasprintf("%s / %s: %s", CT(contract_components[st->row].ja, contract_components[st->row].en),
                          CT(contract_phases[st->col].ja, contract_phases[st->col].en),
                          contract_party_label(party, a->english));
    report(st, a, r, &err, msg);
    free(msg);
}

static void cell_note(ct_state *st, app *a)
{
    const contract_cell *cell = &st->matrix.cells[st->row][st->col];
    char *note = NULL;
    responsibility party = cell->party;
    int64_t vendor = cell->vendor_id;
    if (!app_prompt(a, CT("注記: ", "Note: "), cell->note ? cell->note : "", &note))
        return;
    status_detail err = {0};
    status_code r = contract_matrix_set(a->st, st->id, (contract_component)st->row, (contract_phase)st->col, party, vendor,
                                        note, a->who, &err);
    report(st, a, r, &err, CT("注記を保存しました", "note saved"));
    free(note);
}

static void reset_cell(ct_state *st, app *a)
{
    status_detail err = {0};
    status_code r = contract_matrix_reset(a->st, st->id, (contract_component)st->row, (contract_phase)st->col, a->who,
                                          &err);
    report(st, a, r, &err, CT("自動の値に戻しました", "pre-filled again"));
}

static void export_annex(ct_state *st, app *a)
{
    char *label = contract_label(&st->k);
    char *initial = xasprintf("annex-%lld.docx", (long long)st->id);
    free(label);
    char *path = NULL;
    if (!app_prompt(a, CT("書き出し先（.md / .html / .docx）: ", "Export to (.md / .html / .docx): "), initial, &path)) {
        free(initial);
        return;
    }
    free(initial);
    annex_format fmt;
    if (!annex_format_from_path(path, &fmt)) {
        app_status(a, ROLE_STATUS_ERR, "%s", CT("拡張子は .md .html .docx のどれかにしてください", "the name must end in .md, .html or .docx"));
        free(path);
        return;
    }
    app_status(a, ROLE_STATUS, "%s", CT("書き出しています…", "exporting..."));
    app_draw(a);
    annex_doc d;
    diag_list diags = {0};
    status_detail err = {0};
    status_code r = annex_build(a->st, st->id, NULL, &d, &diags, &err);
    if (r != STATUS_OK && diags.len) {
        /* the template's first error names file:line:col; the rest show in the preview */
        char *m = diag_format(&diags.items[0]);
        app_status(a, ROLE_STATUS_ERR, "%s", m);
        free(m);
    } else if (r != STATUS_OK) {
        app_status_error(a, &err);
    } else {
        export_error e = {0};
        export_status es = annex_write(&d, fmt, path, false, &e);
        if (es == EXPORT_ERR_EXISTS && app_confirm(a, CT("同名のファイルがあります。置き換えますか？ (y/n)", "The file exists. Replace it? (y/n)")))
            es = annex_write(&d, fmt, path, true, &e);
        if (es == EXPORT_OK)
            app_status(a, ROLE_STATUS_OK, CT("書き出しました: %s（SHA-256 %.12s）", "exported %s (SHA-256 %.12s)"), path, d.sha256);
        else if (es != EXPORT_ERR_EXISTS) {
            status_detail ed = {0};
            export_error_status(&e, path, &ed);
            app_status_error(a, &ed);
        } else
            app_status(a, ROLE_STATUS, "%s", CT("書き出しを取りやめました", "not exported"));
        export_error_clear(&e);
        annex_doc_free(&d);
    }
    status_detail_free(&err);
    diag_free(&diags);
    free(path);
}

static int handle_matrix(ct_state *st, app *a, action act)
{
    switch (act) {
    case ACT_UP: st->row = st->row > 0 ? st->row - 1 : 0; return RES_HANDLED;
    case ACT_DOWN: st->row = st->row + 1 < COMP__COUNT ? st->row + 1 : st->row; return RES_HANDLED;
    case ACT_LEFT: st->col = st->col > 0 ? st->col - 1 : 0; return RES_HANDLED;
    case ACT_RIGHT: st->col = st->col + 1 < PHASE__COUNT ? st->col + 1 : st->col; return RES_HANDLED;
    case ACT_SET_HOSPITAL: set_cell(st, a, RESP_HOSPITAL); return RES_HANDLED;
    case ACT_SET_VENDOR: set_cell(st, a, RESP_VENDOR); return RES_HANDLED;
    case ACT_SET_JOINT: set_cell(st, a, RESP_JOINT); return RES_HANDLED;
    case ACT_SET_NA: set_cell(st, a, RESP_NA); return RES_HANDLED;
    case ACT_NOTE: cell_note(st, a); return RES_HANDLED;
    case ACT_RESET: reset_cell(st, a); return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    ct_state *st = s->priv;
    if (!st->loaded)
        return RES_IGNORED;
    if (ev->act == ACT_PREVIEW) {
        st->show_preview = !st->show_preview;
        st->preview_top = -1;
        return RES_HANDLED;
    }
    if (ev->act == ACT_EXPORT_ANNEX) {
        export_annex(st, a);
        return RES_HANDLED;
    }
    if (st->show_preview && a->cols < 120) {
        int page = a->rows - 4;
        switch (ev->act) {
        case ACT_UP: st->preview_top = st->preview_top > 0 ? st->preview_top - 1 : 0; return RES_HANDLED;
        case ACT_DOWN: st->preview_top++; return RES_HANDLED;
        case ACT_PAGE_UP: st->preview_top = st->preview_top > page ? st->preview_top - page : 0; return RES_HANDLED;
        case ACT_PAGE_DOWN: st->preview_top += page; return RES_HANDLED;
        case ACT_BACK: st->show_preview = false; return RES_HANDLED;
        default: return RES_IGNORED;
        }
    }
    if (ev->act == ACT_FOCUS) {
        st->mode = st->mode == MODE_MATRIX ? MODE_CLAUSES : MODE_MATRIX;
        return RES_HANDLED;
    }
    if (st->mode == MODE_MATRIX)
        return handle_matrix(st, a, ev->act);
    if (st->mode == MODE_PARAMS) {
        if (list_handle(&st->psel, ev->act))
            return RES_HANDLED;
        switch (ev->act) {
        case ACT_OPEN: edit_param(st, a, false); return RES_HANDLED;
        case ACT_RESET: edit_param(st, a, true); return RES_HANDLED;
        case ACT_BACK:
        case ACT_LEFT: st->mode = MODE_CLAUSES; return RES_HANDLED;
        default: return RES_IGNORED;
        }
    }
    int before = st->csel.sel;
    if (list_handle(&st->csel, ev->act)) {
        if (st->csel.sel != before)
            select_params(st);
        return RES_HANDLED;
    }
    switch (ev->act) {
    case ACT_OPEN:
    case ACT_RIGHT:
        st->mode = MODE_PARAMS;
        list_select(&st->psel, 0);
        return RES_HANDLED;
    case ACT_INCLUDE: decide(st, a, CLAUSE_INCLUDE); return RES_HANDLED;
    case ACT_EXCLUDE: decide(st, a, CLAUSE_EXCLUDE); return RES_HANDLED;
    case ACT_RESET: decide(st, a, CLAUSE_UNDECIDED); return RES_HANDLED;
    default: return RES_IGNORED;
    }
}

/* Back from a prompt's screen, or another process changed the contract, its systems or answers. */
static void reload(screen *s, app *a, unsigned why)
{
    if (!(why & (RELOAD_SELF | RELOAD_RESUME | RELOAD_EXTERNAL)))
        return;
    ct_state *st = s->priv;
    int keep = st->csel.sel, pkeep = st->psel.sel;
    load(st, a);
    list_select(&st->csel, keep);
    select_params(st);
    list_select(&st->psel, pkeep);
}

static void done(screen *s)
{
    ct_state *st = s->priv;
    unload(st);
    free(st->preview);
    sl_free(&st->lines);
    free(st->pidx);
    free(st);
}

static const keybind ct_binds[] = {
    {'i', ACT_INCLUDE},
    {'x', ACT_EXCLUDE},
    {'r', ACT_RESET},
    {'\t', ACT_FOCUS},
    {KEY_FN(KEY_LEFT), ACT_LEFT},
    {KEY_FN(KEY_RIGHT), ACT_RIGHT},
    {'1', ACT_SET_HOSPITAL},
    {'2', ACT_SET_VENDOR},
    {'3', ACT_SET_JOINT},
    {'4', ACT_SET_NA},
    {'e', ACT_NOTE},
    {'P', ACT_PREVIEW},
    {'E', ACT_EXPORT_ANNEX},
};
static const keymap ct_keys = {.name = "contract", .binds = ct_binds, .len = AZ_ARRAY_LEN(ct_binds)};

static const screen_ops ct_ops = {
    .name = "contract",
    .keys = &ct_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .reload = reload,
    .done = done,
};

screen *contract_screen_new(app *a, int64_t contract_id)
{
    ct_state *st = xcalloc(1, sizeof *st);
    st->id = contract_id;
    if (!load(st, a)) {
        free(st);
        return NULL;
    }
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &ct_ops;
    s->priv = st;
    return s;
}
