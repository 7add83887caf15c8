#include "catalog_set.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>

#include "catalog_yaml.h"

bool catalog_set_add(catalog_set *set, catalog *c, diag_list *diags)
{
    const catalog *old = catalog_set_find(set, c->id, c->version);
    if (old) {
        diag_add(diags, c->path, 0, 0, "catalog %s@%s is already defined in %s", c->id, c->version, old->path);
        catalog_free(c);
        return false;
    }
    GROW(set->items, set->cap, set->len + 1);
    set->items[set->len++] = c;
    return true;
}

const catalog *catalog_set_find(const catalog_set *set, const char *id, const char *version)
{
    for (size_t i = 0; i < set->len; i++)
        if (str_eq(set->items[i]->id, id) && (!version || str_eq(set->items[i]->version, version)))
            return set->items[i];
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void catalog_set_load_dirs(catalog_set *set, const strlist *dirs, diag_list *diags)
{
    for (size_t d = 0; d < dirs->len; d++) {
        DIR *dir = opendir(dirs->items[d]);
        if (!dir)
            continue;
        strlist files = {0};
        struct dirent *e;
        while ((e = readdir(dir))) {
            size_t n = strlen(e->d_name);
            if (e->d_name[0] != '.' && n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0)
                sl_push_owned(&files, xasprintf("%s/%s", dirs->items[d], e->d_name));
        }
        closedir(dir);
        if (files.len > 1) /* an empty directory has no array: qsort(NULL, 0) is undefined */
            qsort(files.items, files.len, sizeof(char *), cmp_str);
        for (size_t i = 0; i < files.len; i++) {
            catalog *c = catalog_load_file(files.items[i], diags);
            if (c)
                catalog_set_add(set, c, diags);
        }
        sl_free(&files);
    }
}

static bool set_has_node(const catalog_set *set, const char *cat, const char *ver, const char *node)
{
    for (size_t i = 0; i < set->len; i++) {
        const catalog *c = set->items[i];
        if (str_eq(c->id, cat) && (!ver || str_eq(c->version, ver)) && catalog_find_node(c, node))
            return true;
    }
    return false;
}

bool catalog_set_has_node(void *set, const char *cat, const char *ver, const char *node)
{
    return set_has_node(set, cat, ver, node);
}

static bool ref_ok(const catalog_set *set, catalog_ref_resolver resolve, void *ctx, const char *cat, const char *ver,
                   const char *node)
{
    return set_has_node(set, cat, ver, node) || (resolve && resolve(ctx, cat, ver, node));
}

static void report_dangling(diag_list *diags, const catalog *c, int line, int col, const char *cat, const char *ver,
                            const char *node)
{
    diag_add(diags, c->path, line, col, "reference %s%s%s:%s does not resolve to a node of a loaded catalog", cat,
             ver ? "@" : "", ver ? ver : "", node);
}

size_t catalog_check_refs(const catalog *c, const catalog_set *set, catalog_ref_resolver resolve, void *ctx,
                          diag_list *diags)
{
    size_t bad = 0;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        for (size_t k = 0; k < n->nmaps; k++) {
            const node_map *m = &n->maps[k];
            if (!ref_ok(set, resolve, ctx, m->to_catalog, m->to_version, m->to_node)) {
                report_dangling(diags, c, m->line, m->col, m->to_catalog, m->to_version, m->to_node);
                bad++;
            }
        }
    }
    for (size_t i = 0; i < c->nmappings; i++) {
        const catalog_mapping *m = &c->mappings[i];
        if (!ref_ok(set, resolve, ctx, m->from_catalog, m->from_version, m->from_node)) {
            report_dangling(diags, c, m->from_line, m->from_col, m->from_catalog, m->from_version, m->from_node);
            bad++;
        }
        if (!ref_ok(set, resolve, ctx, m->to_catalog, m->to_version, m->to_node)) {
            report_dangling(diags, c, m->to_line, m->to_col, m->to_catalog, m->to_version, m->to_node);
            bad++;
        }
    }
    return bad;
}

void catalog_set_drop_dangling(catalog_set *set, diag_list *diags)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (size_t i = 0; i < set->len; i++) {
            diag_list local = {0};
            if (catalog_check_refs(set->items[i], set, NULL, NULL, &local) == 0) {
                diag_free(&local);
                continue;
            }
            diag_take_all(diags, &local);
            catalog_free(set->items[i]);
            memmove(&set->items[i], &set->items[i + 1], (set->len - i - 1) * sizeof *set->items);
            set->len--;
            changed = true;
            break;
        }
    }
}

static bool same_file(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    return realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

void catalog_set_remove_file(catalog_set *set, const char *path)
{
    size_t w = 0;
    for (size_t i = 0; i < set->len; i++) {
        if (same_file(set->items[i]->path, path))
            catalog_free(set->items[i]);
        else
            set->items[w++] = set->items[i];
    }
    set->len = w;
}

void catalog_set_free(catalog_set *set)
{
    for (size_t i = 0; i < set->len; i++)
        catalog_free(set->items[i]);
    free(set->items);
    *set = (catalog_set){0};
}
