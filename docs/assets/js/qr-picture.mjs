// Reading a QR code from a picture for the ID-export validator (issue 15). The decoder is
// zxing-wasm (ZXing-C++ in WebAssembly, vendored on this site): it read more of the test photos
// than jsQR, and faster (scripts/bench_qr_decoders.py, README "Pictures"). It is loaded once the
// validator has started, its .wasm from this site (never its default CDN), so reading a picture
// works offline once the page has loaded. A phone photo that fails at its own size is tried
// again at smaller sizes (a 12 MP photo's modules can be too grainy or too large for the
// decoder), each time with both inversions (dark-mode screenshots show light modules on dark).
import { h } from "./dom.mjs";

const ZXING_MODULE = new URL("../vendor/zxing-wasm/dist/es/reader/index.js", import.meta.url);
const ZXING_WASM_DIR = new URL("../vendor/zxing-wasm/dist/reader/", import.meta.url);
// Longest sides to try after the picture's own size; larger sizes first, as the code may be small.
export const RETRY_SIDES = [1600, 1200, 800, 400];
const READER_OPTIONS = {
  formats: ["QRCode"],
  tryHarder: true,
  tryInvert: true,
  maxNumberOfSymbols: 1,
};

let decoder = null;

// Starts loading the decoder and compiling its WebAssembly (the validator calls it once the
// checkers have started); resolves to zxing-wasm's reader module, ready to read.
export function loadDecoder() {
  if (!decoder) {
    decoder = (async () => {
      const zxing = await import(ZXING_MODULE.href);
      await zxing.prepareZXingModule({
        overrides: { locateFile: (path) => new URL(path, ZXING_WASM_DIR).href },
        fireImmediately: true,
      });
      return zxing;
    })();
    decoder.catch(() => {
      decoder = null; // try again on the next picture
    });
  }
  return decoder;
}

// The sizes (longest side) to decode `width` x `height` at: its own, then each smaller retry.
export function decodeSides(width, height, retries = RETRY_SIDES) {
  const own = Math.max(width, height);
  return [own, ...retries.filter((side) => side < own)];
}

// The text of the first QR code found in the picture `file`, or null when none is found.
// `retries` are the smaller sizes tried after the picture's own ([] for its own size only).
export async function readQrPicture(file, retries = RETRY_SIDES) {
  const zxing = await loadDecoder();
  const bitmap = await createImageBitmap(file);
  try {
    for (const side of decodeSides(bitmap.width, bitmap.height, retries)) {
      const scale = side / Math.max(bitmap.width, bitmap.height);
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = h("canvas", { width, height });
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.imageSmoothingQuality = "high";
      context.drawImage(bitmap, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height);
      const [code] = await zxing.readBarcodes(pixels, READER_OPTIONS);
      if (code && code.text.trim()) return code.text.trim();
    }
    return null;
  } finally {
    bitmap.close();
  }
}
