#!/usr/bin/env bash
# The shared library exports exactly the functions the public headers declare, each marked
# TL_EXPORT: nothing internal leaks out, and nothing declared is missing. Every difference is
# named.
# Skips (77) without an ELF shared library, or without nm and objdump. TAP output.
set -u
LIB=${1:?usage: test-exports.sh path/to/libtimeline.so INCLUDE-DIR}
INCLUDE=${2:?usage: test-exports.sh path/to/libtimeline.so INCLUDE-DIR}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

case $LIB in
*.so | *.so.*) ;;
*)
    echo "1..0 # SKIP not an ELF shared library: $LIB"
    exit 0
    ;;
esac
# Defined dynamic symbols, without their version ("tl_layout@@V1" is tl_layout).
if command -v nm >/dev/null; then
    nm -D --defined-only "$LIB" | awk 'NF >= 3 { print $3 }'
elif command -v objdump >/dev/null; then
    objdump -T "$LIB" | awk '$0 !~ /\*UND\*/ && NF >= 7 && $(NF - 2) ~ /^\./ { print $NF }'
else
    echo "1..0 # SKIP neither nm nor objdump"
    exit 0
fi | sed 's/@.*//' | sort -u >"$WORK/exported"

# Function declarations at file scope, "export NAME" when TL_EXPORT marks them and "plain NAME"
# otherwise: the name is the last word before the first "(", which may be on a later line.
# (Without TL_EXPORT a declared function is hidden, so a missing mark shows as a difference.)
for h in "$INCLUDE"/*.h; do
    awk '
        /^#/ { next }
        !open && /^[A-Za-z_]/ && !/^(typedef|struct|enum|union|extern|static)([^A-Za-z0-9_]|$)/ {
            open = 1
            decl = ""
        }
        open {
            decl = decl " " $0
            p = index(decl, "(")
            q = index(decl, ";")
            if (p && (!q || p < q)) {
                head = substr(decl, 1, p - 1)
                if (match(head, /[A-Za-z_][A-Za-z0-9_]*[[:space:]]*$/)) {
                    name = substr(head, RSTART, RLENGTH)
                    sub(/[[:space:]]+$/, "", name)
                    print (head ~ /(^|[^A-Za-z0-9_])TL_EXPORT([^A-Za-z0-9_]|$)/ ? "export " : "plain ") name
                }
                open = 0
            } else if (q) {
                open = 0
            }
        }' "$h"
done | sort -u >"$WORK/declarations"
awk '{ print $2 }' "$WORK/declarations" | sort -u >"$WORK/declared"

n=0
failed=0
ok() {
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}

[ -s "$WORK/declared" ]
ok $? "the headers in $INCLUDE declare $(wc -l <"$WORK/declared") functions"
[ -s "$WORK/exported" ]
ok $? "the library exports $(wc -l <"$WORK/exported") symbols"
while read -r sym; do
    ok 1 "$sym is declared without TL_EXPORT"
done < <(awk '$1 == "plain" { print $2 }' "$WORK/declarations")
while read -r sym; do
    ok 1 "$sym is exported but no public header declares it"
done < <(comm -13 "$WORK/declared" "$WORK/exported")
while read -r sym; do
    ok 1 "$sym is declared but the library does not export it"
done < <(comm -23 "$WORK/declared" "$WORK/exported")
cmp -s "$WORK/declared" "$WORK/exported"
ok $? "the exports are exactly the declarations"

echo "1..$n"
[ "$failed" -eq 0 ]
