#!/usr/bin/env bash
# Benchmarks gorc against gc (and gccgo when installed), in one run, as whole-process medians.
# Usage: bench/run.sh [RUNS]   (needs a release build: cargo build --release)
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
gorc=../target/release/gorc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { # prints the median wall time in seconds of running "$@"
  for _ in $(seq "$runs"); do
    /usr/bin/env TIMEFORMAT=%R bash -c 'time "$@" >/dev/null 2>&1' _ "$@" 2>&1 | tail -1
  done | median
}
rss_it() { # prints the median peak RSS in MiB of running "$@"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
  done | median | awk '{ printf "%.0f", $1 / 1024 }'
}

printf '%-10s %10s %10s %10s %8s %12s\n' program gorc gc gccgo gorc/gc 'MiB gorc/gc'
for prog in *.go; do
  name=${prog%.go}
  $gorc build -o "$work/$name.gorc" "$prog"
  go build -o "$work/$name.gc" "$prog"
  t_gorc=$(time_it "$work/$name.gorc")
  t_gc=$(time_it "$work/$name.gc")
  t_gccgo=-
  if command -v gccgo >/dev/null; then
    gccgo -O2 -o "$work/$name.gccgo" "$prog" && t_gccgo=$(time_it "$work/$name.gccgo")
  fi
  ratio=$(awk -v a="$t_gorc" -v b="$t_gc" 'BEGIN { printf "%.2f", a / b }')
  mem="$(rss_it "$work/$name.gorc")/$(rss_it "$work/$name.gc")"
  printf '%-10s %10s %10s %10s %8s %12s\n' "$name" "$t_gorc" "$t_gc" "$t_gccgo" "$ratio" "$mem"
done
