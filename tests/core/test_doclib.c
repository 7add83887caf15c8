/* core/doclib: the document libraries are loaded on first use, a missing one is named with its
 * package and ends the process with 1, and every library this build knows opens here. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "doclib/lib.h"

static doclib *every[] = {&doclib_xlsxwriter, &doclib_zip, &doclib_xml2, &doclib_cmark, &doclib_cmark_extensions};

Test(doclib, every_known_library_opens_and_has_its_functions)
{
    static const char *one_function[] = {"workbook_new", "zip_open", "xmlReadMemory", "cmark_parser_new",
                                         "cmark_gfm_core_extensions_ensure_registered"};
    for (size_t i = 0; i < sizeof every / sizeof *every; i++) {
        char *why = NULL;
        cr_assert(doclib_open(every[i], &why), "%s: %s", every[i]->soname, why ? why : "");
        cr_assert(strstr(every[i]->soname, ".so."), "a soname with its major version: %s", every[i]->soname);
        cr_assert_not_null(doclib_symbol(every[i], one_function[i]));
    }
}

Test(doclib, a_missing_library_says_which_and_is_not_opened)
{
    doclib gone = {"libanzen-not-installed.so.9", "anzen-nothing", NULL};
    char *why = NULL;
    cr_assert_not(doclib_open(&gone, &why));
    cr_assert_null(gone.handle);
    cr_assert(why && strstr(why, "libanzen-not-installed.so.9"), "%s", why ? why : "(null)");
    free(why);
}

/* Runs doclib_symbol in a child; returns its exit status and what it wrote to stderr. */
static int symbol_in_child(doclib *lib, const char *name, char *err, size_t cap)
{
    int fd[2];
    cr_assert_eq(pipe(fd), 0);
    fflush(NULL);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        dup2(fd[1], 2);
        close(fd[0]);
        doclib_symbol(lib, name);
        _exit(0);
    }
    close(fd[1]);
    size_t n = 0;
    ssize_t r;
    while (n + 1 < cap && (r = read(fd[0], err + n, cap - 1 - n)) > 0)
        n += (size_t)r;
    err[n] = '\0';
    close(fd[0]);
    int st = 0;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

Test(doclib, using_a_missing_library_exits_1_naming_it_and_its_package)
{
    doclib gone = {"libanzen-not-installed.so.9", "anzen-nothing", NULL};
    char err[1024];
    cr_assert_eq(symbol_in_child(&gone, "zip_open", err, sizeof err), 1);
    cr_assert(strstr(err, "libanzen-not-installed.so.9") && strstr(err, "apt-get install anzen-nothing"), "%s", err);
    cr_assert(strstr(err, "文書ライブラリ") && strstr(err, "document library"), "%s", err);
}

Test(doclib, a_function_the_library_lacks_exits_1_naming_it)
{
    char err[1024];
    cr_assert_eq(symbol_in_child(&doclib_zip, "zip_anzen_no_such_function", err, sizeof err), 1);
    cr_assert(strstr(err, doclib_zip.soname) && strstr(err, "zip_anzen_no_such_function"), "%s", err);
}
