/* The catalogs we ship: all valid, all references resolve, and the structure the issues require
 * is present (guideline chapters, seed-004 citations, checklist versions). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "catalog/lib.h"

static catalog_set set;
static diag_list diags;

static void load(void)
{
    strlist dirs = {0};
    sl_push(&dirs, TOP_SRCDIR "/data/catalogs");
    catalog_set_load_dirs(&set, &dirs, &diags);
    catalog_set_drop_dangling(&set, &diags);
    sl_free(&dirs);
}

static void unload(void)
{
    catalog_set_free(&set);
    diag_free(&diags);
}

TestSuite(shipped, .init = load, .fini = unload);

Test(shipped, every_catalog_validates_and_every_reference_resolves)
{
    diag_print(&diags, stderr);
    cr_assert_eq(diags.len, 0, "shipped catalogs must load without a single error");
    cr_assert_geq(set.len, 10);
}

static const catalog *need(const char *id, const char *version)
{
    const catalog *c = catalog_set_find(&set, id, version);
    cr_assert_not_null(c, "catalog %s@%s is missing", id, version);
    return c;
}

Test(shipped, required_catalogs_exist_with_their_kinds)
{
    struct {
        const char *id, *version, *kind;
    } want[] = {
        {"mhlw-gl6-governance", "6.0", "guideline"}, {"mhlw-gl6-management", "6.0", "guideline"},
        {"mhlw-gl6-control", "6.0", "guideline"},    {"mhlw-checklist-hospital", "R7", "checklist"},
        {"mhlw-checklist-hospital", "R6", "checklist"}, {"mhlw-checklist-vendor", "R7", "checklist"},
        {"mhlw-checklist-vendor", "R6", "checklist"}, {"mhlw-kakuninhyo", "2024", "kakuninhyo"},
        {"jahis-mds-sds", "5.0", "disclosure"},      {"anzen-contract-clauses", "1", "clauses"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const catalog *c = need(want[i].id, want[i].version);
        cr_assert_str_eq(c->kind, want[i].kind, "%s", want[i].id);
        cr_assert_gt(catalog_item_count(c), 0, "%s has no items", want[i].id);
    }
}

static const catalog_node *by_ref(const catalog *c, const char *ref, node_kind kind)
{
    for (size_t i = 0; i < c->nnodes; i++)
        if (c->nodes[i].kind == kind && c->nodes[i].ref && strcmp(c->nodes[i].ref, ref) == 0)
            return &c->nodes[i];
    return NULL;
}

Test(shipped, control_volume_has_all_18_chapters_and_the_seed_004_references)
{
    const catalog *c = need("mhlw-gl6-control", "6.0");
    for (int ch = 1; ch <= 18; ch++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%d", ch);
        cr_assert_not_null(by_ref(c, ref, NODE_HEADING), "chapter %d heading missing", ch);
    }
    /* cited by the vendor guide in ../shared/seeds/004_a6dd49b2c5725452.txt */
    const char *seed004[] = {"7-1",  "7-2",  "7-3",  "7-4",  "7-7",  "7-12", "8-1",  "8-2",
                             "8-3",  "8-5",  "8-9",  "10-1", "10-3", "10-5", "12-1", "12-2",
                             "12-3", "12-5", "13-13", "14-2", "14-6", "14-7", "18-1"};
    for (size_t i = 0; i < sizeof seed004 / sizeof seed004[0]; i++) {
        const catalog_node *n = by_ref(c, seed004[i], NODE_ITEM);
        cr_assert_not_null(n, "seed-004 reference %s does not resolve", seed004[i]);
        char id[32];
        snprintf(id, sizeof id, "ctl-%s", seed004[i]);
        cr_assert_str_eq(n->id, id);
    }
}

Test(shipped, management_volume_has_chapters_1_to_16)
{
    const catalog *c = need("mhlw-gl6-management", "6.0");
    for (int ch = 1; ch <= 16; ch++) {
        char ref[8];
        snprintf(ref, sizeof ref, "%d", ch);
        cr_assert_not_null(by_ref(c, ref, NODE_HEADING), "chapter %d heading missing", ch);
    }
}

Test(shipped, governance_volume_has_the_sections_that_carry_requirements)
{
    const catalog *c = need("mhlw-gl6-governance", "6.0");
    const char *sections[] = {"1.1", "1.2.1", "1.2.2", "1.4", "2", "3", "4", "5.1", "5.2.1", "5.2.2", "5.3"};
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        cr_assert_not_null(by_ref(c, sections[i], NODE_HEADING), "section %s heading missing", sections[i]);
}

Test(shipped, items_are_sourced_and_partial_catalogs_say_why)
{
    for (size_t i = 0; i < set.len; i++) {
        const catalog *c = set.items[i];
        if (strcmp(c->completeness, "complete") != 0)
            cr_assert(c->completeness_note.ja && c->completeness_note.en,
                      "%s: a partial catalog explains what is missing, in ja and en", c->id);
        for (size_t k = 0; k < c->nnodes; k++)
            if (c->nodes[k].kind == NODE_ITEM)
                cr_assert(c->nodes[k].source && *c->nodes[k].source, "%s:%s has no source", c->id, c->nodes[k].id);
    }
}

Test(shipped, checklist_r7_two_factor_target_is_fy2027)
{
    const catalog *c = need("mhlw-checklist-hospital", "R7");
    bool found = false;
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind == NODE_ITEM && n->title.ja && strstr(n->title.ja, "二要素認証")) {
            cr_assert_eq(n->target_fy, 2027, "%s", n->id);
            found = true;
        }
    }
    cr_assert(found, "the R7 hospital form asks about two-factor authentication");
    cr_assert_eq(c->dates & DATE_CHECKED, DATE_CHECKED, "R7 added 確認日");
}
