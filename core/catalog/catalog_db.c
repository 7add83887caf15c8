#include "catalog_db.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "catalog_failed.h"
#include "catalog_file.h"
#include "catalog_limits.h"
#include "catalog_yaml.h"
#include "node_fields.h"
#include "text/lib.h"

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static char *json_take(cJSON *j)
{
    char *s = cJSON_PrintUnformatted(j);
    cJSON_Delete(j);
    if (!s) {
        fprintf(stderr, "anzen: out of memory (JSON)\n");
        abort();
    }
    char *r = xstrdup(s);
    cJSON_free(s);
    return r;
}

static void json_add_opt(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
}

static char *answers_json(const catalog *c)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < c->nanswers; i++) {
        const answer_def *a = &c->answers[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "value", a->value);
        json_add_opt(o, "ja", a->label.ja);
        json_add_opt(o, "en", a->label.en);
        cJSON_AddStringToObject(o, "meaning", answer_meaning_name(a->meaning));
        if (a->key) {
            char k[2] = {a->key, 0};
            cJSON_AddStringToObject(o, "key", k);
        }
        if (a->needs_reason)
            cJSON_AddTrueToObject(o, "needs_reason");
        cJSON_AddItemToArray(arr, o);
    }
    return json_take(arr);
}

static char *tag_defs_json(const catalog *c)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < c->ntags; i++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", c->tags[i].id);
        json_add_opt(o, "ja", c->tags[i].label.ja);
        json_add_opt(o, "en", c->tags[i].label.en);
        cJSON_AddItemToArray(arr, o);
    }
    return json_take(arr);
}

static cJSON *strlist_json(const strlist *sl);

static char *fields_json(const catalog *c)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < c->nfields; i++) {
        const catalog_field *f = &c->fields[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "key", f->key);
        json_add_opt(o, "ja", f->label.ja);
        json_add_opt(o, "en", f->label.en);
        cJSON_AddStringToObject(o, "type", catalog_field_type_name(f->type));
        cJSON_AddItemToObject(o, "choices", strlist_json(&f->choices));
        cJSON_AddItemToArray(arr, o);
    }
    return json_take(arr);
}

static cJSON *strlist_json(const strlist *sl)
{
    cJSON *arr = cJSON_CreateArray();
    for (size_t i = 0; i < sl->len; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(sl->items[i]));
    return arr;
}

static char *clause_json(const catalog_node *n)
{
    if (!n->nparams && !n->annex.ja && !n->triggers.len)
        return NULL;
    cJSON *o = cJSON_CreateObject();
    cJSON *params = cJSON_AddArrayToObject(o, "params");
    for (size_t i = 0; i < n->nparams; i++) {
        const clause_param *p = &n->params[i];
        cJSON *po = cJSON_CreateObject();
        cJSON_AddStringToObject(po, "name", p->name);
        cJSON_AddStringToObject(po, "type", param_type_name(p->type));
        json_add_opt(po, "default", p->default_value);
        json_add_opt(po, "unit_ja", p->unit.ja);
        json_add_opt(po, "unit_en", p->unit.en);
        json_add_opt(po, "label_ja", p->label.ja);
        json_add_opt(po, "label_en", p->label.en);
        cJSON_AddItemToObject(po, "choices", strlist_json(&p->choices));
        cJSON_AddItemToArray(params, po);
    }
    json_add_opt(o, "annex_ja", n->annex.ja);
    json_add_opt(o, "annex_en", n->annex.en);
    cJSON_AddItemToObject(o, "triggers", strlist_json(&n->triggers));
    return json_take(o);
}

/* Folded ref + title + text, so search is one LIKE/strstr over normalised text. */
static char *search_text(const catalog_node *n)
{
    strbuf sb = {0};
    for (size_t i = 0; i < node_field_count; i++) {
        const node_field *f = &node_fields[i];
        if (!(f->flags & NODE_FIELD_SEARCHED))
            continue;
        const void *p = node_field_cptr(n, f);
        const char *parts[2] = {NULL, NULL};
        if (f->type == NODE_FIELD_TEXT)
            parts[0] = *(char *const *)p;
        else if (f->type == NODE_FIELD_I18N)
            parts[0] = ((const i18n_text *)p)->ja, parts[1] = ((const i18n_text *)p)->en;
        for (size_t k = 0; k < 2; k++)
            if (parts[k])
                sb_addf(&sb, "%s\n", parts[k]);
    }
    char *folded = text_fold(sb_str(&sb));
    sb_free(&sb);
    return folded;
}

/* INSERT INTO catalog_node with the structural columns, the node_fields columns, clause and search. */
static char *node_insert_sql(void)
{
    strbuf sb = {0};
    sb_addf(&sb, "INSERT INTO catalog_node(catalog_pk,seq,id,parent,kind,depth,%s,clause_json,search_text) VALUES(?",
            node_field_columns());
    for (int i = 1; i < 6 + node_field_column_count() + 2; i++)
        sb_add(&sb, ",?");
    sb_add(&sb, ")");
    return sb_take(&sb);
}

/* Binds one node_fields member at index j; returns the next index. */
static int bind_node_field(sqlite3_stmt *st, int j, const catalog_node *n, const node_field *f)
{
    const void *p = node_field_cptr(n, f);
    switch (f->type) {
    case NODE_FIELD_TEXT:
        store_bind_text(st, j++, *(char *const *)p);
        break;
    case NODE_FIELD_I18N:
        store_bind_text(st, j++, ((const i18n_text *)p)->ja);
        store_bind_text(st, j++, ((const i18n_text *)p)->en);
        break;
    case NODE_FIELD_FY:
        if (*(const int *)p)
            sqlite3_bind_int(st, j++, *(const int *)p);
        else
            sqlite3_bind_null(st, j++);
        break;
    case NODE_FIELD_BOOL:
        sqlite3_bind_int(st, j++, *(const bool *)p);
        break;
    case NODE_FIELD_RESP: {
        responsibility r = *(const responsibility *)p;
        store_bind_text(st, j++, r ? responsibility_name(r) : NULL);
        break;
    }
    case NODE_FIELD_TAGS: {
        char *tags = json_take(strlist_json(p));
        sqlite3_bind_text(st, j++, tags, -1, free);
        break;
    }
    }
    return j;
}

static void json_strlist(cJSON *arr, strlist *out)
{
    cJSON *e;
    cJSON_ArrayForEach(e, arr)
    {
        if (cJSON_IsString(e))
            sl_push(out, e->valuestring);
    }
}

/* Reads one node_fields member from column i; returns the next column. */
static int read_node_field(sqlite3_stmt *st, int i, catalog_node *n, const node_field *f)
{
    void *p = node_field_ptr(n, f);
    switch (f->type) {
    case NODE_FIELD_TEXT:
        *(char **)p = store_col_dup(st, i++);
        break;
    case NODE_FIELD_I18N:
        ((i18n_text *)p)->ja = store_col_dup(st, i++);
        ((i18n_text *)p)->en = store_col_dup(st, i++);
        break;
    case NODE_FIELD_FY:
        *(int *)p = sqlite3_column_int(st, i++);
        break;
    case NODE_FIELD_BOOL:
        *(bool *)p = sqlite3_column_int(st, i++) != 0;
        break;
    case NODE_FIELD_RESP: {
        const char *resp = col_text(st, i++);
        if (resp)
            responsibility_parse(resp, p);
        break;
    }
    case NODE_FIELD_TAGS: {
        cJSON *tj = cJSON_Parse(col_text(st, i++));
        json_strlist(tj, p);
        cJSON_Delete(tj);
        break;
    }
    }
    return i;
}

static sqlite3_int64 mtime_ns(const struct stat *st)
{
    return (sqlite3_int64)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static int insert_catalog(store *s, const catalog *c, const struct stat *st, const char *sha, status_detail *err)
{
    sqlite3_stmt *del = store_prepare(s, "DELETE FROM catalog WHERE id=?1 AND version=?2");
    store_bind_text(del, 1, c->id);
    store_bind_text(del, 2, c->version);
    int rc = sqlite3_step(del);
    sqlite3_finalize(del);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "catalog");
        return -1;
    }

    char now[32];
    clock_now(now);
    char *aj = answers_json(c), *tj = tag_defs_json(c);
    sqlite3_stmt *ins = store_prepare(
        s, "INSERT INTO catalog(id,version,revision,kind,title_ja,title_en,short_ja,short_en,publisher,published,"
           "source_title,source_url,completeness,completeness_ja,completeness_en,answers_json,dates,tags_json,"
           "file_path,file_size,file_mtime,loaded_at,importer,file_sha256) "
           "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 1;
    store_bind_text(ins, i++, c->id);
    store_bind_text(ins, i++, c->version);
    sqlite3_bind_int(ins, i++, c->revision);
    store_bind_text(ins, i++, c->kind);
    store_bind_text(ins, i++, c->title.ja);
    store_bind_text(ins, i++, c->title.en);
    store_bind_text(ins, i++, c->short_title.ja);
    store_bind_text(ins, i++, c->short_title.en);
    store_bind_text(ins, i++, c->publisher);
    store_bind_text(ins, i++, c->published);
    store_bind_text(ins, i++, c->source_title);
    store_bind_text(ins, i++, c->source_url);
    store_bind_text(ins, i++, c->completeness);
    store_bind_text(ins, i++, c->completeness_note.ja);
    store_bind_text(ins, i++, c->completeness_note.en);
    store_bind_text(ins, i++, aj);
    sqlite3_bind_int(ins, i++, (int)c->dates);
    store_bind_text(ins, i++, tj);
    store_bind_text(ins, i++, c->path);
    sqlite3_bind_int64(ins, i++, st ? (sqlite3_int64)st->st_size : -1);
    sqlite3_bind_int64(ins, i++, st ? mtime_ns(st) : -1);
    store_bind_text(ins, i++, now);
    sqlite3_bind_int(ins, i++, CATALOG_IMPORTER_VERSION);
    store_bind_text(ins, i++, sha);
    rc = sqlite3_step(ins);
    sqlite3_finalize(ins);
    free(aj);
    free(tj);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "catalog");
        return -1;
    }
    sqlite3_int64 pk = sqlite3_last_insert_rowid(store_db(s));
    char *fj = fields_json(c);
    sqlite3_stmt *fst = store_prepare(s, "UPDATE catalog SET fields_json=?1 WHERE pk=?2");
    store_bind_text(fst, 1, fj);
    sqlite3_bind_int64(fst, 2, pk);
    rc = sqlite3_step(fst);
    sqlite3_finalize(fst);
    free(fj);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "catalog fields");
        return -1;
    }

    char *node_sql = node_insert_sql();
    sqlite3_stmt *nst = store_prepare(s, node_sql);
    free(node_sql);
    sqlite3_stmt *mst = store_prepare(s, "INSERT INTO catalog_map(catalog_pk,origin,seq,from_catalog,from_version,"
                                         "from_node,to_catalog,to_version,to_node,rel,note_ja,note_en,source,verified)"
                                         " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    rc = SQLITE_DONE;
    int mseq = 0;
    for (size_t k = 0; k < c->nnodes && rc == SQLITE_DONE; k++) {
        const catalog_node *n = &c->nodes[k];
        char *cj = clause_json(n);
        char *st_text = search_text(n);
        sqlite3_reset(nst);
        int j = 1;
        sqlite3_bind_int64(nst, j++, pk);
        sqlite3_bind_int(nst, j++, (int)k);
        store_bind_text(nst, j++, n->id);
        store_bind_text(nst, j++, n->parent);
        store_bind_text(nst, j++, n->kind == NODE_ITEM ? "item" : "heading");
        sqlite3_bind_int(nst, j++, n->depth);
        for (size_t f = 0; f < node_field_count; f++)
            j = bind_node_field(nst, j, n, &node_fields[f]);
        store_bind_text(nst, j++, cj);
        store_bind_text(nst, j++, st_text);
        rc = sqlite3_step(nst);
        free(cj);
        free(st_text);
        for (size_t m = 0; m < n->nmaps && rc == SQLITE_DONE; m++) {
            const node_map *nm = &n->maps[m];
            sqlite3_reset(mst);
            int q = 1;
            sqlite3_bind_int64(mst, q++, pk);
            store_bind_text(mst, q++, "node");
            sqlite3_bind_int(mst, q++, mseq++);
            store_bind_text(mst, q++, c->id);
            store_bind_text(mst, q++, c->version);
            store_bind_text(mst, q++, n->id);
            store_bind_text(mst, q++, nm->to_catalog);
            store_bind_text(mst, q++, nm->to_version);
            store_bind_text(mst, q++, nm->to_node);
            store_bind_text(mst, q++, nm->rel);
            sqlite3_bind_null(mst, q++);
            sqlite3_bind_null(mst, q++);
            sqlite3_bind_null(mst, q++);
            sqlite3_bind_int(mst, q++, 0);
            rc = sqlite3_step(mst);
        }
    }
    for (size_t k = 0; k < c->nmappings && rc == SQLITE_DONE; k++) {
        const catalog_mapping *m = &c->mappings[k];
        sqlite3_reset(mst);
        int q = 1;
        sqlite3_bind_int64(mst, q++, pk);
        store_bind_text(mst, q++, "mapping");
        sqlite3_bind_int(mst, q++, mseq++);
        store_bind_text(mst, q++, m->from_catalog);
        store_bind_text(mst, q++, m->from_version);
        store_bind_text(mst, q++, m->from_node);
        store_bind_text(mst, q++, m->to_catalog);
        store_bind_text(mst, q++, m->to_version);
        store_bind_text(mst, q++, m->to_node);
        store_bind_text(mst, q++, m->rel);
        store_bind_text(mst, q++, m->note.ja);
        store_bind_text(mst, q++, m->note.en);
        store_bind_text(mst, q++, m->source);
        sqlite3_bind_int(mst, q++, m->verified);
        rc = sqlite3_step(mst);
    }
    sqlite3_finalize(nst);
    sqlite3_finalize(mst);
    if (rc != SQLITE_DONE) {
        store_fail(s, err, "catalog");
        return -1;
    }
    return 0;
}

bool catalog_db_has_node(void *store_ptr, const char *cat, const char *ver, const char *node)
{
    store *s = store_ptr;
    sqlite3_stmt *st = store_prepare(s, "SELECT 1 FROM catalog c JOIN catalog_node n ON n.catalog_pk=c.pk "
                                        "WHERE c.id=?1 AND (?2 IS NULL OR c.version=?2) AND n.id=?3 LIMIT 1");
    store_bind_text(st, 1, cat);
    store_bind_text(st, 2, ver);
    store_bind_text(st, 3, node);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

typedef struct {
    char *path;
    struct stat st;
    char sha[CATALOG_FILE_SHA_HEX]; /* "" when the file could not be read */
    bool hashed_now;                /* not known by its stat: catalog_file learns it */
    char *id, *version;             /* for unchanged files: what the database holds */
    catalog *parsed;                /* for changed files */
} sync_file;

static void list_yaml(const char *dir, strlist *out)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    strlist names = {0};
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0)
            sl_push(&names, e->d_name);
    }
    closedir(d);
    for (size_t i = 1; i < names.len; i++) /* insertion sort: a handful of files */
        for (size_t j = i; j > 0 && strcmp(names.items[j - 1], names.items[j]) > 0; j--) {
            char *t = names.items[j];
            names.items[j] = names.items[j - 1];
            names.items[j - 1] = t;
        }
    for (size_t i = 0; i < names.len; i++)
        sl_push_owned(out, xasprintf("%s/%s", dir, names.items[i]));
    sl_free(&names);
}

/* The same content imported by this importer, from whichever path: known from the state read at
 * the start when the file was recognised by its stat, else asked (a file hashed now). */
static bool unchanged_in_db(store *s, sync_file *f, const catalog_file_row *known)
{
    if (!f->sha[0])
        return false;
    if (known && known->id) {
        f->id = xstrdup(known->id);
        f->version = xstrdup(known->version);
        return true;
    }
    sqlite3_stmt *st = store_prepare(s, "SELECT id, version FROM catalog WHERE file_sha256=?1 AND importer=?2 "
                                        "ORDER BY pk DESC LIMIT 1");
    store_bind_text(st, 1, f->sha);
    sqlite3_bind_int(st, 2, CATALOG_IMPORTER_VERSION);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        f->id = store_col_dup(st, 0);
        f->version = store_col_dup(st, 1);
    }
    sqlite3_finalize(st);
    return found;
}

static const sync_file *file_of(const sync_file *files, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++)
        if (str_eq(files[i].path, path))
            return &files[i];
    return NULL;
}

/* A file of this sync with that content (NULL for none or an unknown hash). */
static const sync_file *same_content(const sync_file *files, size_t n, const char *sha)
{
    for (size_t i = 0; sha && i < n; i++)
        if (files[i].sha[0] && str_eq(files[i].sha, sha))
            return &files[i];
    return NULL;
}

typedef struct {
    sqlite3_int64 pk;
    const sync_file *copy; /* the same content under a path of this sync, or NULL: no file */
} gone_row;

status_code catalog_sync(store *s, const strlist *dirs, diag_list *diags, catalog_sync_stats *stats, status_detail *err)
{
    catalog_sync_stats local = {0};
    if (!stats)
        stats = &local;
    *stats = (catalog_sync_stats){0};
    if (store_readonly(s))
        return STATUS_OK;

    strlist paths = {0};
    for (size_t i = 0; i < dirs->len; i++)
        list_yaml(dirs->items[i], &paths);
    sync_file *files = xcalloc(paths.len ? paths.len : 1, sizeof *files);
    catalog_set pending = {0};
    catalog_failures failures = {.importer = CATALOG_IMPORTER_VERSION};
    catalog_file_state known;
    catalog_file_state_read(s, CATALOG_IMPORTER_VERSION, &known, &failures);

    for (size_t i = 0; i < paths.len; i++) {
        sync_file *f = &files[i];
        f->path = paths.items[i];
        if (stat(f->path, &f->st) != 0)
            continue;
        /* The hash by stat, else from the bytes read now, which are also the bytes parsed. */
        char *data = NULL;
        size_t len = 0;
        const catalog_file_row *row = catalog_file_cached(&known, f->path, &f->st);
        if (row)
            memcpy(f->sha, row->sha, CATALOG_FILE_SHA_HEX);
        else if ((data = util_read_regular_file(f->path, CATALOG_MAX_BYTES, &len))) {
            catalog_file_sha256(data, len, f->sha);
            f->hashed_now = true;
            stats->hashed++;
        }
        const char *dup_of = NULL;
        if (unchanged_in_db(s, f, row)) {
            stats->unchanged++;
        } else if (catalog_failed_remind(&failures, f->path, &f->st, diags)) {
            stats->failed++;
            free(data);
            continue;
        } else {
            size_t from = diags->len;
            /* unreadable: catalog_load_file reads again and says why */
            f->parsed = data ? catalog_load_buffer(f->path, data, len, diags) : catalog_load_file(f->path, diags);
            stats->parsed++;
            if (!f->parsed) {
                catalog_failed_add(&failures, f->path, &f->st, diags, from);
                stats->failed++;
                free(data);
                continue;
            }
            f->id = xstrdup(f->parsed->id);
            f->version = xstrdup(f->parsed->version);
        }
        free(data);
        for (size_t j = 0; j < i && !dup_of; j++)
            if (str_eq(files[j].id, f->id) && str_eq(files[j].version, f->version))
                dup_of = files[j].path;
        if (dup_of) {
            diag_add(diags, f->path, 0, 0, "catalog %s@%s is already defined in %s; this file was not loaded", f->id,
                     f->version, dup_of);
            stats->failed++;
            if (f->parsed)
                catalog_free(f->parsed);
            else
                stats->unchanged--;
            f->parsed = NULL;
            xfree(&f->id);
            xfree(&f->version);
            continue;
        }
        if (f->parsed) {
            catalog_set_add(&pending, f->parsed, diags);
            f->parsed = NULL; /* owned by the set now */
        }
    }

    /* Drop pending catalogs whose references dangle, against pending ∪ database, until stable. */
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < pending.len; i++) {
            diag_list bad = {0};
            if (catalog_check_refs(pending.items[i], &pending, catalog_db_has_node, s, &bad) == 0)
                continue;
            diag_take_all(diags, &bad);
            stats->failed++;
            catalog_free(pending.items[i]);
            memmove(&pending.items[i], &pending.items[i + 1], (pending.len - i - 1) * sizeof *pending.items);
            pending.len--;
            changed = true;
            break;
        }
    }

    /* A catalog whose file is gone stays (assessments may use it) but is marked as such. One whose
     * content is here under another path (the other binary's copy) keeps its path while that file
     * exists, so switching binaries writes nothing; when it is gone the row takes the new path. */
    gone_row *gone = NULL;
    size_t ngone = 0, capgone = 0;
    for (size_t i = 0; i < known.nsources; i++) {
        const catalog_file_source *src = &known.sources[i];
        if (sl_contains(&paths, src->path))
            continue;
        const sync_file *copy = same_content(files, paths.len, src->sha);
        struct stat there;
        if (copy && stat(src->path, &there) == 0)
            continue;
        GROW(gone, capgone, ngone + 1);
        gone[ngone++] = (gone_row){src->pk, copy};
    }
    bool hashes_new = false;
    for (size_t i = 0; i < paths.len; i++)
        hashes_new = hashes_new || files[i].hashed_now;
    strlist stale = {0};
    catalog_file_stale(&known, dirs, &paths, &stale);

    int rc = 0;
    bool failures_dirty = catalog_failed_dirty(&failures);
    /* write only when something changed: starting stays read-only */
    if (pending.len || ngone || failures_dirty || hashes_new || stale.len) {
        rc = store_begin(s, err);
        if (rc == 0 && failures_dirty)
            rc = catalog_failed_write(s, &failures, err);
        for (size_t i = 0; rc == 0 && i < paths.len; i++)
            if (files[i].hashed_now)
                rc = catalog_file_remember(s, files[i].path, &files[i].st, files[i].sha, err);
        if (rc == 0)
            rc = catalog_file_forget(s, &stale, err);
        for (size_t i = 0; rc == 0 && i < pending.len; i++) {
            const catalog *c = pending.items[i];
            const sync_file *f = file_of(files, paths.len, c->path);
            rc = insert_catalog(s, c, f ? &f->st : NULL, f && f->sha[0] ? f->sha : NULL, err);
            if (rc == 0)
                stats->imported++;
        }
        sqlite3_stmt *mark = store_prepare(s, "UPDATE catalog SET file_path=?2, file_size=?3, file_mtime=?4 WHERE pk=?1");
        for (size_t i = 0; rc == 0 && i < ngone; i++) {
            const sync_file *copy = gone[i].copy;
            sqlite3_reset(mark);
            sqlite3_bind_int64(mark, 1, gone[i].pk);
            store_bind_text(mark, 2, copy ? copy->path : NULL);
            sqlite3_bind_int64(mark, 3, copy ? (sqlite3_int64)copy->st.st_size : -1);
            sqlite3_bind_int64(mark, 4, copy ? mtime_ns(&copy->st) : -1);
            if (sqlite3_step(mark) != SQLITE_DONE) {
                store_fail(s, err, "catalog");
                rc = -1;
            }
        }
        sqlite3_finalize(mark);
        if (rc == 0)
            rc = store_commit(s, err);
        if (rc != 0)
            store_rollback(s);
        store_attach(s, NULL, NULL); /* cached catalogs may be stale now */
    }
    free(gone);
    sl_free(&stale);
    for (size_t i = 0; i < paths.len; i++) {
        free(files[i].id);
        free(files[i].version);
    }
    free(files);
    sl_free(&paths);
    catalog_set_free(&pending);
    catalog_failures_free(&failures);
    catalog_file_state_free(&known);
    return rc == 0 ? STATUS_OK : status_failed(err);
}

static void load_answers(catalog *c, const char *json)
{
    cJSON *arr = cJSON_Parse(json ? json : "[]");
    cJSON *o;
    cJSON_ArrayForEach(o, arr)
    {
        answer_def a = {0};
        a.value = xstrdup(cJSON_GetStringValue(cJSON_GetObjectItem(o, "value")));
        const char *ja = cJSON_GetStringValue(cJSON_GetObjectItem(o, "ja"));
        const char *en = cJSON_GetStringValue(cJSON_GetObjectItem(o, "en"));
        a.label.ja = ja ? xstrdup(ja) : NULL;
        a.label.en = en ? xstrdup(en) : NULL;
        answer_meaning_parse(cJSON_GetStringValue(cJSON_GetObjectItem(o, "meaning")), &a.meaning);
        const char *k = cJSON_GetStringValue(cJSON_GetObjectItem(o, "key"));
        a.key = k ? k[0] : 0;
        a.needs_reason = cJSON_IsTrue(cJSON_GetObjectItem(o, "needs_reason"));
        GROW(c->answers, c->capanswers, c->nanswers + 1);
        c->answers[c->nanswers++] = a;
    }
    cJSON_Delete(arr);
}

static char *json_str(cJSON *o, const char *key)
{
    const char *v = cJSON_GetStringValue(cJSON_GetObjectItem(o, key));
    return v ? xstrdup(v) : NULL;
}

static void load_fields(store *s, catalog *c, sqlite3_int64 pk)
{
    sqlite3_stmt *st = store_prepare(s, "SELECT fields_json FROM catalog WHERE pk=?");
    sqlite3_bind_int64(st, 1, pk);
    cJSON *arr = sqlite3_step(st) == SQLITE_ROW ? cJSON_Parse(col_text(st, 0) ? col_text(st, 0) : "[]") : NULL;
    sqlite3_finalize(st);
    cJSON *o;
    cJSON_ArrayForEach(o, arr)
    {
        catalog_field f = {.key = json_str(o, "key"), .label = {json_str(o, "ja"), json_str(o, "en")}};
        catalog_field_type_parse(cJSON_GetStringValue(cJSON_GetObjectItem(o, "type")), &f.type);
        json_strlist(cJSON_GetObjectItem(o, "choices"), &f.choices);
        GROW(c->fields, c->capfields, c->nfields + 1);
        c->fields[c->nfields++] = f;
    }
    cJSON_Delete(arr);
}


static void load_clause(catalog_node *n, const char *json)
{
    if (!json)
        return;
    cJSON *o = cJSON_Parse(json);
    cJSON *p;
    cJSON_ArrayForEach(p, cJSON_GetObjectItem(o, "params"))
    {
        clause_param cp = {0};
        cp.name = json_str(p, "name");
        const char *t = cJSON_GetStringValue(cJSON_GetObjectItem(p, "type"));
        for (int i = 0; i <= PARAM_ENUM; i++)
            if (str_eq(t, param_type_name((param_type)i)))
                cp.type = (param_type)i;
        cp.default_value = json_str(p, "default");
        cp.unit.ja = json_str(p, "unit_ja");
        cp.unit.en = json_str(p, "unit_en");
        cp.label.ja = json_str(p, "label_ja");
        cp.label.en = json_str(p, "label_en");
        json_strlist(cJSON_GetObjectItem(p, "choices"), &cp.choices);
        GROW(n->params, n->capparams, n->nparams + 1);
        n->params[n->nparams++] = cp;
    }
    n->annex.ja = json_str(o, "annex_ja");
    n->annex.en = json_str(o, "annex_en");
    json_strlist(cJSON_GetObjectItem(o, "triggers"), &n->triggers);
    cJSON_Delete(o);
}

/* How much of a catalog a read takes: the header and the answer set only (catalog_db_head);
 * that and per node only id, parent, kind, depth and responsibility (catalog_db_load_outline);
 * everything. */
typedef enum { LOAD_HEAD, LOAD_OUTLINE, LOAD_FULL } load_depth;

static catalog *load_catalog(store *s, const char *id, const char *version, load_depth depth)
{
    sqlite3_stmt *st = store_stmt( /* cached: the dashboard loads several */
        s, "SELECT pk,id,version,revision,kind,title_ja,title_en,short_ja,short_en,publisher,published,source_title,"
           "source_url,completeness,completeness_ja,completeness_en,answers_json,dates,tags_json,file_path "
           "FROM catalog WHERE pk = (SELECT pk FROM catalog WHERE id=?1 AND (?2 IS NULL OR version=?2)"
           /* no version asked: the newest that has items, so a skeleton of a new edition (R8
            * before its questions are known) does not hide the last usable one; only the pk is
            * sorted, not the row with its JSON */
           " ORDER BY EXISTS(SELECT 1 FROM catalog_node n WHERE n.catalog_pk = catalog.pk AND n.kind = 'item') DESC,"
           " pk DESC LIMIT 1)");
    store_bind_text(st, 1, id);
    store_bind_text(st, 2, version);
    if (sqlite3_step(st) != SQLITE_ROW) {
        store_done(s, st);
        return NULL;
    }
    catalog *c = xcalloc(1, sizeof *c);
    sqlite3_int64 pk = sqlite3_column_int64(st, 0);
    int i = 1;
    c->id = store_col_dup(st, i++);
    c->version = store_col_dup(st, i++);
    c->revision = sqlite3_column_int(st, i++);
    c->kind = store_col_dup(st, i++);
    c->title.ja = store_col_dup(st, i++);
    c->title.en = store_col_dup(st, i++);
    c->short_title.ja = store_col_dup(st, i++);
    c->short_title.en = store_col_dup(st, i++);
    c->publisher = store_col_dup(st, i++);
    c->published = store_col_dup(st, i++);
    c->source_title = store_col_dup(st, i++);
    c->source_url = store_col_dup(st, i++);
    c->completeness = store_col_dup(st, i++);
    c->completeness_note.ja = store_col_dup(st, i++);
    c->completeness_note.en = store_col_dup(st, i++);
    load_answers(c, col_text(st, i++));
    c->dates = (unsigned)sqlite3_column_int(st, i++);
    cJSON *tags = cJSON_Parse(col_text(st, i++));
    cJSON *t;
    cJSON_ArrayForEach(t, tags)
    {
        GROW(c->tags, c->captags, c->ntags + 1);
        c->tags[c->ntags++] = (tag_def){json_str(t, "id"), {json_str(t, "ja"), json_str(t, "en")}};
    }
    cJSON_Delete(tags);
    c->path = store_col_dup(st, i++);
    store_done(s, st);
    if (depth == LOAD_HEAD)
        return c;
    if (depth == LOAD_OUTLINE) {
        st = store_stmt(s, "SELECT id,parent,kind,depth,responsibility FROM catalog_node WHERE catalog_pk=? ORDER BY seq");
        sqlite3_bind_int64(st, 1, pk);
        while (sqlite3_step(st) == SQLITE_ROW) {
            GROW(c->nodes, c->capnodes, c->nnodes + 1);
            catalog_node *n = &c->nodes[c->nnodes++];
            *n = (catalog_node){.id = store_col_dup(st, 0), .parent = store_col_dup(st, 1),
                                .kind = str_eq(col_text(st, 2), "item") ? NODE_ITEM : NODE_HEADING,
                                .depth = sqlite3_column_int(st, 3)};
            if (!responsibility_parse(col_text(st, 4), &n->resp))
                n->resp = RESP_NONE;
        }
        store_done(s, st);
        catalog_index(c);
        return c;
    }
    load_fields(s, c, pk);

    char *node_sql = xasprintf("SELECT id,parent,kind,depth,%s,clause_json FROM catalog_node WHERE catalog_pk=?"
                               " ORDER BY seq",
                               node_field_columns());
    st = store_prepare(s, node_sql);
    free(node_sql);
    sqlite3_bind_int64(st, 1, pk);
    while (sqlite3_step(st) == SQLITE_ROW) {
        catalog_node n = {0};
        i = 0;
        n.id = store_col_dup(st, i++);
        n.parent = store_col_dup(st, i++);
        n.kind = str_eq(col_text(st, i++), "item") ? NODE_ITEM : NODE_HEADING;
        n.depth = sqlite3_column_int(st, i++);
        for (size_t f = 0; f < node_field_count; f++)
            i = read_node_field(st, i, &n, &node_fields[f]);
        load_clause(&n, col_text(st, i++));
        GROW(c->nodes, c->capnodes, c->nnodes + 1);
        c->nodes[c->nnodes++] = n;
        catalog_index(c);
    }
    sqlite3_finalize(st);

    st = store_prepare(s, "SELECT origin,from_catalog,from_version,from_node,to_catalog,to_version,to_node,rel,"
                          "note_ja,note_en,source,verified FROM catalog_map WHERE catalog_pk=? ORDER BY seq");
    sqlite3_bind_int64(st, 1, pk);
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (str_eq(col_text(st, 0), "node")) {
            size_t k;
            catalog_node *n = strindex_get(&c->node_index, col_text(st, 3), &k) ? &c->nodes[k] : NULL;
            if (!n)
                continue;
            GROW(n->maps, n->capmaps, n->nmaps + 1);
            n->maps[n->nmaps++] = (node_map){.to_catalog = store_col_dup(st, 4),
                                             .to_version = store_col_dup(st, 5),
                                             .to_node = store_col_dup(st, 6),
                                             .rel = store_col_dup(st, 7)};
        } else {
            GROW(c->mappings, c->capmappings, c->nmappings + 1);
            c->mappings[c->nmappings++] = (catalog_mapping){.from_catalog = store_col_dup(st, 1),
                                                            .from_version = store_col_dup(st, 2),
                                                            .from_node = store_col_dup(st, 3),
                                                            .to_catalog = store_col_dup(st, 4),
                                                            .to_version = store_col_dup(st, 5),
                                                            .to_node = store_col_dup(st, 6),
                                                            .rel = store_col_dup(st, 7),
                                                            .note = {store_col_dup(st, 8), store_col_dup(st, 9)},
                                                            .source = store_col_dup(st, 10),
                                                            .verified = sqlite3_column_int(st, 11) != 0};
        }
    }
    sqlite3_finalize(st);
    return c;
}

catalog *catalog_db_load(store *s, const char *id, const char *version)
{
    return load_catalog(s, id, version, LOAD_FULL);
}

catalog *catalog_db_load_outline(store *s, const char *id, const char *version)
{
    return load_catalog(s, id, version, LOAD_OUTLINE);
}

typedef struct {
    char *id, *version; /* version as asked: NULL = newest */
    catalog *c;
    bool head; /* header and answers only (catalog_db_head) */
} cache_entry;

typedef struct {
    cache_entry *items;
    size_t len, cap;
} catalog_cache;

static void cache_release(void *p)
{
    catalog_cache *cc = p;
    for (size_t i = 0; i < cc->len; i++) {
        free(cc->items[i].id);
        free(cc->items[i].version);
        catalog_free(cc->items[i].c);
    }
    free(cc->items);
    free(cc);
}

/* A head is kept beside a later whole load of the same catalog (a pointer handed out stays
 * valid until the cache goes); a whole one serves both. */
static const catalog *cache_get(store *s, const char *id, const char *version, bool head)
{
    catalog_cache *cc = store_attachment(s);
    if (!cc) {
        cc = xcalloc(1, sizeof *cc);
        store_attach(s, cc, cache_release);
    }
    const catalog *found = NULL;
    for (size_t i = 0; i < cc->len; i++)
        if (str_eq(cc->items[i].id, id) &&
            (version ? str_eq(cc->items[i].version, version) : cc->items[i].version == NULL)) {
            if (!cc->items[i].head)
                return cc->items[i].c;
            if (head)
                found = cc->items[i].c;
        }
    if (found)
        return found;
    catalog *c = load_catalog(s, id, version, head ? LOAD_HEAD : LOAD_FULL);
    if (!c)
        return NULL; /* not cached: it may be imported later */
    GROW(cc->items, cc->cap, cc->len + 1);
    cc->items[cc->len++] = (cache_entry){xstrdup(id), version ? xstrdup(version) : NULL, c, head};
    return c;
}

const catalog *catalog_db_get(store *s, const char *id, const char *version)
{
    return cache_get(s, id, version, false);
}

const catalog *catalog_db_head(store *s, const char *id, const char *version)
{
    return cache_get(s, id, version, true);
}

bool catalog_db_node_kind(store *s, const catalog *c, const char *node_id, node_kind *kind)
{
    if (c->nnodes) { /* loaded whole: no query */
        const catalog_node *n = catalog_find_node(c, node_id);
        if (n)
            *kind = n->kind;
        return n != NULL;
    }
    sqlite3_stmt *st = store_stmt(s, "SELECT n.kind FROM catalog c JOIN catalog_node n ON n.catalog_pk = c.pk"
                                     " WHERE c.id = ?1 AND c.version = ?2 AND n.id = ?3");
    store_bind_text(st, 1, c->id);
    store_bind_text(st, 2, c->version);
    store_bind_text(st, 3, node_id);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found)
        *kind = str_eq(col_text(st, 0), "item") ? NODE_ITEM : NODE_HEADING;
    store_done(s, st);
    return found;
}

static int kind_order(const char *k)
{
    static const char *const order[] = {"guideline", "checklist", "kakuninhyo", "disclosure", "clauses", "crosswalk"};
    for (size_t i = 0; i < AZ_ARRAY_LEN(order); i++)
        if (str_eq(k, order[i]))
            return (int)i;
    return 99;
}

static int cmp_info(const void *a, const void *b)
{
    const catalog_info *x = a, *y = b;
    int k = kind_order(x->kind) - kind_order(y->kind);
    if (k)
        return k;
    int c = strcmp(x->id, y->id);
    return c ? c : strcmp(x->version, y->version);
}

status_code catalog_db_list(store *s, catalog_info **out, size_t *nout, status_detail *err)
{
    sqlite3_stmt *st = store_prepare(
        s, "SELECT c.id,c.version,c.kind,c.completeness,c.file_path,c.publisher,c.published,c.title_ja,c.title_en,"
           "c.short_ja,c.short_en,c.revision,"
           /* the node counts of every catalog in one pass over the nodes, not three per catalog */
           " IFNULL(k.headings, 0), IFNULL(k.items, 0), IFNULL(k.verified, 0),"
           " (SELECT count(*) FROM catalog_map m WHERE m.catalog_pk=c.pk)"
           " FROM catalog c LEFT JOIN (SELECT catalog_pk, sum(kind='heading') AS headings, sum(kind='item') AS items,"
           " sum(kind='item' AND verified) AS verified FROM catalog_node GROUP BY catalog_pk) k ON k.catalog_pk = c.pk");
    catalog_info *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        catalog_info *ci = &list[n++];
        int i = 0;
        ci->id = store_col_dup(st, i++);
        ci->version = store_col_dup(st, i++);
        ci->kind = store_col_dup(st, i++);
        ci->completeness = store_col_dup(st, i++);
        ci->file_path = store_col_dup(st, i++);
        ci->publisher = store_col_dup(st, i++);
        ci->published = store_col_dup(st, i++);
        ci->title.ja = store_col_dup(st, i++);
        ci->title.en = store_col_dup(st, i++);
        ci->short_title.ja = store_col_dup(st, i++);
        ci->short_title.en = store_col_dup(st, i++);
        ci->revision = sqlite3_column_int(st, i++);
        ci->headings = sqlite3_column_int(st, i++);
        ci->items = sqlite3_column_int(st, i++);
        ci->verified_items = sqlite3_column_int(st, i++);
        ci->mappings = sqlite3_column_int(st, i++);
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "catalog");
    sqlite3_finalize(st);
    if (r != STATUS_OK) {
        catalog_info_free(list, n);
        list = NULL;
        n = 0;
    }
    if (n)
        qsort(list, n, sizeof *list, cmp_info);
    *out = list;
    *nout = n;
    return r;
}

void catalog_info_free(catalog_info *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        catalog_info *c = &list[i];
        free(c->id);
        free(c->version);
        free(c->kind);
        free(c->completeness);
        free(c->file_path);
        free(c->publisher);
        free(c->published);
        free(c->title.ja);
        free(c->title.en);
        free(c->short_title.ja);
        free(c->short_title.en);
    }
    free(list);
}

status_code catalog_db_links(store *s, const char *catalog_id, const char *node_id, node_link **out, size_t *nout,
                             status_detail *err)
{
    /* Outgoing first, then incoming; each joined to the other end's printed ref and title. */
    sqlite3_stmt *st = store_stmt(
        s, "SELECT DISTINCT 1, m.to_catalog, m.to_version, m.to_node, m.rel, n.ref, coalesce(n.title_ja, n.text_ja),"
           " m.verified FROM catalog_map m"
           " LEFT JOIN catalog c ON c.id=m.to_catalog AND (m.to_version IS NULL OR c.version=m.to_version)"
           " LEFT JOIN catalog_node n ON n.catalog_pk=c.pk AND n.id=m.to_node"
           " WHERE m.from_catalog=?1 AND m.from_node=?2"
           " UNION ALL "
           "SELECT DISTINCT 0, m.from_catalog, m.from_version, m.from_node, m.rel, n.ref,"
           " coalesce(n.title_ja, n.text_ja), m.verified FROM catalog_map m"
           " LEFT JOIN catalog c ON c.id=m.from_catalog AND (m.from_version IS NULL OR c.version=m.from_version)"
           " LEFT JOIN catalog_node n ON n.catalog_pk=c.pk AND n.id=m.from_node"
           " WHERE m.to_catalog=?1 AND m.to_node=?2");
    store_bind_text(st, 1, catalog_id);
    store_bind_text(st, 2, node_id);
    node_link *list = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        GROW(list, cap, n + 1);
        list[n++] = (node_link){.outgoing = sqlite3_column_int(st, 0) != 0,
                                .catalog = store_col_dup(st, 1),
                                .version = store_col_dup(st, 2),
                                .node = store_col_dup(st, 3),
                                .rel = store_col_dup(st, 4),
                                .ref = store_col_dup(st, 5),
                                .title = store_col_dup(st, 6),
                                .verified = sqlite3_column_int(st, 7) != 0};
    }
    status_code r = rc == SQLITE_DONE ? STATUS_OK : store_fail(s, err, "catalog");
    store_done(s, st);
    if (r != STATUS_OK) {
        node_link_free(list, n);
        list = NULL;
        n = 0;
    }
    *out = list;
    *nout = n;
    return r;
}

void node_link_free(node_link *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(list[i].catalog);
        free(list[i].version);
        free(list[i].node);
        free(list[i].rel);
        free(list[i].ref);
        free(list[i].title);
    }
    free(list);
}
