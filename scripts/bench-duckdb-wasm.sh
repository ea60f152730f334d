#!/usr/bin/env bash
# Prepares the DuckDB-Wasm reference point of the browser benchmark (not a test): a page in
# target/bench/duckdb-wasm/page that runs DuckDB-Wasm (npm @duckdb/duckdb-wasm, pinned) in the
# same headless Chromium as Mailflow, with the same GROUP BY as the native DuckDB measurement.
# Its npm packages are installed under target/, apart from the project's own tools.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=target/bench/duckdb-wasm
DUCKDB_WASM=1.32.0
ESBUILD=0.28.2
if [ -f "$DIR/page/duckdb.js" ] && [ "$(cat "$DIR/page/version" 2>/dev/null)" = "$DUCKDB_WASM" ]; then exit 0; fi
mkdir -p "$DIR/tools" "$DIR/page"
npm install --prefix "$DIR/tools" --no-audit --no-fund "@duckdb/duckdb-wasm@$DUCKDB_WASM" "esbuild@$ESBUILD" >/dev/null
DIST="$DIR/tools/node_modules/@duckdb/duckdb-wasm/dist"
echo "export * from '@duckdb/duckdb-wasm';" > "$DIR/tools/entry.mjs"
"$DIR/tools/node_modules/.bin/esbuild" "$DIR/tools/entry.mjs" --bundle --format=esm --log-level=warning --outfile="$DIR/page/duckdb.js"
cp "$DIST/duckdb-eh.wasm" "$DIST/duckdb-browser-eh.worker.js" "$DIR/page/"
cat > "$DIR/page/index.html" <<'HTML'
<!doctype html><meta charset="utf-8"><title>DuckDB-Wasm reference</title><input type="file" id="file" data-testid="file">
<script type="module">import * as duckdb from './duckdb.js'; window.duckdb = duckdb; document.title = 'ready';</script>
HTML
echo "$DUCKDB_WASM" > "$DIR/page/version"
echo "[bench] DuckDB-Wasm $DUCKDB_WASM ready in $DIR/page"
