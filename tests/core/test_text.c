#include <criterion/criterion.h>
#include <stdlib.h>

#include "text/lib.h"

Test(text, width_counts_columns_not_bytes)
{
    cr_assert_eq(text_width(""), 0);
    cr_assert_eq(text_width("abc"), 3);
    cr_assert_eq(text_width("医療情報"), 8);          /* 12 bytes, 8 columns */
    cr_assert_eq(text_width("ｱｲｳ"), 3);               /* half-width katakana */
    cr_assert_eq(text_width("ＡＢＣ"), 6);            /* full-width latin */
    cr_assert_eq(text_width("10-3 保守"), 9);
    cr_assert_eq(text_width("①"), 1, "ambiguous width is 1 by policy");
    cr_assert_eq(text_width("a\tb"), 2, "control characters take no column");
}

Test(text, invalid_utf8_counts_as_one_replacement)
{
    cr_assert_eq(text_width("a\xff" "b"), 3);
    cr_assert(!utf8_valid("a\xff"));
    cr_assert(utf8_valid("遵守事項"));
}

Test(text, fit_never_splits_a_wide_character)
{
    int used;
    cr_assert_eq(text_fit("医療情報", 5, &used), 6); /* two characters, 4 columns */
    cr_assert_eq(used, 4);
    cr_assert_eq(text_fit("医療情報", 0, &used), 0);
    cr_assert_eq(text_fit("ab医", 3, &used), 2);
}

Test(text, truncate_marks_and_keeps_exact_width)
{
    char *t = text_truncate("医療情報システム", 9, "~");
    cr_assert_str_eq(t, "医療情報~"); /* 8 + 1 */
    cr_assert_eq(text_width(t), 9);
    free(t);
    t = text_truncate("医療情報システム", 8, "~");
    cr_assert_str_eq(t, "医療情~ ", "a wide char that would straddle is dropped and padded");
    cr_assert_eq(text_width(t), 8);
    free(t);
    t = text_truncate("短い", 10, "~");
    cr_assert_str_eq(t, "短い");
    free(t);
}

Test(text, pad_fills_to_width)
{
    char *t = text_pad("保守", 6, "~");
    cr_assert_str_eq(t, "保守  ");
    free(t);
    t = text_pad("abcdef", 4, "…");
    cr_assert_eq(text_width(t), 4);
    cr_assert_str_eq(t, "abc…");
    free(t);
}

Test(text, fold_matches_fullwidth_and_halfwidth)
{
    char *a = text_fold("ＰＡＣＳ　サーバ１０");
    char *b = text_fold("pacs サーバ10");
    cr_assert_str_eq(a, b);
    free(a);
    free(b);
    char *k = text_fold("ｻｰﾊﾞ");
    char *f = text_fold("サーバ");
    cr_assert_str_eq(k, f, "half-width katakana folds to full-width");
    cr_assert(text_contains_folded(f, k));
    free(k);
    free(f);
}
