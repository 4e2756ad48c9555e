#!/usr/bin/env bash
# `make run`: runs the default scenario headless and narrates it, in French when the
# environment is French (LANG=fr_FR.UTF-8). The window will open instead when a display is there,
# once it exists.
set -euo pipefail
build_dir=${1:-build}
here=$(cd "$(dirname "$0")/.." && pwd)
exec "$build_dir/ui/cli/mailsim" run "$here/scenarios/library/first-mail.yaml"
