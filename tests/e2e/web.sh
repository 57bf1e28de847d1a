#!/usr/bin/env bash
# The browser version in a real browser: builds it (`./dev web build`),
# serves it on a free port of 127.0.0.1 and plays it in Debian's Chromium
# through playwright-core (tests/e2e/web.mjs), at 1280x720 with mouse and
# keyboard and at phone sizes by touch. Screenshots and the server's log go
# to OUTDIR; fails on any console error, panic or step that does not
# happen.
#
#   tests/e2e/web.sh OUTDIR
#
# Needs chromium, node and the npm tools that `./dev web` installs.
set -euo pipefail
OUT="${1:?usage: tests/e2e/web.sh OUTDIR}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
TOOLS="${FAMULANT_TOOLS:-$HOME/.cache/famulant-tools}"

"$ROOT/dev" web build "$OUT/site"

# The size budget: everything the first screen needs (the page, the code,
# the story's files), as a server sends it gzipped, 6 MB at most.
BUDGET=6000000
first_screen=0
while IFS= read -r -d '' file; do
    first_screen=$((first_screen + $(gzip -9 -c "$file" | wc -c)))
done < <(find "$OUT/site" -type f -print0)
echo "the first screen: $first_screen bytes gzipped (budget $BUDGET)"
if [ "$first_screen" -gt "$BUDGET" ]; then
    echo "over the size budget"
    exit 1
fi

SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true' EXIT
python3 -u -m http.server 0 --bind 127.0.0.1 --directory "$OUT/site" >"$OUT/server.log" 2>&1 &
SERVER=$!
PORT=""
for _ in $(seq 50); do
    PORT=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$OUT/server.log" | head -1)
    [ -n "$PORT" ] && break
    sleep 0.1
done
[ -n "$PORT" ] || { echo "the web server did not start"; cat "$OUT/server.log"; exit 1; }

TOOLS="$TOOLS" node "$ROOT/tests/e2e/web.mjs" "http://127.0.0.1:$PORT/" "$OUT"
if grep -q '" 404 ' "$OUT/server.log"; then
    echo "the page asked for files that are not there:"
    grep '" 404 ' "$OUT/server.log"
    exit 1
fi
echo "screenshots in $OUT"
