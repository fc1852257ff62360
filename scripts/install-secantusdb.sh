#!/usr/bin/env bash
# Installs SecantusDB (PyPI `secantusdb`, a MongoDB-compatible server on WiredTiger, GPL) into a
# virtual environment under .cache/secantusdb, for machines where no mongod can be downloaded.
# It runs as a separate process (server/embedded-db.ts starts it); nothing of it is linked in.
# A second run with the same pinned version does nothing.
set -euo pipefail
VERSION="${SECANTUSDB_VERSION:-0.7.0b3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.cache/secantusdb"
BIN="$VENV/bin/secantusd-py"
if [ -x "$BIN" ] && [ "$(cat "$VENV/onetrip-version" 2>/dev/null)" = "$VERSION" ]; then
  echo "secantusdb $VERSION already installed at $BIN"; exit 0
fi
PYTHON="${PYTHON:-}"
for candidate in python3.13 python3.12 python3.11 python3.10 python3; do
  [ -n "$PYTHON" ] && break
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 10) else 1)' 2>/dev/null; then
    PYTHON="$candidate"
  fi
done
[ -n "$PYTHON" ] || { echo "SecantusDB needs Python >= 3.10 with venv (apt-get install python3 python3-venv), or set MONGODB_URI" >&2; exit 1; }
rm -rf "$VENV"
"$PYTHON" -m venv "$VENV"
"$VENV/bin/pip" install --quiet --disable-pip-version-check "secantusdb==$VERSION"
echo "$VERSION" > "$VENV/onetrip-version"
echo "installed secantusdb $VERSION at $BIN"
