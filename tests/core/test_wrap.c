/* Line breaking with the Japanese rules (core/text/wrap.h): examples of each rule, then every
 * title, text and guidance of the shipped catalogs at the detail pane's widths of an 80- and a
 * 97-column terminal (46 and 57 columns) and a narrow 20, checked line by line. Also tabs and
 * cutting from the middle. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/lib.h"
#include "text/lib.h"

static char *joined(const strlist *l)
{
    strbuf sb = {0};
    for (size_t i = 0; i < l->len; i++)
        sb_addf(&sb, "%s|", l->items[i]);
    return sb_take(&sb);
}

static void expect_wrap(const char *s, int cols, const char *want)
{
    strlist out = {0};
    text_wrap(s, cols, &out);
    char *got = joined(&out);
    cr_expect_str_eq(got, want, "wrap(\"%s\", %d)", s, cols);
    free(got);
    sl_free(&out);
}

Test(wrap, closing_marks_never_start_a_line)
{
    /* 10 columns = 5 characters: 。 would start line 2, so て moves down with it */
    expect_wrap("確認しています。次", 14, "確認していま|す。次|");
    expect_wrap("記録を残す」と定める", 10, "記録を残|す」と定め|る|");
    expect_wrap("機器（サーバ）を置く", 12, "機器（サー|バ）を置く|");
    expect_wrap("あいうえおー長音", 10, "あいうえ|おー長音|");
    expect_wrap("あいうえおっと", 10, "あいうえ|おっと|");
    expect_wrap("あいうえお、かき", 10, "あいうえ|お、かき|");
    expect_wrap("あいうえお・かき", 10, "あいうえ|お・かき|");
}

Test(wrap, opening_marks_never_end_a_line)
{
    expect_wrap("あいうえ「かきく」", 10, "あいうえ|「かきく」|");
    expect_wrap("あいうえ（かき）", 10, "あいうえ|（かき）|");
}

Test(wrap, references_and_numbers_stay_whole)
{
    expect_wrap("台帳は2-②の土台", 8, "台帳は|2-②の土|台|");
    expect_wrap("第6.0版による", 6, "第6.0|版によ|る|");
    expect_wrap("端末1,234台", 8, "端末|1,234台|");
    expect_wrap("区切り――続き", 7, "区切り|――続き|"); /* ― is 1 column (ambiguous width) */
}

Test(wrap, latin_text_breaks_at_spaces_and_drops_them)
{
    expect_wrap("remote maintenance logs", 12, "remote|maintenance|logs|");
    expect_wrap("abcdefghij", 4, "abcd|efgh|ij|"); /* no break allowed: cut where full */
    expect_wrap("一行目\n\n三行目", 20, "一行目||三行目|");
    expect_wrap("医", 1, "医|"); /* wider than the line: taken anyway */
}

Test(wrap, break_rules)
{
    cr_expect(!text_can_break(0x3042 /* あ */, 0x3002 /* 。 */));
    cr_expect(!text_can_break(0x300C /* 「 */, 0x3042));
    cr_expect(!text_can_break('1', '-'));
    cr_expect(!text_can_break('-', 0x2461 /* ② */));
    cr_expect(text_can_break(0x3042, 0x3044));
    cr_expect(text_can_break(0x3002, 0x3042));
}

static bool starts_forbidden(const char *line)
{
    static const char *const marks[] = {"、", "。", "，", "．", "）", "」", "』", "】", "〕", "ー", "・", "：", "；",
                                         "？", "！", "っ", "ゃ", "ゅ", "ょ", "ッ", "ャ", "ュ", "ョ", "ァ", "ィ", "ェ", "々"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if (strncmp(line, marks[i], strlen(marks[i])) == 0)
            return true;
    return false;
}

static bool ends_forbidden(const char *line)
{
    static const char *const marks[] = {"「", "『", "（", "【", "〔", "［"};
    size_t n = strlen(line);
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t m = strlen(marks[i]);
        if (n >= m && strcmp(line + n - m, marks[i]) == 0)
            return true;
    }
    return false;
}

/* One text at one width: every line fits, none starts or ends where the rules forbid (unless
 * the line was full with no break allowed: then it is exactly `cols` wide), nothing but
 * spaces at breaks is lost, and 1-② style references are never split. */
static int check_para(const char *where, const char *text, size_t len, int cols)
{
    strlist out = {0};
    text_wrap_line(text, len, cols, &out);
    strbuf all = {0}, orig = {0};
    for (size_t i = 0; i < out.len; i++) {
        const char *l = out.items[i];
        int w = text_width(l);
        cr_assert_leq(w, cols, "%s: line %zu \"%s\" is %d columns, more than %d", where, i, l, w, cols);
        if (i > 0 && *out.items[i - 1] && *l && text_width(out.items[i - 1]) < cols - 1)
            cr_assert(!starts_forbidden(l), "%s at %d: line starts with a closing mark: \"%s\"", where, cols, l);
        if (i + 1 < out.len && *out.items[i + 1])
            cr_assert(!ends_forbidden(l), "%s at %d: line ends with an opening mark: \"%s\"", where, cols, l);
        for (const char *p = l; *p; p++)
            if (*p != ' ' && *p != '\n')
                sb_addc(&all, *p);
    }
    for (size_t k = 0; k < len; k++)
        if (text[k] != ' ')
            sb_addc(&orig, text[k]);
    cr_assert_str_eq(sb_str(&all), sb_str(&orig), "%s at %d: text lost in wrapping", where, cols);
    for (size_t i = 0; i + 1 < out.len; i++) {
        const char *l = out.items[i];
        size_t n = strlen(l);
        bool digit_end = n > 0 && l[n - 1] >= '0' && l[n - 1] <= '9';
        bool dash_start = out.items[i + 1][0] == '-';
        cr_assert(!(digit_end && dash_start) || text_width(l) >= cols - 1, "%s at %d: reference split: \"%s\" / \"%s\"",
                  where, cols, l, out.items[i + 1]);
    }
    int lines = (int)out.len;
    sb_free(&all);
    sb_free(&orig);
    sl_free(&out);
    return lines;
}

static int check_text(const char *where, const char *text, int cols)
{
    int lines = 0;
    for (const char *p = text;;) {
        const char *nl = strchr(p, '\n');
        lines += check_para(where, p, nl ? (size_t)(nl - p) : strlen(p), cols);
        if (!nl)
            return lines;
        p = nl + 1;
    }
}

Test(wrap, shipped_catalog_texts_at_80_and_97_columns)
{
    catalog_set set = {0};
    diag_list diags = {0};
    strlist dirs = {0};
    sl_push(&dirs, TOP_SRCDIR "/data/catalogs");
    catalog_set_load_dirs(&set, &dirs, &diags);
    const int widths[] = {46, 57, 20};
    long lines = 0, texts = 0;
    for (size_t c = 0; c < set.len; c++) {
        const catalog *cat = set.items[c];
        for (size_t i = 0; i < cat->nnodes; i++) {
            const catalog_node *n = &cat->nodes[i];
            const char *parts[] = {n->title.ja, n->text.ja, n->guidance.ja, n->title.en, n->text.en};
            for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
                if (!parts[p] || !*parts[p])
                    continue;
                char where[256];
                snprintf(where, sizeof where, "%s:%s", cat->id, n->id);
                for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++)
                    lines += check_text(where, parts[p], widths[k]);
                texts++;
            }
        }
    }
    cr_log_info("wrapped %ld texts into %ld lines", texts, lines);
    cr_assert_gt(texts, 500, "the shipped catalogs should give hundreds of texts (got %ld)", texts);
    sl_free(&dirs);
    catalog_set_free(&set);
    diag_free(&diags);
}

Test(wrap, tabs_expand_to_the_next_8_column_stop)
{
    cr_expect_eq(TEXT_TAB_STOP, 8);
    cr_expect_eq(text_tab_spaces(0), 8);
    cr_expect_eq(text_tab_spaces(3), 5);
    cr_expect_eq(text_tab_spaces(8), 8);
    char *t = text_expand_tabs("a\tb");
    cr_expect_str_eq(t, "a       b");
    free(t);
    t = text_expand_tabs("機器\t台数\n\tサーバ");
    cr_expect_str_eq(t, "機器    台数\n        サーバ"); /* 機器 is 4 columns: 4 spaces to column 8 */
    free(t);
    t = text_expand_tabs("no tab");
    cr_expect_str_eq(t, "no tab");
    free(t);
}

Test(wrap, truncate_middle_keeps_both_ends)
{
    const char *h = "医療機関におけるサイバーセキュリティ対策チェックリスト（令和7年度版・医療機関確認用）";
    const char *v = "医療機関におけるサイバーセキュリティ対策チェックリスト（令和7年度版・事業者確認用）";
    char *a = text_truncate_middle(h, 29, "~"), *b = text_truncate_middle(v, 29, "~");
    cr_expect_eq(text_width(a), 29);
    cr_expect_eq(text_width(b), 29);
    cr_expect(strstr(a, "療機関確認用）") != NULL, "%s", a);
    cr_expect(strstr(b, "事業者確認用）") != NULL, "%s", b);
    cr_expect_str_neq(a, b);
    free(a);
    free(b);
    a = text_truncate_middle("short", 10, "~");
    cr_expect_str_eq(a, "short");
    free(a);
    a = text_truncate_middle("mhlw-checklist-hospital@R7", 19, "~");
    cr_expect_str_eq(a, "mhlw-chec~spital@R7");
    free(a);
}
