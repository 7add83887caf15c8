/* core/doclib: the libraries (documents, libsodium, libyaml, nettle) are loaded on first use, a
 * missing one is named with its package and ends the process with 1, every library this build
 * knows opens here, and calls through the stubs give the libraries' own results. */
#include <criterion/criterion.h>
#include <nettle/sha2.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml.h>

#include "doclib/lib.h"

static doclib *every[] = {&doclib_xlsxwriter,       &doclib_zip,    &doclib_xml2, &doclib_cmark,
                          &doclib_cmark_extensions, &doclib_sodium, &doclib_yaml, &doclib_nettle};

Test(doclib, every_known_library_opens_and_has_its_functions)
{
    static const char *one_function[] = {"workbook_new", "zip_open", "xmlReadMemory", "cmark_parser_new",
                                         "cmark_gfm_core_extensions_ensure_registered", "crypto_sign_detached",
                                         "yaml_parser_load", "nettle_sha256_digest"};
    cr_assert_eq(sizeof one_function / sizeof *one_function, sizeof every / sizeof *every);
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
    cr_assert(strstr(err, "ライブラリを読み込めません") && strstr(err, "cannot load a library"), "%s", err);
}

Test(doclib, a_function_the_library_lacks_exits_1_naming_it)
{
    char err[1024];
    cr_assert_eq(symbol_in_child(&doclib_zip, "zip_anzen_no_such_function", err, sizeof err), 1);
    cr_assert(strstr(err, doclib_zip.soname) && strstr(err, "zip_anzen_no_such_function"), "%s", err);
}

/* The forwarding stubs give the libraries' own results: a known SHA-256, a YAML document parsed,
 * an Ed25519 signature made and checked (after sodium_init, as sign.c calls it). */
Test(doclib, nettle_through_the_stubs_hashes_as_nettle_does)
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, 3, (const uint8_t *)"abc");
    sha256_digest(&ctx, sizeof d, d);
    static const uint8_t abc[4] = {0xba, 0x78, 0x16, 0xbf}; /* FIPS 180-2 example: SHA-256("abc") */
    cr_assert_eq(memcmp(d, abc, sizeof abc), 0);
    cr_assert_eq(d[31], 0xad);
    cr_assert_not_null(doclib_nettle.handle, "the first call loaded libnettle");
}

Test(doclib, yaml_through_the_stubs_parses_japanese)
{
    static const char text[] = "項目: 実施\n";
    yaml_parser_t p;
    yaml_document_t doc;
    cr_assert(yaml_parser_initialize(&p));
    yaml_parser_set_input_string(&p, (const unsigned char *)text, sizeof text - 1);
    cr_assert(yaml_parser_load(&p, &doc));
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    cr_assert(root && root->type == YAML_MAPPING_NODE);
    yaml_node_pair_t *pair = root->data.mapping.pairs.start;
    yaml_node_t *v = yaml_document_get_node(&doc, pair->value);
    cr_assert_str_eq((const char *)v->data.scalar.value, "実施");
    yaml_document_delete(&doc);
    yaml_parser_delete(&p);
}

Test(doclib, sodium_through_the_stubs_signs_and_verifies)
{
    cr_assert_geq(sodium_init(), 0);
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
    cr_assert_eq(crypto_sign_keypair(pk, sk), 0);
    const unsigned char msg[] = "回答 ctl-1-1";
    cr_assert_eq(crypto_sign_detached(sig, NULL, msg, sizeof msg, sk), 0);
    cr_assert_eq(crypto_sign_verify_detached(sig, msg, sizeof msg, pk), 0);
    sig[0] ^= 1;
    cr_assert_neq(crypto_sign_verify_detached(sig, msg, sizeof msg, pk), 0, "a changed signature is refused");
    sodium_memzero(sk, sizeof sk);
    cr_assert_eq(sk[0] | sk[63], 0);
}
