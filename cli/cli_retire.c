/* anzen vendor|system delete | archive | restore | undo: retiring a mistaken or unused record
 * (core/workspace/lifecycle.h). A delete that something refers to is refused with the archive
 * command to use instead. */
#include <stdlib.h>

#include "cli_common.h"

static const char *what(ws_entity e, bool en)
{
    return e == WS_VENDOR ? (en ? "vendor" : "事業者") : (en ? "system" : "システム");
}

/* The one positional argument: a name or #id, archived ones too. */
static int record_arg(cli_ctx *c, const strlist *pos, const char *sub, ws_entity e, int64_t *id, char **name)
{
    const char *group = ws_entity_name(e);
    if (pos->len != 1)
        return cli_fail(c, EXIT_USAGE, "%s %s needs one %s (name or #id)", group, sub, e == WS_VENDOR ? "VENDOR" : "SYSTEM");
    int r = cli_open(c);
    if (r)
        return r;
    status_detail err = {0};
    status_code st = e == WS_VENDOR ? ws_vendor_find(c->st, pos->items[0], id, &err)
                                    : ws_system_find(c->st, pos->items[0], id, &err);
    if (st != STATUS_OK)
        return cli_fail_status_see(c, &err, e == WS_VENDOR ? "anzen vendor list" : "anzen system list");
    if (e == WS_VENDOR) {
        ws_vendor v;
        st = ws_vendor_get(c->st, *id, &v, &err);
        *name = st == STATUS_OK ? xstrdup(v.name) : NULL;
        ws_vendor_free(&v);
    } else {
        ws_system s;
        st = ws_system_get(c->st, *id, &s, &err);
        *name = st == STATUS_OK ? xstrdup(s.name) : NULL;
        ws_system_free(&s);
    }
    return st == STATUS_OK ? 0 : cli_fail_status(c, &err);
}

static int cmd_delete(cli_ctx *c, ws_entity e, int64_t id, const char *name)
{
    bool en = c->g->english;
    status_detail err = {0};
    if (ws_delete(c->st, e, id, c->who, &err) != STATUS_OK) {
        if (err.code != STATUS_IN_USE)
            return cli_fail_status(c, &err);
        /* the message says to archive instead; the command that does it follows */
        char *m = status_format(&err, en);
        int r = cli_fail(c, status_exit_code(err.code), "%s: anzen %s archive %s", m,
                         ws_entity_name(e), name);
        free(m);
        status_detail_free(&err);
        return r;
    }
    fprintf(c->out, en ? "deleted %s #%lld %s (anzen %s undo brings it back)\n" : "%s #%lld %s を削除しました（anzen %s undo で元に戻せます）\n",
            what(e, en), (long long)id, name, ws_entity_name(e));
    return EXIT_OK;
}

static int cmd_archive(cli_ctx *c, ws_entity e, int64_t id, const char *name, bool archive)
{
    bool en = c->g->english;
    status_detail err = {0};
    bool changed = false;
    if (ws_archive(c->st, e, id, archive, c->who, &changed, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    const char *w = what(e, en);
    if (!changed)
        fprintf(c->out, en ? (archive ? "%s #%lld %s is archived already\n" : "%s #%lld %s is not archived\n")
                           : (archive ? "%s #%lld %s は既にアーカイブ済みです\n" : "%s #%lld %s はアーカイブされていません\n"),
                w, (long long)id, name);
    else if (archive)
        fprintf(c->out, en ? "archived %s #%lld %s (anzen %s list --archived lists it)\n"
                           : "%s #%lld %s をアーカイブしました（anzen %s list --archived で一覧）\n",
                w, (long long)id, name, ws_entity_name(e));
    else
        fprintf(c->out, en ? "restored %s #%lld %s\n" : "%s #%lld %s を一覧に戻しました\n", w, (long long)id, name);
    return EXIT_OK;
}

static int cmd_undo(cli_ctx *c, ws_entity e)
{
    bool en = c->g->english;
    int r = cli_open(c);
    if (r)
        return r;
    status_detail err = {0};
    ws_undone u;
    if (ws_undo(c->st, &e, c->who, &u, &err) != STATUS_OK)
        return cli_fail_status(c, &err);
    const char *kind = str_eq(u.kind, "delete")    ? (en ? "the delete" : "削除")
                       : str_eq(u.kind, "archive") ? (en ? "the archive" : "アーカイブ")
                                                   : (en ? "the restore" : "一覧への復元");
    const char *name = u.name ? u.name : "";
    if (en)
        fprintf(c->out, "undid %s of %s #%lld %s\n", kind, what(e, en), (long long)u.id, name);
    else
        fprintf(c->out, "%s #%lld %s の%sを取り消しました\n", what(e, en), (long long)u.id, name, kind);
    ws_undone_free(&u);
    return EXIT_OK;
}

int cli_retire_run(cli_ctx *c, int argc, char **argv, ws_entity e)
{
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, NULL, 0, &pos);
    const char *sub = argv[0];
    if (r == 0 && str_eq(sub, "undo")) {
        r = pos.len ? cli_fail(c, EXIT_USAGE, "%s undo takes no arguments (it undoes your own last change)",
                               ws_entity_name(e))
                    : cmd_undo(c, e);
        sl_free(&pos);
        return r;
    }
    int64_t id = 0;
    char *name = NULL;
    if (r == 0)
        r = record_arg(c, &pos, sub, e, &id, &name);
    if (r == 0)
        r = str_eq(sub, "delete") ? cmd_delete(c, e, id, name) : cmd_archive(c, e, id, name, str_eq(sub, "archive"));
    free(name);
    sl_free(&pos);
    return r;
}
