# The helpers the shell-driven CLI tests share (sourced): TAP results and running the built
# program. The sourcing script sets TIMELINE (the program) and WORK (a scratch folder).
n=0
failed=0
ok() { # ok COND-EXIT-STATUS NAME
    n=$((n + 1))
    if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
    [ "$1" -eq 0 ] # so that `ok ... || diag ...` shows why
}
run() { # run EXPECTED-STATUS NAME -- ARGS...: runs the CLI, stderr to $WORK/err
    local want=$1 name=$2
    shift 3
    "$TIMELINE" "$@" >"$WORK/out" 2>"$WORK/err"
    local got=$?
    [ "$got" -eq "$want" ]
    ok $? "$name (exit $got, want $want)"
    [ "$got" -eq "$want" ] || sed 's/^/#   /' "$WORK/err"
}
has() { grep -qF -- "$1" "$2"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
done_testing() { # the plan and the summary line; the exit status
    echo "1..$n"
    echo "# $((n - failed)) passed, $failed failed"
    [ "$failed" -eq 0 ]
}
