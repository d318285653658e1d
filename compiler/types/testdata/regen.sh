#!/bin/sh
# Regenerates the expected diagnostics (*.out) of testdata/errors/*.go with gc (Go 1.19):
# `go build` output, minus the `# command-line-arguments` header.
cd "$(dirname "$0")/errors" || exit 1
for f in *.go; do
	n=${f%.go}
	d=$(mktemp -d)
	cp "$f" "$d/x.go"
	(cd "$d" && go build -o "$d/x.bin" x.go 2>&1 | grep -v '^#' > "$OLDPWD/$n.out")
	rm -rf "$d"
done
