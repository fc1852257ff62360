#!/usr/bin/env bash
# Builds FerretDB v1.x (SQLite backend) from the Go module proxy into .cache/ferretdb/bin.
# Why not a plain `go install …@v1.24.0`: the proxy refuses the module's version list, which
# `go install` reads for deprecation notices, and a build whose main module is FerretDB
# itself panics without build/version/version.txt. So: download the module, add that one
# file, and build from the copy. A second run reuses the binary.
set -euo pipefail
VERSION="${FERRETDB_VERSION:-v1.24.0}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/.cache/ferretdb"
BIN="$OUT/bin/ferretdb"
if [ -x "$BIN" ] && [ "$(cat "$OUT/version" 2>/dev/null)" = "$VERSION" ]; then
  echo "ferretdb $VERSION already built at $BIN"; exit 0
fi
command -v go >/dev/null || { echo "FerretDB needs Go to build: install it (apt-get install golang) or set MONGODB_URI" >&2; exit 1; }
mkdir -p "$OUT/bin"
MODDIR="$(cd "$OUT" && go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')"
[ -d "$MODDIR" ] || { echo "could not download FerretDB $VERSION from the Go module proxy" >&2; exit 1; }
rm -rf "$OUT/src" && cp -r "$MODDIR" "$OUT/src" && chmod -R u+w "$OUT/src"
echo "$VERSION" > "$OUT/src/build/version/version.txt"
(cd "$OUT/src" && go build -trimpath -o "$BIN" ./cmd/ferretdb)
rm -rf "$OUT/src"
echo "$VERSION" > "$OUT/version"
echo "built ferretdb $VERSION at $BIN"
