/* The annex as DOCX: the Markdown tree (cmark-gfm) written as WordprocessingML — headings in
 * Word's heading styles (so they show in the navigation pane; articles are level 2), paragraphs,
 * lists with their markers, real tables with borders and a header row repeated on every page,
 * A4 with margins, Japanese (East-Asian) fonts set in the styles, and a page footer carrying the
 * SHA-256 line and page numbers. The parts are zipped in memory with libzip, every entry dated
 * 1980-01-01 00:00, so the same annex gives the same bytes. */
#include <cmark-gfm-core-extensions.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>

#include "annex.h"
#include "annex_parse.h"
#include "base/lib.h"
#include "text/lib.h"

#define NS_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define NS_R "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
/* A4 portrait in twips, 25 mm side margins: 11906 - 2 * 1418 = 9070 of text width. */
#define TEXT_WIDTH 9070

/* Text for an XML element or attribute: & < > " escaped, characters XML 1.0 forbids dropped. */
static void xml_add(strbuf *sb, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': sb_add(sb, "&amp;"); break;
        case '<': sb_add(sb, "&lt;"); break;
        case '>': sb_add(sb, "&gt;"); break;
        case '"': sb_add(sb, "&quot;"); break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n')
                break;
            /* U+FFFE / U+FFFF (EF BF BE / EF BF BF) are not XML characters */
            if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBF && (unsigned char)s[i + 2] >= 0xBE) {
                i += 2;
                break;
            }
            sb_addc(sb, (char)c);
        }
    }
}

static void xml_adds(strbuf *sb, const char *s)
{
    if (s)
        xml_add(sb, s, strlen(s));
}

typedef struct {
    bool bold, italic, code;
} run_style;

static void run(strbuf *sb, const char *text, run_style st)
{
    if (!text || !*text)
        return;
    sb_add(sb, "<w:r>");
    if (st.bold || st.italic || st.code) {
        sb_add(sb, "<w:rPr>");
        if (st.code)
            sb_add(sb, "<w:rStyle w:val=\"CodeChar\"/>");
        if (st.bold)
            sb_add(sb, "<w:b/><w:bCs/>");
        if (st.italic)
            sb_add(sb, "<w:i/><w:iCs/>");
        sb_add(sb, "</w:rPr>");
    }
    for (const char *p = text;;) {
        const char *br = strstr(p, ANNEX_BREAK);
        size_t n = br ? (size_t)(br - p) : strlen(p);
        if (n) {
            sb_add(sb, "<w:t xml:space=\"preserve\">");
            xml_add(sb, p, n);
            sb_add(sb, "</w:t>");
        }
        if (!br)
            break;
        sb_add(sb, "<w:br/>");
        p = br + strlen(ANNEX_BREAK);
    }
    sb_add(sb, "</w:r>");
}

/* A soft line break joins lines: nothing after Japanese text, a space after Latin text. */
static const char *soft_break(cmark_node *n)
{
    cmark_node *prev = cmark_node_previous(n);
    const char *lit = prev ? cmark_node_get_literal(prev) : NULL;
    size_t len = lit ? strlen(lit) : 0;
    return len && (unsigned char)lit[len - 1] >= 0x80 ? "" : " ";
}

static void inlines(strbuf *sb, cmark_node *parent, run_style st)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT: run(sb, cmark_node_get_literal(n), st); break;
        case CMARK_NODE_CODE: run(sb, cmark_node_get_literal(n), (run_style){st.bold, st.italic, true}); break;
        case CMARK_NODE_SOFTBREAK: run(sb, soft_break(n), st); break;
        case CMARK_NODE_LINEBREAK: sb_add(sb, "<w:r><w:br/></w:r>"); break;
        case CMARK_NODE_STRONG: inlines(sb, n, (run_style){true, st.italic, st.code}); break;
        case CMARK_NODE_EMPH: inlines(sb, n, (run_style){st.bold, true, st.code}); break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE: inlines(sb, n, st); break; /* the text only: no external targets */
        default: break; /* raw HTML: dropped, as the HTML renderer's safe mode does */
        }
    }
}

/* The plain text of a node, for measuring table columns. Caller frees. */
static char *plain_text(cmark_node *node)
{
    strbuf sb = {0};
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && (cmark_node_get_type(n) == CMARK_NODE_TEXT || cmark_node_get_type(n) == CMARK_NODE_CODE))
            sb_add(&sb, cmark_node_get_literal(n));
    }
    cmark_iter_free(it);
    return sb.data ? sb_take(&sb) : xstrdup("");
}

static void paragraph(strbuf *sb, cmark_node *n, const char *style, const char *prefix, int indent, const char *jc)
{
    sb_add(sb, "<w:p>");
    if (style || indent || jc) {
        sb_add(sb, "<w:pPr>");
        if (style)
            sb_addf(sb, "<w:pStyle w:val=\"%s\"/>", style);
        if (indent)
            sb_addf(sb, "<w:ind w:left=\"%d\" w:hanging=\"420\"/>", indent);
        if (jc)
            sb_addf(sb, "<w:jc w:val=\"%s\"/>", jc);
        sb_add(sb, "</w:pPr>");
    }
    run(sb, prefix, (run_style){0});
    if (n)
        inlines(sb, n, (run_style){0});
    sb_add(sb, "</w:p>");
}

/* Column widths in twips from the widest text of each column (terminal columns; at 9 pt one
 * column is about 90 twips, plus the cell margins): every column gets its natural width when the
 * table fits, the spare width shared out in proportion; otherwise the narrow columns keep theirs
 * and the wide ones share what is left, so a long text wraps instead of squeezing "第1条". */
static void fit_columns(const int *cols, int *tw, int n)
{
    bool *fixed = xcalloc((size_t)n, sizeof *fixed);
    long natural = 0;
    for (int c = 0; c < n; c++) {
        tw[c] = (cols[c] < 4 ? 4 : cols[c]) * 90 + 200;
        natural += tw[c];
    }
    if (natural <= TEXT_WIDTH) {
        for (int c = 0; c < n; c++)
            tw[c] = (int)((long)tw[c] * TEXT_WIDTH / natural);
    } else {
        for (bool changed = true; changed;) {
            changed = false;
            long left = TEXT_WIDTH;
            int open = 0;
            for (int c = 0; c < n; c++)
                fixed[c] ? (void)(left -= tw[c]) : (void)open++;
            long share = open ? left / open : 0;
            for (int c = 0; c < n; c++)
                if (!fixed[c] && tw[c] <= share)
                    fixed[c] = changed = true;
            if (!changed)
                for (int c = 0; c < n; c++)
                    if (!fixed[c])
                        tw[c] = (int)share;
        }
    }
    free(fixed);
}

static void table(strbuf *sb, cmark_node *t)
{
    int ncols = cmark_gfm_extensions_get_table_columns(t);
    if (ncols <= 0)
        return;
    uint8_t *align = cmark_gfm_extensions_get_table_alignments(t);
    /* Column shares from the widest text of each column (terminal columns; 全角 = 2), clamped so a
     * long clause text wraps instead of starving the others. */
    int *w = xcalloc((size_t)ncols, sizeof *w);
    for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row)) {
        int c = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell && c < ncols; cell = cmark_node_next(cell), c++) {
            char *txt = plain_text(cell);
            int tw = text_width(txt);
            free(txt);
            w[c] = tw > w[c] ? tw : w[c];
        }
    }
    int *tw = xcalloc((size_t)ncols, sizeof *tw);
    fit_columns(w, tw, ncols);
    sb_add(sb, "<w:tbl><w:tblPr><w:tblStyle w:val=\"AnnexTable\"/><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
               "<w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
               "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
               "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
               "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
               "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
               "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/></w:tblBorders>"
               "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/>"
               "<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"04A0\" w:firstRow=\"1\"/></w:tblPr><w:tblGrid>");
    for (int c = 0; c < ncols; c++)
        sb_addf(sb, "<w:gridCol w:w=\"%d\"/>", tw[c]);
    sb_add(sb, "</w:tblGrid>");
    for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row)) {
        bool header = cmark_gfm_extensions_get_table_row_is_header(row);
        sb_add(sb, header ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        int c = 0;
        for (cmark_node *cell = cmark_node_first_child(row); cell && c < ncols; cell = cmark_node_next(cell), c++) {
            sb_addf(sb, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>%s</w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/>",
                    tw[c], header ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E8E8E8\"/>" : "");
            if (align && (align[c] == 'c' || align[c] == 'r'))
                sb_addf(sb, "<w:jc w:val=\"%s\"/>", align[c] == 'c' ? "center" : "right");
            sb_add(sb, "</w:pPr>");
            inlines(sb, cell, (run_style){header, false, false});
            sb_add(sb, "</w:p></w:tc>");
        }
        for (; c < ncols; c++) /* a row shorter than the header: empty cells keep the grid */
            sb_addf(sb, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>", tw[c]);
        sb_add(sb, "</w:tr>");
    }
    sb_add(sb, "</w:tbl><w:p><w:pPr><w:pStyle w:val=\"AfterTable\"/></w:pPr></w:p>");
    free(tw);
    free(w);
}

static void blocks(strbuf *sb, cmark_node *parent, int indent);

static void list(strbuf *sb, cmark_node *l, int indent)
{
    bool ordered = cmark_node_get_list_type(l) == CMARK_ORDERED_LIST;
    int number = cmark_node_get_list_start(l);
    int ind = indent + 420;
    for (cmark_node *item = cmark_node_first_child(l); item; item = cmark_node_next(item), number++) {
        char *marker = ordered ? xasprintf("%d.\t", number) : xstrdup("・\t");
        bool first = true;
        for (cmark_node *b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
            if (cmark_node_get_type(b) == CMARK_NODE_PARAGRAPH) {
                paragraph(sb, b, "ListText", first ? marker : NULL, ind, NULL);
                first = false;
            } else if (cmark_node_get_type(b) == CMARK_NODE_LIST) {
                list(sb, b, ind);
            } else {
                blocks(sb, b, ind);
            }
        }
        if (first)
            paragraph(sb, NULL, "ListText", marker, ind, NULL);
        free(marker);
    }
}

static void code_block(strbuf *sb, cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    for (const char *p = lit ? lit : ""; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        sb_add(sb, "<w:p><w:pPr><w:pStyle w:val=\"Code\"/></w:pPr><w:r><w:t xml:space=\"preserve\">");
        xml_add(sb, p, len);
        sb_add(sb, "</w:t></w:r></w:p>");
        p += len + (nl ? 1 : 0);
    }
}

static void block(strbuf *sb, cmark_node *n, int indent)
{
    const char *type = annex_node_type(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_HEADING: {
        static const char *const styles[] = {"Title", "Heading1", "Heading2", "Heading3"};
        int level = cmark_node_get_heading_level(n);
        paragraph(sb, n, styles[level < 1 ? 0 : level > 4 ? 3 : level - 1], NULL, 0, NULL);
        return;
    }
    case CMARK_NODE_PARAGRAPH: paragraph(sb, n, indent ? "Quote" : NULL, NULL, 0, NULL); return;
    case CMARK_NODE_LIST: list(sb, n, indent); return;
    case CMARK_NODE_BLOCK_QUOTE: blocks(sb, n, indent + 420); return;
    case CMARK_NODE_CODE_BLOCK: code_block(sb, n); return;
    case CMARK_NODE_THEMATIC_BREAK:
        sb_add(sb, "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr></w:pPr></w:p>");
        return;
    default: break;
    }
    if (str_eq(type, "table"))
        table(sb, n);
    /* raw HTML blocks are dropped (safe mode) */
}

static void blocks(strbuf *sb, cmark_node *parent, int indent)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n))
        block(sb, n, indent);
}

static char *document_xml(const annex_doc *d, cmark_node *doc)
{
    strbuf sb = {0};
    sb_add(&sb, XML_HEAD "<w:document xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:body>");
    blocks(&sb, doc, 0);
    /* the footer line at the end of the text too, for a copy printed without page footers */
    sb_add(&sb, "<w:p><w:pPr><w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
                "<w:spacing w:before=\"480\"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>");
    run(&sb, d->footer, (run_style){0});
    sb_add(&sb, "</w:p><w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
                "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
                "<w:pgMar w:top=\"1701\" w:right=\"1418\" w:bottom=\"1418\" w:left=\"1418\" w:header=\"851\" w:footer=\"567\" w:gutter=\"0\"/>"
                "<w:docGrid w:type=\"lines\" w:linePitch=\"360\"/></w:sectPr></w:body></w:document>\n");
    return sb_take(&sb);
}

static char *footer_xml(const annex_doc *d)
{
    strbuf sb = {0};
    sb_add(&sb, XML_HEAD "<w:ftr xmlns:w=\"" NS_W "\" xmlns:r=\"" NS_R "\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/>"
                         "<w:jc w:val=\"center\"/></w:pPr>");
    run(&sb, d->footer, (run_style){0});
    sb_add(&sb, "<w:r><w:t xml:space=\"preserve\">　　</w:t></w:r><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r>"
                "</w:fldSimple><w:r><w:t xml:space=\"preserve\"> / </w:t></w:r><w:fldSimple w:instr=\" NUMPAGES \"><w:r>"
                "<w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>\n");
    return sb_take(&sb);
}

/* Fonts: Latin in a serif face, East Asian in 游明朝 (headings 游ゴシック); Word and LibreOffice fall
 * back to an installed Japanese face (Noto CJK, IPAex) by the ja-JP language tag. */
static const char styles_xml[] =
    XML_HEAD "<w:styles xmlns:w=\"" NS_W "\">"
    "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\""
    " w:eastAsia=\"游明朝\" w:cs=\"Times New Roman\"/><w:kern w:val=\"2\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/>"
    "<w:lang w:val=\"ja-JP\" w:eastAsia=\"ja-JP\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
    "<w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"300\" w:lineRule=\"auto\"/><w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
    "<w:qFormat/><w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"游ゴシック\"/><w:b/><w:sz w:val=\"32\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"120\"/>"
    "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
    "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"游ゴシック\"/><w:b/><w:sz w:val=\"26\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"60\"/>"
    "<w:jc w:val=\"left\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
    "<w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"游ゴシック\"/><w:b/><w:sz w:val=\"22\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"120\"/><w:outlineLvl w:val=\"2\"/></w:pPr>"
    "<w:rPr><w:rFonts w:eastAsia=\"游ゴシック\"/><w:b/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"ListText\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Quote\"><w:name w:val=\"Quote\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:ind w:left=\"420\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\" w:line=\"260\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"AfterTable\"><w:name w:val=\"After Table\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Code\"><w:name w:val=\"Code\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/><w:sz w:val=\"18\"/></w:rPr></w:style>"
    "<w:style w:type=\"character\" w:styleId=\"CodeChar\"><w:name w:val=\"Code Char\"/>"
    "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>"
    "<w:pPr><w:spacing w:after=\"0\"/><w:jc w:val=\"left\"/></w:pPr><w:rPr><w:sz w:val=\"14\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>"
    "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
    "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"AnnexTable\"><w:name w:val=\"Annex Table\"/><w:basedOn w:val=\"TableNormal\"/></w:style>"
    "</w:styles>\n";

static const char settings_xml[] =
    XML_HEAD "<w:settings xmlns:w=\"" NS_W "\"><w:defaultTabStop w:val=\"840\"/>"
    "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\""
    " w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>\n";

static const char content_types[] =
    XML_HEAD "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
    "</Types>\n";

static const char package_rels[] =
    XML_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
    "</Relationships>\n";

static const char document_rels[] =
    XML_HEAD "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rIdSettings\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>"
    "<Relationship Id=\"rIdFooter\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer1.xml\"/>"
    "</Relationships>\n";

static const char app_xml[] =
    XML_HEAD "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
    "<Application>anzen</Application></Properties>\n";

static char *core_xml(const annex_doc *d)
{
    strbuf sb = {0};
    sb_add(&sb, XML_HEAD "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                         " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\""
                         " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
    xml_adds(&sb, d->title);
    sb_add(&sb, "</dc:title><dc:subject>");
    xml_adds(&sb, d->footer);
    sb_add(&sb, "</dc:subject><dc:creator>anzen</dc:creator><dc:language>ja-JP</dc:language>");
    sb_add(&sb, "<dcterms:created xsi:type=\"dcterms:W3CDTF\">");
    xml_adds(&sb, d->date);
    sb_add(&sb, "T00:00:00Z</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">");
    xml_adds(&sb, d->date);
    sb_add(&sb, "T00:00:00Z</dcterms:modified></cp:coreProperties>\n");
    return sb_take(&sb);
}

/* 1980-01-01 00:00 local time: libzip stores DOS times in local time, so this reads as the
 * earliest DOS date in any time zone. */
static time_t zip_epoch(void)
{
    struct tm tm = {.tm_year = 80, .tm_mon = 0, .tm_mday = 1, .tm_isdst = -1};
    return mktime(&tm);
}

static bool add_part(zip_t *za, const char *name, char *data)
{
    zip_source_t *src = zip_source_buffer(za, data, strlen(data), 1);
    if (!src) {
        free(data);
        return false;
    }
    zip_int64_t idx = zip_file_add(za, name, src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
        zip_source_free(src);
        return false;
    }
    return zip_file_set_mtime(za, (zip_uint64_t)idx, zip_epoch(), 0) == 0;
}

/* The archive's bytes out of the in-memory source libzip wrote it to. */
static bool take_bytes(zip_source_t *src, char **data, size_t *len)
{
    if (zip_source_open(src) < 0)
        return false;
    bool ok = zip_source_seek(src, 0, SEEK_END) == 0;
    zip_int64_t size = ok ? zip_source_tell(src) : -1;
    ok = size >= 0 && zip_source_seek(src, 0, SEEK_SET) == 0;
    if (ok) {
        *data = xmalloc((size_t)size + 1);
        ok = zip_source_read(src, *data, (zip_uint64_t)size) == size;
        *len = (size_t)size;
        if (!ok) {
            free(*data);
            *data = NULL;
        }
    }
    zip_source_close(src);
    return ok;
}

export_status annex_docx(const annex_doc *d, char **data, size_t *len, export_error *err)
{
    *data = NULL;
    *len = 0;
    annex_ast ast;
    if (!annex_ast_parse(d->body, &ast))
        return export_fail(err, EXPORT_ERR_RENDER, "cmark-gfm");
    char *doc = document_xml(d, ast.doc);
    annex_ast_free(&ast);
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        free(doc);
        int code = zip_error_code_zip(&ze);
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        export_status s = export_fail(err, EXPORT_ERR_RENDER, "libzip");
        if (err)
            err->lib_code = code;
        return s;
    }
    zip_source_keep(src);
    bool ok = add_part(za, "[Content_Types].xml", xstrdup(content_types)) &&
              add_part(za, "_rels/.rels", xstrdup(package_rels)) && add_part(za, "docProps/core.xml", core_xml(d)) &&
              add_part(za, "docProps/app.xml", xstrdup(app_xml));
    /* add_part takes the text, also when it fails */
    ok = ok ? add_part(za, "word/document.xml", doc) : (free(doc), false);
    ok = ok && add_part(za, "word/styles.xml", xstrdup(styles_xml)) &&
              add_part(za, "word/settings.xml", xstrdup(settings_xml)) &&
              add_part(za, "word/footer1.xml", footer_xml(d)) &&
              add_part(za, "word/_rels/document.xml.rels", xstrdup(document_rels));
    int code = ok ? 0 : zip_error_code_zip(zip_get_error(za));
    if (!ok)
        zip_discard(za);
    else if (zip_close(za) != 0) {
        code = zip_error_code_zip(zip_get_error(za));
        zip_discard(za);
        ok = false;
    }
    ok = ok && take_bytes(src, data, len);
    zip_source_free(src);
    zip_error_fini(&ze);
    if (!ok) {
        export_status s = export_fail(err, EXPORT_ERR_RENDER, "libzip");
        if (err)
            err->lib_code = code;
        return s;
    }
    return EXPORT_OK;
}
