#include "icu.h"

#include <dlfcn.h>
#include <glib.h>

#include "common/tl-error-private.h"

#define STR_(x) #x
#define STR(x) STR_(x)
/* The SONAME of the ICU the headers belong to; its symbols carry the same version suffix. */
#define ICU_LIBRARY "libicui18n.so." STR(U_ICU_VERSION_MAJOR_NUM)

static tl_icu table;
static char *load_failure; /* NULL when the table is loaded */

static gpointer load(gpointer unused)
{
    (void)unused;
    void *lib = dlopen(ICU_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        load_failure = g_strdup_printf("cannot load ICU (%s): %s", ICU_LIBRARY, dlerror());
        return NULL;
    }
    /* dlsym returns void *; the union converts it to a function pointer without the cast
     * ISO C does not define. The library stays loaded for the life of the process. */
#define TL_ICU_RESOLVE(name)                                                                       \
    {                                                                                              \
        union {                                                                                    \
            void *p;                                                                               \
            __typeof__(table.name) f;                                                              \
        } u = {dlsym(lib, STR(name))};                                                             \
        if (!u.p) {                                                                                \
            load_failure = g_strdup_printf("%s lacks %s", ICU_LIBRARY, STR(name));                 \
            return NULL;                                                                           \
        }                                                                                          \
        table.name = u.f;                                                                          \
    }
    TL_ICU_FUNCTIONS(TL_ICU_RESOLVE)
#undef TL_ICU_RESOLVE
    return NULL;
}

const tl_icu *tl_icu_get(tl_error **err)
{
    static GOnce once = G_ONCE_INIT;
    g_once(&once, load, NULL);
    if (load_failure) {
        tl_set_error(err, TL_ERROR_CONFIG, "%s", load_failure);
        return NULL;
    }
    return &table;
}
