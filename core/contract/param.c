#include "param.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/lib.h"
#include "history/lib.h"
#include "text/lib.h"

/* Leading and trailing ASCII / ideographic spaces removed. Caller frees. */
static char *trimmed(const char *s)
{
    while (*s == ' ' || *s == '\t' || str_starts(s, "\u3000"))
        s += *s == ' ' || *s == '\t' ? 1 : 3;
    size_t n = strlen(s);
    for (;;) {
        if (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
            n--;
        else if (n >= 3 && memcmp(s + n - 3, "\u3000", 3) == 0)
            n -= 3;
        else
            break;
    }
    return xstrndup(s, n);
}

/* Each check fills err with the parameter's name as the field. */
static status_code check_integer(const char *name, const char *v, char **out, status_detail *err)
{
    char *folded = text_fold(v); /* full-width digits and signs → ASCII */
    const char *p = folded;
    bool ok = *p != '\0';
    if (*p == '-' || *p == '+')
        p++;
    ok = ok && *p;
    for (const char *q = p; ok && *q; q++)
        ok = isdigit((unsigned char)*q);
    long long x = 0;
    if (ok) {
        errno = 0;
        x = strtoll(folded, NULL, 10);
        ok = errno == 0 && x >= -1000000000LL && x <= 1000000000LL;
    }
    free(folded);
    if (!ok)
        return status_fail(err, &(status_info){STATUS_PARAM_NOT_INTEGER, .field = name, .value = v});
    *out = xasprintf("%lld", x);
    return STATUS_OK;
}

static status_code check_boolean(const char *name, const char *v, char **out, status_detail *err)
{
    static const char *const yes[] = {"true", "yes", "y", "1", "はい", "あり"};
    static const char *const no[] = {"false", "no", "n", "0", "いいえ", "なし"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(yes); i++) {
        if (str_eq(v, yes[i]) || str_eq(v, no[i])) {
            *out = xstrdup(str_eq(v, yes[i]) ? "true" : "false");
            return STATUS_OK;
        }
    }
    return status_fail(err, &(status_info){STATUS_PARAM_NOT_BOOLEAN, .field = name, .value = v});
}

static status_code check_text(const char *name, const char *v, char **out, status_detail *err)
{
    if (!utf8_valid(v))
        return status_fail(err, &(status_info){STATUS_PARAM_NOT_UTF8, .field = name});
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if ((*p < 0x20 && *p != '\n') || *p == 0x7f) {
            char code[8];
            snprintf(code, sizeof code, "0x%02x", *p);
            return status_fail(err, &(status_info){STATUS_PARAM_CONTROL_CHAR, .field = name, .value = code});
        }
        chars += (*p & 0xc0) != 0x80;
    }
    if (chars > CONTRACT_PARAM_MAX_CHARS) {
        char max[16];
        snprintf(max, sizeof max, "%d", CONTRACT_PARAM_MAX_CHARS);
        return status_fail(err, &(status_info){STATUS_PARAM_TOO_LONG, .field = name, .num = (int64_t)chars, .extra = max});
    }
    *out = xstrdup(v);
    return STATUS_OK;
}

static status_code check_enum(const clause_param *p, const char *v, char **out, status_detail *err)
{
    if (sl_contains(&p->choices, v)) {
        *out = xstrdup(v);
        return STATUS_OK;
    }
    strbuf sb = {0};
    for (size_t i = 0; i < p->choices.len; i++)
        sb_addf(&sb, "%s%s", i ? ", " : "", p->choices.items[i]);
    status_code r = status_fail(err, &(status_info){STATUS_PARAM_NOT_A_CHOICE, .field = p->name, .value = v,
                                                    .extra = sb_str(&sb)});
    sb_free(&sb);
    return r;
}

status_code contract_param_check(const clause_param *p, const char *value, char **out, status_detail *err)
{
    char *v = trimmed(value ? value : "");
    status_code r = STATUS_INTERNAL;
    if (!*v) {
        r = status_fail(err, &(status_info){STATUS_PARAM_EMPTY, .field = p->name});
    } else {
        switch (p->type) {
        case PARAM_INTEGER: r = check_integer(p->name, v, out, err); break;
        case PARAM_BOOLEAN: r = check_boolean(p->name, v, out, err); break;
        case PARAM_TEXT: r = check_text(p->name, v, out, err); break;
        case PARAM_ENUM: r = check_enum(p, v, out, err); break;
        case PARAM_DATE: {
            char iso[11];
            if (jpdate_parse_iso(v, iso, err)) {
                *out = xstrdup(iso);
                r = STATUS_OK;
            } else {
                status_set_field(err, p->name);
                r = status_failed(err);
            }
            break;
        }
        }
    }
    free(v);
    return r;
}

void contract_param_list_free(contract_param_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i].value);
    free(l->items);
    *l = (contract_param_list){0};
}

status_code contract_params(store *s, int64_t contract_id, const contract_clause_list *clauses,
                          contract_param_list *out, status_detail *err)
{
    *out = (contract_param_list){0};
    size_t cap = 0;
    sqlite3_stmt *st = store_prepare(s, "SELECT value FROM contract_param WHERE contract_pk = ? AND clause_id = ? AND name = ?");
    for (size_t i = 0; i < clauses->len; i++) {
        const contract_clause *cl = &clauses->items[i];
        for (size_t k = 0; k < cl->node->nparams; k++) {
            const clause_param *p = &cl->node->params[k];
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, contract_id);
            store_bind_text(st, 2, cl->node->id);
            store_bind_text(st, 3, p->name);
            int rc = sqlite3_step(st);
            if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
                status_code r = store_fail(s, err, "contract");
                sqlite3_finalize(st);
                contract_param_list_free(out);
                return r;
            }
            char *v = rc == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
            GROW(out->items, cap, out->len + 1);
            out->items[out->len++] = (contract_param_value){
                .clause = cl, .def = p, .value = v ? v : xstrdup(p->default_value ? p->default_value : ""),
                .is_default = v == NULL};
        }
    }
    sqlite3_finalize(st);
    return STATUS_OK;
}

const contract_param_value *contract_param_find(const contract_param_list *l, const char *clause_id, const char *name)
{
    for (size_t i = 0; i < l->len; i++)
        if (str_eq(l->items[i].clause->node->id, clause_id) && str_eq(l->items[i].def->name, name))
            return &l->items[i];
    return NULL;
}

static status_code write_param(store *s, int64_t cid, const contract_clause *cl, const clause_param *p,
                             const contract_param_value *old, const char *value, const char *who, int *changes,
                             status_detail *err)
{
    int64_t action = history_action(s, who, "param", 0, 0, err);
    if (!action)
        return status_failed(err);
    history_target t = {.entity = "contract", .entity_id = cid, .item_id = cl->node->id};
    int w = history_add(s, action, &t, p->name, old->value, value ? value : p->default_value, err);
    if (w < 0)
        return status_failed(err);
    /* Pinning the default (or returning a pinned default to the catalog's) changes nothing visible
     * but is still the user's choice, so it counts. */
    *changes = w || old->is_default != (value == NULL);
    if (!*changes)
        return STATUS_OK;
    sqlite3_stmt *st;
    if (value) {
        st = store_prepare(s, "INSERT OR REPLACE INTO contract_param(contract_pk, clause_id, name, value) VALUES(?,?,?,?)");
        store_bind_text(st, 4, value);
    } else {
        st = store_prepare(s, "DELETE FROM contract_param WHERE contract_pk = ? AND clause_id = ? AND name = ?");
    }
    sqlite3_bind_int64(st, 1, cid);
    store_bind_text(st, 2, cl->node->id);
    store_bind_text(st, 3, p->name);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, "contract");
    return STATUS_OK;
}

status_code contract_param_set(store *s, int64_t contract_id, const char *clause, const char *name, const char *value,
                             const char *who, status_detail *err)
{
    contract c;
    status_code r = contract_get(s, contract_id, &c, err);
    if (r != STATUS_OK)
        return r;
    contract_clause_list l;
    r = contract_clauses(s, &c, &l, err);
    contract_free(&c);
    if (r != STATUS_OK)
        return r;
    const contract_clause *cl = contract_clause_find(&l, clause);
    const clause_param *p = NULL;
    for (size_t i = 0; cl && i < cl->node->nparams; i++)
        if (str_eq(cl->node->params[i].name, name))
            p = &cl->node->params[i];
    char *norm = NULL;
    if (!cl) {
        char *lib = xasprintf("%s@%s", l.cat->id, l.cat->version);
        r = status_fail(err, &(status_info){STATUS_CLAUSE_NOT_FOUND, .item = clause ? clause : "", .entity = lib});
        free(lib);
    } else if (!p) {
        r = status_fail(err, &(status_info){STATUS_PARAM_NOT_FOUND, .item = cl->node->ref ? cl->node->ref : cl->node->id,
                                            .value = name ? name : ""});
    } else if (!str_empty(value)) {
        r = contract_param_check(p, value, &norm, err);
    }
    contract_param_list params = {0};
    if (r == STATUS_OK)
        r = contract_params(s, contract_id, &l, &params, err);
    int changes = 0;
    if (r == STATUS_OK && (r = store_begin(s, err)) == STATUS_OK) {
        const contract_param_value *old = contract_param_find(&params, cl->node->id, p->name);
        r = write_param(s, contract_id, cl, p, old, norm, who, &changes, err);
        bool committed = r == STATUS_OK && changes && (r = store_commit(s, err)) == STATUS_OK;
        if (!committed)
            store_rollback(s);
    }
    free(norm);
    contract_param_list_free(&params);
    contract_clause_list_free(&l);
    return r;
}

/* The code point ending at s[end) (scanning back over continuation bytes), or 0. */
static int32_t cp_before(const char *s, size_t end)
{
    size_t i = end;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
        i--;
    if (i == 0)
        return 0;
    int32_t cp = 0;
    utf8_decode(s + i - 1, end - i + 1, &cp);
    return cp;
}

/* Appends catalog text, dropping the spaces YAML folding (">-") left where a line broke next to a
 * Japanese character: a folded line break is a space in English, nothing in Japanese. */
static void add_unfolded(strbuf *sb, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') {
            int32_t next = 0;
            if (i + 1 < n)
                utf8_decode(s + i + 1, n - i - 1, &next);
            if ((i > 0 && cp_width(cp_before(s, i)) == 2) || (next && cp_width(next) == 2))
                continue;
        }
        sb_addc(sb, s[i]);
    }
}

char *contract_clause_text(const contract_clause *cl, const contract_param_list *params, bool english)
{
    const char *src = english && cl->node->annex.en ? cl->node->annex.en : cl->node->annex.ja;
    if (!src)
        src = i18n_get(&cl->node->text, english);
    strbuf sb = {0};
    for (const char *p = src; *p;) {
        const char *open = strstr(p, "{{");
        const char *close = open ? strstr(open + 2, "}}") : NULL;
        if (!close) {
            english ? sb_add(&sb, p) : add_unfolded(&sb, p, strlen(p));
            break;
        }
        english ? sb_addn(&sb, p, (size_t)(open - p)) : add_unfolded(&sb, p, (size_t)(open - p));
        char *name = xstrndup(open + 2, (size_t)(close - open - 2));
        const contract_param_value *v = contract_param_find(params, cl->node->id, name);
        sb_add(&sb, v ? v->value : "");
        free(name);
        p = close + 2;
    }
    return sb_take(&sb);
}
