#!/usr/bin/env bash
# The window opens on an X server it is the only client of: a private Xvfb (display number
# chosen by the server, -displayfd, so no other test's server is met), started without
# -noreset as xvfb-run starts it. The display check's connection closing used to make that
# server reset while SFML opened its own, which then aborted ("Failed to open X11 display"):
# 7 captures in 8 failed under load. Each capture must now succeed.
#   fresh_xvfb_test.sh MAILSIM_GUI SCENARIO RUNS
set -uo pipefail
gui=$1 scenario=$2 runs=$3
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null; rm -rf "$dir"' EXIT
Xvfb -displayfd 5 -screen 0 1280x720x24 -nolisten tcp 5>"$dir/display" 2>"$dir/xvfb.log" &
server=$!
for _ in $(seq 300); do [ -s "$dir/display" ] && break; sleep 0.1; done
[ -s "$dir/display" ] || { echo "Xvfb did not start:"; cat "$dir/xvfb.log"; exit 1; }
display=:$(cat "$dir/display")
failed=0
for i in $(seq "$runs"); do
  if ! DISPLAY=$display "$gui" "$scenario" --until 1s --screenshot "$dir/$i.png" >"$dir/out" 2>&1 ||
     [ ! -s "$dir/$i.png" ]; then
    failed=$((failed + 1))
    echo "capture $i failed:"; cat "$dir/out"
  fi
done
echo "$failed of $runs captures failed"
[ "$failed" -eq 0 ]
