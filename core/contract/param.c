#include "param.h"

#include <ctype.h>
#include <errno.h>
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

static bool check_integer(const char *v, char **out, char **err)
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
    if (!ok) {
        *err = xasprintf("\"%s\" is not a whole number (-1000000000 to 1000000000)", v);
        return false;
    }
    *out = xasprintf("%lld", x);
    return true;
}

static bool check_boolean(const char *v, char **out, char **err)
{
    static const char *const yes[] = {"true", "yes", "y", "1", "はい", "あり"};
    static const char *const no[] = {"false", "no", "n", "0", "いいえ", "なし"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(yes); i++) {
        if (str_eq(v, yes[i]) || str_eq(v, no[i])) {
            *out = xstrdup(str_eq(v, yes[i]) ? "true" : "false");
            return true;
        }
    }
    *err = xasprintf("\"%s\" is not true or false (yes/no, はい/いいえ)", v);
    return false;
}

static bool check_text(const char *v, char **out, char **err)
{
    if (!utf8_valid(v)) {
        *err = xstrdup("the text is not valid UTF-8");
        return false;
    }
    size_t chars = 0;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
        if ((*p < 0x20 && *p != '\n') || *p == 0x7f) {
            *err = xasprintf("the text contains a control character (0x%02x)", *p);
            return false;
        }
        chars += (*p & 0xc0) != 0x80;
    }
    if (chars > CONTRACT_PARAM_MAX_CHARS) {
        *err = xasprintf("the text has %zu characters; at most %d are allowed", chars, CONTRACT_PARAM_MAX_CHARS);
        return false;
    }
    *out = xstrdup(v);
    return true;
}

bool contract_param_check(const clause_param *p, const char *value, char **out, char **err)
{
    char *v = trimmed(value ? value : "");
    bool ok = false;
    if (!*v) {
        *err = xasprintf("%s: empty value", p->name);
    } else {
        char *why = NULL;
        switch (p->type) {
        case PARAM_INTEGER: ok = check_integer(v, out, &why); break;
        case PARAM_BOOLEAN: ok = check_boolean(v, out, &why); break;
        case PARAM_TEXT: ok = check_text(v, out, &why); break;
        case PARAM_DATE: {
            char iso[11];
            ok = jpdate_parse_iso(v, iso, &why);
            if (ok)
                *out = xstrdup(iso);
            break;
        }
        case PARAM_ENUM:
            ok = sl_contains(&p->choices, v);
            if (ok) {
                *out = xstrdup(v);
            } else {
                strbuf sb = {0};
                for (size_t i = 0; i < p->choices.len; i++)
                    sb_addf(&sb, "%s%s", i ? ", " : "", p->choices.items[i]);
                why = xasprintf("\"%s\" is not one of %s", v, sb_str(&sb));
                sb_free(&sb);
            }
            break;
        }
        if (!ok)
            *err = xasprintf("%s (%s): %s", p->name, param_type_name(p->type), why ? why : "invalid");
        free(why);
    }
    free(v);
    return ok;
}

void contract_param_list_free(contract_param_list *l)
{
    for (size_t i = 0; i < l->len; i++)
        free(l->items[i].value);
    free(l->items);
    *l = (contract_param_list){0};
}

ws_status contract_params(store *s, int64_t contract_id, const contract_clause_list *clauses,
                          contract_param_list *out, char **err)
{
    (void)err;
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
            char *v = sqlite3_step(st) == SQLITE_ROW ? store_col_dup(st, 0) : NULL;
            GROW(out->items, cap, out->len + 1);
            out->items[out->len++] = (contract_param_value){
                .clause = cl, .def = p, .value = v ? v : xstrdup(p->default_value ? p->default_value : ""),
                .is_default = v == NULL};
        }
    }
    sqlite3_finalize(st);
    return WS_OK;
}

const contract_param_value *contract_param_find(const contract_param_list *l, const char *clause_id, const char *name)
{
    for (size_t i = 0; i < l->len; i++)
        if (str_eq(l->items[i].clause->node->id, clause_id) && str_eq(l->items[i].def->name, name))
            return &l->items[i];
    return NULL;
}

static ws_status write_param(store *s, int64_t cid, const contract_clause *cl, const clause_param *p,
                             const contract_param_value *old, const char *value, const char *who, int *changes,
                             char **err)
{
    int64_t action = history_action(s, who, "param", 0, 0, err);
    if (!action)
        return WS_DB;
    history_target t = {.entity = "contract", .entity_id = cid, .item_id = cl->node->id};
    int w = history_add(s, action, &t, p->name, old->value, value ? value : p->default_value, err);
    if (w < 0)
        return WS_DB;
    /* Pinning the default (or returning a pinned default to the catalog's) changes nothing visible
     * but is still the user's choice, so it counts. */
    *changes = w || old->is_default != (value == NULL);
    if (!*changes)
        return WS_OK;
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
    if (rc != SQLITE_DONE) {
        *err = store_error(s, "contract parameter");
        return WS_DB;
    }
    return WS_OK;
}

ws_status contract_param_set(store *s, int64_t contract_id, const char *clause, const char *name, const char *value,
                             const char *who, char **err)
{
    contract c;
    ws_status r = contract_get(s, contract_id, &c, err);
    if (r != WS_OK)
        return r;
    contract_clause_list l;
    r = contract_clauses(s, &c, &l, err);
    contract_free(&c);
    if (r != WS_OK)
        return r;
    const contract_clause *cl = contract_clause_find(&l, clause);
    const clause_param *p = NULL;
    for (size_t i = 0; cl && i < cl->node->nparams; i++)
        if (str_eq(cl->node->params[i].name, name))
            p = &cl->node->params[i];
    char *norm = NULL;
    if (!cl || !p) {
        *err = !cl ? xasprintf("unknown clause \"%s\"", clause ? clause : "")
                   : xasprintf("clause %s has no parameter \"%s\"", cl->node->ref ? cl->node->ref : cl->node->id,
                               name ? name : "");
        r = WS_NOT_FOUND;
    } else if (!str_empty(value) && !contract_param_check(p, value, &norm, err)) {
        r = WS_INVALID;
    }
    contract_param_list params = {0};
    if (r == WS_OK)
        r = contract_params(s, contract_id, &l, &params, err);
    int changes = 0;
    if (r == WS_OK && store_begin(s, err) != 0)
        r = WS_DB;
    else if (r == WS_OK) {
        const contract_param_value *old = contract_param_find(&params, cl->node->id, p->name);
        r = write_param(s, contract_id, cl, p, old, norm, who, &changes, err);
        if (r == WS_OK && changes && store_commit(s, err) != 0)
            r = WS_DB;
        else if (r != WS_OK || !changes)
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
