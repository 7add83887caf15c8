#include "escape.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/lib.h"

static void add_cp(strbuf *sb, int32_t cp)
{
    char b[4];
    size_t n;
    if (cp < 0x80) {
        b[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    sb_addn(sb, b, n);
}

static bool is_bidi_control(int32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

char *export_clean(const char *s, bool keep_newlines)
{
    strbuf sb = {0};
    sb_add(&sb, "");
    size_t n = s ? strlen(s) : 0;
    for (size_t off = 0; off < n;) {
        int32_t cp;
        size_t k = utf8_decode(s + off, n - off, &cp);
        off += k;
        if (cp == '\r') {
            if (off < n && s[off] == '\n')
                off++;
            cp = '\n';
        }
        if (cp == 0x2028 || cp == 0x2029)
            cp = '\n';
        if (cp == '\n') {
            sb_addc(&sb, keep_newlines ? '\n' : ' ');
            continue;
        }
        if (cp == '\t') {
            sb_addc(&sb, ' ');
            continue;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp))
            continue;
        add_cp(&sb, cp);
    }
    return sb_take(&sb);
}

bool export_plain_number(const char *s)
{
    const char *p = s;
    if (*p == '-')
        p++;
    if (*p < '0' || *p > '9')
        return false;
    while (*p >= '0' && *p <= '9')
        p++;
    if (*p == '.') {
        p++;
        if (*p < '0' || *p > '9')
            return false;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

bool export_formula_like(const char *raw)
{
    if (!raw || !*raw)
        return false;
    if (raw[0] == '\t' || raw[0] == '\r')
        return true;
    char *c = export_clean(raw, true);
    const char *p = c;
    /* Spreadsheets may trim leading blanks before parsing, so look past them (U+3000 too). */
    for (;;) {
        if (*p == ' ' || *p == '\n')
            p++;
        else if (strncmp(p, "\u3000", 3) == 0)
            p += 3;
        else
            break;
    }
    bool like = (*p == '=' || *p == '+' || *p == '-' || *p == '@') && !export_plain_number(c);
    free(c);
    return like;
}

void export_html_add(strbuf *out, const char *raw, bool newline_as_br)
{
    char *c = export_clean(raw, newline_as_br);
    for (const char *p = c; *p; p++) {
        switch (*p) {
        case '&':
            sb_add(out, "&amp;");
            break;
        case '<':
            sb_add(out, "&lt;");
            break;
        case '>':
            sb_add(out, "&gt;");
            break;
        case '"':
            sb_add(out, "&quot;");
            break;
        case '\'':
            sb_add(out, "&#39;");
            break;
        case '\n':
            sb_add(out, "<br>");
            break;
        default:
            sb_addc(out, *p);
        }
    }
    free(c);
}

void export_csv_add(strbuf *out, const char *raw)
{
    char *c = export_clean(raw, true);
    bool apostrophe = export_formula_like(raw);
    bool quote = strpbrk(c, ",\"\n") != NULL;
    if (quote)
        sb_addc(out, '"');
    if (apostrophe)
        sb_addc(out, '\'');
    for (const char *p = c; *p; p++) {
        if (*p == '"')
            sb_addc(out, '"');
        sb_addc(out, *p);
    }
    if (quote)
        sb_addc(out, '"');
    free(c);
}

/* Digits followed by '.' or ')' and then a space or the end: an ordered-list marker. */
static size_t ordered_marker_len(const char *p)
{
    size_t i = 0;
    while (p[i] >= '0' && p[i] <= '9' && i < 10)
        i++;
    if (i == 0 || (p[i] != '.' && p[i] != ')'))
        return 0;
    char after = p[i + 1];
    return after == ' ' || after == '\0' || after == '\n' ? i : 0;
}

void export_md_add(strbuf *out, const char *raw, bool in_table)
{
    char *c = export_clean(raw, true);
    bool line_start = true;
    for (const char *p = c; *p; p++) {
        if (line_start) {
            while (*p == ' ')
                p++;
            if (!*p)
                break;
            size_t digits = ordered_marker_len(p);
            if (digits) {
                sb_addn(out, p, digits);
                sb_addc(out, '\\');
                p += digits; /* now at '.' or ')' */
                sb_addc(out, *p);
                line_start = false;
                continue;
            }
            if (strchr("#+-=", *p))
                sb_addc(out, '\\');
            line_start = false;
        }
        if (*p == '\n') {
            if (in_table) {
                sb_add(out, "<br>");
            } else {
                sb_add(out, "\\\n"); /* a hard line break */
                line_start = true;
            }
            continue;
        }
        if (strchr("\\`*_[]<>|~&", *p))
            sb_addc(out, '\\');
        sb_addc(out, *p);
    }
    free(c);
}

char *export_xlsx_text(const char *raw)
{
    return export_clean(raw, true);
}
