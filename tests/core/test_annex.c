/* The contract annex: golden files per format (DOCX by its document.xml), determinism, the parts
 * well-formed with their namespaces (libxml2), the scenario on the shipped catalogs, hostile user
 * text, template errors, the writer's refusals, and LibreOffice's PDF of the DOCX. */
#include <criterion/criterion.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "assess/lib.h"
#include "contract_fixture.h"
#include "export/lib.h"

#define ANNEX_GOLDEN_DIR TOP_SRCDIR "/tests/golden/annex"

static void golden(const char *name, const char *data, size_t len)
{
    char *path = xasprintf("%s/%s", ANNEX_GOLDEN_DIR, name);
    const char *update = getenv("UPDATE");
    if (update && strcmp(update, "1") == 0) {
        mkdir(ANNEX_GOLDEN_DIR, 0755);
        FILE *f = fopen(path, "wb");
        cr_assert_not_null(f, "cannot write %s", path);
        fwrite(data, 1, len, f);
        fclose(f);
        cr_log_warn("updated %s", path);
    } else {
        size_t glen = 0;
        char *g = util_read_file(path, &glen);
        cr_assert_not_null(g, "missing golden file %s (run with UPDATE=1 and review)", path);
        size_t at = 0;
        while (at < len && at < glen && data[at] == g[at])
            at++;
        cr_expect(len == glen && at == len, "%s differs from its golden file at byte %zu (sizes %zu / %zu)", name, at,
                  len, glen);
        free(g);
    }
    free(path);
}

static annex_doc build(contract_fx *f, const char *template_path)
{
    annex_opts o = {.template_path = template_path, .date = "2026-04-01"};
    annex_doc d;
    diag_list diags = {0};
    status_detail err = {0};
    status_code st = annex_build(f->st, f->contract, &o, &d, &diags, &err);
    for (size_t i = 0; i < diags.len; i++) {
        char *m = diag_format(&diags.items[i]);
        cr_log_error("%s", m);
        free(m);
    }
    cr_assert_eq(st, STATUS_OK, "%s", test_msg(&err));
    diag_free(&diags);
    return d;
}

/* The fixture contract with something in every section: a parameter set, an excluded clause, a
 * matrix note, an open item. */
static contract_fx full_fixture(void)
{
    contract_fx f = fx_open(false);
    status_detail err = {0};
    cr_assert_eq(contract_param_set(f.st, f.contract, "c06", "log_months", "24", "tester", &err), STATUS_OK);
    cr_assert_eq(contract_clause_decide(f.st, f.contract, "c08", CLAUSE_EXCLUDE, "保守でデータを持ち出さない運用", "tester", &err), STATUS_OK);
    cr_assert_eq(contract_matrix_set(f.st, f.contract, COMP_LINE, PHASE_NORMAL, RESP_VENDOR, 0, "保守回線はA社が手配", "tester", &err), STATUS_OK);
    assess_spec as = {.catalog_id = "fx-check", .scope = SCOPE_SYSTEM, .system_id = f.pacs, .fy = 2026};
    int64_t aid;
    cr_assert_eq(assess_create(f.st, &as, "tester", &aid, &err), STATUS_OK);
    /* the open item's reason and its linked evidence show in the annex's open items */
    strlist ev = {0};
    sl_push(&ev, "保守体制図（案）");
    answer_change no = {.fields = AF_VALUE | AF_DUE | AF_REASON | AF_EVIDENCE, .value = "no", .due = "2026-09-30",
                        .reason = "責任者は次回契約で定める", .evidence = &ev};
    cr_assert_eq(assess_answer_set(f.st, aid, "k-1", PARTY_HOSPITAL, 0, &no, "tester", NULL, NULL, &err), STATUS_OK);
    sl_free(&ev);
    answer_change yes = {.fields = AF_VALUE, .value = "yes"};
    cr_assert_eq(assess_answer_set(f.st, aid, "k-2", PARTY_HOSPITAL, 0, &yes, "tester", NULL, NULL, &err), STATUS_OK);
    return f;
}

/* ---- reading a DOCX back ---- */

static char *zip_part(const char *data, size_t len, const char *name, size_t *out_len)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
    cr_assert_not_null(src);
    zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
    cr_assert_not_null(za, "not a zip");
    zip_stat_t zs;
    char *buf = NULL;
    if (zip_stat(za, name, 0, &zs) == 0) {
        zip_file_t *zf = zip_fopen(za, name, 0);
        buf = xmalloc(zs.size + 1);
        cr_assert_eq(zip_fread(zf, buf, zs.size), (zip_int64_t)zs.size);
        buf[zs.size] = '\0';
        zip_fclose(zf);
        if (out_len)
            *out_len = zs.size;
    }
    zip_close(za);
    zip_error_fini(&ze);
    return buf;
}

static int xml_errors;
static void count_error(void *ctx, const xmlError *e)
{
    (void)ctx;
    cr_log_error("xml: %s", e->message);
    xml_errors++;
}

/* Parses a part with libxml2 (no network, no entities) and returns its root namespace. */
static char *well_formed(const char *part, const char *xml)
{
    xml_errors = 0;
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)count_error);
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), part, "UTF-8", XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    cr_assert_not_null(doc, "%s is not well-formed", part);
    cr_expect_eq(xml_errors, 0, "%s: %d XML errors (namespaces included)", part, xml_errors);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char *ns = root && root->ns ? xstrdup((const char *)root->ns->href) : xstrdup("");
    xmlFreeDoc(doc);
    return ns;
}

static char *docx_of(const annex_doc *d, size_t *len)
{
    char *data;
    export_error e = {0};
    cr_assert_eq(annex_docx(d, &data, len, &e), EXPORT_OK);
    return data;
}

/* ---- goldens ---- */

Test(annex, golden_markdown)
{
    contract_fx f = full_fixture();
    annex_doc d = build(&f, NULL);
    char *md = annex_markdown(&d);
    golden("fixture.md", md, strlen(md));
    free(md);
    annex_doc_free(&d);
    fx_close(&f);
}

Test(annex, golden_html)
{
    contract_fx f = full_fixture();
    annex_doc d = build(&f, NULL);
    char *html = annex_html(&d);
    cr_assert_not_null(html);
    golden("fixture.html", html, strlen(html));
    free(html);
    annex_doc_free(&d);
    fx_close(&f);
}

Test(annex, golden_docx_document_xml)
{
    contract_fx f = full_fixture();
    annex_doc d = build(&f, NULL);
    size_t len, xlen;
    char *data = docx_of(&d, &len);
    char *xml = zip_part(data, len, "word/document.xml", &xlen);
    cr_assert_not_null(xml);
    golden("fixture.docx.document.xml", xml, xlen);
    free(xml);
    free(data);
    annex_doc_free(&d);
    fx_close(&f);
}

Test(annex, docx_parts_are_well_formed_with_their_namespaces)
{
    contract_fx f = full_fixture();
    annex_doc d = build(&f, NULL);
    size_t len;
    char *data = docx_of(&d, &len);
    static const struct {
        const char *part, *ns;
    } parts[] = {
        {"[Content_Types].xml", "http://schemas.openxmlformats.org/package/2006/content-types"},
        {"_rels/.rels", "http://schemas.openxmlformats.org/package/2006/relationships"},
        {"docProps/core.xml", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
        {"docProps/app.xml", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
        {"word/document.xml", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        {"word/styles.xml", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        {"word/settings.xml", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        {"word/footer1.xml", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
        {"word/_rels/document.xml.rels", "http://schemas.openxmlformats.org/package/2006/relationships"},
    };
    for (size_t i = 0; i < AZ_ARRAY_LEN(parts); i++) {
        char *xml = zip_part(data, len, parts[i].part, NULL);
        cr_assert_not_null(xml, "missing part %s", parts[i].part);
        char *ns = well_formed(parts[i].part, xml);
        cr_expect_str_eq(ns, parts[i].ns, "%s", parts[i].part);
        free(ns);
        free(xml);
    }
    char *doc = zip_part(data, len, "word/document.xml", NULL);
    char *styles = zip_part(data, len, "word/styles.xml", NULL);
    char *footer = zip_part(data, len, "word/footer1.xml", NULL);
    cr_expect(strstr(doc, "<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">第1条（責任分界）") != NULL,
              "articles are level-2 headings");
    cr_expect(strstr(doc, "<w:tblHeader/>") != NULL, "header rows repeat");
    cr_expect(strstr(doc, "<w:insideH w:val=\"single\"") != NULL, "tables have borders");
    cr_expect(strstr(doc, "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>") != NULL, "A4");
    cr_expect(strstr(styles, "w:eastAsia=\"游明朝\"") != NULL, "East-Asian font");
    cr_expect(strstr(styles, "<w:lang w:val=\"ja-JP\" w:eastAsia=\"ja-JP\"") != NULL);
    cr_expect(strstr(footer, d.sha256) != NULL, "every page carries the digest");
    free(doc);
    free(styles);
    free(footer);
    free(data);
    annex_doc_free(&d);
    fx_close(&f);
}

Test(annex, the_same_annex_gives_the_same_bytes_in_every_format, .timeout = 30)
{
    contract_fx f = full_fixture();
    annex_doc a = build(&f, NULL);
    sleep(2); /* a clock read anywhere (zip timestamps, properties) would show */
    annex_doc b = build(&f, NULL);
    cr_expect_str_eq(a.body, b.body);
    cr_expect_str_eq(a.sha256, b.sha256);
    char *ha = annex_html(&a), *hb = annex_html(&b);
    cr_expect_str_eq(ha, hb);
    size_t la, lb;
    char *da = docx_of(&a, &la), *db = docx_of(&b, &lb);
    cr_expect(la == lb && memcmp(da, db, la) == 0, "DOCX bytes differ");
    free(ha);
    free(hb);
    free(da);
    free(db);
    annex_doc_free(&a);
    annex_doc_free(&b);
    fx_close(&f);
}

Test(annex, digest_is_of_the_canonical_text)
{
    char a[65], b[65], c[65];
    annex_digest("# 別紙\n\n本文\n", a);
    annex_digest("# 別紙\r\n\r\n本文", b);
    annex_digest("# 別紙\n\n本文。\n", c);
    cr_expect_str_eq(a, b, "line ends and the final newline do not count");
    cr_expect_str_neq(a, c);
    /* sha256("abc\n") */
    annex_digest("abc", a);
    cr_expect_str_eq(a, "edeaaff3f1774ad2888673770c6d64097e391bc362d7d6fb34982ddf0efd18cb");
}

/* ---- the scenario ---- */

/* The text of the article whose heading contains `title`, up to the next heading. Caller frees. */
static char *article(const char *md, const char *title)
{
    const char *h = strstr(md, title);
    cr_assert_not_null(h, "no article %s", title);
    const char *end = strstr(h, "\n#");
    return xstrndup(h, end ? (size_t)(end - h) : strlen(h));
}

Test(annex, scenario_pacs_with_remote_maintenance_and_patient_data)
{
    contract_fx f = fx_open(true);
    annex_doc d = build(&f, NULL);
    const char *md = d.body;
    cr_expect(strstr(md, "| 甲（医療機関） | テスト総合病院 |") != NULL);
    cr_expect(strstr(md, "| 乙（事業者） | A社 |") != NULL);
    char *remote = article(md, "（リモートメンテナンスの条件）");
    cr_expect(strstr(remote, "### 第") != NULL || strstr(md, "### 第") != NULL);
    cr_expect(strstr(remote, "【根拠】システム運用編 10-3、10-4") != NULL, "%s", remote);
    cr_expect(strstr(remote, "IKEを用いたIPsec-VPN") != NULL);
    free(remote);
    char *erase = article(md, "（保守作業で使用した患者データの消去と報告）");
    cr_expect(strstr(erase, "【根拠】システム運用編 10-1") != NULL, "%s", erase);
    free(erase);
    cr_expect(strstr(md, "| 構成要素 | 通常時 | 非常時 | 契約終了時 |") != NULL);
    cr_expect(strstr(md, "| ネットワーク機器・VPN装置 | 事業者（A社） | 共同（A社） | 事業者（A社） |") != NULL);
    cr_expect(strstr(md, "## パラメータ一覧") != NULL);
    cr_expect(strstr(md, "| リモートメンテナンスの条件 | 接続ログの保存期間 | 12 か月 | 既定値 |") != NULL);
    cr_expect(strstr(md, "データ保存場所・準拠法") == NULL, "no cloud clause for an on-premises PACS");
    char *full = annex_markdown(&d);
    char *footer = xasprintf("\n---\n\n正本確認用 SHA-256（本文）: %s\n", d.sha256);
    cr_expect(strstr(full, footer) != NULL, "the footer carries the digest");
    char hex[65];
    annex_digest(d.body, hex);
    cr_expect_str_eq(hex, d.sha256);
    free(footer);
    free(full);
    annex_doc_free(&d);

    /* remote maintenance: no → the clause is no longer proposed, nor in the annex */
    fx_set_remote(f.st, f.pacs, TRI_NO);
    contract_clause_list l = fx_clauses(&f);
    cr_expect_not(contract_clause_find(&l, "c06")->proposed);
    contract_clause_list_free(&l);
    d = build(&f, NULL);
    cr_expect(strstr(d.body, "リモートメンテナンスの条件") == NULL);
    cr_expect(strstr(d.body, "（保守作業で使用した患者データの消去と報告）") != NULL);
    annex_doc_free(&d);
    fx_close(&f);
}

/* ---- hostile input ---- */

Test(annex, hostile_notes_and_parameters_come_out_escaped)
{
    contract_fx f = fx_open(false);
    status_detail err = {0};
    strbuf wide = {0};
    for (int i = 0; i < 2000; i++)
        sb_add(&wide, "漢");
    cr_assert_eq(contract_param_set(f.st, f.contract, "c06", "connection_method",
                                    "<script>alert(1)</script> [x](javascript:alert(1)) {{hospital}} {{#each articles}}",
                                    "tester", &err), STATUS_OK, "%s", test_msg(&err));
    cr_assert_eq(contract_param_set(f.st, f.contract, "c01", "review_months", "１２", "tester", &err), STATUS_OK);
    cr_assert_eq(contract_matrix_set(f.st, f.contract, COMP_LINE, PHASE_EXIT, RESP_HOSPITAL, 0, sb_str(&wide), "tester", &err), STATUS_OK);
    cr_assert_eq(contract_matrix_set(f.st, f.contract, COMP_CLIENT, PHASE_EXIT, RESP_HOSPITAL, 0,
                                     "| 偽の列 | <img src=x onerror=alert(1)>\n# 見出し\n](javascript:alert(2))", "tester", &err), STATUS_OK);
    annex_doc d = build(&f, NULL);
    cr_expect(strstr(d.body, "\\<script\\>alert(1)\\</script\\> \\[x\\](javascript:alert(1)) {{hospital}} {{#each articles}}") != NULL,
              "Markdown escaped, template tags left as text");
    cr_expect(strstr(d.body, sb_str(&wide)) != NULL, "2,000 full-width characters kept whole");
    cr_expect(strstr(d.body, "\\| 偽の列 \\| \\<img src=x onerror=alert(1)\\><br># 見出し<br>\\](javascript:alert(2))") != NULL,
              "a cell cannot add columns or start a line");
    char *html = annex_html(&d);
    cr_expect(strstr(html, "<script") == NULL);
    cr_expect(strstr(html, "<img") == NULL);
    cr_expect(strstr(html, "href=\"javascript") == NULL);
    cr_expect(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
    cr_expect(strstr(html, "医療機関<br>（注）| 偽の列 | &lt;img src=x onerror=alert(1)&gt;<br># 見出し<br>](javascript:alert(2))") != NULL,
              "a newline in a cell is a line break, the rest text");
    size_t len;
    char *data = docx_of(&d, &len);
    char *xml = zip_part(data, len, "word/document.xml", NULL);
    char *ns = well_formed("word/document.xml", xml);
    free(ns);
    cr_expect(strstr(xml, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
    cr_expect(strstr(xml, "<w:br/>") != NULL);
    free(xml);
    free(data);
    free(html);
    sb_free(&wide);
    annex_doc_free(&d);
    fx_close(&f);
}

/* ---- templates ---- */

Test(annex, template_errors_name_file_line_and_column)
{
    contract_fx f = fx_open(false);
    char *path = test_write(f.dir, "annex.md", "# {{title}}\n{{#each articles}}\n### {{number}} {{titel}}\n");
    annex_opts o = {.template_path = path, .date = "2026-04-01"};
    annex_doc d;
    diag_list diags = {0};
    status_detail err = {0};
    cr_expect_eq(annex_build(f.st, f.contract, &o, &d, &diags, &err), STATUS_TEMPLATE_INVALID);
    cr_assert_eq(diags.len, 2);
    char *m0 = diag_format(&diags.items[0]), *m1 = diag_format(&diags.items[1]);
    char *want0 = xasprintf("%s:3:16: unknown field \"titel\"", path);
    char *want1 = xasprintf("%s:2:1: {{#each articles}} is not closed (expected {{/each}})", path);
    cr_expect(strncmp(m0, want0, strlen(want0)) == 0, "%s", m0);
    cr_expect_str_eq(m1, want1);
    free(m0);
    free(m1);
    free(want0);
    free(want1);
    status_detail_free(&err);
    diag_free(&diags);
    status_detail_free(&err);
    o.template_path = "/nonexistent/annex.md";
    cr_expect_eq(annex_build(f.st, f.contract, &o, &d, &diags, &err), STATUS_TEMPLATE_UNREADABLE);
    cr_expect_str_eq(test_msg(&err), "cannot read the template /nonexistent/annex.md: No such file or directory");
    status_detail_free(&err);
    free(path);
    fx_close(&f);
}

Test(annex, a_user_template_in_the_data_dir_wins_over_the_shipped_one)
{
    contract_fx f = fx_open(false);
    char *home = xasprintf("%s/xdg", f.dir);
    char *tdir = xasprintf("%s/anzen/templates", home);
    cr_assert_eq(paths_mkdirs(tdir, 0700), 0);
    char *path = test_write(tdir, "annex.md", "自前の別紙: {{hospital}} / {{#each articles}}{{number}} {{/each}}\n");
    setenv("XDG_DATA_HOME", home, 1);
    char *found = annex_template_path(NULL);
    cr_expect_str_eq(found, path);
    annex_doc d = build(&f, NULL);
    cr_expect_str_eq(d.body, "自前の別紙: テスト総合病院 / 第1条 第2条 第3条 \n");
    annex_doc_free(&d);
    unsetenv("XDG_DATA_HOME");
    free(found);
    free(path);
    free(tdir);
    free(home);
    fx_close(&f);
}

/* ---- writing ---- */

Test(annex, written_atomically_0600_and_not_over_an_existing_file)
{
    contract_fx f = full_fixture();
    annex_doc d = build(&f, NULL);
    char *path = xasprintf("%s/別紙.docx", f.dir);
    export_error e = {0};
    cr_assert_eq(annex_write(&d, ANNEX_DOCX, path, false, &e), EXPORT_OK);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_expect_eq(st.st_mode & 0777, 0600);
    cr_expect_eq(annex_write(&d, ANNEX_MD, path, false, &e), EXPORT_ERR_EXISTS);
    size_t len;
    char *data = util_read_file(path, &len);
    cr_expect(len > 4 && memcmp(data, "PK", 2) == 0, "the DOCX is untouched");
    free(data);
    cr_expect_eq(annex_write(&d, ANNEX_MD, path, true, &e), EXPORT_OK);
    data = util_read_file(path, &len);
    cr_expect(strncmp(data, "# 保守契約書 別紙", strlen("# 保守契約書 別紙")) == 0);
    free(data);
    char *cmd = xasprintf("ls -a '%s' | grep -c '\\.tmp\\.' >/dev/null", f.dir);
    cr_expect_neq(system(cmd), 0, "no temporary file left");
    free(cmd);
    export_error_clear(&e);
    free(path);
    annex_doc_free(&d);
    fx_close(&f);
}

/* ---- LibreOffice ---- */

/* Text without any white space (pdftotext puts spaces between Japanese and Latin runs). */
static char *squeeze(const char *s)
{
    strbuf sb = {0};
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\f' && *s != '\r')
            sb_addc(&sb, *s);
    return sb.data ? sb_take(&sb) : xstrdup("");
}

Test(annex, libreoffice_converts_the_docx_to_pdf_with_every_article_and_matrix_row, .timeout = 300)
{
    if (system("command -v soffice >/dev/null 2>&1") != 0 || system("command -v pdftotext >/dev/null 2>&1") != 0)
        cr_skip_test("LibreOffice (soffice) or pdftotext is not installed");
    contract_fx f = fx_open(true);
    annex_doc d = build(&f, NULL);
    char *path = xasprintf("%s/annex.docx", f.dir);
    export_error e = {0};
    cr_assert_eq(annex_write(&d, ANNEX_DOCX, path, false, &e), EXPORT_OK);
    char *cmd = xasprintf("cd '%s' && HOME='%s' soffice -env:UserInstallation=file://%s/lo --headless --convert-to pdf "
                          "--outdir '%s' '%s' >'%s/lo.log' 2>&1 && pdftotext -enc UTF-8 annex.pdf annex.txt",
                          f.dir, f.dir, f.dir, f.dir, path, f.dir);
    cr_assert_eq(system(cmd), 0, "soffice or pdftotext failed (see %s/lo.log)", f.dir);
    free(cmd);
    char *txt_path = xasprintf("%s/annex.txt", f.dir);
    size_t len;
    char *text = util_read_file(txt_path, &len);
    cr_assert_not_null(text);
    char *flat = squeeze(text);
    contract_clause_list l = fx_clauses(&f);
    int articles = 0;
    for (size_t i = 0; i < l.len; i++) {
        const contract_clause *c = &l.items[i];
        if (!c->included)
            continue;
        char *title = xasprintf("第%d条（%s）", c->article, c->node->title.ja);
        char *want = squeeze(title);
        cr_expect(strstr(flat, want) != NULL, "the PDF lacks %s", title);
        articles++;
        free(want);
        free(title);
    }
    cr_expect_gt(articles, 10);
    contract_clause_list_free(&l);
    for (int comp = 0; comp < COMP__COUNT; comp++) {
        char *want = squeeze(contract_components[comp].ja);
        cr_expect(strstr(flat, want) != NULL, "the PDF lacks the matrix row %s", contract_components[comp].ja);
        free(want);
    }
    cr_expect(strstr(flat, d.sha256) != NULL, "the PDF lacks the digest");
    free(flat);
    free(text);
    free(txt_path);
    free(path);
    annex_doc_free(&d);
    fx_close(&f);
}
