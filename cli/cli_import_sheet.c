/* anzen catalog import-sheet FILE.xlsx|FILE.csv --layout LAYOUT -o CATALOG.yaml — an official form's
 * workbook turned into a catalog through a sheet layout (core/catimport). Dispatched by
 * cli_catalog.c. The catalog is written atomically (0600, no overwrite without --force) and only
 * when it loads, and when its id@version is not already a catalog (the shipped R8 skeleton, say). */
#include <stdlib.h>

#include "catimport/lib.h"
#include "cli_common.h"
#include "cli_contract.h"
#include "export/lib.h"

void cli_import_sheet_usage(FILE *out)
{
    fprintf(out, "  catalog import-sheet FILE.xlsx|FILE.csv --layout LAYOUT.yaml -o CATALOG.yaml\n"
                 "          [--id ID --version V --title T --published DATE --force]\n"
                 "                               an official form's spreadsheet as a catalog (layouts: data/layouts/)\n");
}

int cli_import_sheet(cli_ctx *c, int argc, char **argv)
{
    cli_option opts[] = {{.name = "layout"}, {.name = "output"}, {.name = "id"}, {.name = "version"},
                         {.name = "title"},  {.name = "published"}, {.name = "force", .flag = true}};
    size_t nopts = AZ_ARRAY_LEN(opts);
    strlist pos = {0};
    char **args = cli_short_output(argc, argv);
    int r = cli_parse_options(c, argc, args, opts, nopts, &pos);
    free(args);
    if (!r && (pos.len != 1 || !opts[0].seen || !opts[1].seen)) {
        r = cli_fail(c, EXIT_USAGE, "catalog import-sheet needs one FILE, --layout and -o");
        cli_import_sheet_usage(c->err);
    }
    import_layout *layout = NULL;
    import_result res = {0};
    status_detail err = {0};
    const char *file = pos.len ? pos.items[0] : NULL, *output = opts[1].value;
    if (!r && import_layout_load(opts[0].value, &layout, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (!r) {
        import_options o = {.id = opts[2].seen ? opts[2].value : NULL, .version = opts[3].seen ? opts[3].value : NULL,
                            .title = opts[4].seen ? opts[4].value : NULL,
                            .published = opts[5].seen ? opts[5].value : NULL};
        if (import_sheet_read(file, layout, &o, output, &res, &err) != STATUS_OK)
            r = cli_fail_status(c, &err);
    }
    if (!r)
        r = cli_open(c);
    if (!r && import_identity_check(c->st, res.id, res.version, output, &err) != STATUS_OK)
        r = cli_fail_status(c, &err);
    if (!r) {
        export_error e = {0};
        if (export_write_bytes(res.yaml, res.yaml_len, output, opts[6].seen, &e) != EXPORT_OK)
            r = cli_export_fail(c, &e, output);
        else if (c->g->english)
            fprintf(c->out, "%s: %s@%s, %zu items, %zu headings from %s (SHA-256 %s)\n", output, res.id, res.version,
                    res.items, res.headings, res.sheet, res.sha256);
        else
            fprintf(c->out, "%s: %s@%s、項目 %zu・見出し %zu（%s、SHA-256 %s）\n", output, res.id, res.version, res.items,
                    res.headings, res.sheet, res.sha256);
        export_error_clear(&e);
    }
    import_result_free(&res);
    import_layout_free(layout);
    sl_free(&pos);
    cli_options_free(opts, nopts);
    return r;
}
