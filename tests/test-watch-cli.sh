#!/usr/bin/env bash
# --watch, with the scene JSON as the output (its texts can be read): the first render; one
# render again per edit of the input (written in place, saved as editors do by renaming a new
# file over it, deleted and created again), of a style file and of a holidays file; a broken
# edit keeps the last good output; Ctrl-C and SIGTERM end it with 0 and leave no temporary
# file; several inputs with -O; what it refuses to watch. TAP output.
set -u
TIMELINE=${1:?usage: test-watch-cli.sh path/to/timeline}
SRC=${TL_TEST_SRCDIR:-$(dirname "$0")}
ROOT=$(cd "$SRC/.." && pwd)
WORK=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

# shellcheck source=tests/tap-cli.sh
. "$SRC/tap-cli.sh"

LOG=$WORK/log
lines() { grep -cE "^timeline: [0-9:]+ (rendered|failed|checked)" "$LOG"; }
# wait_lines N: until the log has N render lines (at most 20 s); false on time-out.
wait_lines() {
    local i
    for i in $(seq 200); do
        [ "$(lines)" -ge "$1" ] && return 0
        sleep 0.1
    done
    return 1
}
# settle: time for a second, unwanted render to show (the watch waits 150 ms for quiet).
settle() { sleep 0.8; }
last() { grep -E "^timeline: [0-9:]+ (rendered|failed|checked)" "$LOG" | tail -1; }

cp "$ROOT/data/samples/india-japan-2019-2020.csv" "$WORK/events.csv"
printf '[chart]\ntitle = First title\n' >"$WORK/report.style"
"$TIMELINE" --watch -c "$WORK/report.style" "$WORK/events.csv" -o "$WORK/chart.json" \
    2>"$LOG" &
pid=$!

wait_lines 1
ok $? "the first render comes at once"
last | grep -qE "rendered .*chart.json in [0-9]+ ms; watching for changes"
ok $? "one line with its time: $(last)"
has "First title" "$WORK/chart.json"
ok $? "with the style file's title"
"$TIMELINE" -c "$WORK/report.style" "$WORK/events.csv" -o "$WORK/plain.json" 2>/dev/null
cmp -s "$WORK/chart.json" "$WORK/plain.json"
ok $? "the same bytes as the command without --watch"

echo '"late March 2020",,"An event added while watched",Japan,,,' >>"$WORK/events.csv"
wait_lines 2
ok $? "an edit in place renders again"
has "An event added while watched" "$WORK/chart.json"
ok $? "and the chart has the new event"
settle
[ "$(lines)" -eq 2 ]
ok $? "once for one edit"

# An editor's save: a new file renamed over the old one.
sed 's/An event added while watched/Renamed over the input/' "$WORK/events.csv" >"$WORK/.events.csv.tmp"
mv "$WORK/.events.csv.tmp" "$WORK/events.csv"
wait_lines 3
ok $? "a file renamed over the input renders again"
has "Renamed over the input" "$WORK/chart.json"
ok $? "from the new file"

# Deleted, then created again.
cp "$WORK/events.csv" "$WORK/keep.csv"
rm "$WORK/events.csv"
settle
[ "$(lines)" -eq 3 ]
ok $? "a deleted input is waited for, not rendered"
sed 's/Renamed over the input/Created again/' "$WORK/keep.csv" >"$WORK/events.csv"
wait_lines 4
ok $? "and followed when it comes back"
has "Created again" "$WORK/chart.json"
ok $? "with its new content"

# A broken edit: nothing drawable is an error; the last good chart stays.
cp "$WORK/chart.json" "$WORK/good.json"
printf 'start,title\n2019-02-30,Not a day\n' >"$WORK/events.csv"
wait_lines 5
ok $? "a broken edit is reported"
last | grep -qE "failed \(data error, exit 65\); the output of [0-9:]+ is kept"
ok $? "as a failure that keeps the output: $(last)"
has "events.csv:2:1" "$LOG" && has "2019-02-30" "$LOG"
ok $? "and the run's own error names the row"
cmp -s "$WORK/chart.json" "$WORK/good.json"
ok $? "the last good chart is untouched"
cp "$WORK/keep.csv" "$WORK/events.csv"
wait_lines 6
ok $? "the fix renders again"

# The style file is watched too.
printf '[chart]\ntitle = Second title\n' >"$WORK/report.style"
wait_lines 7
ok $? "an edited style file renders again"
has "Second title" "$WORK/chart.json"
ok $? "with the new title"
printf '[chart]\ntitel = typo\n' >"$WORK/report.style"
wait_lines 8
last | grep -q "failed (usage, exit 64)"
ok $? "a broken style file is a failure: $(last)"
printf '[chart]\ntitle = Third title\n' >"$WORK/report.style"
wait_lines 9
has "Third title" "$WORK/chart.json"
ok $? "and its fix is followed"

# Files the watch does not name are not followed: another file in the folder, the output.
echo x >"$WORK/unrelated.txt"
settle
[ "$(lines)" -eq 9 ]
ok $? "a change to another file in the folder renders nothing"

kill -INT "$pid"
wait "$pid"
ok $? "Ctrl-C ends the watch with 0"
pid=
ls -A "$WORK" | grep -vqE '^(events|keep)\.csv$|^(chart|good|plain)\.json$|^report\.style$|^unrelated\.txt$|^log$|^err$|^out$'
[ $? -ne 0 ]
ok $? "no temporary file is left"

# A holidays file, and SIGTERM.
cp "$ROOT/data/samples/sprint-plan.csv" "$WORK/sprints.csv"
printf '2026-01-19\n' >"$WORK/holidays.txt"
: >"$LOG"
"$TIMELINE" --watch --layout lanes --ticks week --shade weekends \
    --holidays "$WORK/holidays.txt" "$WORK/sprints.csv" -o "$WORK/chart.svg" 2>"$LOG" &
pid=$!
wait_lines 1
ok $? "a second watch starts"
cp "$WORK/chart.svg" "$WORK/one-holiday.svg"
printf '2026-01-19\n2026-02-16\n' >"$WORK/holidays.txt"
wait_lines 2
ok $? "an edited holidays file renders again"
! cmp -s "$WORK/chart.svg" "$WORK/one-holiday.svg"
ok $? "and the chart changes with it"
"$TIMELINE" --layout lanes --ticks week --shade weekends --holidays "$WORK/holidays.txt" \
    "$WORK/sprints.csv" -o "$WORK/plain.svg" 2>/dev/null
cmp -s "$WORK/chart.svg" "$WORK/plain.svg"
ok $? "the same SVG bytes as the command without --watch"
kill -TERM "$pid"
wait "$pid"
ok $? "SIGTERM ends the watch with 0"
pid=

# Several inputs with -O: one edit renders them all again, one line for the run.
mkdir -p "$WORK/many"
cp "$ROOT/data/samples/india-japan-2019-2020.csv" "$WORK/many/a.csv"
cp "$ROOT/data/samples/roadmap.csv" "$WORK/many/b.csv"
: >"$LOG"
"$TIMELINE" --watch -O -T json "$WORK/many/a.csv" "$WORK/many/b.csv" 2>"$LOG" &
pid=$!
wait_lines 1
last | grep -q "rendered 2 charts in"
ok $? "-O: the first run renders both inputs: $(last)"
echo '"late March 2020",,"Only in a",Japan,,,' >>"$WORK/many/a.csv"
wait_lines 2
has "Only in a" "$WORK/many/a.json"
ok $? "-O: an edit of one input renders again"
kill -INT "$pid"
wait "$pid"
ok $? "and Ctrl-C ends it with 0"
pid=

# What cannot be watched.
run 64 "standard input" -- --watch - -o "$WORK/x.svg"
has "standard input (-) cannot be watched" "$WORK/err"
ok $? "is refused with a reason"
run 64 "standard output" -- --watch -T svg "$WORK/events.csv"
has "give -o FILE or -O" "$WORK/err"
ok $? "is refused with a reason"
run 64 "an unknown option with --watch" -- --watch --nope "$WORK/events.csv" -o "$WORK/x.svg"

done_testing
