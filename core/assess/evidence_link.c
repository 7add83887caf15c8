/* Links as answer changes: the answer's current entries with one added or taken out. */
#include "evidence_link.h"

#include <stdlib.h>

status_code evidence_link_set(store *s, int64_t evidence_id, int64_t aid, const char *item_id, answer_party party,
                              int64_t party_vendor_id, bool link, const char *who, int *changed, status_detail *err)
{
    if (changed)
        *changed = 0;
    evidence_entry e;
    status_code r = evidence_get(s, evidence_id, &e, err);
    evidence_entry_free(&e);
    if (r != STATUS_OK)
        return r;
    answer_set set;
    if ((r = assess_load_answers(s, aid, &set, err)) != STATUS_OK)
        return r;
    if (party == PARTY_VENDOR && !party_vendor_id) {
        assessment a;
        if ((r = assess_get_row(s, aid, &a, err)) != STATUS_OK) {
            answer_set_free(&set);
            return r;
        }
        party_vendor_id = a.vendor_id;
        assessment_free(&a);
    }
    const answer *x = NULL;
    for (size_t i = 0; i < set.len && !x; i++)
        if (str_eq(set.items[i].item_id, item_id) && set.items[i].party == party &&
            set.items[i].party_vendor_id == (party == PARTY_VENDOR ? party_vendor_id : 0))
            x = &set.items[i];
    strlist ids = {0};
    bool present = false;
    for (size_t i = 0; x && i < x->nevidence; i++) {
        if (x->evidence[i].id == evidence_id) {
            present = true;
            if (!link)
                continue;
        }
        sl_push_owned(&ids, xasprintf("#%lld", (long long)x->evidence[i].id));
    }
    answer_set_free(&set);
    if (present == link) {
        sl_free(&ids);
        /* still checks the item exists, as a change would */
        answer_change none = {0};
        return assess_answer_set(s, aid, item_id, party, party_vendor_id, &none, who, NULL, NULL, err);
    }
    if (link)
        sl_push_owned(&ids, xasprintf("#%lld", (long long)evidence_id));
    answer_change ch = {.fields = AF_EVIDENCE, .evidence = &ids};
    r = assess_answer_set(s, aid, item_id, party, party_vendor_id, &ch, who, changed, NULL, err);
    sl_free(&ids);
    return r;
}
