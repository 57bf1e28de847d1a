#!/usr/bin/env bash
# CPU while the player reads, on the desktop: the release build under Xvfb
# (1280x720, Mesa's llvmpipe), each case 10 s after it has settled, as a
# share of one core (from /proc/PID/stat: user + system time):
#   - a still line in the chief physician's office (typed out, nothing moves)
#   - the emergency department with the bedside monitor's traces
#   - a phase of the operation running (the radical debridement)
# and, for comparison, an empty Bevy + bevy_egui window drawing flat out.
# The browser's figures come from benches/web.sh.
#
#   benches/idle.sh [SECONDS]     (default 10)
set -euo pipefail
MEASURE="${1:-10}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/famulant-target}"
(cd "$ROOT" && cargo build --release --quiet --bin famulant --example empty_window)
OUT="$(mktemp -d)"
export XDG_CONFIG_HOME="$OUT/config"
source "$ROOT/tests/e2e/xvfb.sh"
XVFB_PID=""
RUNNING=""
trap '[ -n "$RUNNING" ] && kill $RUNNING 2>/dev/null; [ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$OUT"' EXIT
start_xvfb "$OUT" xvfb 1280x720
export DISPLAY="$XVFB_DISPLAY"
TICKS=$(getconf CLK_TCK)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# Starts COMMAND, waits SETTLE seconds, and prints the share of one core it
# used over the next $MEASURE seconds.
cpu() {
    local settle="$1"
    shift
    "$@" >"$OUT/run.log" 2>&1 &
    RUNNING=$!
    sleep "$settle"
    kill -0 "$RUNNING" 2>/dev/null || { echo "it died; log:"; cat "$OUT/run.log"; exit 1; }
    local before after
    before=$(ticks "$RUNNING")
    sleep "$MEASURE"
    after=$(ticks "$RUNNING")
    kill "$RUNNING"; wait "$RUNNING" 2>/dev/null || true
    RUNNING=""
    awk -v t=$((after - before)) -v hz="$TICKS" -v s="$MEASURE" 'BEGIN { printf "%.1f %% of a core\n", 100 * t / hz / s }'
}

game() {
    cpu "$1" "$CARGO_TARGET_DIR/release/famulant" play --scenes "$ROOT/scenes" --lang de --autostart --start "$2"
}

# Each figure is taken before it is printed, so that a failure stops the run.
figure=$(game 15 @ch1_morning)
echo "reading a still line (chief's office):   $figure"
figure=$(game 8 @ch2_emergency)
echo "the emergency department's monitor:       $figure"
figure=$(game 3 @ch3_theatre.t_debride_radical)
echo "a phase running (radical debridement):    $figure"
figure=$(cpu 5 "$CARGO_TARGET_DIR/release/examples/empty_window" 3600)
echo "empty Bevy + bevy_egui window, flat out:  $figure"
