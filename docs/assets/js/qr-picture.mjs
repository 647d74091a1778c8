// Reading a QR code from a picture for the ID-export validator (issue 15). The decoder (jsQR,
// vendored on this site) is loaded together with the validator, so reading a picture works
// offline once the page has loaded. A phone photo that fails at its own size is tried again at
// smaller sizes (a 12 MP photo's modules are often too grainy or too large for the decoder),
// each time with both inversions (dark-mode screenshots show light modules on dark).
import { h } from "./dom.mjs";

const JSQR_SCRIPT = new URL("../vendor/jsqr/jsQR.js", import.meta.url);
// Longest sides to try after the picture's own size; larger sizes first, as the code may be small.
export const RETRY_SIDES = [1600, 1200, 800, 400];

let decoder = null;

// Starts loading the decoder (call it when the validator loads); resolves to jsQR.
export function loadDecoder() {
  if (!decoder) {
    decoder = (async () => {
      if (typeof globalThis.jsQR !== "function") await import(JSQR_SCRIPT.href); // UMD: sets jsQR
      return globalThis.jsQR;
    })();
    decoder.catch(() => {
      decoder = null; // try again on the next picture
    });
  }
  return decoder;
}

// The sizes (longest side) to decode `width` x `height` at: its own, then each smaller retry.
export function decodeSides(width, height) {
  const own = Math.max(width, height);
  return [own, ...RETRY_SIDES.filter((side) => side < own)];
}

// The text of the first QR code found in the picture `file`, or null when none is found.
export async function readQrPicture(file) {
  const jsQR = await loadDecoder();
  const bitmap = await createImageBitmap(file);
  try {
    for (const side of decodeSides(bitmap.width, bitmap.height)) {
      const scale = side / Math.max(bitmap.width, bitmap.height);
      const width = Math.max(1, Math.round(bitmap.width * scale));
      const height = Math.max(1, Math.round(bitmap.height * scale));
      const canvas = h("canvas", { width, height });
      const context = canvas.getContext("2d", { willReadFrequently: true });
      context.imageSmoothingQuality = "high";
      context.drawImage(bitmap, 0, 0, width, height);
      const pixels = context.getImageData(0, 0, width, height);
      const code = jsQR(pixels.data, width, height, { inversionAttempts: "attemptBoth" });
      if (code && code.data.trim()) return code.data.trim();
    }
    return null;
  } finally {
    bitmap.close();
  }
}
