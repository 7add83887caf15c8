/* The man page and the bash completion, written from the command table at build time
 * (anzen-docgen), so neither can drift from `anzen help`. */
#include <ctype.h>
#include <string.h>

#include "cli_help.h"

/* roff: a backslash and a hyphen escaped; a line may not start with a control character. */
static void roff(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

static void roff_line(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", out);
    roff(out, s);
    fputc('\n', out);
}

static void man_option(FILE *out, const cli_help_opt *o, bool en)
{
    fputs(".TP\n", out);
    if (o->alias) {
        fputs("\\fB", out);
        roff(out, o->alias);
        fputs("\\fR, ", out);
    }
    fputs("\\fB\\-\\-", out);
    roff(out, o->name);
    fputs("\\fR", out);
    if (o->arg) {
        fputs(" \\fI", out);
        roff(out, o->arg);
        fputs("\\fR", out);
    }
    fputc('\n', out);
    roff_line(out, cli_help_text(o->ja, o->en, en));
}

static void man_command(FILE *out, const cli_help_group *g, const cli_help_cmd *c, bool en)
{
    fputs(".TP\n\\fBanzen ", out);
    roff(out, g->name);
    if (c->sub) {
        fputc(' ', out);
        roff(out, c->sub);
    }
    fputs("\\fR", out);
    if (*c->args) {
        fputs(" \\fI", out);
        roff(out, c->args);
        fputs("\\fR", out);
    }
    fputc('\n', out);
    roff_line(out, cli_help_text(c->ja, c->en, en));
    if (!c->opts[0].name)
        return;
    fputs(".RS\n", out);
    for (const cli_help_opt *o = c->opts; o->name; o++)
        man_option(out, o, en);
    fputs(".RE\n", out);
}

void cli_help_write_man(FILE *out, bool en, const char *version)
{
    fputs(".\\\" Generated from the command table (cli/help/cli_help_table.c) by anzen-docgen; do not edit.\n", out);
    fprintf(out, ".TH ANZEN 1 \"\" \"anzen %s\" \"%s\"\n", version, en ? "User Commands" : "ユーザーコマンド");
    fputs(en ? ".SH NAME\nanzen \\- security-compliance workbench for Japanese hospitals\n"
             : ".SH 名前\nanzen \\- 医療機関の安全管理ガイドライン対応ワークベンチ\n",
          out);
    fputs(en ? ".SH SYNOPSIS\n" : ".SH 書式\n", out);
    fputs(".B anzen\n[\\fB\\-\\-db\\fR \\fIPATH\\fR] [\\fB\\-\\-lang\\fR \\fIja|en\\fR] [\\fB\\-\\-user\\fR \\fINAME\\fR]"
          " [\\fICOMMAND\\fR [\\fISUB\\fR] [\\fIOPTION\\fR...]]\n",
          out);
    fputs(en ? ".SH DESCRIPTION\nWith no command, \\fBanzen\\fR opens the interactive workbench (it needs a terminal). "
               "A command works on the same database from the command line. "
               "\\fBanzen help\\fR \\fICOMMAND\\fR [\\fISUB\\fR] and \\fBanzen\\fR \\fICOMMAND\\fR [\\fISUB\\fR] "
               "\\fB\\-\\-help\\fR print the text below for one command, in Japanese under a Japanese locale.\n"
             : ".SH 説明\nコマンドなしで起動すると対話型のワークベンチを開きます（端末が必要です）。"
               "コマンドを付けると同じデータベースをコマンドラインから操作します。"
               "\\fBanzen help\\fR \\fIコマンド\\fR [\\fISUB\\fR] または \\fBanzen\\fR \\fIコマンド\\fR [\\fISUB\\fR] "
               "\\fB\\-\\-help\\fR で一つのコマンドの説明を表示します。\n",
          out);
    fputs(en ? ".SH OPTIONS\n" : ".SH オプション\n", out);
    for (const cli_help_opt *o = cli_help_globals; o->name; o++)
        man_option(out, o, en);
    fputs(en ? ".SH COMMANDS\n" : ".SH コマンド\n", out);
    for (size_t i = 0; i < cli_help_group_count; i++) {
        const cli_help_group *g = &cli_help_groups[i];
        fputs(".SS \"", out);
        roff(out, g->name);
        fputs(" \\(em ", out);
        roff(out, cli_help_text(g->ja, g->en, en));
        fputs("\"\n", out);
        for (const cli_help_cmd *c = g->cmds; c->ja; c++)
            man_command(out, g, c, en);
    }
    fputs(en ? ".SH EXIT STATUS\n0 ok, 1 failed (not found, I/O), 2 usage, 3 invalid data, "
               "4 database refused (newer schema, not SQLite, read-only).\n"
             : ".SH 終了ステータス\n0 成功、1 失敗（見つからない、入出力）、2 使い方の誤り、3 不正なデータ、"
               "4 データベースを開けない（新しいスキーマ、SQLite でない、読み取り専用）。\n",
          out);
    fputs(en ? ".SH ENVIRONMENT\n" : ".SH 環境変数\n", out);
    fputs(".TP\n.B ANZEN_DB\n", out);
    roff_line(out, en ? "the database file (else $XDG_DATA_HOME/anzen/anzen.db)" : "データベースファイル（なければ $XDG_DATA_HOME/anzen/anzen.db）");
    fputs(".TP\n.B ANZEN_LANG\n", out);
    roff_line(out, en ? "ja or en (else LC_ALL, LC_MESSAGES, LANG)" : "ja または en（なければ LC_ALL、LC_MESSAGES、LANG）");
    fputs(".TP\n.B ANZEN_USER\n", out);
    roff_line(out, en ? "who is acting, as the history records it" : "履歴に記録する操作者の名前");
    fputs(en ? ".SH FILES\n" : ".SH ファイル\n", out);
    fputs(".TP\n.I /usr/share/anzen\n", out);
    roff_line(out, en ? "the shipped catalogs, layouts, templates and schema" : "同梱のカタログ、レイアウト、ひな形、スキーマ");
}

/* The values an option's argument can take ("yes|no" → "yes no"); false when it is free text. */
static bool arg_choices(const char *arg, char *buf, size_t size)
{
    if (!strchr(arg, '|') || strchr(arg, '\''))
        return false;
    size_t n = 0;
    for (const char *p = arg; *p && n + 1 < size; p++) {
        if (*p == '|')
            buf[n++] = ' ';
        else if (islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-')
            buf[n++] = *p;
        else
            return false; /* VALUE or FILE among the choices: free text */
    }
    buf[n] = '\0';
    return n > 0;
}

static bool arg_is_file(const char *arg)
{
    return strstr(arg, "FILE") || strstr(arg, "PATH") || strstr(arg, ".yaml");
}

static void bash_option_values(FILE *out, const cli_help_opt *opts)
{
    fputs("        case \"$prev\" in\n", out);
    for (const cli_help_opt *o = opts; o->name; o++) {
        if (!o->arg)
            continue;
        char choices[256];
        fprintf(out, "        %s%s--%s)", o->alias ? o->alias : "", o->alias ? " | " : "", o->name);
        if (arg_choices(o->arg, choices, sizeof choices))
            fprintf(out, " COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return ;;\n", choices);
        else if (arg_is_file(o->arg))
            fputs(" COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", out);
        else
            fputs(" return ;;\n", out);
    }
    fputs("        esac\n", out);
}

static void bash_words(FILE *out, const cli_help_opt *opts)
{
    for (const cli_help_opt *o = opts; o->name; o++)
        fprintf(out, " --%s", o->name);
    fputs(" --help", out);
}

void cli_help_write_bash(FILE *out)
{
    fputs("# bash completion for anzen: generated from the command table (cli/help/cli_help_table.c) by\n"
          "# anzen-docgen; do not edit.\n"
          "_anzen()\n{\n"
          "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
          "    local i=1 group= sub= opts= files=\n"
          "    COMPREPLY=()\n"
          "    # The global options come before the command.\n"
          "    while [ $i -lt $COMP_CWORD ]; do\n"
          "        case ${COMP_WORDS[i]} in\n"
          "        --db | --lang | --user) i=$((i + 2)) ;;\n"
          "        -*) i=$((i + 1)) ;;\n"
          "        *) break ;;\n"
          "        esac\n"
          "    done\n"
          "    if [ $i -ge $COMP_CWORD ]; then\n"
          "        case $prev in\n"
          "        --db) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
          "        --lang) COMPREPLY=($(compgen -W \"ja en\" -- \"$cur\")); return ;;\n"
          "        --user) return ;;\n"
          "        esac\n"
          "        case $cur in\n        -*) COMPREPLY=($(compgen -W \"",
          out);
    bash_words(out, cli_help_globals);
    fputs("\" -- \"$cur\")) ;;\n        *) COMPREPLY=($(compgen -W \"help", out);
    for (size_t i = 0; i < cli_help_group_count; i++)
        fprintf(out, " %s", cli_help_groups[i].name);
    fputs("\" -- \"$cur\")) ;;\n        esac\n        return\n    fi\n"
          "    group=${COMP_WORDS[i]}\n"
          "    # The subcommand, for a group that has them.\n"
          "    case $group in\n",
          out);
    for (size_t i = 0; i < cli_help_group_count; i++) {
        const cli_help_group *g = &cli_help_groups[i];
        if (!g->cmds[0].sub)
            continue;
        fprintf(out, "    %s)\n        if [ $((i + 1)) -ge $COMP_CWORD ]; then\n"
                     "            COMPREPLY=($(compgen -W \"",
                g->name);
        for (const cli_help_cmd *c = g->cmds; c->ja; c++)
            fprintf(out, "%s%s", c == g->cmds ? "" : " ", c->sub);
        fputs(" --help\" -- \"$cur\"))\n            return\n        fi\n        sub=${COMP_WORDS[i + 1]} ;;\n", out);
    }
    fputs("    help)\n        COMPREPLY=($(compgen -W \"", out);
    for (size_t i = 0; i < cli_help_group_count; i++)
        fprintf(out, "%s%s", i ? " " : "", cli_help_groups[i].name);
    fputs("\" -- \"$cur\"))\n        return ;;\n    esac\n"
          "    # The options of the command, and the values of the option before the cursor.\n"
          "    case \"$group $sub\" in\n",
          out);
    for (size_t i = 0; i < cli_help_group_count; i++) {
        const cli_help_group *g = &cli_help_groups[i];
        for (const cli_help_cmd *c = g->cmds; c->ja; c++) {
            fprintf(out, "    \"%s %s\")\n", g->name, c->sub ? c->sub : "");
            bash_option_values(out, c->opts);
            fputs("        opts=\"", out);
            bash_words(out, c->opts);
            fprintf(out, "\"\n        files=%s ;;\n", arg_is_file(c->args) ? "yes" : "");
        }
    }
    fputs("    esac\n"
          "    if [[ $cur == -* || -z $files ]]; then\n"
          "        COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n"
          "    else\n"
          "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
          "    fi\n"
          "}\n"
          "complete -F _anzen anzen\n",
          out);
}
