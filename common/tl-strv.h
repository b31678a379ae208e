/* A growable list of owned strings (warnings, messages). */
#ifndef TL_STRV_H
#define TL_STRV_H

#include <stddef.h>

typedef struct tl_strv {
    char **items;
    size_t len;
    size_t cap;
} tl_strv;

#define TL_STRV_INIT                                                                               \
    {                                                                                              \
        NULL, 0, 0                                                                                 \
    }

/* Takes ownership of `s`. */
void tl_strv_push(tl_strv *v, char *s);
void tl_strv_free(tl_strv *v);

#endif /* TL_STRV_H */
