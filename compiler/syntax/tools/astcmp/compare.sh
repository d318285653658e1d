#!/bin/sh
# Parses every .go file under the given directories (default: the installed Go 1.19 tree) with
# go/parser and with gorc-syntax and compares the trees. Needs `go` and cargo.
set -e
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
dirs=${*:-/usr/share/go-1.19/src /usr/share/go-1.19/test}
find $dirs -name '*.go' -not -path '*/testdata/*' -not -path '*/typeparam/*' | sort > "$tmp/files"
(cd "$here" && go build -o "$tmp/goast_dump" goast_dump.go)
cargo build --release -q -p gorc-syntax --example dumpast
xargs "$tmp/goast_dump" < "$tmp/files" > "$tmp/go.out" 2>/dev/null || true
xargs "$(cargo metadata --format-version 1 --no-deps | sed 's/.*"target_directory":"\([^"]*\)".*/\1/')/release/examples/dumpast" < "$tmp/files" > "$tmp/rs.out" 2>/dev/null || true
python3 "$here/compare.py" "$tmp/go.out" "$tmp/rs.out"
rm -rf "$tmp"
