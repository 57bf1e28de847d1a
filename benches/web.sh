#!/usr/bin/env bash
# The browser version's size and speed, side by side with an empty Bevy +
# bevy_egui app (examples/empty_window.rs) built the same way (the `web`
# profile, wasm-bindgen, wasm-opt -O1):
#   - what the first screen downloads, raw, gzip -9 and brotli -q 11
#   - in headless Chromium (SwiftShader's software WebGL2): the time from
#     navigation to the first frame and to the title screen, median of 3
#   - the CPU that Chromium (all its processes) uses over 10 s while the
#     player reads a still line, with the monitor, and during a phase
#
#   benches/web.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/famulant-target}"
TOOLS="${FAMULANT_TOOLS:-$HOME/.cache/famulant-tools}"
OUT="$(mktemp -d)"
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$OUT"' EXIT

"$ROOT/dev" web build "$OUT/game" >/dev/null
(cd "$ROOT" && cargo build --quiet --profile web --target wasm32-unknown-unknown --example empty_window)
mkdir -p "$OUT/baseline"
wasm-bindgen --target web --no-typescript --out-dir "$OUT/baseline" --out-name empty_window \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/web/examples/empty_window.wasm"
"$TOOLS/node_modules/.bin/wasm-opt" -O1 --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$OUT/baseline/empty_window_bg.wasm" -o "$OUT/baseline/empty_window_bg.wasm"
cat >"$OUT/baseline/index.html" <<'HTML'
<!doctype html><meta charset="utf-8"><title>empty</title>
<style>html,body{margin:0;height:100%;overflow:hidden}</style>
<script type="module">
import init from "./empty_window.js";
init().catch((e) => { if (!String(e).includes("control flow")) throw e; });
</script>
HTML

# Prints raw, gzip and brotli bytes of the files given, summed.
sizes() {
    local raw=0 gz=0 br=0 f
    for f in "$@"; do
        raw=$((raw + $(stat -c %s "$f")))
        gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
        br=$((br + $(brotli -q 11 -c "$f" | wc -c)))
    done
    awk -v r=$raw -v g=$gz -v b=$br 'BEGIN { printf "| %.2f MB | %.2f MB | %.2f MB |\n", r / 1e6, g / 1e6, b / 1e6 }'
}
SCENES=$(find "$OUT/game/scenes" -type f | sort)
echo "| what | raw | gzip -9 | brotli -q 11 |"
echo "| --- | --- | --- | --- |"
echo "| game: famulant_bg.wasm $(sizes "$OUT/game/famulant_bg.wasm")"
echo "| game: famulant.js $(sizes "$OUT/game/famulant.js")"
echo "| game: index.html $(sizes "$OUT/game/index.html")"
# shellcheck disable=SC2086
echo "| game: scenes/ (story, rooms, art) $(sizes $SCENES)"
# shellcheck disable=SC2086
echo "| **game: the first screen, all of it** $(sizes "$OUT/game/famulant_bg.wasm" "$OUT/game/famulant.js" "$OUT/game/index.html" $SCENES)"
echo "| empty Bevy + bevy_egui: wasm + js + html $(sizes "$OUT/baseline/empty_window_bg.wasm" "$OUT/baseline/empty_window.js" "$OUT/baseline/index.html")"

python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$OUT" >"$OUT/server.log" 2>&1 &
SERVER=$!
PORT=""
for _ in $(seq 50); do
    PORT=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$OUT/server.log" | head -1)
    [ -n "$PORT" ] && break
    sleep 0.1
done
[ -n "$PORT" ] || { echo "the web server did not start"; cat "$OUT/server.log"; exit 1; }
TOOLS="$TOOLS" node "$ROOT/benches/web.mjs" "http://127.0.0.1:$PORT"
