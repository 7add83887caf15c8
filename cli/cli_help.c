/* anzen help [COMMAND [SUB]], anzen CMD [SUB] --help and the usage printed on a bad command line,
 * all rendered from the command table (help/cli_help_table.c) in the UI language. */
#include "cli_help_render.h"

#include <stdlib.h>
#include <string.h>

#include "base/lib.h"
#include "help/cli_help.h"
#include "text/lib.h"
#include "workspace/lib.h"

#define OPT_COLUMN 30 /* options wider than this put their description on the next line */

static char *opt_label(const cli_help_opt *o)
{
    strbuf b = {0};
    if (o->alias)
        sb_addf(&b, "%s, ", o->alias);
    sb_addf(&b, "--%s", o->name);
    if (o->arg)
        sb_addf(&b, " %s", o->arg);
    return b.data;
}

static void print_synopsis(FILE *out, const cli_help_group *g, const cli_help_cmd *c, bool en)
{
    fprintf(out, "anzen %s%s%s%s%s%s\n", g->name, c->sub ? " " : "", c->sub ? c->sub : "", *c->args ? " " : "", c->args,
            c->opts[0].name ? (en ? " [OPTION...]" : " [オプション...]") : "");
}

static void print_options(FILE *out, const cli_help_opt *opts, bool en)
{
    for (const cli_help_opt *o = opts; o->name; o++) {
        char *label = opt_label(o);
        int w = text_width(label);
        fprintf(out, "    %s", label);
        if (w + 2 > OPT_COLUMN)
            fprintf(out, "\n    %*s", OPT_COLUMN, "");
        else
            fprintf(out, "%*s", OPT_COLUMN - w, "");
        fprintf(out, "%s\n", cli_help_text(o->ja, o->en, en));
        free(label);
    }
}

/* Values that live in core rather than in the table, shown under the commands that take them. */
static void print_categories(FILE *out, bool en)
{
    fputs(en ? "    categories:" : "    区分:", out);
    for (size_t i = 0; i < ws_category_count; i++)
        fprintf(out, " %s(%s)", ws_categories[i].code, ws_categories[i].ja);
    fputc('\n', out);
}

static const struct {
    const char *group, *option;
    void (*print)(FILE *out, bool english);
} help_values[] = {{"system", "category", print_categories}};

static void print_values(FILE *out, const cli_help_group *g, const cli_help_cmd *c, bool en)
{
    for (size_t i = 0; i < AZ_ARRAY_LEN(help_values); i++) {
        if (strcmp(help_values[i].group, g->name) != 0)
            continue;
        for (const cli_help_opt *o = c->opts; o->name; o++)
            if (strcmp(o->name, help_values[i].option) == 0)
                help_values[i].print(out, en);
    }
}

void cli_help_print_cmd(FILE *out, const cli_help_group *g, const cli_help_cmd *c, bool en)
{
    fputs("  ", out);
    print_synopsis(out, g, c, en);
    fprintf(out, "      %s\n", cli_help_text(c->ja, c->en, en));
    print_options(out, c->opts, en);
    print_values(out, g, c, en);
}

void cli_help_print_group(FILE *out, const cli_help_group *g, bool en)
{
    fprintf(out, "anzen %s — %s\n\n", g->name, cli_help_text(g->ja, g->en, en));
    for (const cli_help_cmd *c = g->cmds; c->ja; c++) {
        if (c != g->cmds)
            fputc('\n', out);
        cli_help_print_cmd(out, g, c, en);
    }
}

void cli_help_print_synopsis(FILE *out, const cli_help_group *g, bool en)
{
    fputs(en ? "usage:\n" : "使い方:\n", out);
    for (const cli_help_cmd *c = g->cmds; c->ja; c++) {
        fputs("  ", out);
        print_synopsis(out, g, c, en);
    }
    fprintf(out, en ? "(details: anzen help %s [SUB])\n" : "（詳しくは anzen help %s [SUB]）\n", g->name);
}

void cli_help_print_usage(FILE *out, bool en)
{
    fputs(en ? "usage: anzen [--db PATH] [--lang ja|en] [--user NAME] [COMMAND ...]\n\n"
               "With no command, opens the interactive workbench (needs a terminal).\n\nCommands:\n"
             : "使い方: anzen [--db PATH] [--lang ja|en] [--user NAME] [コマンド ...]\n\n"
               "コマンドなしで対話型のワークベンチを開きます（端末が必要です）。\n\nコマンド:\n",
          out);
    for (size_t i = 0; i < cli_help_group_count; i++) {
        const cli_help_group *g = &cli_help_groups[i];
        fprintf(out, "  %-12s%s\n", g->name, cli_help_text(g->ja, g->en, en));
    }
    fputs(en ? "\nOptions:\n" : "\nオプション:\n", out);
    print_options(out, cli_help_globals, en);
    fputs(en ? "\nanzen help COMMAND [SUB] (or anzen COMMAND [SUB] --help) describes a command and its options.\n"
               "\nExit codes: 0 ok, 1 failed (not found, I/O), 2 usage, 3 invalid data,\n"
               "            4 database refused (newer schema, not SQLite, read-only).\n"
             : "\nanzen help コマンド [SUB]（または anzen コマンド [SUB] --help）でコマンドとオプションを説明します。\n"
               "\n終了コード: 0 成功、1 失敗（見つからない、入出力）、2 使い方の誤り、3 不正なデータ、\n"
               "            4 データベースを開けない（新しいスキーマ、SQLite でない、読み取り専用）。\n",
          out);
}

int cli_help_show(FILE *out, FILE *err, bool en, const char *group, const char *sub)
{
    if (!group) {
        cli_help_print_usage(out, en);
        return 0;
    }
    const cli_help_group *g = cli_help_group_find(group);
    if (!g) {
        fprintf(err, en ? "anzen: unknown command \"%s\" (see anzen help)\n" : "anzen: 「%s」というコマンドはありません（anzen help を参照）\n",
                group);
        return 2;
    }
    if (!sub) {
        cli_help_print_group(out, g, en);
        return 0;
    }
    const cli_help_cmd *c = cli_help_cmd_find(g, sub);
    if (!c) {
        fprintf(err, en ? "anzen: unknown command \"%s %s\"\n" : "anzen: 「%s %s」というコマンドはありません\n", group, sub);
        cli_help_print_synopsis(err, g, en);
        return 2;
    }
    cli_help_print_cmd(out, g, c, en);
    return 0;
}
