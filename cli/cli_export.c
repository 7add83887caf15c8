/* anzen export DOCUMENT A -o FILE | snapshot A... -o FILE | verify FILE
 *
 * export builds one document of core/export (document.h) for one assessment and writes it
 * atomically (temp file, fsync, rename; 0600; an existing file only with --force). The format is
 * --format, else the extension of FILE. With --date the document is dated that day, and the same
 * data gives byte-identical files. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "cli_contract.h"
#include "exchange/lib.h"
#include "export/lib.h"

#ifndef ANZEN_VERSION
#define ANZEN_VERSION "0"
#endif

static void export_usage(FILE *out)
{
    fprintf(out, "  export checklist|kakuninhyo|gaps|disclosure A -o FILE [--format xlsx|csv|html|md|json]\n"
                 "         [--force] [--date YYYY-MM-DD]\n"
                 "                                 write a document of assessment A (format from the\n"
                 "                                 extension when --format is omitted)\n"
                 "  export checklist A -o FILE.xlsx --for-vendor [--force] [--date YYYY-MM-DD]\n"
                 "                                 a protected workbook for the vendor to fill in\n"
                 "                                 (read back by anzen import answers)\n");
    cli_export_annex_usage(out);
}

/* --date: any date form, as ISO into date; 0 or the exit code (message printed). */
static int date_option(cli_ctx *c, const char *value, char date[11])
{
    if (!cli_date_arg(c, "date", value, date))
        return EXIT_INVALID;
    return date[0] ? 0 : cli_fail(c, EXIT_USAGE, "--date needs a date");
}

int cli_export_fail(cli_ctx *c, const export_error *e, const char *path)
{
    status_detail d = {0};
    if (export_error_status(e, path, &d) == STATUS_FILE_EXISTS)
        d.extra = xstrdup(c->g->english ? "use --force to replace it" : "置き換えるには --force を指定してください");
    return cli_fail_status(c, &d);
}

static const char formats_text[] = "xlsx, csv, html, md, json";

/* export checklist A --for-vendor: the vendor's workbook (core/exchange/vendor_sheet.h). */
static int export_for_vendor(cli_ctx *c, int64_t id, const char *date, const char *path, bool force)
{
    vendor_sheet_options vo = {.date = date[0] ? date : NULL, .anzen_version = ANZEN_VERSION};
    status_detail err = {0};
    size_t items = 0;
    if (vendor_sheet_write(c->st, id, &vo, path, force, &items, &err) != STATUS_OK) {
        if (err.code == STATUS_FILE_EXISTS && !err.extra)
            err.extra = xstrdup(c->g->english ? "use --force to replace it" : "置き換えるには --force を指定してください");
        return err.code == STATUS_VENDOR_ANSWER_NO_VENDOR ? cli_fail_status_see(c, &err, "anzen assess new --vendor V")
                                                          : cli_fail_status(c, &err);
    }
    fprintf(c->out, c->g->english ? "wrote %s (the vendor's workbook, %zu items; read it back with anzen import answers)\n"
                                  : "%s を書き出しました（事業者記入用、%zu 項目。記入後は anzen import answers で取り込みます）\n",
            path, items);
    return 0;
}

static int export_run(cli_ctx *c, int argc, char **argv)
{
    if (str_eq(argv[0], "annex"))
        return cli_export_annex(c, argc, argv);
    const document *d = document_find(argv[0]);
    if (!d)
        return cli_unknown_subcommand(c, "export", argv[0], export_usage);
    cli_option opts[] = {{.name = "output"}, {.name = "format"}, {.name = "force", .flag = true}, {.name = "date"},
                         {.name = "for-vendor", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    char **args = cli_short_output(argc, argv);
    int r = cli_parse_options(c, argc, args, opts, n, &pos);
    free(args);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "export %s needs one assessment number (see anzen assess list)", d->name);
    if (r == 0 && !opts[0].seen)
        r = cli_fail(c, EXIT_USAGE, "export %s needs -o FILE", d->name);
    const export_format *fmt = NULL;
    if (r == 0) {
        fmt = opts[1].seen ? export_format_by_name(opts[1].value) : export_format_by_path(opts[0].value);
        if (!fmt && opts[1].seen)
            r = cli_fail_option(c, "format",
                                &(status_info){STATUS_FORMAT_UNKNOWN, .value = opts[1].value, .extra = formats_text});
        else if (!fmt) {
            status_detail e = {0};
            status_fail(&e, &(status_info){STATUS_FORMAT_FROM_PATH, .entity = opts[0].value, .extra = "--format"});
            r = cli_fail_status(c, &e);
        }
    }
    if (r == 0 && opts[4].seen && d != &document_checklist)
        r = cli_fail(c, EXIT_USAGE, "--for-vendor: only the checklist has a vendor's workbook");
    if (r == 0 && opts[4].seen && fmt != &export_format_xlsx)
        r = cli_fail(c, EXIT_USAGE, "--for-vendor: the vendor's workbook is XLSX (not %s)", fmt->name);
    char date[11] = "";
    if (r == 0 && opts[3].seen)
        r = date_option(c, opts[3].value, date);
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_assessment_arg(c, pos.items[0], &id);
    if (r == 0 && opts[4].seen) {
        r = export_for_vendor(c, id, date, opts[0].value, opts[2].seen);
        sl_free(&pos);
        cli_options_free(opts, n);
        return r;
    }
    export_doc *doc = NULL;
    if (r == 0) {
        status_detail err = {0};
        if (document_build(d, c->st, id, date[0] ? date : NULL, c->g->english, &doc, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
    }
    if (r == 0) {
        export_error e = {0};
        if (export_write(doc, fmt, opts[0].value, opts[2].seen, &e) != EXPORT_OK)
            r = cli_export_fail(c, &e, opts[0].value);
        else
            fprintf(c->out, c->g->english ? "wrote %s (%s, %s)\n" : "%s を書き出しました（%s、%s）\n", opts[0].value,
                    c->g->english ? d->label_en : d->label_ja, fmt->name);
        export_error_clear(&e);
    }
    export_doc_free(doc);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

const cli_group cli_group_export = {
    .name = "export", .summary = "documents", .run = export_run, .usage = export_usage};

/* ---- snapshot / verify ---- */

static void snapshot_usage(FILE *out)
{
    fprintf(out, "  snapshot A... -o FILE [--force] [--date YYYY-MM-DD]\n"
                 "                                 one self-contained HTML page with every answer, sign-off\n"
                 "                                 and a history summary of the assessments, and a SHA-256\n"
                 "                                 manifest of its data\n");
}

static int snapshot_run(cli_ctx *c, int argc, char **argv)
{
    /* argv[0] is the first assessment here: shift so cli_parse_options sees it */
    cli_option opts[] = {{.name = "output"}, {.name = "force", .flag = true}, {.name = "date"}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    char **args = cli_short_output(argc + 1, argv - 1);
    int r = cli_parse_options(c, argc + 1, args, opts, n, &pos);
    free(args);
    if (r == 0 && pos.len == 0)
        r = cli_fail(c, EXIT_USAGE, "snapshot needs at least one assessment number (see anzen assess list)");
    if (r == 0 && !opts[0].seen)
        r = cli_fail(c, EXIT_USAGE, "snapshot needs -o FILE");
    char date[11] = "";
    if (r == 0 && opts[2].seen)
        r = date_option(c, opts[2].value, date);
    if (r == 0)
        r = cli_open(c);
    int64_t *ids = xcalloc(pos.len + 1, sizeof *ids);
    for (size_t i = 0; r == 0 && i < pos.len; i++)
        r = cli_assessment_arg(c, pos.items[i], &ids[i]);
    if (r == 0) {
        char *page = NULL, overall[SNAPSHOT_HASH_HEX];
        size_t len = 0;
        status_detail err = {0};
        if (snapshot_build(c->st, ids, pos.len, date[0] ? date : NULL, &page, &len, overall, &err) != STATUS_OK) {
            r = cli_fail_status(c, &err);
        } else {
            export_error e = {0};
            if (export_write_bytes(page, len, opts[0].value, opts[1].seen, &e) != EXPORT_OK)
                r = cli_export_fail(c, &e, opts[0].value);
            else
                fprintf(c->out, c->g->english ? "wrote %s (%zu assessment(s))\nSHA-256: %s\n"
                                              : "%s を書き出しました（評価 %zu 件）\nSHA-256: %s\n",
                        opts[0].value, pos.len, overall);
            export_error_clear(&e);
        }
        free(page);
    }
    free(ids);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

const cli_group cli_group_snapshot = {
    .name = "snapshot", .summary = "inspection snapshot", .run = snapshot_run, .usage = snapshot_usage};

static void verify_usage(FILE *out)
{
    fprintf(out, "  verify FILE                    check a snapshot: OK, or which entries changed\n");
}

static status_code problem_status(snapshot_problem p)
{
    switch (p) {
    case SNAPSHOT_NO_DATA: return STATUS_SNAPSHOT_NO_DATA;
    case SNAPSHOT_BAD_DATA: return STATUS_SNAPSHOT_BAD_DATA;
    case SNAPSHOT_NO_MANIFEST: return STATUS_SNAPSHOT_NO_MANIFEST;
    case SNAPSHOT_BAD_MANIFEST: return STATUS_SNAPSHOT_BAD_MANIFEST;
    case SNAPSHOT_READABLE: break;
    }
    return STATUS_OK;
}

static int verify_run(cli_ctx *c, int argc, char **argv)
{
    if (argc != 1)
        return cli_fail(c, EXIT_USAGE, "verify needs one FILE");
    size_t len = 0;
    char *data = util_read_file(argv[0], &len);
    if (!data) {
        status_detail d = {0};
        status_fail(&d, &(status_info){STATUS_FILE_CANNOT_READ, .entity = argv[0], .extra = strerror(errno)});
        return cli_fail_status(c, &d);
    }
    snapshot_check chk;
    snapshot_verify(data, len, &chk);
    free(data);
    bool en = c->g->english;
    int r = EXIT_OK;
    if (chk.problem != SNAPSHOT_READABLE) {
        status_detail d = {0};
        status_fail(&d, &(status_info){problem_status(chk.problem), .entity = argv[0]});
        r = cli_fail_status(c, &d);
    } else if (chk.ok) {
        fprintf(c->out, en ? "OK: %s is unchanged (%zu entries)\nSHA-256: %s\n"
                           : "OK: %s は変更されていません（%zu エントリ）\nSHA-256: %s\n",
                argv[0], chk.entries, chk.overall);
    } else {
        static const char *const what_en[] = {"changed", "added", "removed"}, *const what_ja[] = {"変更", "追加", "削除"};
        fprintf(c->out, en ? "CHANGED: %s\n" : "変更あり: %s\n", argv[0]);
        for (size_t i = 0; i < chk.ndiffs; i++)
            fprintf(c->out, "  %s: %s\n", en ? what_en[chk.diffs[i].change] : what_ja[chk.diffs[i].change],
                    chk.diffs[i].id);
        if (chk.overall_changed)
            fprintf(c->out, en ? "  the overall SHA-256 differs from the manifest's (now %s)\n"
                               : "  全体の SHA-256 がマニフェストと一致しません（現在 %s）\n",
                    chk.overall);
        if (chk.page_changed && !chk.ndiffs)
            fprintf(c->out, en ? "  the page differs from what its data gives, from byte %zu\n"
                               : "  ページがデータから作られる内容と %zu バイト目から異なります\n",
                    chk.page_offset);
        r = EXIT_INVALID;
    }
    snapshot_check_free(&chk);
    return r;
}

const cli_group cli_group_verify = {.name = "verify", .summary = "check a snapshot", .run = verify_run, .usage = verify_usage};
