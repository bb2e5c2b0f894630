#!/usr/bin/env bash
# Lighthouse scores of the home and timeline pages: a fresh build of the project's seeds, served
# on 127.0.0.1, audited by Lighthouse from npm in Debian's chromium. Prints, per page, the four
# category scores (performance, accessibility, best practices, SEO). Nothing here asserts.
#
#     benchmarks/lighthouse.sh              # Lighthouse's default: a throttled phone
#     benchmarks/lighthouse.sh --desktop    # the desktop preset
#
# Lighthouse and its reports go to benchmarks/out/ (ignored by git). Needs node >= 18 and npm.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/benchmarks/out/lighthouse
LIGHTHOUSE_VERSION=12.8.2  # the last major release that runs on Debian's node 20
PRESET=()
[[ ${1:-} == --desktop ]] && PRESET=(--preset=desktop)

mkdir -p "$OUT"
if [[ ! -x $OUT/node_modules/.bin/lighthouse ]]; then
  echo "Installing lighthouse@$LIGHTHOUSE_VERSION into $OUT ..." >&2
  npm install --prefix "$OUT" --no-save --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi

PYTHON=$ROOT/.venv/bin/python
[[ -x $PYTHON ]] || { echo "No .venv yet: run 'python3 -m build_scripts build' once first." >&2; exit 1; }
SITE=$OUT/site
(cd "$ROOT" && NO_MKDOCS_2_WARNING=1 "$PYTHON" -m mkdocs build --strict --quiet --site-dir "$SITE")

# The standard library's server, gzipping text as any real host (GitHub Pages too) does: without
# it Lighthouse measures a transfer no reader would see. It listens on a free port, written to $OUT/port.
rm -f "$OUT/port"
"$PYTHON" - "$SITE" "$OUT/port" >/dev/null 2>&1 <<'PY' &
import gzip, sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

class GzipHandler(SimpleHTTPRequestHandler):
    def do_GET(self):
        path = self.translate_path(self.path)
        if path.endswith("/"):
            path += "index.html"
        try:
            with open(path, "rb") as file:
                content = file.read()
        except OSError:
            return super().do_GET()
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and path.endswith(
            (".html", ".css", ".js", ".json", ".xml", ".svg"))
        body = gzip.compress(content, mtime=0) if compress else content
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        self.wfile.write(body)

server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=sys.argv[1]))
with open(sys.argv[2], "w") as port_file:
    port_file.write(str(server.server_address[1]))
server.serve_forever()
PY
SERVER=$!
trap 'kill "$SERVER"' EXIT
for _ in $(seq 50); do
  [[ -s $OUT/port ]] && break
  sleep 0.1
done
PORT=$(cat "$OUT/port")

for page in "" timeline/; do
  report=$OUT/report-${page%/}.json
  CHROME_PATH=/usr/bin/chromium "$OUT/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT/$page" \
    --quiet --output=json --output-path="$report" "${PRESET[@]}" \
    --only-categories=performance,accessibility,best-practices,seo \
    --chrome-flags="--no-sandbox --headless=new --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"
  "$PYTHON" - "$report" "/$page" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
scores = "  ".join(f"{name} {category['score']:.2f}" for name, category in report["categories"].items())
print(f"{sys.argv[2]:<12} {scores}")
for category in report["categories"].values():
    for ref in category["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {category['title']}: {audit['title']} ({audit['score']:.2f})")
PY
done
