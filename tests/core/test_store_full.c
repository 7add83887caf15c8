/* A full disk is exit 1 with its own message, not "database refused" (exit 4), and leaves the
 * database as it was. SQLite's max_page_count makes the database "full" without filling a disk. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "assess/lib.h"
#include "base/lib.h"
#include "testutil.h"

Test(store_full, answer_on_a_full_database)
{
    setenv("ANZEN_NOW", "2026-05-10T09:00:00Z", 1);
    char *dir = test_tmpdir();
    store *st = test_store_open(dir);
    test_sync_catalogs(st, FIXTURES "/assess");
    status_detail d = {0};
    assess_spec spec = {.catalog_id = "fx-gl", .catalog_version = "1", .scope = SCOPE_ORG, .fy = 2025};
    int64_t aid = 0;
    cr_assert_eq(assess_create(st, &spec, "t", &aid, &d), STATUS_OK, "%s", test_msg(&d));
    cr_assert_eq(store_exec(st, "PRAGMA max_page_count = 1", &d), STATUS_OK, "%s", test_msg(&d)); /* = the size now */

    char *note = xmalloc(200001);
    memset(note, 'x', 200000);
    note[200000] = 0;
    answer_change ch = {.fields = AF_VALUE | AF_NOTE, .value = "done", .note = note};
    status_code r = assess_answer_set(st, aid, "g-1", PARTY_HOSPITAL, 0, &ch, "t", NULL, NULL, &d);
    cr_expect_eq(r, STATUS_DISK_FULL, "got %s", test_msg(&d));
    cr_expect_eq(status_exit_code(r), 1);
    char *m = status_format(&d, true);
    cr_expect(strstr(m, "disk is full") != NULL, "%s", m);
    free(m);
    status_detail_free(&d);

    answer_set set;
    cr_assert_eq(assess_load_answers(st, aid, &set, &d), STATUS_OK, "%s", test_msg(&d));
    cr_expect_eq(set.len, 0, "nothing was saved");
    answer_set_free(&set);
    free(note);
    store_close(st);
    test_rm_rf(dir);
    free(dir);
}
