/* The escaping rules of core/export/escape.h, one format at a time. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "export/lib.h"
#include "base/lib.h"

static char *csv(const char *raw)
{
    strbuf sb = {0};
    export_csv_add(&sb, raw);
    return sb_take(&sb);
}

static char *html(const char *raw, bool br)
{
    strbuf sb = {0};
    export_html_add(&sb, raw, br);
    return sb_take(&sb);
}

static char *md(const char *raw, bool table)
{
    strbuf sb = {0};
    export_md_add(&sb, raw, table);
    return sb_take(&sb);
}

#define EXPECT_STR(expr, want)                                                                                        \
    do {                                                                                                              \
        char *got_ = (expr);                                                                                          \
        cr_expect_str_eq(got_, want, "%s", #expr);                                                                    \
        free(got_);                                                                                                   \
    } while (0)

Test(export_escape, clean_removes_controls_and_normalises_newlines)
{
    EXPECT_STR(export_clean("a\x01" "b\x7f" "c", true), "abc");
    EXPECT_STR(export_clean("一\r\n二\r三\n四", true), "一\n二\n三\n四");
    EXPECT_STR(export_clean("一\r\n二", false), "一 二");
    EXPECT_STR(export_clean("タブ\tの後", true), "タブ の後");
    EXPECT_STR(export_clean("\xc2\x85" "C1", true), "C1");                   /* U+0085 NEL */
    EXPECT_STR(export_clean("逆\xe2\x80\xae順\xe2\x81\xa6", true), "逆順"); /* U+202E, U+2066 */
    EXPECT_STR(export_clean("a\xe2\x80\xa8" "b", true), "a\nb");            /* U+2028 */
    EXPECT_STR(export_clean("bad\xff", true), "bad\xef\xbf\xbd");            /* invalid byte → U+FFFD */
    EXPECT_STR(export_clean("医療情報", true), "医療情報");
    /* runs of unchanged text around each change, at both ends */
    EXPECT_STR(export_clean("\r", true), "\n");
    EXPECT_STR(export_clean("末尾\r", false), "末尾 ");
    EXPECT_STR(export_clean("\x01先頭と中\xff間と\r\n末尾\x7f", true), "先頭と中\xef\xbf\xbd間と\n末尾");
    EXPECT_STR(export_clean("\xef\xbf\xbd", true), "\xef\xbf\xbd"); /* a real U+FFFD is kept as is */
    EXPECT_STR(export_clean(NULL, true), "");
}

Test(export_escape, formula_like_cells)
{
    cr_expect(export_formula_like("=cmd|' /C calc'!A1"));
    cr_expect(export_formula_like("@SUM(1)"));
    cr_expect(export_formula_like("+81-3-1234-5678"));
    cr_expect(export_formula_like("-2+3"));
    cr_expect(export_formula_like("\tanything"));
    cr_expect(export_formula_like("\r=1"));
    cr_expect(export_formula_like("  =1+1"), "leading blanks do not hide a formula");
    cr_expect(export_formula_like("\u3000=1+1"), "nor does an ideographic space");
    cr_expect(export_formula_like("-"));
    cr_expect(!export_formula_like("-3"), "a plain negative number is a number");
    cr_expect(!export_formula_like("12.5"));
    cr_expect(!export_formula_like("医療 = 情報"));
    cr_expect(!export_formula_like(""));
    cr_expect(!export_formula_like("＝全角"));
}

Test(export_escape, csv_neutralises_and_quotes)
{
    EXPECT_STR(csv("=cmd|' /C calc'!A1"), "'=cmd|' /C calc'!A1");
    EXPECT_STR(csv("@SUM(1)"), "'@SUM(1)");
    EXPECT_STR(csv("\t=1"), "' =1");
    EXPECT_STR(csv("-3"), "-3");
    EXPECT_STR(csv("a,b"), "\"a,b\"");
    EXPECT_STR(csv("彼は\"はい\"と言った"), "\"彼は\"\"はい\"\"と言った\"");
    EXPECT_STR(csv("1行目\r\n2行目"), "\"1行目\n2行目\"");
    EXPECT_STR(csv("=a,b"), "\"'=a,b\"");
    EXPECT_STR(csv(""), "");
    EXPECT_STR(csv("テスト総合病院"), "テスト総合病院");
}

Test(export_escape, html_escapes_markup)
{
    EXPECT_STR(html("<script>alert('x')</script> & \"q\"", false),
               "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    EXPECT_STR(html("一\n二", true), "一<br>二");
    EXPECT_STR(html("一\n二", false), "一 二");
    EXPECT_STR(html("&amp;", false), "&amp;amp;");
}

Test(export_escape, markdown_escapes_inline_markup)
{
    EXPECT_STR(md("[リンク](javascript:alert(1))", false), "\\[リンク\\](javascript:alert(1))");
    EXPECT_STR(md("a|b *c* _d_ `e` <f> ~g~ &h \\i", true), "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\~g\\~ \\&h \\\\i");
    EXPECT_STR(md("# 見出し", false), "\\# 見出し");
    EXPECT_STR(md("1. 一\n2) 二\n- 三\n+ 四\n= 五", false), "1\\. 一\\\n2\\) 二\\\n\\- 三\\\n\\+ 四\\\n\\= 五");
    EXPECT_STR(md("2025-04-01", false), "2025-04-01"); /* a date is not a list marker */
    EXPECT_STR(md("    コード", false), "コード"); /* indentation would start a code block */
    EXPECT_STR(md("一\n二", true), "一<br>二");
    EXPECT_STR(md("a # b", false), "a # b"); /* only a # that starts a line is a heading */
}

Test(export_escape, plain_numbers)
{
    cr_expect(export_plain_number("0"));
    cr_expect(export_plain_number("-12.50"));
    cr_expect(!export_plain_number("1e3"));
    cr_expect(!export_plain_number("1."));
    cr_expect(!export_plain_number("."));
    cr_expect(!export_plain_number("１２"), "full-width digits are text");
    cr_expect(!export_plain_number(""));
}
