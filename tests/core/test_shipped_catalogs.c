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

/* ---- guideline 7.0, checklist R8, clause C23 (issue 13): secondary sources only ---- */

static const char *const gl7_ids[] = {"mhlw-gl7-overview",   "mhlw-gl7-governance",    "mhlw-gl7-management",
                                      "mhlw-gl7-control",    "mhlw-gl7-maintenance",   "mhlw-gl7-mds-sds-annex"};

static const catalog_node *node(const catalog *c, const char *id)
{
    const catalog_node *n = catalog_find_node(c, id);
    cr_assert_not_null(n, "%s@%s has no node %s", c->id, c->version, id);
    return n;
}

static bool has_map(const catalog_node *n, const char *cat, const char *to)
{
    for (size_t i = 0; i < n->nmaps; i++)
        if (strcmp(n->maps[i].to_catalog, cat) == 0 && strcmp(n->maps[i].to_node, to) == 0)
            return true;
    return false;
}

Test(shipped, gl7_has_five_volumes_and_the_annex_at_7_0)
{
    for (size_t i = 0; i < sizeof gl7_ids / sizeof gl7_ids[0]; i++) {
        const catalog *c = need(gl7_ids[i], "7.0");
        cr_assert_str_eq(c->kind, i == 5 ? "disclosure" : "guideline", "%s", c->id);
        cr_assert_str_neq(c->completeness, "complete", "%s: nobody has read the 7.0 PDFs", c->id);
        cr_assert_str_eq(c->publisher, "厚生労働省");
        cr_assert(strstr(c->title.ja, "第7.0版"), "%s title names the edition", c->id);
    }
    /* only 企画管理編 is dated May 2026 (two sources, independently) */
    cr_assert_str_eq(need("mhlw-gl7-management", "7.0")->published, "2026-05");
    cr_assert_str_eq(need("mhlw-gl7-control", "7.0")->published, "2026-06");
    /* the volumes whose chapters are unknown are skeletons and say so */
    const char *skeletons[] = {"mhlw-gl7-overview", "mhlw-gl7-governance", "mhlw-gl7-management", "mhlw-gl7-control"};
    for (size_t i = 0; i < 4; i++) {
        const catalog *c = need(skeletons[i], "7.0");
        cr_assert_str_eq(c->completeness, "skeleton", "%s", c->id);
        cr_assert(strstr(c->completeness_note.ja, "章立て") || strstr(c->completeness_note.ja, "章"), "%s", c->id);
    }
    cr_assert_eq(catalog_item_count(need("mhlw-gl7-governance", "7.0")), 0, "no 7.0 governance item has been read");
    cr_assert_eq(catalog_item_count(need("mhlw-gl7-management", "7.0")), 0, "no 7.0 management item has been read");
}

Test(shipped, gl7_items_are_all_unverified_sourced_and_never_reuse_6_0_ids)
{
    const char *gl6[] = {"mhlw-gl6-governance", "mhlw-gl6-management", "mhlw-gl6-control"};
    for (size_t i = 0; i < sizeof gl7_ids / sizeof gl7_ids[0]; i++) {
        const catalog *c = need(gl7_ids[i], "7.0");
        for (size_t k = 0; k < c->nnodes; k++) {
            const catalog_node *n = &c->nodes[k];
            cr_assert(n->source && strncmp(n->source, "https://", 8) == 0, "%s:%s needs a source URL", c->id, n->id);
            if (n->kind == NODE_ITEM) {
                cr_assert_not(n->verified, "%s:%s: 7.0 rests on secondary sources only", c->id, n->id);
                cr_assert(n->guidance.ja && strstr(n->guidance.ja, "未確認"), "%s:%s says 未確認", c->id, n->id);
            }
            for (size_t g = 0; g < 3; g++)
                cr_assert_null(catalog_find_node(need(gl6[g], "6.0"), n->id), "%s:%s reuses a 6.0 id", c->id, n->id);
            cr_assert(strncmp(n->id, "gov-", 4) && strncmp(n->id, "mgt-", 4) && strncmp(n->id, "ctl-", 4),
                      "%s:%s uses a 6.0 id prefix", c->id, n->id);
        }
    }
}

Test(shipped, maintenance_volume_two_factor_items_carry_fy2027)
{
    const catalog *c = need("mhlw-gl7-maintenance", "7.0");
    const catalog_node *app = by_ref(c, "9 ④", NODE_ITEM), *os = by_ref(c, "9 ⑤", NODE_ITEM);
    cr_assert_not_null(app, "保守委託機関編 9 ④ (application log-in)");
    cr_assert_not_null(os, "保守委託機関編 9 ⑤ (OS log-in on on-premises servers)");
    cr_assert_str_eq(app->id, "mnt7-9-4");
    cr_assert_eq(app->target_fy, 2027, "令和9年度");
    cr_assert_eq(os->target_fy, 2027, "令和9年度");
    cr_assert(strstr(app->text.ja, "二要素") && strstr(app->text.ja, "アプリ"));
    cr_assert(strstr(os->text.ja, "OS"));
    cr_assert_eq(os->tags.len, 1);
    cr_assert_str_eq(os->tags.items[0], "on-premises-server");
    cr_assert_str_eq(node(c, "mnt7-9-4")->parent, "mnt7-9");
    cr_assert_not_null(by_ref(c, "9", NODE_HEADING));
    cr_assert_not_null(by_ref(c, "10", NODE_HEADING));
}

Test(shipped, maintenance_volume_chapter_10_and_figure_1)
{
    const catalog *c = need("mhlw-gl7-maintenance", "7.0");
    int commentary = 0;
    for (size_t i = 0; i < c->nnodes; i++)
        if (c->nodes[i].kind == NODE_ITEM && c->nodes[i].ref && strcmp(c->nodes[i].ref, "10 解説") == 0) {
            cr_assert_str_eq(c->nodes[i].parent, "mnt7-10");
            commentary++;
        }
    cr_assert_eq(commentary, 3, "obtain MDS/SDS, choose はい/対象外 vendors, risk-assess いいえ");
    const catalog_node *sel = node(c, "mnt7-10-select");
    cr_assert(strstr(sel->text.ja, "はい") && strstr(sel->text.ja, "対象外"));
    cr_assert(has_map(sel, "mhlw-gl7-mds-sds-annex", "ann7-mds") && has_map(sel, "mhlw-gl7-mds-sds-annex", "ann7-sds"));
    /* figure 1 note ※2: the contract must state the vendor's security-update duty; C23 is our wording for it */
    const catalog_node *fig = by_ref(c, "図1 ※2", NODE_ITEM);
    cr_assert_not_null(fig);
    cr_assert(strstr(fig->text.ja, "契約書") && strstr(fig->text.ja, "SLA"));
    cr_assert(has_map(fig, "anzen-contract-clauses", "c23"));
    cr_assert(strstr(fig->guidance.ja, "公式の遵守事項ではない"), "our own check must say it is not official");
}

Test(shipped, mds_sds_annex_has_41_plus_58_structure_and_yes_no_na)
{
    const catalog *c = need("mhlw-gl7-mds-sds-annex", "7.0");
    cr_assert_eq(c->nanswers, 3);
    cr_assert_str_eq(c->answers[0].value, "yes");
    cr_assert_eq(c->answers[1].meaning, MEANING_NEGATIVE);
    cr_assert_eq(c->answers[2].meaning, MEANING_NA);
    cr_assert(strstr(node(c, "ann7-mds")->title.ja, "41"));
    cr_assert(strstr(node(c, "ann7-sds")->title.ja, "58"));
    size_t items = catalog_item_count(c), sds_areas = 0;
    cr_assert_gt(items, 0);
    cr_assert_leq(items, 58, "only SDS items are known; never more than the annex has");
    for (size_t i = 0; i < c->nnodes; i++) {
        const catalog_node *n = &c->nodes[i];
        if (n->kind == NODE_HEADING && n->parent && strcmp(n->parent, "ann7-sds") == 0)
            sds_areas++;
        if (n->kind != NODE_ITEM)
            continue;
        cr_assert_null(n->ref, "%s: no annex row number is known", n->id);
        cr_assert_eq(n->resp, RESP_VENDOR, "%s", n->id);
        bool to_jahis = false;
        for (size_t m = 0; m < n->nmaps; m++)
            to_jahis |= strcmp(n->maps[m].to_catalog, "jahis-mds-sds") == 0 && strcmp(n->maps[m].rel, "related") == 0;
        cr_assert(to_jahis, "%s maps (related, not equal) to the MDS/SDS question it matches", n->id);
    }
    cr_assert_eq(sds_areas, 14, "13 SDS areas named by the source, plus 区分未確認");
}

Test(shipped, checklist_r8_keeps_the_ids_takes_the_new_title_and_holds_only_what_is_confirmed)
{
    const char *ids[] = {"mhlw-checklist-hospital", "mhlw-checklist-vendor"};
    const size_t r7_items[] = {22, 19};
    for (size_t i = 0; i < 2; i++) {
        const catalog *r8 = need(ids[i], "R8"), *r7 = need(ids[i], "R7");
        cr_assert(strstr(r8->title.ja, "医療機関・薬局におけるサイバーセキュリティ対策チェックリスト"), "%s", ids[i]);
        cr_assert(strstr(r8->title.ja, "令和8年度"));
        cr_assert_str_eq(r8->completeness, "skeleton");
        cr_assert_eq(catalog_item_count(r8), 0, "%s@R8: no R8 question has been seen", ids[i]);
        cr_assert(strstr(r8->completeness_note.ja, "未確認"));
        /* R7 stays as it was */
        cr_assert(strstr(r7->title.ja, "医療機関における") && !strstr(r7->title.ja, "薬局"));
        cr_assert_eq(catalog_item_count(r7), r7_items[i], "%s@R7 unchanged", ids[i]);
    }
    cr_assert(strstr(need("mhlw-checklist-hospital", "R8")->title.ja, "医療機関・薬局確認用"));
    cr_assert(strstr(need("mhlw-checklist-vendor", "R8")->title.ja, "事業者確認用"));
}

Test(shipped, clause_c23_security_update_duty_is_ours_typed_and_triggered)
{
    const catalog *c = need("anzen-contract-clauses", "1");
    const catalog_node *n = by_ref(c, "C23", NODE_ITEM);
    cr_assert_not_null(n, "C23 security-update duty");
    cr_assert_str_eq(n->id, "c23");
    cr_assert_eq(n->resp, RESP_VENDOR);
    cr_assert_not(n->verified, "GL 7.0 is read only in secondary sources");
    cr_assert(strstr(c->title.ja, "非公式"), "the library is marked as ours");
    struct {
        const char *name;
        param_type type;
    } want[] = {{"update_scope", PARAM_TEXT},
                {"apply_days", PARAM_INTEGER},
                {"deferral_notice_business_days", PARAM_INTEGER},
                {"report_interval_months", PARAM_INTEGER},
                {"report_within_days", PARAM_INTEGER}};
    cr_assert_eq(n->nparams, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n->nparams; i++) {
        cr_assert_str_eq(n->params[i].name, want[i].name);
        cr_assert_eq(n->params[i].type, want[i].type, "%s", want[i].name);
        char ph[64];
        snprintf(ph, sizeof ph, "{{%s}}", want[i].name);
        cr_assert(strstr(n->annex.ja, ph) && strstr(n->annex.en, ph), "annex uses %s in ja and en", ph);
    }
    cr_assert(strstr(n->annex.ja, "責任を負う"), "the annex states that the vendor bears the duty");
    cr_assert_eq(n->triggers.len, 1);
    cr_assert_str_eq(n->triggers.items[0], "vendor-security-updates", "proposed only where the vendor applies updates");
    cr_assert(has_map(n, "mhlw-gl7-maintenance", "mnt7-fig1-2"));
}

Test(shipped, gl6_headings_cite_the_newly_found_toc_pages)
{
    struct {
        const char *cat, *node, *url;
    } want[] = {
        {"mhlw-gl6-management", "mgt-13.1", "https://wic-net.com/material/document/9465/6"},
        {"mhlw-gl6-management", "mgt-13.1.3", "https://wic-net.com/material/document/9465/6"},
        {"mhlw-gl6-management", "mgt-14.2", "https://wic-net.com/material/document/9465/6"},
        {"mhlw-gl6-governance", "gov-1", "https://wic-net.com/material/document/9464/5"},
        {"mhlw-gl6-governance", "gov-1.2.1", "https://wic-net.com/material/document/17674/3"},
        {"mhlw-gl6-control", "ctl-14", "https://wic-net.com/material/document/9466/47"},
        {"mhlw-gl6-control", "ctl-17", "https://wic-net.com/material/document/9466/53"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const catalog_node *n = node(need(want[i].cat, "6.0"), want[i].node);
        cr_assert_eq(n->kind, NODE_HEADING);
        cr_assert_not_null(n->source, "%s:%s", want[i].cat, want[i].node);
        cr_assert_str_eq(n->source, want[i].url, "%s:%s", want[i].cat, want[i].node);
    }
    /* the items read on those pages keep their ids (assessments reference them) */
    const catalog *ctl = need("mhlw-gl6-control", "6.0");
    const char *kept[] = {"ctl-14-1", "ctl-14-2", "ctl-14-3", "ctl-14-4", "ctl-17-1", "ctl-17-2", "ctl-17-3", "ctl-17-4"};
    for (size_t i = 0; i < 8; i++)
        cr_assert(node(ctl, kept[i])->verified, "%s", kept[i]);
}
