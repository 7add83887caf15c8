/* A form of labelled fields (inventory): see screens.h. */
#include <stdlib.h>

#include "draw.h"
#include "text/lib.h"
#include "lineedit.h"
#include "list.h"
#include "msg.h"
#include "screens.h"

typedef struct {
    char *title;
    form_field *f;
    size_t n;
    list_state sel;
    bool modified;
    form_save_fn save;
    void *ctx;
    void (*free_ctx)(void *);
} form_state;

static const char *shown(const form_field *f)
{
    if (f->kind == FF_TRI)
        return str_eq(f->value, "yes") ? L(TRI_YES) : str_eq(f->value, "no") ? L(TRI_NO) : "-";
    if (f->kind == FF_CHOICE) {
        for (size_t i = 0; i < f->choices.len; i++)
            if (str_eq(f->choices.items[i], f->value))
                return f->labels.items[i];
        return *f->value ? f->value : "-";
    }
    return *f->value ? f->value : "";
}

static void title(screen *s, app *a, strbuf *sb)
{
    (void)a;
    form_state *st = s->priv;
    sb_add(sb, st->title);
}

static const char *hint(screen *s, app *a)
{
    (void)s;
    (void)a;
    return L(FORM_HINT);
}

static void draw(screen *s, app *a, WINDOW *w, rect r)
{
    (void)a;
    form_state *st = s->priv;
    int lw = 0;
    for (size_t i = 0; i < st->n; i++) {
        int tw = text_width(st->f[i].label) + (st->f[i].required ? 2 : 0);
        if (tw > lw)
            lw = tw;
    }
    if (lw > r.w / 2)
        lw = r.w / 2;
    list_set_height(&st->sel, r.h - 1);
    for (int i = 0; i < r.h - 1 && st->sel.top + i < (int)st->n; i++) {
        int idx = st->sel.top + i;
        const form_field *f = &st->f[idx];
        bool sel = idx == st->sel.sel;
        int y = r.y + 1 + i;
        role base = sel ? ROLE_SELECTED : ROLE_NORMAL;
        draw_fill(w, y, r.x, r.w, base);
        if (sel)
            draw_put(w, y, r.x, r.x + 1, ">", base);
        char *lab = xasprintf("%s%s", f->label, f->required ? " *" : "");
        draw_text(w, y, r.x + 2, lw, lab, sel ? base : ROLE_LABEL);
        free(lab);
        draw_text(w, y, r.x + 2 + lw + 2, r.w - lw - 5, shown(f), base);
    }
}

static void cycle(form_field *f)
{
    if (f->kind == FF_TRI) {
        const char *next = !*f->value ? "yes" : str_eq(f->value, "yes") ? "no" : "";
        free(f->value);
        f->value = xstrdup(next);
        return;
    }
    size_t i = 0;
    while (i < f->choices.len && !str_eq(f->choices.items[i], f->value))
        i++;
    const char *next = f->choices.len ? f->choices.items[(i + 1) % f->choices.len] : "";
    free(f->value);
    f->value = xstrdup(next);
}

/* A multi-line field's text back from the note editor: kept in the form, saved with it. */
typedef struct {
    form_state *st;
    size_t field;
} lines_target;

static bool keep_lines(void *ctx, app *a, const char *text)
{
    (void)a;
    lines_target *t = ctx;
    form_field *f = &t->st->f[t->field];
    if (!str_eq(f->value, text)) {
        free(f->value);
        f->value = xstrdup(text);
        t->st->modified = true;
    }
    return true;
}

static void edit(form_state *st, app *a, keycode first)
{
    form_field *f = &st->f[st->sel.sel];
    if (f->kind == FF_TRI || f->kind == FF_CHOICE) {
        cycle(f);
        st->modified = true;
        return;
    }
    /* Typing on a field starts editing it with that character appended. */
    char *init = xstrdup(f->value);
    if (first) {
        char buf[8];
        utf8_put(buf, (uint32_t)first);
        char *t = xasprintf("%s%s", init, buf);
        free(init);
        init = t;
    }
    if (f->kind == FF_LINES) { /* the form stays below the editor, so st outlives it */
        lines_target *t = xmalloc(sizeof *t);
        *t = (lines_target){st, (size_t)st->sel.sel};
        screen *ed = note_screen_new(a, f->label, init, keep_lines, t, free);
        note_screen_keeps(ed);
        app_push(a, ed);
        free(init);
        return;
    }
    char *label = xasprintf("%s: ", f->label);
    char *in = NULL;
    bool ok = first ? app_prompt_edit(a, label, init, &in) : app_prompt(a, label, init, &in);
    free(init);
    free(label);
    if (!ok)
        return;
    if (f->kind == FF_DATE && *in) {
        char iso[11];
        status_detail err = {0};
        if (!jpdate_parse_iso(in, iso, &err)) {
            status_set_field(&err, f->label);
            app_status_error(a, &err);
            free(in);
            return;
        }
        free(in);
        in = xstrdup(iso);
    }
    if (f->kind == FF_INT && *in) {
        char *end = NULL;
        long v = strtol(in, &end, 10);
        if (!end || *end || v < 0) {
            char *m = msgf(MSG_FORM_NOT_NUMBER, f->label, in);
            app_status(a, ROLE_STATUS_ERR, "%s", m);
            free(m);
            free(in);
            return;
        }
    }
    if (!str_eq(in, f->value))
        st->modified = true;
    free(f->value);
    f->value = in;
}

static int handle(screen *s, app *a, const tui_event *ev)
{
    form_state *st = s->priv;
    if (list_handle(&st->sel, ev->act))
        return RES_HANDLED;
    if (ev->key == KEY_CTRL('s') || ev->key == KEY_FN(KEY_F(2))) {
        for (size_t i = 0; i < st->n; i++)
            if (st->f[i].required && !*st->f[i].value) {
                char *m = msgf(MSG_FORM_REQUIRED, st->f[i].label);
                app_status(a, ROLE_STATUS_ERR, "%s", m);
                free(m);
                list_select(&st->sel, (int)i);
                return RES_HANDLED;
            }
        return st->save(st->ctx, a, st->f, st->n) ? RES_CLOSE : RES_HANDLED;
    }
    if (ev->act == ACT_OPEN || ev->key == ' ') {
        edit(st, a, 0);
        return RES_HANDLED;
    }
    const form_field *cur = &st->f[st->sel.sel];
    if (cur->kind != FF_TRI && cur->kind != FF_CHOICE && ev->key > 0x20 && ev->key != 0x7f &&
        !(ev->key & 0x40000000) && ev->act != ACT_HELP && ev->key != 'q' && ev->key != 'Q') {
        edit(st, a, ev->key);
        return RES_HANDLED;
    }
    if (ev->act == ACT_BACK) {
        if (st->modified && !app_confirm(a, L(FORM_DISCARD)))
            return RES_HANDLED;
        return RES_CLOSE;
    }
    return RES_IGNORED;
}

static void done(screen *s)
{
    form_state *st = s->priv;
    for (size_t i = 0; i < st->n; i++) {
        free(st->f[i].value);
        sl_free(&st->f[i].choices);
        sl_free(&st->f[i].labels);
    }
    free(st->f);
    if (st->free_ctx)
        st->free_ctx(st->ctx);
    free(st->title);
    free(st);
}

static const keybind form_binds[] = {
    {KEY_CTRL('s'), ACT_SAVE},
    {KEY_FN(KEY_F(2)), ACT_SAVE},
};
static const keymap form_keys = {.name = "form", .binds = form_binds, .len = AZ_ARRAY_LEN(form_binds)};

static const screen_ops form_ops = {
    .name = "form",
    .keys = &form_keys,
    .title = title,
    .hint = hint,
    .draw = draw,
    .handle = handle,
    .done = done,
};

screen *form_screen_new(app *a, const char *t, form_field *fields, size_t n, form_save_fn save, void *ctx,
                        void (*free_ctx)(void *))
{
    (void)a;
    form_state *st = xcalloc(1, sizeof *st);
    st->title = xstrdup(t);
    st->f = fields;
    st->n = n;
    for (size_t i = 0; i < n; i++)
        if (!st->f[i].value)
            st->f[i].value = xstrdup("");
    st->save = save;
    st->ctx = ctx;
    st->free_ctx = free_ctx;
    list_set_count(&st->sel, (int)n);
    screen *s = xcalloc(1, sizeof *s);
    s->ops = &form_ops;
    s->priv = st;
    return s;
}
