#!/bin/sh
# Regenerates testdata/run/X.out from Go 1.19 (gc) for the named programs
# (default: those without a .out). Output is stdout+stderr combined, exactly
# as `go run X.go 2>&1` shows it minus go run's own `exit status N` line.
# Checks that the exit status agrees with the file's `// exitcode: N` line.
set -u
cd "$(dirname "$0")/run" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files="$*"
if [ -z "$files" ]; then
  for f in *.go; do [ -f "${f%.go}.out" ] || files="$files $f"; done
fi
for f in $files; do
  f=$(basename "$f")
  if ! go build -o "$tmp/x" "$f"; then echo "BUILD FAILED: $f"; continue; fi
  # The first `// env: K=V ...` line, if any (every env line must give the same output).
  env=$(sed -n 's|^// env: *\(.*\)|\1|p' "$f" | head -1)
  (cd "$tmp" && env $env ./x) > "${f%.go}.out" 2>&1
  code=$?
  want=$(sed -n 's|^// exitcode: *\([0-9]*\).*|\1|p' "$f" | head -1)
  [ -z "$want" ] && want=0
  if [ "$code" != "$want" ]; then echo "EXIT MISMATCH: $f got $code want $want"; fi
done
