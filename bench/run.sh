#!/usr/bin/env bash
# Benchmarks gorc against gc (and gccgo when installed), in one run, as whole-process medians.
# Usage: bench/run.sh [RUNS]   (needs a release build: cargo build --release)
# BENCH_ONLY=substr runs only the programs whose name contains substr (e.g. BENCH_ONLY=cgo).
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
gorc=$(pwd)/../target/release/gorc
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

# One row: name, then the three executables (a missing one prints as -).
row() {
  name=$1
  t_gorc=-; t_gc=-; t_gccgo=-; ratio=-; mem=-
  [ -x "$work/$name.gorc" ] && t_gorc=$(time_it "$work/$name.gorc")
  [ -x "$work/$name.gc" ] && t_gc=$(time_it "$work/$name.gc")
  [ -x "$work/$name.gccgo" ] && t_gccgo=$(time_it "$work/$name.gccgo")
  if [ "$t_gorc" != - ] && [ "$t_gc" != - ]; then
    ratio=$(awk -v a="$t_gorc" -v b="$t_gc" 'BEGIN { printf "%.2f", a / b }')
    mem="$(rss_it "$work/$name.gorc")/$(rss_it "$work/$name.gc")"
  fi
  printf '%-12s %10s %10s %10s %8s %12s\n' "$name" "$t_gorc" "$t_gc" "$t_gccgo" "$ratio" "$mem"
}

printf '%-12s %10s %10s %10s %8s %12s\n' program gorc gc gccgo gorc/gc 'MiB gorc/gc'
only=${BENCH_ONLY:-}
for prog in *.go; do
  name=${prog%.go}
  case $name in *"$only"*) ;; *) continue ;; esac
  $gorc build -o "$work/$name.gorc" "$prog"
  go build -o "$work/$name.gc" "$prog"
  if command -v gccgo >/dev/null; then
    gccgo -O2 -o "$work/$name.gccgo" "$prog" || true
  fi
  row "$name"
done

# cgo programs: one module per directory (main.go and its C files), built with
# `build -o EXE .` inside it; gccgo through `go build -compiler gccgo`. A compiler that
# cannot build one yet gets a - in its column.
for dir in */; do
  name=${dir%/}
  [ -f "$name/go.mod" ] || continue
  case $name in *"$only"*) ;; *) continue ;; esac
  (cd "$name" && $gorc build -o "$work/$name.gorc" .) || echo "gorc could not build $name" >&2
  (cd "$name" && go build -o "$work/$name.gc" .)
  if command -v gccgo >/dev/null; then
    (cd "$name" && go build -compiler gccgo -gccgoflags=-O2 -o "$work/$name.gccgo" .) || true
  fi
  row "$name"
done
