#include "node_fields.h"

#include <stdlib.h>

#define F(key, col, type, member, flags) {key, col, type, offsetof(catalog_node, member), flags}

/* Order = the order of the columns in SQL and of the YAML checks. */
const node_field node_fields[] = {
    F("ref", "ref", NODE_FIELD_TEXT, ref, NODE_FIELD_SEARCHED),
    F("title", "title", NODE_FIELD_I18N, title, NODE_FIELD_SEARCHED),
    F("text", "text", NODE_FIELD_I18N, text, NODE_FIELD_ITEM_REQUIRED | NODE_FIELD_SEARCHED),
    F("guidance", "guidance", NODE_FIELD_I18N, guidance, NODE_FIELD_SEARCHED),
    F("actor", "actor", NODE_FIELD_TEXT, actor, 0),
    F("responsibility", "responsibility", NODE_FIELD_RESP, resp, 0),
    F("tags", "tags_json", NODE_FIELD_TAGS, tags, 0),
    F("target_fy", "target_fy", NODE_FIELD_FY, target_fy, 0),
    F("source", "source", NODE_FIELD_TEXT, source, NODE_FIELD_ITEM_REQUIRED),
    F("verified", "verified", NODE_FIELD_BOOL, verified, NODE_FIELD_ITEM_REQUIRED),
};
const size_t node_field_count = AZ_ARRAY_LEN(node_fields);

void *node_field_ptr(catalog_node *n, const node_field *f)
{
    return (char *)n + f->offset;
}

const void *node_field_cptr(const catalog_node *n, const node_field *f)
{
    return (const char *)n + f->offset;
}

const char *node_field_columns(void)
{
    static char *columns;
    if (!columns) {
        strbuf sb = {0};
        for (size_t i = 0; i < node_field_count; i++) {
            const node_field *f = &node_fields[i];
            if (f->type == NODE_FIELD_I18N)
                sb_addf(&sb, "%s%s_ja,%s_en", i ? "," : "", f->column, f->column);
            else
                sb_addf(&sb, "%s%s", i ? "," : "", f->column);
        }
        columns = sb_take(&sb);
    }
    return columns;
}

int node_field_column_count(void)
{
    int n = 0;
    for (size_t i = 0; i < node_field_count; i++)
        n += node_fields[i].type == NODE_FIELD_I18N ? 2 : 1;
    return n;
}

void node_fields_free(catalog_node *n)
{
    for (size_t i = 0; i < node_field_count; i++) {
        void *p = node_field_ptr(n, &node_fields[i]);
        switch (node_fields[i].type) {
        case NODE_FIELD_TEXT:
            xfree(p);
            break;
        case NODE_FIELD_I18N:
            xfree(&((i18n_text *)p)->ja);
            xfree(&((i18n_text *)p)->en);
            break;
        case NODE_FIELD_TAGS:
            sl_free(p);
            break;
        case NODE_FIELD_FY:
        case NODE_FIELD_BOOL:
        case NODE_FIELD_RESP:
            break;
        }
    }
}
