#!/usr/bin/env bash
# Frame time in the busiest room (the emergency department: the room, four
# people, the bedside monitor with its traces) against an empty Bevy +
# bevy_egui window, both release builds, one after the other in the same
# Xvfb with Mesa's software Vulkan (llvmpipe); the game once with smooth
# edges (4x multisampling, the default) and once without.
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
echo "empty Bevy + bevy_egui window: $("$CARGO_TARGET_DIR/release/examples/empty_window" "$SECONDS_TO_MEASURE" 2>/dev/null | grep '^frames:')"
game() {
    "$CARGO_TARGET_DIR/release/famulant" play --scenes "$ROOT/scenes" --lang de --autostart \
        --start @ch2_emergency --measure-frames "$SECONDS_TO_MEASURE" 2>/dev/null | grep '^frames:'
}
echo "emergency department:          $(game)"
mkdir -p "$XDG_CONFIG_HOME/famulant"
echo "(smooth_edges: false)" >"$XDG_CONFIG_HOME/famulant/settings.ron"
echo "  the same, smooth edges off:  $(game)"
