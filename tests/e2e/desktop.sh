#!/usr/bin/env bash
# A look at the real window: starts the game under Xvfb with Mesa's software
# Vulkan, once on the title screen and once straight into the story
# (`--autostart`), waits until the first line of dialogue is typed out, and
# saves screenshots of the X screen into OUTDIR. Fails when the game dies or
# a picture is blank.
#
#   tests/e2e/desktop.sh OUTDIR
#
# Needs xvfb, x11-utils, xdotool, mesa-vulkan-drivers and imagemagick
# (`./dev setup` installs them).
set -euo pipefail
OUT="${1:?usage: tests/e2e/desktop.sh OUTDIR}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/famulant-target}"

(cd "$ROOT" && cargo build --quiet)
BIN="$CARGO_TARGET_DIR/debug/famulant"

# A private X server, and private config and data folders so that no
# saved settings, games or lines read leak in or out.
export XDG_CONFIG_HOME="$OUT/config"
export XDG_DATA_HOME="$OUT/data"
rm -rf "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
source "$ROOT/tests/e2e/xvfb.sh"
GAME=""
XVFB=""
LARGE=""
cleanup() {
    [ -n "$GAME" ] && kill "$GAME" 2>/dev/null || true
    [ -n "$XVFB" ] && kill "$XVFB" 2>/dev/null || true
    [ -n "$LARGE" ] && kill "$LARGE" 2>/dev/null || true
}
trap cleanup EXIT
start_xvfb "$OUT" xvfb 1280x720
XVFB=$XVFB_PID
export DISPLAY="$XVFB_DISPLAY"

# Shoots NAME every half second until the region CROP (WxH+X+Y) differs
# from the shot BEFORE in at least MIN pixels; fails after 10 s, naming
# WHAT did not change.
await_change() {
    local before="$1" name="$2" crop="$3" min="$4" what="$5" changed=""
    for _ in $(seq 20); do
        sleep 0.5
        shoot "$name" 0 >/dev/null
        changed=$(compare -metric AE -fuzz 10% -crop "$crop" "$OUT/$before.png" "$OUT/$name.png" null: 2>&1 || true)
        changed="${changed%% *}"
        [[ "$changed" =~ ^[0-9]+$ ]] && [ "$changed" -ge "$min" ] && break
    done
    echo "hot reload: $changed pixels changed in $crop"
    if ! [[ "$changed" =~ ^[0-9]+$ ]] || [ "$changed" -lt "$min" ]; then
        echo "$what did not change on screen"
        exit 1
    fi
}

# Starts the game as `famulant play ARGS` in the background, its output in
# NAME.log; `launch` remembers how, so that a launch that could not open the
# display is tried once more (reported, not failed).
launch() {
    LAUNCH_NAME="$1"
    shift
    LAUNCH_ARGS=("$@")
    LAUNCH_RETRIED=""
    "$BIN" play "$@" >"$OUT/$LAUNCH_NAME.log" 2>&1 &
    GAME=$!
}

# `launch` with the shipped scenes.
play() {
    local name="$1"
    shift
    launch "$name" --scenes "$ROOT/scenes" "$@"
}

# Fails, showing the log, unless the game is still running; a game that
# died because it could not open the display is launched once more.
alive() {
    kill -0 "$GAME" 2>/dev/null && return 0
    wait "$GAME" 2>/dev/null || true
    if [ -z "$LAUNCH_RETRIED" ] && display_failed "$OUT/$LAUNCH_NAME.log"; then
        echo "$LAUNCH_NAME: the game could not open the display; launching it once more"
        mv "$OUT/$LAUNCH_NAME.log" "$OUT/$LAUNCH_NAME.display-failed.log"
        "$BIN" play "${LAUNCH_ARGS[@]}" >"$OUT/$LAUNCH_NAME.log" 2>&1 &
        GAME=$!
        LAUNCH_RETRIED=1
        RELAUNCHED=1
        return 0
    fi
    echo "the game died; log:"
    cat "$OUT/$LAUNCH_NAME.log"
    exit 1
}

# Waits up to 120 s until the game's window is mapped on $DISPLAY.
await_window() {
    local start=$SECONDS
    until xwininfo -root -tree 2>/dev/null | grep -q '"Famulant"'; do
        alive
        [ $((SECONDS - start)) -lt 120 ] || { echo "no window after 120 s"; cat "$OUT/$LAUNCH_NAME.log"; exit 1; }
        sleep 0.2
    done
}

# Waits until the game's window is mapped, then `settle` more seconds, and
# saves the screen as NAME.png; fails if the game died or the picture is blank.
shoot() {
    local name="$1" settle="$2"
    RELAUNCHED=""
    await_window
    sleep "$settle"
    alive
    # Launched once more meanwhile: wait for its window and settle again.
    if [ -n "$RELAUNCHED" ]; then
        await_window
        sleep "$settle"
        alive
    fi
    import -window root "$OUT/$name.png"
    local colours
    colours=$(identify -format '%k' "$OUT/$name.png")
    echo "$name.png: $colours colours"
    if [ "$colours" -lt 64 ]; then
        echo "$name.png looks blank ($colours colours)"
        exit 1
    fi
}

play title --lang de
shoot title 6
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# Mods: the example mod, a broken copy of it and a mod with a story of its
# own in a folder of mods. The title offers that story as a new game; its
# fourth item opens the Mods screen, which lists all three, the broken one
# with its first error at file, line and column; the example's own scene
# plays in the room it brings, with its picture from the mod's folder.
MODS="$OUT/mods"
rm -rf "$MODS"
mkdir -p "$MODS"
cp -r "$ROOT/mods/examples/pforte" "$MODS/a_pforte"
cp -r "$ROOT/mods/examples/pforte" "$MODS/b_broken"
sed -i 's/id: "pforte"/id: "kopie"/; s/name: (de: "An der Pforte", en: "At the porter.s lodge")/name: (de: "Kaputte Kopie", en: "Broken copy")/' "$MODS/b_broken/mod.ron"
sed -i '0,/    nodes: \[/s//    nodes: [[/' "$MODS/b_broken/pforte.ron"
mkdir -p "$MODS/c_night"
cat >"$MODS/c_night/mod.ron" <<'MOD'
(format: 1, id: "nachtdienst", name: (de: "Nachtdienst", en: "Night shift"), version: "0.1.0",
 description: (de: "Eine Nacht im Büro.", en: "A night in the office."), game: "0.1",
 scenes: ["night.ron"], start: "@night", endings: [(id: "dawn", title: (de: "Morgengrauen", en: "Dawn"))])
MOD
cat >"$MODS/c_night/night.ron" <<'SCENE'
(id: "night", title: (de: "Nacht", en: "Night"), room: "chief_office", cast: ["vladi"], nodes: [
    Line(id: "awake", speaker: "vladi", text: (de: "Noch wach.", en: "Still awake.")),
    End(id: "over", ending: "dawn"),
])
SCENE
play mods --lang en --mods "$MODS"
shoot mods-title 6
WINDOW=$(xdotool search --name '^Famulant$' | head -1)
xdotool windowfocus "$WINDOW"
xdotool key --delay 400 --window "$WINDOW" Down Down Down Return
shoot mods-screen 2
grep -q "mod \`pforte\` laid on" "$OUT/mods.log" || { echo "the example mod was not laid on"; cat "$OUT/mods.log"; exit 1; }
grep -q "b_broken/pforte.ron:9:13: error" "$OUT/mods.log" || { echo "the broken mod's error is missing"; cat "$OUT/mods.log"; exit 1; }
grep -q "mod \`nachtdienst\` laid on" "$OUT/mods.log" || { echo "the story mod was not laid on"; cat "$OUT/mods.log"; exit 1; }
kill "$GAME"; wait "$GAME" 2>/dev/null || true
play modded-scene --lang de --mods "$MODS" --autostart --start @pforte
shoot modded-scene 8
kill "$GAME"; wait "$GAME" 2>/dev/null || true

play first-line --lang de --autostart
shoot first-line 12
# A click goes on to the next line, a character's, typed out in turn.
xdotool mousemove 640 600 click 1
shoot next-line 8
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# F5 saves the game a line into the scene (not where the autosave at its
# start is); closed and started again, the title's first button is
# Continue, Enter takes it, and the same line is on screen: the dialogue
# box's text matches the picture taken when it was saved.
play quicksave --lang de --autostart --start @ch1_meeting
shoot quicksave 10
WINDOW=$(xdotool search --name '^Famulant$' | head -1)
xdotool windowfocus "$WINDOW"
xdotool key --window "$WINDOW" space; sleep 0.4
xdotool key --window "$WINDOW" space; sleep 6
xdotool key --window "$WINDOW" F5
SAVE="$XDG_DATA_HOME/famulant/saves/quick.ron"
for _ in $(seq 40); do [ -s "$SAVE" ] && break; sleep 0.25; done
[ -s "$SAVE" ] || { echo "F5 wrote no quicksave"; cat "$OUT/quicksave.log"; exit 1; }
echo "quicksave: $(wc -c <"$SAVE") bytes"
shoot saved 1
kill "$GAME"; wait "$GAME" 2>/dev/null || true
play continue --lang de
shoot continue-title 6
WINDOW=$(xdotool search --name '^Famulant$' | head -1)
xdotool windowfocus "$WINDOW"
xdotool key --window "$WINDOW" Return
shoot continued 8
# The dialogue box: 1100×190 at the bottom centre, 24 px above the edge.
BOX=1060x150+110+526
changed=$(compare -metric AE -fuzz 12% -crop "$BOX" "$OUT/saved.png" "$OUT/continued.png" null: 2>&1 || true)
changed="${changed%% *}"
echo "continue: $changed pixels of the dialogue box differ from when it was saved"
if ! [[ "$changed" =~ ^[0-9]+$ ]] || [ "$changed" -gt 1500 ]; then
    echo "Continue did not bring back the line that was saved"
    exit 1
fi
# The menu's pages by keyboard: the pause menu's Load (third), its
# Settings (fourth), and the history on Page Up.
xdotool key --delay 400 --window "$WINDOW" Escape Down Down Return
shoot load-page 1.5
xdotool key --delay 400 --window "$WINDOW" Escape Down Return
shoot settings-page 1.5
xdotool key --delay 400 --window "$WINDOW" Escape Escape Prior
shoot history-page 1.5
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# The emergency department, where the patient monitor is at the bed. Two
# pictures a second apart must differ in the traces: they move.
play monitor --lang en --autostart --start @ch2_emergency
shoot monitor 12
sleep 1
import -window root "$OUT/monitor-later.png"
moved=$(compare -metric AE -crop 340x140+716+90 "$OUT/monitor.png" "$OUT/monitor-later.png" null: 2>&1 || true)
echo "traces: $moved pixels changed in a second"
moved="${moved%% *}"
if ! [[ "$moved" =~ ^[0-9]+$ ]] || [ "$moved" -lt 200 ]; then
    echo "the monitor's traces do not move"
    exit 1
fi
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# Induction of a patient nobody has filled up (the scene begun at the
# induction, she as she arrived): her pressure falls, the alarm flashes
# and Brandt's interrupt breaks into the running phase.
play alarm --lang en --autostart --seed 1 --start @ch3_theatre.t_induction
shoot alarm 10
grep -q "interrupts the story" "$OUT/alarm.log" || { echo "no interrupt; log:"; cat "$OUT/alarm.log"; exit 1; }
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# The operating room with its team, the monitor and the dispute's running
# countdown; then a phase under way with the operation's checklist.
play theatre --lang de --autostart --start @ch3_theatre.t_dispute
shoot theatre 3
kill "$GAME"; wait "$GAME" 2>/dev/null || true
play theatre-phase --lang en --autostart --start @ch3_theatre.t_debride_radical
shoot theatre-phase 4
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# A room drawn from rooms.ron, redrawn when the file changes: the doctors'
# room from a copy of the scenes, then its whiteboard painted yellow.
rm -rf "$OUT/scenes" "$OUT/assets"
cp -r "$ROOT/scenes" "$OUT/scenes"
mkdir -p "$OUT/assets"
cp -r "$ROOT/assets/art" "$OUT/assets/art"
launch reload-before --scenes "$OUT/scenes" --lang de --autostart --start @ch1_meeting
shoot reload-before 8
sed -i 's/(name: "whiteboard", shape: Rect(384, 214), at: (120, 170), color: "#fbfbf8"/(name: "whiteboard", shape: Rect(384, 214), at: (120, 170), color: "#f2d600"/' "$OUT/scenes/rooms.ron"
grep -q '#f2d600' "$OUT/scenes/rooms.ron" || { echo "the whiteboard was not found in rooms.ron"; exit 1; }
await_change reload-before reload-after 360x70+580+88 12000 "the whiteboard, after rooms.ron was edited,"
# A picture redrawn when its SVG changes: the window's morning sky turns red.
sed -i 's/stop-color="#b7d3e3"/stop-color="#e05050"/' "$OUT/assets/art/window_morning.svg"
grep -q '#e05050' "$OUT/assets/art/window_morning.svg" || { echo "the sky was not found in window_morning.svg"; exit 1; }
await_change reload-after reload-picture 150x60+230+60 4000 "the window's sky, after its SVG was edited,"
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# Every room with a cast: a small story with one scene a room, each shot
# as ROOM_ID.png.
ROOMS=(
    "chief_office:roland,ward_nurse"
    "entrance:vladi,ward_nurse"
    "staff_room:roland,vladi,senior,anaesthetist,scrub_nurse,ward_nurse"
    "corridor:roland,vladi,scrub_nurse"
    "emergency:roland,vladi,bram,er_nurse"
    "patient_room:bram,roland,vladi,daughter"
    "scrub_room:roland,vladi,scrub_nurse"
    "operating_room:bram,roland,vladi,anaesthetist,scrub_nurse,senior"
    "icu:bram,roland,vladi"
)
# Stories beside an assets folder of their own, as the game's scenes are.
story_folder() {
    rm -rf "$1"
    mkdir -p "$1/scenes" "$1/assets"
    cp "$ROOT/scenes/characters.ron" "$ROOT/scenes/rooms.ron" "$1/scenes/"
    cp -r "$ROOT/assets/art" "$1/assets/art"
}
story_folder "$OUT/rooms-story"
STORY="$OUT/rooms-story/scenes"
files=""
for i in "${!ROOMS[@]}"; do
    room="${ROOMS[$i]%%:*}"
    cast="${ROOMS[$i]#*:}"
    first="${cast%%,*}"
    if [ $((i + 1)) -lt ${#ROOMS[@]} ]; then
        next="${ROOMS[$((i + 1))]%%:*}"
        last="Line(id: \"go\", text: (de: \"…\", en: \"…\"), next: \"@view_$next\"),"
    else
        last="End(id: \"go\", ending: \"seen\"),"
    fi
    cat >"$STORY/view_$room.ron" <<SCENE
(
    id: "view_$room",
    title: (de: "$room", en: "$room"),
    room: "$room",
    cast: ["${cast//,/\", \"}"],
    nodes: [
        Line(id: "look", speaker: "$first", text: (de: "Ein Blick in den Raum.", en: "A look at the room.")),
        $last
    ],
)
SCENE
    files="$files\"view_$room.ron\", "
done
echo "(format: 1, start: \"@view_${ROOMS[0]%%:*}\", scenes: [$files])" >"$STORY/index.ron"
"$BIN" check "$STORY" || { echo "the rooms story does not check"; exit 1; }
for entry in "${ROOMS[@]}"; do
    room="${entry%%:*}"
    launch "$room" --scenes "$STORY" --lang de --autostart --start "@view_$room"
    shoot "$room" 5
    kill "$GAME"; wait "$GAME" 2>/dev/null || true
done

# The case review after an ending: a small story gives Frau Bram an hour
# without antibiotics, fluids, norepinephrine and her operation, and ends;
# Enter on the end box opens the review, whose chart has her course.
story_folder "$OUT/review-story"
REVIEW_STORY="$OUT/review-story/scenes"
echo '(format: 1, start: "@case", scenes: ["case.ron"], review: "review.ron", endings: [(id: "operated", title: (de: "Operiert", en: "Operated on"))])' >"$REVIEW_STORY/index.ron"
cat >"$REVIEW_STORY/case.ron" <<'SCENE'
(
    id: "case",
    title: (de: "Schockraum", en: "Resus"),
    room: "emergency",
    cast: ["roland", "vladi", "bram"],
    monitor: "bedside",
    nodes: [
        Line(id: "arrive", speaker: "roland", text: (de: "Wir warten aufs Labor.", en: "We'll wait for the lab.")),
        Effects(id: "course", effects: [
            Order(BloodCultures), Order(Lactate(point_of_care: false)), Wait(70),
            Order(Antibiotics(adequate: true)), Order(Crystalloid(ml: 1950, over_min: 60)), Wait(60),
            Order(Norepinephrine(dose: 0.1)), Wait(100),
            Order(Induction), Order(Incision), Order(Debridement(extent: Radical)), Wait(240),
            Order(Lactate(point_of_care: true)), Wait(30),
        ]),
        Line(id: "after", speaker: "roland", text: (de: "Sie hat es geschafft.", en: "She made it.")),
        End(id: "end", ending: "operated"),
    ],
)
SCENE
cat >"$REVIEW_STORY/review.ron" <<'REVIEW'
(
    speaker: "roland",
    findings: [(finding: "antibiotics_late", remarks: [(text: (de: "Das Antibiotikum kam zu spät.", en: "The antibiotic came too late."))])],
    endings: [(ending: "operated", remarks: [(text: (de: "Sie hat es geschafft.", en: "She made it."))])],
)
REVIEW
"$BIN" check "$REVIEW_STORY" || { echo "the review story does not check"; exit 1; }
launch review-end --scenes "$REVIEW_STORY" --lang de --autostart
shoot review-start 8
WINDOW=$(xdotool search --name '^Famulant$' | head -1)
xdotool windowfocus "$WINDOW"
for _ in 1 2 3 4; do xdotool key --window "$WINDOW" space; sleep 0.5; done
shoot review-end 1
xdotool key --window "$WINDOW" Return
shoot case-review 2
# The review's chart (dark, below the heading) is drawn over the title
# screen's night blue: its lines make many colours in it.
chart=$(convert "$OUT/case-review.png" -crop 1200x200+40+140 +repage -format '%k' info:)
echo "case-review.png: $chart colours in the chart"
[ "$chart" -ge 64 ] || { echo "the case review shows no chart"; exit 1; }
kill "$GAME"; wait "$GAME" 2>/dev/null || true

# The overlay at other window sizes, on a larger screen: the window resized
# to 1920×1080 and to 1024×768 keeps the dialogue box at the bottom centre
# (dark panel at 88 % of the height) over the room (light wall at 35 %).
start_xvfb "$OUT" xvfb-large 1920x1080
LARGE=$XVFB_PID
LARGE_DISPLAY="$XVFB_DISPLAY"
brightness() { # FILE X Y -> 0..255, the mean of the pixel's channels
    convert "$1" -crop "1x1+$2+$3" +repage -format "%[fx:int(255*mean)]" info: 2>/dev/null || echo -1
}
for size in 1920x1080 1024x768; do
    width="${size%x*}"
    height="${size#*x}"
    DISPLAY="$LARGE_DISPLAY" play "size-$size" --lang de --autostart
    DISPLAY="$LARGE_DISPLAY" await_window
    WINDOW=$(DISPLAY="$LARGE_DISPLAY" xdotool search --name '^Famulant$' | head -1)
    [ -n "$WINDOW" ] || { echo "no window at $size"; cat "$OUT/size-$size.log"; exit 1; }
    DISPLAY="$LARGE_DISPLAY" xdotool windowsize "$WINDOW" "$width" "$height"
    sleep 6
    DISPLAY="$LARGE_DISPLAY" import -window "$WINDOW" "$OUT/size-$size.png"
    kill "$GAME"; wait "$GAME" 2>/dev/null || true
    shot=$(identify -format '%wx%h' "$OUT/size-$size.png")
    panel=$(brightness "$OUT/size-$size.png" $((width / 2)) $((height * 88 / 100)))
    wall=$(brightness "$OUT/size-$size.png" $((width / 2)) $((height * 35 / 100)))
    echo "size-$size.png: $shot, dialogue box $panel, room $wall"
    if [ "$shot" != "$size" ] || [ "$panel" -lt 0 ] || [ "$panel" -gt 70 ] || [ "$wall" -lt 110 ]; then
        echo "the overlay does not fit a $size window"
        exit 1
    fi
done
kill "$LARGE" 2>/dev/null || true

grep -h "first frame" "$OUT"/*.log || true
GAME=""
echo "screenshots in $OUT"
