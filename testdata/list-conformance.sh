#!/bin/sh
# Lists the Go 1.19 `// run` tests the conformance harness selects (one path
# per line, relative to /usr/share/go-1.19/test) and prints their count.
cd "$(dirname "$0")/.." || exit 1
GORC_CONFORMANCE_LIST=1 cargo test --release --quiet --test conformance -- --nocapture conformance 2>&1 |
  grep -E '\.go$|tests selected'
