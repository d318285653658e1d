#!/bin/sh
# Regenerates the expected outputs of the cgo tests from Go 1.19 (gc); see
# testdata/README.md, "testdata/cgo".
#
#   testdata/gen-cgo-out.sh [-f] [DIR ...]
#
# DIR is a test directory (testdata/cgo/NAME, testdata/cgo-lib/NAME or
# testdata/cgo-errors/NAME, or a path ending in cgo/NAME etc.). Without DIRs: every
# test directory lacking its output file (-f: every test directory).
#
# * cgo/NAME: `go build -o EXE .` in the directory, then EXE run in an empty
#   directory with the first `// env:` line of main.go, stdout+stderr -> expected.out;
#   the exit status is checked against main.go's `// exitcode: N` line (default 0).
# * cgo-lib/NAME: the package built with -buildmode=c-archive (libgolib.a) and
#   -buildmode=c-shared (libgolib.so), prog/*.c compiled and linked with each, both
#   programs run; the c-archive program's output -> expected.out, and the two outputs
#   must agree and the programs exit 0.
# * cgo-errors/NAME: `go build` must fail; its output -> gc.out (for reference), and
#   every regexp of errors.txt must match a line of it (grep -P).
set -u
cd "$(dirname "$0")" || exit 1
here=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
force=
if [ "${1:-}" = "-f" ]; then force=1; shift; fi

dirs="$*"
if [ -z "$dirs" ]; then
  for d in cgo/*/ cgo-lib/*/ cgo-errors/*/; do
    d=${d%/}
    [ -d "$d" ] || continue
    case $d in cgo-errors/*) out=gc.out ;; *) out=expected.out ;; esac
    if [ -n "$force" ] || [ ! -f "$d/$out" ]; then dirs="$dirs $d"; fi
  done
fi

status=0
for d in $dirs; do
  d=${d%/}
  # Accept absolute paths and paths relative to the caller's directory.
  case $d in */cgo/*|*/cgo-lib/*|*/cgo-errors/*) d=$(echo "$d" | sed 's|.*/\(cgo[^/]*/[^/]*\)$|\1|') ;; esac
  if [ ! -d "$here/$d" ]; then echo "NO SUCH TEST: $d"; status=1; continue; fi
  rm -rf "$tmp"/*
  case $d in
  cgo/*)
    if ! (cd "$here/$d" && go build -o "$tmp/x" .); then echo "BUILD FAILED: $d"; status=1; continue; fi
    env=$(sed -n 's|^// env: *\(.*\)|\1|p' "$here/$d/main.go" | head -1)
    mkdir "$tmp/run"
    (cd "$tmp/run" && env $env ../x) > "$here/$d/expected.out" 2>&1 < /dev/null
    code=$?
    want=$(sed -n 's|^// exitcode: *\([0-9]*\).*|\1|p' "$here/$d/main.go" | head -1)
    [ -z "$want" ] && want=0
    if [ "$code" != "$want" ]; then echo "EXIT MISMATCH: $d got $code want $want"; status=1; fi
    ;;
  cgo-lib/*)
    ok=1
    for mode in archive shared; do
      if [ $mode = archive ]; then lib=libgolib.a; else lib=libgolib.so; fi
      mkdir -p "$tmp/$mode"
      if ! (cd "$here/$d" && go build -buildmode=c-$mode -o "$tmp/$mode/$lib" .); then
        echo "BUILD FAILED: $d (c-$mode)"; ok=; continue
      fi
      if ! cc -o "$tmp/$mode/prog" "$here/$d"/prog/*.c -I"$tmp/$mode" "$tmp/$mode/$lib" \
          -Wl,-rpath,"$tmp/$mode" -lpthread; then
        echo "C LINK FAILED: $d (c-$mode)"; ok=; continue
      fi
      (cd "$tmp/$mode" && ./prog) > "$tmp/$mode.out" 2>&1 < /dev/null
      code=$?
      if [ "$code" != 0 ]; then echo "EXIT STATUS $code: $d (c-$mode)"; ok=; fi
    done
    if [ -n "$ok" ]; then
      if cmp -s "$tmp/archive.out" "$tmp/shared.out"; then
        cp "$tmp/archive.out" "$here/$d/expected.out"
      else
        echo "c-archive and c-shared outputs differ: $d"; diff "$tmp/archive.out" "$tmp/shared.out"; status=1
      fi
    else
      status=1
    fi
    ;;
  cgo-errors/*)
    (cd "$here/$d" && go build -o "$tmp/x" .) > "$here/$d/gc.out" 2>&1
    code=$?
    echo "# exit status $code" >> "$here/$d/gc.out"
    if [ "$code" = 0 ]; then echo "BUILD SUCCEEDED: $d"; status=1; fi
    grep -v '^#' "$here/$d/errors.txt" | grep -v '^[[:space:]]*$' | while IFS= read -r re; do
      if ! grep -qP -- "$re" "$here/$d/gc.out"; then echo "PATTERN NOT IN gc.out: $d: $re"; fi
    done
    ;;
  *) echo "NOT A CGO TEST: $d"; status=1 ;;
  esac
done
exit $status
