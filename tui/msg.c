#include "msg.h"

#include <stdarg.h>
#include <stdio.h>

#include "base/lib.h"

static bool use_english;

static const char *const table[][2] = {
#define MSG_ROW(id, en, ja) {en, ja},
    MSG_INFO(MSG_ROW)
#undef MSG_ROW
};

void msg_set_english(bool english)
{
    use_english = english;
}

bool msg_english(void)
{
    return use_english;
}

const char *msg(msg_id id)
{
    if ((unsigned)id >= MSG__COUNT)
        return "";
    return table[id][use_english ? 0 : 1];
}

/* The formats come from the table above, never from input; both columns take the same arguments. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *msgf(msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    char *s = xvasprintf(msg(id), ap);
    va_end(ap);
    return s;
}
#pragma GCC diagnostic pop
