#include "tl-url.h"

#include <stddef.h>
#include <string.h>

bool tl_url_is_safe(const char *url)
{
    static const char *const schemes[] = {"http:", "https:", "ftp:", "mailto:"};
    if (!url || !*url)
        return false;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= ' ' || *p == 0x7f)
            return false;
    const size_t scheme_end = strcspn(url, ":/?#");
    if (url[scheme_end] != ':')
        return true; /* no scheme: relative */
    for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
        const size_t n = strlen(schemes[i]);
        bool same = n == scheme_end + 1;
        for (size_t k = 0; same && k < n; k++) {
            char ch = url[k];
            same = (ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch) == schemes[i][k];
        }
        if (same)
            return true;
    }
    return false;
}
