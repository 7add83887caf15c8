#include "template.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>

/* ---- data ---- */

typedef struct {
    char *name;
    tmpl_kind kind;
    char *text;
    tmpl_record **items;
    size_t len, cap;
} tmpl_value;

struct tmpl_record {
    tmpl_value *f;
    size_t len, cap;
};

tmpl_record *tmpl_record_new(void)
{
    return xcalloc(1, sizeof(tmpl_record));
}

void tmpl_record_free(tmpl_record *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->len; i++) {
        free(r->f[i].name);
        free(r->f[i].text);
        for (size_t k = 0; k < r->f[i].len; k++)
            tmpl_record_free(r->f[i].items[k]);
        free(r->f[i].items);
    }
    free(r->f);
    free(r);
}

static tmpl_value *field(tmpl_record *r, const char *name, tmpl_kind kind)
{
    for (size_t i = 0; i < r->len; i++)
        if (str_eq(r->f[i].name, name)) {
            r->f[i].kind = kind;
            return &r->f[i];
        }
    GROW(r->f, r->cap, r->len + 1);
    tmpl_value *v = &r->f[r->len++];
    *v = (tmpl_value){.name = xstrdup(name), .kind = kind};
    return v;
}

void tmpl_set(tmpl_record *r, const char *name, const char *text)
{
    tmpl_value *v = field(r, name, TMPL_TEXT);
    free(v->text);
    v->text = xstrdup(text ? text : "");
}

void tmpl_setf(tmpl_record *r, const char *name, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvasprintf(fmt, ap);
    va_end(ap);
    tmpl_set(r, name, s);
    free(s);
}

void tmpl_list(tmpl_record *r, const char *name)
{
    field(r, name, TMPL_LIST);
}

tmpl_record *tmpl_push(tmpl_record *r, const char *name)
{
    tmpl_value *v = field(r, name, TMPL_LIST);
    GROW(v->items, v->cap, v->len + 1);
    return v->items[v->len++] = tmpl_record_new();
}

/* ---- the parsed template ---- */

typedef enum { N_TEXT, N_VAR, N_NUMBER, N_EACH, N_IF, N_UNLESS } node_kind;

typedef struct node node;
typedef struct {
    node *items;
    size_t len, cap;
} node_list;

struct node {
    node_kind kind;
    char *text; /* N_TEXT: the literal; else the field name */
    bool in_table;
    node_list body, alt; /* blocks: the body, and the {{else}} part of if / unless */
};

struct tmpl {
    node_list root;
};

static void nodes_free(node_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        free(l->items[i].text);
        nodes_free(&l->items[i].body);
        nodes_free(&l->items[i].alt);
    }
    free(l->items);
}

void tmpl_free(tmpl *t)
{
    if (!t)
        return;
    nodes_free(&t->root);
    free(t);
}

static void nodes_add(node_list *l, node n)
{
    GROW(l->items, l->cap, l->len + 1);
    l->items[l->len++] = n;
}

/* ---- parsing ---- */

typedef struct {
    node_kind kind;
    char *name;
    node_list body, alt;
    bool in_else;
    int line, col;
    const tmpl_field *fields; /* N_EACH: the list's record fields */
} frame;

typedef struct {
    const char *file, *text;
    size_t len;
    diag_list *diags;
    int errors;
    frame *stack;
    size_t depth, cap;
    const tmpl_field *schema;
    /* position cache for line / column of a byte offset */
    size_t pos_off;
    int pos_line, pos_col;
} parser;

static void position(parser *p, size_t off, int *line, int *col)
{
    if (off < p->pos_off) {
        p->pos_off = 0;
        p->pos_line = p->pos_col = 1;
    }
    for (; p->pos_off < off; p->pos_off++) {
        unsigned char c = (unsigned char)p->text[p->pos_off];
        if (c == '\n') {
            p->pos_line++;
            p->pos_col = 1;
        } else if ((c & 0xc0) != 0x80) {
            p->pos_col++;
        }
    }
    *line = p->pos_line;
    *col = p->pos_col;
}

static void fail(parser *p, size_t off, const char *fmt, ...) AZ_PRINTF(3, 4);
static void fail(parser *p, size_t off, const char *fmt, ...)
{
    int line, col;
    position(p, off, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    char *m = xvasprintf(fmt, ap);
    va_end(ap);
    diag_add(p->diags, p->file, line, col, "%s", m);
    free(m);
    p->errors++;
}

static node_list *current(parser *p, node_list *root)
{
    if (!p->depth)
        return root;
    frame *f = &p->stack[p->depth - 1];
    return f->in_else ? &f->alt : &f->body;
}

static const char *block_name(node_kind k)
{
    return k == N_EACH ? "each" : k == N_IF ? "if" : "unless";
}

/* The schema field `name` as seen from the innermost scope, or NULL. */
static const tmpl_field *lookup(const parser *p, const char *name)
{
    for (size_t d = p->depth + 1; d-- > 0;) {
        const tmpl_field *fields = p->schema;
        if (d > 0) {
            if (p->stack[d - 1].kind != N_EACH)
                continue;
            fields = p->stack[d - 1].fields;
        }
        for (const tmpl_field *f = fields; f && f->name; f++)
            if (str_eq(f->name, name))
                return f;
    }
    return NULL;
}

static bool in_each(const parser *p)
{
    for (size_t d = 0; d < p->depth; d++)
        if (p->stack[d].kind == N_EACH)
            return true;
    return false;
}

static bool valid_name(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_')
        return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return false;
    return true;
}

/* Names the fields known at this point, for an error message. Caller frees. */
static char *known_fields(const parser *p)
{
    strbuf sb = {0};
    for (size_t d = p->depth + 1; d-- > 0;) {
        const tmpl_field *fields = d == 0 ? p->schema : p->stack[d - 1].kind == N_EACH ? p->stack[d - 1].fields : NULL;
        for (const tmpl_field *f = fields; f && f->name; f++)
            sb_addf(&sb, "%s%s", sb.len ? ", " : "", f->name);
    }
    return sb_take(&sb);
}

static void unknown(parser *p, size_t off, const char *name)
{
    char *known = known_fields(p);
    fail(p, off, "unknown field \"%s\" (known here: %s)", name, known);
    free(known);
}

static void open_block(parser *p, size_t off, node_kind kind, const char *name)
{
    const tmpl_field *f = valid_name(name) ? lookup(p, name) : NULL;
    if (!valid_name(name))
        fail(p, off, "{{#%s}} needs a field name, not \"%s\"", block_name(kind), name);
    else if (!f)
        unknown(p, off, name);
    else if (kind == N_EACH && f->kind != TMPL_LIST)
        fail(p, off, "\"%s\" is a text, not a list: {{#each}} needs a list", name);
    GROW(p->stack, p->cap, p->depth + 1);
    frame *fr = &p->stack[p->depth++];
    *fr = (frame){.kind = kind, .name = xstrdup(name), .fields = f && f->kind == TMPL_LIST ? f->fields : NULL};
    position(p, off, &fr->line, &fr->col);
}

static void close_block(parser *p, size_t off, node_kind kind, node_list *root)
{
    if (!p->depth) {
        fail(p, off, "{{/%s}} closes nothing", block_name(kind));
        return;
    }
    frame *fr = &p->stack[p->depth - 1];
    if (fr->kind != kind) {
        fail(p, off, "{{/%s}} closes {{#%s %s}} opened at %d:%d", block_name(kind), block_name(fr->kind), fr->name,
             fr->line, fr->col);
        return;
    }
    node n = {.kind = kind, .text = fr->name, .body = fr->body, .alt = fr->alt};
    p->depth--;
    nodes_add(current(p, root), n);
}

static char *trim_copy(const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s))
        s++, n--;
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    return xstrndup(s, n);
}

/* Is the tag [start, end) alone on its line? Then *from / *to are the line's bounds (to past the newline). */
static bool standalone(const parser *p, size_t start, size_t end, size_t *from, size_t *to)
{
    size_t ls = start;
    while (ls > 0 && p->text[ls - 1] != '\n')
        ls--;
    for (size_t i = ls; i < start; i++)
        if (p->text[i] != ' ' && p->text[i] != '\t')
            return false;
    size_t le = end;
    while (le < p->len && (p->text[le] == ' ' || p->text[le] == '\t' || p->text[le] == '\r'))
        le++;
    if (le < p->len && p->text[le] != '\n')
        return false;
    *from = ls;
    *to = le < p->len ? le + 1 : le;
    return true;
}

static bool line_is_table(const parser *p, size_t off)
{
    size_t ls = off;
    while (ls > 0 && p->text[ls - 1] != '\n')
        ls--;
    while (ls < p->len && (p->text[ls] == ' ' || p->text[ls] == '\t'))
        ls++;
    return ls < p->len && p->text[ls] == '|';
}

static void add_text(parser *p, node_list *root, const char *s, size_t n)
{
    if (!n)
        return;
    node_list *l = current(p, root);
    if (l->len && l->items[l->len - 1].kind == N_TEXT) {
        node *last = &l->items[l->len - 1];
        char *joined = xasprintf("%s%.*s", last->text, (int)n, s);
        free(last->text);
        last->text = joined;
        return;
    }
    nodes_add(l, (node){.kind = N_TEXT, .text = xstrndup(s, n)});
}

/* One tag's content (between the braces) at offset off. */
static void tag(parser *p, node_list *root, size_t off, const char *body, bool *block)
{
    *block = true;
    if (body[0] == '!')
        return;
    if (str_eq(body, "else")) {
        frame *fr = p->depth ? &p->stack[p->depth - 1] : NULL;
        if (!fr || fr->kind == N_EACH)
            fail(p, off, "{{else}} outside {{#if}} / {{#unless}}");
        else if (fr->in_else)
            fail(p, off, "a second {{else}} in {{#%s %s}}", block_name(fr->kind), fr->name);
        else
            fr->in_else = true;
        return;
    }
    static const struct {
        const char *word;
        node_kind kind;
    } blocks[] = {{"each", N_EACH}, {"if", N_IF}, {"unless", N_UNLESS}};
    for (size_t i = 0; i < AZ_ARRAY_LEN(blocks); i++) {
        size_t n = strlen(blocks[i].word);
        if ((body[0] == '#' || body[0] == '/') && strncmp(body + 1, blocks[i].word, n) == 0 &&
            (body[1 + n] == '\0' || isspace((unsigned char)body[1 + n]))) {
            char *name = trim_copy(body + 1 + n, strlen(body + 1 + n));
            if (body[0] == '#')
                open_block(p, off, blocks[i].kind, name);
            else
                close_block(p, off, blocks[i].kind, root);
            free(name);
            return;
        }
    }
    *block = false;
    if (body[0] == '#' || body[0] == '/') {
        fail(p, off, "unknown block {{%s}} (each, if, unless)", body);
        return;
    }
    if (str_eq(body, "@number")) {
        if (!in_each(p))
            fail(p, off, "{{@number}} outside {{#each}}");
        nodes_add(current(p, root), (node){.kind = N_NUMBER});
        return;
    }
    const tmpl_field *f = valid_name(body) ? lookup(p, body) : NULL;
    if (!valid_name(body))
        fail(p, off, "\"%s\" is not a field name", body);
    else if (!f)
        unknown(p, off, body);
    else if (f->kind == TMPL_LIST)
        fail(p, off, "\"%s\" is a list: use {{#each %s}} … {{/each}}", body, body);
    nodes_add(current(p, root), (node){.kind = N_VAR, .text = xstrdup(body), .in_table = line_is_table(p, off)});
}

tmpl *tmpl_parse(const char *file, const char *text, const tmpl_field *schema, diag_list *diags)
{
    parser p = {.file = file, .text = text, .len = strlen(text), .diags = diags, .schema = schema, .pos_line = 1, .pos_col = 1};
    node_list root = {0};
    size_t i = 0, seg = 0;
    while (i < p.len) {
        if (text[i] == '\\' && strncmp(text + i + 1, "{{", 2) == 0) {
            add_text(&p, &root, text + seg, i - seg);
            add_text(&p, &root, "{{", 2);
            i += 3;
            seg = i;
            continue;
        }
        if (strncmp(text + i, "{{", 2) != 0) {
            i++;
            continue;
        }
        const char *close = strstr(text + i + 2, "}}");
        const char *nl = strchr(text + i + 2, '\n');
        if (!close || (nl && nl < close && text[i + 2] != '!')) {
            fail(&p, i, "\"{{\" is not closed by \"}}\" on its line (write \\{{ for a literal {{)");
            i += 2;
            continue;
        }
        size_t end = (size_t)(close - text) + 2;
        char *body = trim_copy(text + i + 2, (size_t)(close - text) - i - 2);
        size_t from = i, to = end;
        bool is_block = body[0] == '!' || body[0] == '#' || body[0] == '/' || str_eq(body, "else");
        if (!(is_block && standalone(&p, i, end, &from, &to))) {
            from = i;
            to = end;
        }
        add_text(&p, &root, text + seg, from - seg);
        bool block;
        tag(&p, &root, i, body, &block);
        free(body);
        i = seg = to;
    }
    add_text(&p, &root, text + seg, p.len - seg);
    while (p.depth) {
        frame *fr = &p.stack[p.depth - 1];
        diag_add(diags, file, fr->line, fr->col, "{{#%s %s}} is not closed (expected {{/%s}})", block_name(fr->kind),
                 fr->name, block_name(fr->kind));
        p.errors++;
        close_block(&p, p.len, fr->kind, &root);
    }
    free(p.stack);
    if (p.errors) {
        nodes_free(&root);
        return NULL;
    }
    tmpl *t = xcalloc(1, sizeof *t);
    t->root = root;
    return t;
}

/* ---- rendering ---- */

typedef struct {
    const tmpl_record *rec[64];
    size_t number[64];
    size_t depth;
    tmpl_escape_fn escape;
    strbuf out;
} renderer;

static const tmpl_value *find(const renderer *r, const char *name)
{
    for (size_t d = r->depth; d-- > 0;)
        for (size_t i = 0; i < r->rec[d]->len; i++)
            if (str_eq(r->rec[d]->f[i].name, name))
                return &r->rec[d]->f[i];
    return NULL;
}

static bool truthy(const tmpl_value *v)
{
    return v && (v->kind == TMPL_LIST ? v->len > 0 : !str_empty(v->text));
}

static void render_nodes(renderer *r, const node_list *l)
{
    for (size_t i = 0; i < l->len; i++) {
        const node *n = &l->items[i];
        const tmpl_value *v = n->kind == N_TEXT || n->kind == N_NUMBER ? NULL : find(r, n->text);
        switch (n->kind) {
        case N_TEXT: sb_add(&r->out, n->text); break;
        case N_NUMBER: sb_addf(&r->out, "%zu", r->depth ? r->number[r->depth - 1] : 0); break;
        case N_VAR:
            if (v && v->kind == TMPL_TEXT && v->text)
                r->escape(&r->out, v->text, n->in_table);
            break;
        case N_IF:
        case N_UNLESS: render_nodes(r, truthy(v) == (n->kind == N_IF) ? &n->body : &n->alt); break;
        case N_EACH:
            for (size_t k = 0; v && v->kind == TMPL_LIST && k < v->len && r->depth < AZ_ARRAY_LEN(r->rec); k++) {
                r->rec[r->depth] = v->items[k];
                r->number[r->depth] = k + 1;
                r->depth++;
                render_nodes(r, &n->body);
                r->depth--;
            }
            break;
        }
    }
}

char *tmpl_render(const tmpl *t, const tmpl_record *data, tmpl_escape_fn escape)
{
    renderer r = {.escape = escape};
    r.rec[0] = data;
    r.number[0] = 0;
    r.depth = 1;
    render_nodes(&r, &t->root);
    if (!r.out.data)
        return xstrdup("");
    return sb_take(&r.out);
}
