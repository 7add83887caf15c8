/* Export fixtures shared by the export tests: a Japanese checklist-like document with every kind
 * of block, a section of hostile input, an empty table; a document of 1,000 rows; golden-file
 * comparison (UPDATE=1 rewrites the golden file instead). Header-only because every test file
 * is its own executable. */
#ifndef ANZEN_EXPORT_FIXTURE_H
#define ANZEN_EXPORT_FIXTURE_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/lib.h"
#include "base/lib.h"

#define EXPORT_GOLDEN_DIR TOP_SRCDIR "/tests/golden/export"

static const export_column_def fixture_item_cols[] = {
    {"ref", "項番", 6, EXPORT_COL_TEXT, false},
    {"item", "確認項目", 36, EXPORT_COL_TEXT, true},
    {"yes", "はい", 4, EXPORT_COL_MARK, false},
    {"no", "いいえ", 6, EXPORT_COL_MARK, false},
    {"checked", "確認日", 10, EXPORT_COL_DATE, false},
    {"due", "目標日", 10, EXPORT_COL_DATE, false},
    {"count", "台数", 0, EXPORT_COL_NUMBER, false},
    {"note", "備考", 20, EXPORT_COL_TEXT, true},
};

static const export_column_def fixture_hostile_cols[] = {
    {"case", "ケース", 0, EXPORT_COL_TEXT, false},
    {"value", "入力", 30, EXPORT_COL_TEXT, true},
    {"number", "数値", 6, EXPORT_COL_NUMBER, false},
};

/* The hostile inputs, in table order; the tests look them up by index. */
enum { H_SCRIPT, H_FORMULA, H_AT, H_PLUS, H_MINUS, H_NEWLINE_TAB, H_MARKDOWN, H_CONTROL, H_LONG, H_COUNT };

static inline char *fixture_long_text(void)
{
    strbuf sb = {0};
    for (int i = 0; i < 2000; i++)
        sb_add(&sb, i % 10 == 9 ? "。" : "全");
    return sb_take(&sb);
}

static inline const char *fixture_hostile(int which)
{
    static const char *const values[] = {
        "<script>alert('x')</script> & \"引用\"",
        "=cmd|' /C calc'!A1",
        "@SUM(1)",
        "+81-3-1234-5678",
        "-2+3",
        "1行目\n2行目\tタブの後",
        "[リンク](javascript:alert(1)) | *強調* _下線_ `code` # 見出し ~取消~",
        "制御\x01文字\x7f\xe2\x80\xae逆順",
        NULL,
    };
    return values[which];
}

static inline export_doc *fixture_doc(void)
{
    export_doc *doc = export_doc_new("fixture", "サイバーセキュリティ対策チェックリスト（試験用）");
    export_doc_set_subtitle(doc, "医療機関確認用　令和7年度");
    export_doc_set_date(doc, "2025-04-01");
    export_doc_set_author(doc, "山田 太郎");
    export_doc_meta(doc, "施設名", "テスト総合病院");
    export_doc_meta(doc, "システム", "電子カルテ / PACS");
    export_doc_meta(doc, "事業者", "A社メディカル株式会社");
    export_doc_meta(doc, "作成日", "2025-04-01");

    export_section *s = export_section_add(doc, "1 チェックリスト");
    export_section_set_sheet(s, "チェックリスト");
    export_paragraph_add(s, "各項目について「はい」または「いいえ」に○を付け、確認日を記入する。\n"
                            "いいえの項目は目標日を記入する。");
    export_table *t = export_table_add(s, "items", "表1 確認項目", fixture_item_cols, AZ_ARRAY_LEN(fixture_item_cols));
    export_table_group(t, "1. 体制構築");
    export_table_row(t, (const char *[]){"1-1", "医療情報システム安全管理責任者を設置している。", "○", "", "2025-04-01", "", "1", "備考1"});
    export_table_row(t, (const char *[]){"1-2", "事業者と緊急時の連絡体制を確認している。", "", "○", "", "2026-03-31", "", ""});
    export_table_group(t, "2. 医療情報システムの管理・運用");
    export_table_row(t, (const char *[]){"2-1", "サーバ・端末PC・ネットワーク機器の台帳を管理している。", "○", "", "2025-04-01", "", "120", ""});
    export_table_row(t, (const char *[]){"2-2", "リモート保守の接続を記録している。", "", "○", "R7.4.1", "未定", "-", "備考2"});
    export_notes *n = export_notes_add(s, "備考");
    export_note_add(n, "責任者は情報システム部長。");
    export_note_add(n, "VPN 装置の更新後に対応する。\n保守契約の見直しを含む。");
    export_progress *p = export_progress_add(s, "進捗（回答済み）");
    export_bar_add(p, "1. 体制構築", 2, 2);
    export_bar_add(p, "2. 医療情報システムの管理・運用", 1, 2);
    export_bar_add(p, "合計", 3, 4);
    export_bar_add(p, "対象なし", 0, 0);

    s = export_section_add(doc, "2 入力の検証");
    s->page_break = true;
    export_paragraph_add(s, "# 見出しではない\n1. 箇条書きではない\n- これも違う\n<b>太字ではない</b>");
    t = export_table_add(s, "hostile", NULL, fixture_hostile_cols, AZ_ARRAY_LEN(fixture_hostile_cols));
    static const char *const names[] = {"script", "formula", "at", "plus", "minus", "newline-tab", "markdown", "control", "long"};
    static const char *const numbers[] = {"1", "-3", "2.5", "", "=1+1", "0", "", "", "12345"};
    char *lng = fixture_long_text();
    for (int i = 0; i < H_COUNT; i++)
        export_table_row(t, (const char *[]){names[i], i == H_LONG ? lng : fixture_hostile(i), numbers[i]});
    free(lng);
    export_table_add(s, "empty", "空の表", fixture_hostile_cols, AZ_ARRAY_LEN(fixture_hostile_cols));
    return doc;
}

static const export_column_def fixture_big_cols[] = {
    {"no", "番号", 0, EXPORT_COL_NUMBER, false},
    {"item", "項目", 30, EXPORT_COL_TEXT, true},
    {"state", "状態", 6, EXPORT_COL_MARK, false},
    {"due", "目標日", 10, EXPORT_COL_DATE, false},
};

/* 1,000 rows in 10 groups. */
static inline export_doc *fixture_big_doc(void)
{
    export_doc *doc = export_doc_new("big", "大量の項目");
    export_doc_set_date(doc, "2025-04-01");
    export_section *s = export_section_add(doc, "全項目");
    export_table *t = export_table_add(s, "items", NULL, fixture_big_cols, AZ_ARRAY_LEN(fixture_big_cols));
    for (int g = 0; g < 10; g++) {
        char label[64];
        snprintf(label, sizeof label, "第%d章", g + 1);
        export_table_group(t, label);
        for (int i = 0; i < 100; i++) {
            char no[16], item[96], due[16];
            snprintf(no, sizeof no, "%d", g * 100 + i + 1);
            snprintf(item, sizeof item, "項目 %d-%d の確認内容（医療情報）", g + 1, i + 1);
            snprintf(due, sizeof due, "2026-%02d-%02d", i % 12 + 1, i % 28 + 1);
            export_table_row(t, (const char *[]){no, item, i % 3 ? "はい" : "いいえ", due});
        }
    }
    return doc;
}

/* Compares bytes with the golden file name; with UPDATE=1 writes it instead. */
static inline void golden_check(const char *name, const char *data, size_t len)
{
    char *path = xasprintf("%s/%s", EXPORT_GOLDEN_DIR, name);
    const char *update = getenv("UPDATE");
    if (update && strcmp(update, "1") == 0) {
        FILE *f = fopen(path, "wb");
        cr_assert_not_null(f, "cannot write %s", path);
        fwrite(data, 1, len, f);
        fclose(f);
        cr_log_warn("updated %s", path);
    } else {
        size_t glen = 0;
        char *golden = util_read_file(path, &glen);
        cr_assert_not_null(golden, "missing golden file %s (run with UPDATE=1 and review)", path);
        size_t at = 0;
        while (at < len && at < glen && data[at] == golden[at])
            at++;
        cr_expect(len == glen && at == len, "%s differs from its golden file at byte %zu (sizes %zu / %zu)", name, at,
                  len, glen);
        free(golden);
    }
    free(path);
}

#endif
