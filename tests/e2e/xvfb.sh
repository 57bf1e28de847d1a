# Sourced by the scripts that need a real window: starts a private X server
# with Mesa's software Vulkan, on a display Xvfb picks itself.
#
#   start_xvfb DIR NAME WIDTHxHEIGHT
#
# writes DIR/NAME.log and sets XVFB_PID and XVFB_DISPLAY (":N"); fails when
# the server does not come up. The server runs with -noreset: without it,
# Xvfb starts over whenever its last client leaves, and a game launched in
# that moment cannot open the display.
#
#   display_failed LOG
#
# tells whether the program that wrote LOG died because it could not open
# the display, the one failure worth a second launch.
export WGPU_ADAPTER_NAME=llvmpipe
export WGPU_BACKEND=vulkan

start_xvfb() {
    local dir="$1" name="$2" size="$3"
    rm -f "$dir/$name.display"
    # Xvfb writes the number of the free display it took to fd 3.
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp -noreset 3>"$dir/$name.display" >"$dir/$name.log" 2>&1 &
    XVFB_PID=$!
    for _ in $(seq 100); do [ -s "$dir/$name.display" ] && break; sleep 0.1; done
    [ -s "$dir/$name.display" ] || { echo "Xvfb did not start"; cat "$dir/$name.log"; return 1; }
    XVFB_DISPLAY=":$(head -1 "$dir/$name.display")"
    for _ in $(seq 50); do DISPLAY="$XVFB_DISPLAY" xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
}

display_failed() {
    grep -q -E "XOpenDisplayFailed|Failed to build event loop" "$1" 2>/dev/null
}
