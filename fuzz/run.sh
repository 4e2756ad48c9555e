#!/usr/bin/env bash
# Runs every fuzz target (docs/security.md):
#   fuzz/run.sh BUILD_DIR time SECONDS   each target SECONDS seconds, growing BUILD_DIR/corpus/
#   fuzz/run.sh BUILD_DIR ci             each target a fixed number of runs from its seeds only,
#                                        with a fixed -seed: the same inputs on every run (CI)
# Seeds (BUILD_DIR/seeds, from fuzz/seeds.py) are read, never written. A crash, a leak, a timeout
# or a sanitizer report stops that target; its input is kept in BUILD_DIR/findings/TARGET/ and
# the script exits 1 once every target has run.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$1 mode=$2 seconds=${3:-60}

# target  dictionary  runs in CI (about 5 s each on one core of the reference machine)
targets=(
  "scenario_fuzz     scenario 1500"
  "smtp_server_fuzz  smtp     60000"
  "smtp_client_fuzz  smtp     60000"
  "imf_fuzz          imf      30000"
  "dsn_fuzz          imf      60000"
  "dns_decode_fuzz   dns      100000"
  "zone_text_fuzz    zone     60000"
  "pop3_server_fuzz  pop3     60000"
  "imap_server_fuzz  imap     30000"
  "units_fuzz        units    100000"
)

status=0
for row in "${targets[@]}"; do
  read -r target dict runs <<<"$row"
  findings=$build/findings/$target
  mkdir -p "$findings"
  if [ "$mode" = ci ]; then
    corpus=$(mktemp -d)  # what this run finds is dropped: every CI run starts from the seeds
    limit=(-runs="$runs" -seed=1)
  else
    corpus=$build/corpus/$target
    mkdir -p "$corpus"
    limit=(-max_total_time="$seconds")
  fi
  echo "=== fuzz: $target ($mode)"
  start=$SECONDS
  "$build/fuzz/$target" "${limit[@]}" -dict="$here/dict/$dict.dict" -timeout=20 \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" \
    "$corpus" "$build/seeds/$target" 2>"$build/$target.log"
  rc=$?
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$build/$target.log"
  echo "=== fuzz: $target took $((SECONDS - start)) s, exit $rc"
  if [ $rc -ne 0 ]; then
    status=1
    grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$build/$target.log" | head -20
  fi
  [ "$mode" = ci ] && rm -rf "$corpus"
done
exit $status
