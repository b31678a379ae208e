#include "tl-strv.h"

#include <stdlib.h>

#include "tl-alloc.h"

void tl_strv_push(tl_strv *v, char *s)
{
    v->items = tl_xgrow(v->items, &v->cap, v->len + 1, sizeof *v->items);
    v->items[v->len++] = s;
}

void tl_strv_free(tl_strv *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->items[i]);
    free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}
