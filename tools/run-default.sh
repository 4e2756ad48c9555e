#!/usr/bin/env bash
# `make run`: opens the default scenario. Until the command line and the window exist,
# it runs the built-in kernel demonstration and prints its trace.
set -euo pipefail
build_dir=${1:-build}
exec "$build_dir/ui/demo/mailsim-demo"
