#!/bin/sh
# Regenerates testdata/modules/NAME.out from Go 1.19 (gc) for the named module directories
# (default: those without a .out): what `go build -o EXE . && EXE` prints, stdout and stderr
# combined. Checks the exit status against the `// exitcode: N` line of the module's main.go.
set -u
cd "$(dirname "$0")/modules" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dirs="$*"
if [ -z "$dirs" ]; then
  for d in */; do d=${d%/}; [ -f "$d.out" ] || dirs="$dirs $d"; done
fi
for d in $dirs; do
  d=$(basename "$d")
  if (cd "$d" && go build -o "$tmp/x" .) > "$d.out" 2>&1; then
    (cd "$d" && "$tmp/x") > "$d.out" 2>&1
    code=$?
  else
    code=1
  fi
  want=$(sed -n 's|^// exitcode: *\([0-9]*\).*|\1|p' "$d/main.go" | head -1)
  [ -z "$want" ] && want=0
  if [ "$code" != "$want" ]; then echo "EXIT MISMATCH: $d got $code want $want"; fi
done
