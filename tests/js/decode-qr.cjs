// Loaded by tests/test_pdf_reading.py: decodes the QR code in a greyscale PGM picture (from
// pdftoppm) with jsQR, the decoder the site itself ships, and prints the decoded text.
"use strict";
const fs = require("fs");
const path = require("path");
const jsQR = require(path.join(__dirname, "..", "..", "node_modules", "jsqr", "dist", "jsQR.js"));

const picture = fs.readFileSync(process.argv[2]);
const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(picture.toString("latin1", 0, 64));
if (!header) {
  console.error("not a binary PGM");
  process.exit(2);
}
const [width, height] = [Number(header[1]), Number(header[2])];
const grey = picture.subarray(header[0].length, header[0].length + width * height);
const rgba = new Uint8ClampedArray(width * height * 4);
for (let i = 0; i < width * height; i += 1) {
  rgba.set([grey[i], grey[i], grey[i], 255], i * 4);
}
const code = jsQR(rgba, width, height);
if (!code) {
  console.error("no QR code found");
  process.exit(1);
}
process.stdout.write(code.data);
