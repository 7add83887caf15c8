/* anzen import answers FILE.xlsx|FILE.csv [--assessment A] [--dry-run]: a vendor's filled
 * spreadsheet as vendor answers (core/exchange/answers_import.h), in one transaction. */
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "exchange/lib.h"

#define EN (c->g->english)

static void import_usage(FILE *out)
{
    fprintf(out, "  import answers FILE.xlsx|FILE.csv [--assessment A] [--dry-run]\n"
                 "                                 a vendor's filled workbook (anzen export checklist\n"
                 "                                 --for-vendor) or checklist CSV as vendor answers\n");
}

static int cmd_answers(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "assessment"}, {.name = "dry-run", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    int r = cli_parse_options(c, argc, argv, opts, n, &pos);
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "import answers needs one FILE (.xlsx or .csv)");
    answers_import_opts o = {.dry_run = opts[1].seen};
    if (r == 0)
        r = cli_open(c);
    if (r == 0 && opts[0].seen)
        r = cli_assessment_arg(c, opts[0].value, &o.assessment_id);
    answers_import_result res = {0};
    status_detail err = {0};
    if (r == 0 && answers_import_file(c->st, pos.items[0], &o, c->who, &res, &err) != STATUS_OK) {
        if (err.code == STATUS_FIELD_REQUIRED) /* a CSV names no assessment */
            r = cli_fail(c, EXIT_USAGE, EN ? "import answers: a CSV file needs --assessment A"
                                           : "import answers: CSV ファイルには --assessment A が必要です");
        else
            r = cli_fail_status(c, &err);
        status_detail_free(&err);
    }
    if (r == 0) {
        fprintf(c->out, EN ? "%s: assessment #%lld, vendor %s, SHA-256 %s\n" : "%s: 評価 #%lld、事業者 %s、SHA-256 %s\n",
                pos.items[0], (long long)res.assessment_id, res.vendor_name ? res.vendor_name : "-", res.digest);
        if (res.catalog_differs)
            fprintf(c->out, EN ? "note: the workbook was made from other content of the same catalog version\n"
                               : "注意: このブックは同じ版の別の内容のカタログから作られています\n");
        if (res.already)
            fprintf(c->out, EN ? "already imported on %s by %s: nothing changed\n"
                               : "%s に %s が取り込み済みです。何も変更していません\n",
                    res.imported_at ? res.imported_at : "", res.imported_by ? res.imported_by : "");
        else
            fprintf(c->out, EN ? "%s: %zu new, %zu changed, %zu same (%zu rows filled in)\n"
                               : "%s: 新規 %zu 件、変更 %zu 件、同じ %zu 件（記入のある行 %zu）\n",
                    o.dry_run ? (EN ? "vendor answers that would be imported (--dry-run, nothing written)"
                                    : "事業者の回答の取り込み予定（--dry-run、書き込みなし）")
                    : res.added || res.changed ? (EN ? "imported as vendor answers" : "事業者の回答として取り込みました")
                                               : (EN ? "nothing to import" : "取り込む変更はありません"),
                    res.added, res.changed, res.same, res.rows);
    }
    answers_import_result_free(&res);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}

static int import_run(cli_ctx *c, int argc, char **argv)
{
    if (str_eq(argv[0], "answers"))
        return cmd_answers(c, argc, argv);
    return cli_unknown_subcommand(c, "import", argv[0], import_usage);
}

const cli_group cli_group_import = {
    .name = "import", .summary = "a vendor's filled spreadsheet", .run = import_run, .usage = import_usage};
