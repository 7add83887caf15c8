/* anzen export annex — the contract annex (契約書別紙) as Markdown, HTML or DOCX; a subcommand of
 * the export group (cli_export.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"
#include "cli_contract.h"
#include "export/lib.h"

void cli_export_annex_usage(FILE *out)
{
    fprintf(out, "  export annex CONTRACT [--format md|html|docx] -o FILE [--template FILE] [--force] [--date DATE]\n"
                 "               the contract annex (契約書別紙); the format defaults to FILE's extension;\n"
                 "               template: --template, else ~/.local/share/anzen/templates/annex.md, else the shipped one\n"
                 "  export annex CONTRACT --digest [--template FILE] [--date DATE]\n"
                 "               prints the SHA-256 of the annex's text, to compare with a printed copy's footer\n");
}

int cli_export_annex(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "format"}, {.name = "output"}, {.name = "template"},
                         {.name = "force", .flag = true}, {.name = "date"}, {.name = "digest", .flag = true}};
    size_t n = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    char **args = cli_short_output(argc, argv);
    int r = cli_parse_options(c, argc, args, opts, n, &pos);
    free(args);
    bool digest = opts[5].seen;
    if (r == 0 && pos.len != 1)
        r = cli_fail(c, EXIT_USAGE, "export annex needs one CONTRACT (#id or reference)");
    if (r == 0 && !digest && !opts[1].seen)
        r = cli_fail(c, EXIT_USAGE, "export annex needs -o FILE (or --digest)");
    annex_format fmt = ANNEX_MD;
    if (r == 0 && !digest && opts[0].seen && !annex_format_parse(opts[0].value, &fmt))
        r = cli_fail(c, EXIT_USAGE, "--format must be md, html or docx, not \"%s\"", opts[0].value);
    if (r == 0 && !digest && !opts[0].seen && !annex_format_from_path(opts[1].value, &fmt))
        r = cli_fail(c, EXIT_USAGE, "cannot tell the format from \"%s\": give --format md|html|docx", opts[1].value);
    char date[11] = "";
    if (r == 0 && opts[4].seen && !cli_date_arg(c, "date", opts[4].value, date))
        r = EXIT_INVALID;
    int64_t id = 0;
    if (r == 0)
        r = cli_open(c);
    if (r == 0)
        r = cli_contract_arg(c, pos.items[0], &id);
    annex_doc doc = {0};
    if (r == 0) {
        annex_opts ao = {.template_path = opts[2].value, .date = date[0] ? date : NULL};
        diag_list diags = {0};
        status_detail err = {0};
        status_code st = annex_build(c->st, id, &ao, &doc, &diags, &err);
        /* the template's errors, file:line:col each, then what they mean */
        for (size_t i = 0; i < diags.len; i++) {
            char *m = diag_format(&diags.items[i]);
            fprintf(c->err, "anzen: %s\n", m);
            free(m);
        }
        if (st != STATUS_OK)
            r = cli_fail_status(c, &err);
        diag_free(&diags);
    }
    if (r == 0 && digest) {
        fprintf(c->out, "%s\n", doc.sha256);
    } else if (r == 0) {
        export_error e = {0};
        if (annex_write(&doc, fmt, opts[1].value, opts[3].seen, &e) != EXPORT_OK)
            r = cli_export_fail(c, &e, opts[1].value);
        else
            fprintf(c->out, c->g->english ? "wrote %s (%s, SHA-256 %s)\n" : "%s を書き出しました（%s、SHA-256 %s）\n",
                    opts[1].value, annex_format_name(fmt), doc.sha256);
        export_error_clear(&e);
    }
    annex_doc_free(&doc);
    sl_free(&pos);
    cli_options_free(opts, n);
    return r;
}
