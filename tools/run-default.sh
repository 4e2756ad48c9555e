#!/usr/bin/env bash
# `make run`: opens the first mail in the window when a display is there (DISPLAY or
# WAYLAND_DISPLAY set, and the window opens); otherwise narrates it in the terminal. Both speak
# French when the environment is French (LANG=fr_FR.UTF-8).
set -euo pipefail
build_dir=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
scenario="$here/scenarios/library/first-mail.yaml"
gui="$build_dir/ui/gui/mailsim-gui"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$gui" ]; then
  status=0
  "$gui" "$scenario" || status=$?
  # 4: no window could be opened (an unreachable display); anything else is the window's answer.
  [ "$status" -eq 4 ] || exit "$status"
  echo "run: no window could be opened; the story follows in the terminal" >&2
fi
exec "$build_dir/ui/cli/mailsim" run "$scenario"
