#!/usr/bin/env bash
# Headless-browser check of the HTML data dictionary.
#
#   scripts/docs-screenshot.sh PAGE.html TABLES [SCREENSHOT.png]
#
# TABLES is either a text file with one qualified table name per line, or a
# model snapshot from `oeedb model export` (JSON). The script
#   1. installs Debian's chromium when it is missing (needs root and apt),
#   2. takes a 1400x2000 screenshot of the page and checks it is not blank
#      (decodes the PNG with zlib: distinct colours, share of non-background pixels),
#   3. dumps the DOM after the page's script ran and checks every table is shown,
#      that the script ran, and that the search box filters (page.html?q=NAME).
#
#   scripts/docs-screenshot.sh DIAGRAM.svg [SCREENSHOT.png]
#
# checks an ER diagram instead: takes a screenshot of it, and measures every
# label as Chromium lays it out with the fonts it finds (run it under a
# FONTCONFIG_FILE without DejaVu Sans to see what a viewer without the font
# sees); fails when two labels overlap or a label sticks out of its table.
# Exit status: 0 all checks passed, 1 a check failed, 2 bad usage or no browser.
set -euo pipefail

page=${1:-}; tables=${2:-}; png=${3:-}
if [[ "$page" == *.svg ]]; then png=${2:-}; tables=$page; fi
if [ -z "$page" ] || [ -z "$tables" ] || [ ! -f "$page" ] || [ ! -f "$tables" ]; then
    echo "usage: $0 PAGE.html TABLES(.txt|.json) [SCREENSHOT.png]" >&2
    echo "       $0 DIAGRAM.svg [SCREENSHOT.png]" >&2
    exit 2
fi
page=$(cd "$(dirname "$page")" && pwd)/$(basename "$page")
work=$(mktemp -d /tmp/oeedb-docs-browser.XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -n "$png" ] || png="$work/screenshot.png"

browser=""
for b in chromium chromium-browser google-chrome; do
    if command -v "$b" >/dev/null 2>&1; then browser=$(command -v "$b"); break; fi
done
if [ -z "$browser" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "docs-screenshot: installing chromium (apt-get install -y chromium)"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
        browser=$(command -v chromium || true)
    fi
fi
if [ -z "$browser" ]; then
    echo "docs-screenshot: no chromium found and cannot install it (run as root: apt-get install -y chromium)" >&2
    exit 2
fi

run_browser() {
    # A fresh profile per run; stderr is noisy (dbus, GPU) and only shown on failure.
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
        --hide-scrollbars --user-data-dir="$work/profile-$1" "${@:2}" 2>"$work/browser-$1.log"
}

if [[ "$page" == *.svg ]]; then
    # The SVG inline in a page whose script measures each label (getBBox of a
    # text is its width in the font actually used) and writes what it found.
    python3 - "$page" "$work/diagram.html" <<'PY' >"$work/size.txt"
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
svg = svg[svg.index("<svg"):]
m = re.search(r'<svg width="(\d+)pt" height="(\d+)pt"', svg)
print(int(int(m.group(1)) * 4 / 3) + 20, int(int(m.group(2)) * 4 / 3) + 20)
script = r"""<script>
const problems = [], texts = [...document.querySelectorAll('svg text')];
const box = e => { const b = e.getBoundingClientRect(); return {l: b.left, r: b.right, t: b.top, b: b.bottom}; };
const boxes = texts.map(box);
for (let i = 0; i < texts.length; i++) {
  for (let j = i + 1; j < texts.length; j++) {
    const a = boxes[i], b = boxes[j];
    const dx = Math.min(a.r, b.r) - Math.max(a.l, b.l), dy = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    if (dx > 0.5 && dy > 0.4 * Math.min(a.b - a.t, b.b - b.t)) problems.push(`overlap: '${texts[i].textContent}' and '${texts[j].textContent}' by ${dx.toFixed(1)}px`);
  }
  const node = texts[i].closest('g.node'), frame = node && node.querySelector('polygon, path');
  if (frame) { const f = box(frame), a = boxes[i];
    if (a.r > f.r + 0.5 || a.l < f.l - 0.5) problems.push(`outside its table: '${texts[i].textContent}' by ${Math.max(a.r - f.r, f.l - a.l).toFixed(1)}px`); }
}
const out = document.createElement('pre'); out.id = 'result';
out.textContent = `labels: ${texts.length}; problems: ${problems.length}\n` + problems.join("\n");
document.body.appendChild(out);
</script>"""
open(sys.argv[2], "w", encoding="utf-8").write(f"<!doctype html><meta charset=utf-8><body style=margin:0>{svg}{script}</body>")
PY
    read -r w h <"$work/size.txt"
    [ -n "$png" ] || png="$work/screenshot.png"
    run_browser shot --screenshot="$png" --window-size="$w,$((h + 400))" "file://$work/diagram.html" >/dev/null \
        || { tail -n 20 "$work/browser-shot.log" >&2; exit 1; }
    run_browser dom --dump-dom "file://$work/diagram.html" >"$work/dom.html" || { tail -n 20 "$work/browser-dom.log" >&2; exit 1; }
    result=$(python3 -c 'import html, re, sys; m = re.search(r"<pre id=\"result\">(.*?)</pre>", open(sys.argv[1], encoding="utf-8").read(), re.S); print(html.unescape(m.group(1)) if m else "the page script did not run")' "$work/dom.html")
    font=$(fc-match -f '%{family[0]}' 'DejaVu Sans' 2>/dev/null || echo '?')
    [ "$font" = "DejaVu Sans" ] || font="not installed, the browser falls back (fontconfig's best match: $font)"
    echo "$(basename "$page"): ${result%%$'\n'*} (DejaVu Sans: $font)"
    if [[ "$result" != *"problems: 0"* ]]; then
        echo "$result" | tail -n +2 | head -n 20 | sed 's/^/FAILED: /' >&2
        exit 1
    fi
    echo "docs-screenshot: ok ($png)"
    exit 0
fi

if ! run_browser shot --screenshot="$png" --window-size=1400,2000 "file://$page" >/dev/null || [ ! -s "$png" ]; then
    echo "docs-screenshot: chromium could not take the screenshot:" >&2
    tail -n 20 "$work/browser-shot.log" >&2
    exit 1
fi
run_browser dom --dump-dom "file://$page" >"$work/dom.html" || { tail -n 20 "$work/browser-dom.log" >&2; exit 1; }

# The search filter: ask for the last table by name; it must stay visible, others hide.
python3 - "$tables" >"$work/tables.txt" <<'PY'
import json, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
if text.lstrip().startswith("{"):
    db = json.loads(text)["database"]
    names = [f'{s["name"]}.{t["name"]}' for s in db.get("schemas", []) for t in s.get("tables", [])]
else:
    names = [l.strip() for l in text.splitlines() if l.strip()]
print("\n".join(names))
PY
query=$(tail -n 1 "$work/tables.txt")
run_browser search --dump-dom "file://$page?q=$query" >"$work/search.html" || { tail -n 20 "$work/browser-search.log" >&2; exit 1; }

python3 - "$png" "$work/dom.html" "$work/search.html" "$work/tables.txt" "$query" <<'PY'
import struct, sys, zlib
from html.parser import HTMLParser

png_path, dom_path, search_path, tables_path, query = sys.argv[1:6]
failures = []

def decode_png(path):
    """Width, height, channels and rows of pixel bytes of an 8-bit non-interlaced PNG."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or interlace != 0 or colour not in (2, 6):
        raise ValueError(f"unsupported PNG (depth {depth}, colour type {colour}, interlace {interlace})")
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 1:
            for i in range(bpp, stride): line[i] = (line[i] + line[i - bpp]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + prev[i]) >> 1)) & 255
        elif f == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, bpp, rows

try:
    width, height, bpp, rows = decode_png(png_path)
    colours, counts = set(), {}
    for y in range(0, height, 4):          # every 4th row and column is plenty to tell blank from not
        line = rows[y]
        for x in range(0, width, 4):
            px = bytes(line[x * bpp:x * bpp + 3])
            colours.add(px)
            counts[px] = counts.get(px, 0) + 1
    sampled = sum(counts.values())
    background = max(counts.values()) / sampled
    print(f"screenshot: {width}x{height}, {len(colours)} distinct colours sampled, {100 * (1 - background):.1f} % non-background")
    if len(colours) < 16 or background > 0.985:
        failures.append("the screenshot looks blank")
except Exception as e:  # noqa: BLE001 - any decoding problem is a failed check
    failures.append(f"cannot read the screenshot: {e}")

class Articles(HTMLParser):
    def __init__(self):
        super().__init__()
        self.shown, self.hidden, self.count, self._in_count = [], [], "", False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "tbl" in (a.get("class") or "").split():
            (self.hidden if "hidden" in a else self.shown).append(a.get("id"))
        self._in_count = a.get("id") == "count"
    def handle_data(self, data):
        if self._in_count: self.count += data
    def handle_endtag(self, tag):
        self._in_count = False

tables = [l.strip() for l in open(tables_path, encoding="utf-8") if l.strip()]
dom = Articles(); dom.feed(open(dom_path, encoding="utf-8").read())
missing = [t for t in tables if t not in dom.shown]
print(f"DOM: {len(tables) - len(missing)}/{len(tables)} tables of the model shown; index says '{dom.count.strip()}'")
if missing:
    failures.append("tables not shown: " + ", ".join(missing))
if "press / to search" not in dom.count:
    failures.append("the page's script did not run (the table count was not updated)")

search = Articles(); search.feed(open(search_path, encoding="utf-8").read())
print(f"search '{query}': {len(search.shown)} of {len(search.shown) + len(search.hidden)} tables shown")
if query not in search.shown:
    failures.append(f"searching '{query}' hides that table")
if len(tables) > 1 and not search.hidden:
    failures.append(f"searching '{query}' hides no table")

for f in failures:
    print("FAILED: " + f, file=sys.stderr)
sys.exit(1 if failures else 0)
PY
status=$?
[ "$status" -eq 0 ] && echo "docs-screenshot: ok ($png)"
exit $status
