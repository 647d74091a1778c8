"""jsQR against zxing-wasm (ZXing-C++ in WebAssembly) on real-looking photos of ID exports, in
Chromium, and the median decode time of a 12 MP photo with the site's own reader.

    python scripts/bench_qr_decoders.py [--per-kind 3] [--runs 7] [--json FILE]

Each photo (tests/qr_photos.py: turned, blurred, grainy, dark-mode screenshots, small codes in
12 MP photos, perspective, low contrast; the payloads are real exports from the test vectors)
is decoded by each decoder at its own size only, and with the site's retries (the sizes of
docs/assets/js/qr-picture.mjs, RETRY_SIDES), both inversions each time. The files are served
from node_modules and docs/assets on one origin by Playwright, under the site's CSP.
Then the site's readQrPicture() reads a 4000x3000 photo `--runs` times (median), against the
same read of a 1 MP (1155x866) photo of the same code as the baseline.
Not a test: it prints a table (and writes JSON with --json); it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from qr_photos import Photo, draw, photo_set  # noqa: E402

from helpcenter.security import HEADER_POLICY  # noqa: E402

ORIGIN = "http://qr-bench.localhost"
VECTORS = ROOT / "tests" / "data" / "id-export.json"
PAGE = "<!doctype html><meta charset=utf-8><title>QR decoders</title><p>QR decoders</p>"
# Loads both decoders the way the site does (jsQR as a classic UMD file, zxing-wasm's reader
# with its .wasm from this origin) and decodes a JPEG at the given longest sides.
HARNESS_JS = """async ([jpeg, decoder, sides]) => {
  if (!window.__zxing) {
    await import("/assets/vendor/jsqr/jsQR.js");
    const zxing = await import("/assets/vendor/zxing-wasm/dist/es/reader/index.js");
    await zxing.prepareZXingModule({
      overrides: { locateFile: (path) => new URL(`/assets/vendor/zxing-wasm/dist/reader/${path}`,
                                                 location.href).href },
      fireImmediately: true,
    });
    window.__zxing = zxing;
  }
  const bytes = Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/jpeg" }));
  const own = Math.max(bitmap.width, bitmap.height);
  const started = performance.now();
  for (const side of sides === null ? [own] : [own, ...sides.filter((s) => s < own)]) {
    const scale = side / own;
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.imageSmoothingQuality = "high";
    context.drawImage(bitmap, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height);
    let text = null;
    if (decoder === "jsqr") {
      const code = jsQR(pixels.data, width, height, { inversionAttempts: "attemptBoth" });
      text = code ? code.data : null;
    } else {
      const found = await window.__zxing.readBarcodes(pixels, {
        formats: ["QRCode"], tryHarder: true, tryInvert: true, maxNumberOfSymbols: 1,
      });
      text = found.length ? found[0].text : null;
    }
    if (text && text.trim()) return { text: text.trim(), side, ms: performance.now() - started };
  }
  bitmap.close();
  return { text: null, side: null, ms: performance.now() - started };
}"""
# The site's own reader, on a File made of the JPEG: what a visitor's picture goes through.
SITE_READ_JS = """async ([jpeg]) => {
  const reader = await import("/assets/js/qr-picture.mjs");
  await reader.loadDecoder();
  const bytes = Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0));
  const file = new File([bytes], "photo.jpg", { type: "image/jpeg" });
  const started = performance.now();
  const text = await reader.readQrPicture(file);
  return { text, ms: performance.now() - started };
}"""
DECODERS = ("jsqr", "zxing-wasm")


def serve(route) -> None:
    """Answers the bench origin from node_modules and docs/assets, with the site's CSP."""
    path = route.request.url.removeprefix(ORIGIN).split("?")[0]
    headers = {"Content-Security-Policy": HEADER_POLICY}
    if path == "/":
        route.fulfill(body=PAGE, content_type="text/html", headers=headers)
        return
    if path.startswith("/assets/vendor/jsqr/"):
        file = ROOT / "node_modules" / "jsqr" / "dist" / path.rsplit("/", 1)[1]
    elif path.startswith("/assets/vendor/zxing-wasm/"):
        below = path.removeprefix("/assets/vendor/zxing-wasm/")
        file = ROOT / "node_modules" / "zxing-wasm" / below
    elif path.startswith("/assets/"):
        file = ROOT / "docs" / path.lstrip("/")
    else:
        route.fulfill(status=404, body="not here")
        return
    if not file.is_file():
        route.fulfill(status=404, body="not here")
        return
    kind = {".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}
    content_type = kind.get(file.suffix) or mimetypes.guess_type(file.name)[0] or "text/plain"
    route.fulfill(body=file.read_bytes(), content_type=content_type, headers=headers)


def retry_sides() -> list[int]:
    """RETRY_SIDES as docs/assets/js/qr-picture.mjs declares them."""
    source = (ROOT / "docs" / "assets" / "js" / "qr-picture.mjs").read_text("utf-8")
    line = next(line for line in source.splitlines() if "RETRY_SIDES =" in line)
    return json.loads(line.split("=", 1)[1].strip().rstrip(";"))


def measure(per_kind: int, runs: int, skip: int = 0) -> dict:
    import base64

    from playwright.sync_api import sync_playwright

    from helpcenter.browser import launch_options

    cases = json.loads(VECTORS.read_text("utf-8"))["cases"]
    exports = [c["input"] for c in cases if c["expect"].get("ok") and "3mid" not in c["input"]]
    photos = photo_set(exports[:6], per_kind=per_kind)[skip:]
    sides = retry_sides()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        context = browser.new_context()
        context.route(f"{ORIGIN}/**", serve)
        page = context.new_page()
        page.goto(f"{ORIGIN}/")
        per_photo = []
        for photo in photos:
            jpeg = base64.b64encode(draw(page, photo)).decode("ascii")
            row: dict = {"kind": photo.kind, "width": photo.width, "side": photo.side}
            for decoder in DECODERS:
                # One pass down the ladder tells both: read at its own size, or only after.
                got = page.evaluate(HARNESS_JS, [jpeg, decoder, sides])
                read = got["text"] == photo.text
                row[f"{decoder}/own"] = read and got["side"] == max(photo.width, photo.height)
                row[f"{decoder}/retries"] = read
                row[f"{decoder}/ms"] = round(got["ms"], 1)
            per_photo.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)  # progress: this is slow
        twelve = Photo("12 MP photo", exports[0], width=4000, height=3000, side=1800,
                       angle=12, grain=30)  # fmt: skip
        one = Photo("1 MP photo", exports[0], width=1155, height=866, side=520, angle=12, grain=30)
        timing = {}
        for name, photo in (("12mp", twelve), ("1mp", one)):
            jpeg = base64.b64encode(draw(page, photo)).decode("ascii")
            samples = []
            for _ in range(runs):
                got = page.evaluate(SITE_READ_JS, [jpeg])
                if got["text"] != photo.text:
                    raise SystemExit(f"bench: the site's reader did not read the {name} photo")
                samples.append(got["ms"])
            timing[name] = {"median_ms": round(statistics.median(samples), 1),
                            "samples_ms": [round(s, 1) for s in samples]}  # fmt: skip
        context.close()
        browser.close()
    return summarize(per_photo, sides, runs, timing)


def summarize(per_photo: list[dict], sides: list[int], runs: int, timing: dict) -> dict:
    kinds = sorted({row["kind"] for row in per_photo})
    rates: dict = {}
    for decoder in DECODERS:
        for label in ("own", "retries"):
            key = f"{decoder}/{label}"
            rates[key] = {"read": sum(row[key] for row in per_photo), "of": len(per_photo)}
            rates[key]["by_kind"] = {
                kind: sum(row[key] for row in per_photo if row["kind"] == kind) for kind in kinds
            }
    return {
        "photos": len(per_photo),
        "retry_sides": sides,
        "rates": rates,
        "per_photo": per_photo,
        "decode_12mp": {"runs": runs, **timing},
    }


def print_table(results: dict) -> None:
    rates = results["rates"]
    kinds = list(next(iter(rates.values()))["by_kind"])
    header = f"{'photos':<30}" + "".join(f"{key:>20}" for key in rates)
    print(header)
    for kind in kinds:
        count = sum(1 for row in results["per_photo"] if row["kind"] == kind)
        cells = "".join(f"{rates[key]['by_kind'][kind]:>17}/{count:<2}" for key in rates)
        print(f"{kind:<30}{cells}")
    total = "".join(f"{rates[key]['read']:>17}/{rates[key]['of']:<2}" for key in rates)
    print(f"{'all':<30}{total}")
    timing = results["decode_12mp"]
    print(f"site reader, 12 MP photo: median {timing['12mp']['median_ms']} ms; "
          f"1 MP photo: median {timing['1mp']['median_ms']} ms (of {timing['runs']})")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-kind", type=int, default=3, help="photos of each kind")
    parser.add_argument("--runs", type=int, default=7, help="reads of the 12 MP photo (median)")
    parser.add_argument(
        "--skip", type=int, default=0, help="leave out the set's first photos (to finish a run)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    if args.per_kind < 1 or args.runs < 1 or args.skip < 0:
        parser.error("--per-kind and --runs must be at least 1, --skip at least 0")
    results = measure(args.per_kind, args.runs, args.skip)
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
