#!/usr/bin/env bash
# Frame time in the busiest rooms (the emergency department: the room, four
# people, the bedside monitor with its traces; the operating theatre: six
# people, SVG pictures, the monitor) against an empty Bevy + bevy_egui
# window, all release builds, one after the other in the same Xvfb with
# Mesa's software Vulkan (llvmpipe); the game with smooth edges on
# "Automatic" (the default: off on a software renderer) and forced "On"
# (4x multisampling).
#
#   benches/frames.sh [SECONDS]     (default 20)
set -euo pipefail
SECONDS_TO_MEASURE="${1:-20}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/famulant-target}"
(cd "$ROOT" && cargo build --release --quiet --bin famulant --example empty_window)
OUT="$(mktemp -d)"
export XDG_CONFIG_HOME="$OUT/config"
source "$ROOT/tests/e2e/xvfb.sh"
XVFB_PID=""
trap '[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$OUT"' EXIT
start_xvfb "$OUT" xvfb 1280x720
export DISPLAY="$XVFB_DISPLAY"
# Runs a measuring program and prints its `frames:` line; a run that could
# not open the display is tried once more.
measure() {
    local log="$OUT/run.log" result
    for try in 1 2; do
        result=$("$@" 2>"$log" | grep '^frames:') && { echo "$result"; return; }
        if [ "$try" = 1 ] && display_failed "$log"; then
            echo "(could not open the display; once more)" >&2
            continue
        fi
        echo "failed; log:" >&2
        cat "$log" >&2
        return 1
    done
}
empty=$(measure "$CARGO_TARGET_DIR/release/examples/empty_window" "$SECONDS_TO_MEASURE")
echo "empty Bevy + bevy_egui window: $empty"
game() {
    measure "$CARGO_TARGET_DIR/release/famulant" play --scenes "$ROOT/scenes" --lang de --autostart \
        --start "$1" --measure-frames "$SECONDS_TO_MEASURE"
}
mkdir -p "$XDG_CONFIG_HOME/famulant"
for edges in Auto On; do
    echo "(edges: $edges)" >"$XDG_CONFIG_HOME/famulant/settings.ron"
    echo "smooth edges $edges:"
    emergency=$(game @ch2_emergency)
    theatre=$(game @ch3_theatre)
    echo "  emergency department:        $emergency"
    echo "  operating theatre:           $theatre"
done
