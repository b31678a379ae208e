#!/usr/bin/env bash
# Faults a figure build meets besides its input, met by the built CLI:
# - SIGINT, SIGTERM and SIGHUP in the middle of a render (also of the second input under -O)
#   end the process with 130, 143 and 129, leave no hidden ".NAME.XXXXXX" temporary and keep
#   the previous output. The render is caught mid-write without a timing guess: the test
#   waits for the temporary file to appear, stops the process with SIGSTOP, checks that the
#   temporary is still there (else the run is tried again), sends the signal and SIGCONT.
# - A disk that fills during the write (a 64 KiB tmpfs in a private mount namespace; root
#   only): 74, a message naming the output, no temporary, the previous file intact.
# - Eight processes writing the same output at once, ten rounds: the file is always the
#   reference render, byte for byte, also while they write, and no temporary is left.
# - Outputs that are not regular files stay what they are: a FIFO gets the whole chart and
#   stays a FIFO, a device node (a private copy of /dev/null; root only) stays a device, and a
#   symbolic link stays a link while the file it names is replaced.
# Every wait is bounded. The counts (signals tried, concurrent runs) are printed. TAP output.
set -u
TIMELINE=${1:?usage: test-faults.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
SAMPLE=$ROOT/data/samples/project-plan.csv
WORK=$(mktemp -d)
cleanup() {
    # Runs still going when the test stops early are this shell's own jobs.
    local left
    left=$(jobs -p)
    [ -n "$left" ] && kill -KILL $left 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"
diag() { sed 's/^/#   /' "$1" | head -5; }
temps() { # temps DIR: the hidden temporaries left in DIR, one a line
    find "$1" -maxdepth 1 -name '.*.??????' -print
}

if ! "$TIMELINE" "$SAMPLE" -o "$WORK/probe.svg" 2>"$WORK/err"; then
    echo "1..0 # SKIP the CLI cannot render (fonts missing?): $(head -1 "$WORK/err")"
    exit 0
fi

# A pause without a process per tick: `read -t` on a FIFO that nobody writes to.
mkfifo "$WORK/tick"
exec 9<>"$WORK/tick"
tick() { read -r -t 0.01 -u 9; }

# The signals reach the CLI with their default action even where the shell ignores them for a
# background job (SIGINT without job control, SIGHUP under nohup).
if env --default-signal=INT true 2>/dev/null; then
    RESET=(env --default-signal=INT,TERM,HUP)
elif command -v python3 >/dev/null; then
    RESET=(python3 -c 'import os, signal, sys
for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])')
else
    RESET=()
fi

state() { # state PID: R, S, T (stopped), ...; nothing once it has exited
    if [ -r "/proc/$1/stat" ]; then
        local s
        s=$(cat "/proc/$1/stat" 2>/dev/null) || return
        s=${s##*) } # after the command's name, which may hold spaces
        echo "${s%% *}"
    else
        ps -o stat= -p "$1" 2>/dev/null | cut -c1
    fi
}
finish() { # finish PID: waits at most 60 s for it to exit (then kills it); its status
    local i=0
    while [ -n "$(state "$1")" ] && [ "$(state "$1")" != Z ] && [ $i -lt 6000 ]; do
        tick
        i=$((i + 1))
    done
    kill -KILL "$1" 2>/dev/null
    wait "$1"
}

# --- signals --------------------------------------------------------------------------------
signals=0
# ~200,000 events: loading and laying them out takes a while, and writing the scene as JSON
# (tens of MB) keeps the temporary file open long enough to be caught every time.
awk 'BEGIN {
    print "start,end,title,group"
    for (i = 0; i < 200000; i++)
        printf "%04d-%02d-%02d,,Event %d,G%d\n", 1900 + int(i / 336) % 100, int(i / 28) % 12 + 1,
            i % 28 + 1, i, i % 5
}' >"$WORK/big.csv"

# interrupt SIGNAL DIR OUTPUT ARGS...: runs the CLI with ARGS, catches it while it writes
# DIR/OUTPUT, sends SIGNAL and leaves the exit status in $status; "" when no try caught the
# render mid-write (it finished before it could be stopped).
interrupt() {
    local sig=$1 dir=$2 out=$3 try i pid
    shift 3
    status=
    # A temporary left by an earlier case would be taken for this run's.
    find "$dir" -maxdepth 1 -name ".$out.??????" -delete
    for try in 1 2 3; do
        "${RESET[@]}" "$TIMELINE" "$@" 2>"$WORK/err" &
        pid=$!
        for ((i = 0; i < 6000; i++)); do
            [ -n "$(find "$dir" -maxdepth 1 -name ".$out.??????" -print -quit)" ] && break
            [ -z "$(state "$pid")" ] || [ "$(state "$pid")" = Z ] && break
            tick
        done
        kill -STOP "$pid" 2>/dev/null
        for ((i = 0; i < 1000; i++)); do
            case $(state "$pid") in T | t | Z | "") break ;; esac
            tick
        done
        if [ "$(state "$pid")" = T ] && [ -n "$(find "$dir" -maxdepth 1 -name ".$out.??????" -print -quit)" ]; then
            kill "-$sig" "$pid"
            kill -CONT "$pid"
            signals=$((signals + 1))
            finish "$pid"
            status=$?
            return
        fi
        echo "# try $try: the render ended before it could be stopped; again"
        kill -CONT "$pid" 2>/dev/null
        finish "$pid"
        # The run wrote its output: put the previous one back.
        cp "$WORK/previous" "$dir/$out"
    done
}

printf 'the previous output\n' >"$WORK/previous"
if [ ${#RESET[@]} -eq 0 ]; then
    skip "signals during a render" "neither env --default-signal nor python3 to run the CLI with default signal actions"
else
    mkdir "$WORK/sig"
    for pair in INT:130 TERM:143 HUP:129; do
        sig=${pair%%:*}
        want=${pair#*:}
        cp "$WORK/previous" "$WORK/sig/out.json"
        interrupt "$sig" "$WORK/sig" out.json "$WORK/big.csv" -o "$WORK/sig/out.json"
        [ "$status" = "$want" ]
        ok $? "SIG$sig during a render: exit ${status:-(never caught mid-write)}, want $want" || diag "$WORK/err"
        [ -z "$(temps "$WORK/sig")" ]
        ok $? "SIG$sig: no temporary file left" || temps "$WORK/sig" | sed 's/^/#   /'
        cmp -s "$WORK/previous" "$WORK/sig/out.json"
        ok $? "SIG$sig: the previous output is untouched"
    done

    # -O: the first input is written in full, the second is interrupted.
    mkdir "$WORK/many"
    cp "$SAMPLE" "$WORK/many/a.csv"
    cp "$WORK/big.csv" "$WORK/many/b.csv"
    "$TIMELINE" "$SAMPLE" -T json -o "$WORK/a-reference.json"
    for pair in TERM:143 INT:130 HUP:129; do
        sig=${pair%%:*}
        want=${pair#*:}
        rm -f "$WORK/many/a.json"
        cp "$WORK/previous" "$WORK/many/b.json"
        interrupt "$sig" "$WORK/many" b.json -O -T json "$WORK/many/a.csv" "$WORK/many/b.csv"
        [ "$status" = "$want" ]
        ok $? "-O, SIG$sig during the second input: exit ${status:-(never caught mid-write)}, want $want" || diag "$WORK/err"
        [ -z "$(temps "$WORK/many")" ] && cmp -s "$WORK/previous" "$WORK/many/b.json"
        ok $? "-O, SIG$sig: no temporary file, the second input's previous output untouched"
        cmp -s "$WORK/a-reference.json" "$WORK/many/a.json"
        ok $? "-O, SIG$sig: the first input's output is complete"
    done

    # While the input is still being read (standard input that never ends): no output at all.
    mkfifo "$WORK/stdin"
    exec 8<>"$WORK/stdin"
    "${RESET[@]}" "$TIMELINE" - -o "$WORK/sig/never.json" <&8 2>"$WORK/err" &
    pid=$!
    exec 8>&-
    for ((i = 0; i < 1000; i++)); do
        [ "$(state "$pid")" = S ] && break
        tick
    done
    kill -INT "$pid"
    signals=$((signals + 1))
    finish "$pid"
    status=$?
    [ "$status" -eq 130 ] && [ ! -e "$WORK/sig/never.json" ] && [ -z "$(temps "$WORK/sig")" ]
    ok $? "SIGINT while reading the input: exit $status, want 130, and no file" || diag "$WORK/err"
fi

# --- a full disk ----------------------------------------------------------------------------
# The script runs as root in its own mount namespace: the tmpfs goes away with it.
cat >"$WORK/full-disk.sh" <<'EOF'
set -u
TIMELINE=$1 WORK=$2
DISK=$WORK/disk
mkdir -p "$DISK"
mount -t tmpfs -o size=64k tmpfs "$DISK" || { echo "skip cannot mount a tmpfs"; exit 0; }
report() { # report STATUS NAME
    if [ "$1" -eq 0 ]; then echo "ok $2"; else echo "fail $2"; fi
}
awk 'BEGIN {
    print "start,end,title,group"
    for (i = 0; i < 2000; i++)
        printf "%04d-%02d-%02d,,Event %d,G%d\n", 1900 + int(i / 336) % 100, int(i / 28) % 12 + 1,
            i % 28 + 1, i, i % 5
}' >"$WORK/medium.csv"
printf 'the previous output\n' >"$WORK/previous"
# 48 KiB taken, 12 KiB left for outputs of 20 KiB and more: the write fails part-way.
head -c 49152 /dev/zero >"$DISK/filler"
for fmt in svg png pdf ps eps json; do
    cp "$WORK/previous" "$DISK/out.$fmt"
    "$TIMELINE" "$WORK/medium.csv" -o "$DISK/out.$fmt" 2>"$WORK/full-err"
    status=$?
    report $((status != 74)) "$fmt: a disk that fills during the write gives 74 (got $status)"
    grep -qF "\"$DISK/out.$fmt\"" "$WORK/full-err"
    report $? "$fmt: the message names the output: $(head -1 "$WORK/full-err")"
    report "$(find "$DISK" -name '.*' -type f | grep -c .)" "$fmt: no temporary file left"
    cmp -s "$WORK/previous" "$DISK/out.$fmt"
    report $? "$fmt: the previous file is intact"
    rm -f "$DISK/out.$fmt"
done
# A disk with no room left: a small chart fails as well.
cp "$WORK/previous" "$DISK/small.svg"
head -c 65536 /dev/zero >>"$DISK/filler" 2>/dev/null
"$TIMELINE" "$3" -o "$DISK/small.svg" 2>"$WORK/full-err"
status=$?
report $((status != 74)) "a nearly full disk gives 74 for a small chart (got $status)"
report "$(find "$DISK" -name '.*' -type f | grep -c .)" "a nearly full disk: no temporary file left"
cmp -s "$WORK/previous" "$DISK/small.svg"
report $? "a nearly full disk: the previous file is intact"
umount "$DISK"
EOF
full_disk() {
    if [ "$(id -u)" -ne 0 ]; then
        skip "a full disk" "not root: cannot mount a small tmpfs"
        return
    fi
    if ! command -v unshare >/dev/null || ! unshare -m true 2>/dev/null; then
        skip "a full disk" "no private mount namespace (unshare -m) to mount a tmpfs in"
        return
    fi
    timeout 120 unshare -m bash "$WORK/full-disk.sh" "$TIMELINE" "$WORK" "$SAMPLE" \
        >"$WORK/full-results" 2>"$WORK/full-stderr"
    local status=$? verdict name
    while read -r verdict name; do
        case $verdict in
        ok) ok 0 "full disk: $name" ;;
        fail) ok 1 "full disk: $name" ;;
        skip) skip "a full disk" "$name" ;;
        esac
    done <"$WORK/full-results"
    [ "$status" -eq 0 ] && [ -s "$WORK/full-results" ]
    ok $? "the full-disk script ran to its end (status $status)" || diag "$WORK/full-stderr"
}
full_disk

# --- concurrent writers ---------------------------------------------------------------------
WRITERS=8
ROUNDS=10
runs=0
reads=0
mkdir "$WORK/refs" "$WORK/conc"
head -n 15 "$SAMPLE" >"$WORK/small.csv"
for fmt in svg png pdf; do
    "$TIMELINE" "$WORK/small.csv" -o "$WORK/refs/out.$fmt" 2>"$WORK/err"
    ok $? "reference $fmt" || diag "$WORK/err"
done
for ((round = 0; round < ROUNDS; round++)); do
    case $((round % 3)) in 0) fmt=svg ;; 1) fmt=png ;; *) fmt=pdf ;; esac
    out=$WORK/conc/out.$fmt
    pids=()
    for ((w = 0; w < WRITERS; w++)); do
        timeout 60 "$TIMELINE" "$WORK/small.csv" -o "$out" 2>"$WORK/conc-err.$w" &
        pids+=($!)
    done
    # While they write, every look at the file sees the whole reference (or no file yet).
    torn=0
    for ((i = 0; i < 2000; i++)); do
        alive=0
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null && alive=1 && break; done
        [ $alive -eq 0 ] && break
        if [ -e "$out" ]; then
            reads=$((reads + 1))
            cmp -s "$WORK/refs/out.$fmt" "$out" || torn=$((torn + 1))
        fi
    done
    bad=0
    for p in "${pids[@]}"; do
        wait "$p" || bad=$((bad + 1))
        runs=$((runs + 1))
    done
    [ $bad -eq 0 ]
    ok $? "round $((round + 1)) ($fmt): $WRITERS writers at once all succeed" || cat "$WORK"/conc-err.* | sed 's/^/#   /' | head -5
    [ $torn -eq 0 ] && cmp -s "$WORK/refs/out.$fmt" "$out"
    ok $? "round $((round + 1)) ($fmt): the file is the reference, during ($torn torn) and after"
    [ -z "$(temps "$WORK/conc")" ]
    ok $? "round $((round + 1)) ($fmt): no temporary file left" || temps "$WORK/conc" | sed 's/^/#   /'
done

echo "# signals tried: $signals; concurrent runs: $runs ($WRITERS writers x $ROUNDS rounds), $reads reads while writing"
# --- outputs that are not regular files -----------------------------------------------------
# A new file renamed over such a path would replace the node itself: as root, -o /dev/null
# would leave a regular file in /dev for the whole machine.
mkdir -p "$WORK/nodes"
"$TIMELINE" "$SAMPLE" -o "$WORK/nodes/reference.svg" 2>/dev/null
mkfifo "$WORK/nodes/pipe"
timeout 30 cat "$WORK/nodes/pipe" >"$WORK/nodes/from-pipe" &
reader=$!
timeout 30 "$TIMELINE" "$SAMPLE" -T svg -o "$WORK/nodes/pipe" 2>"$WORK/err"
ok $? "-o a FIFO: exit 0" || diag "$WORK/err"
wait "$reader"
[ -p "$WORK/nodes/pipe" ]; ok $? "the FIFO is still a FIFO"
cmp -s "$WORK/nodes/from-pipe" "$WORK/nodes/reference.svg"
ok $? "and its reader got the whole chart"
if [ "$(id -u)" -eq 0 ] && mknod "$WORK/nodes/null" c 1 3 2>/dev/null; then
    "$TIMELINE" "$SAMPLE" -T svg -o "$WORK/nodes/null" 2>"$WORK/err"
    ok $? "-o a device node: exit 0" || diag "$WORK/err"
    [ -c "$WORK/nodes/null" ]; ok $? "the device is still a character device"
else
    skip "-o a device node" "not root (cannot make a device node)"
fi
echo old >"$WORK/nodes/target.svg"
ln -s target.svg "$WORK/nodes/link.svg"
"$TIMELINE" "$SAMPLE" -o "$WORK/nodes/link.svg" 2>"$WORK/err"
ok $? "-o a symbolic link: exit 0" || diag "$WORK/err"
[ -L "$WORK/nodes/link.svg" ]; ok $? "the link is still a link"
cmp -s "$WORK/nodes/target.svg" "$WORK/nodes/reference.svg"; ok $? "and the file it names is the chart"
[ -z "$(temps "$WORK/nodes")" ]; ok $? "no temporary left beside them"

done_testing
