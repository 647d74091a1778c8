"""Real-looking photos of a QR code, drawn in Chromium (shared by the QR browser tests and
scripts/bench_qr_decoders.py): turned, blurred, grainy, low contrast, in perspective, small in a
big picture, or a dark-mode screenshot (light modules on dark)."""

from __future__ import annotations

import base64
import io
import random
from dataclasses import asdict, dataclass

import segno

# Draws the QR code (PNG, base64) onto a width x height picture with uneven light and grain (a
# fixed pseudo-random sequence from `seed`) and returns the JPEG as base64. The code is first
# put in perspective (each row scaled: the top edge `keystone` narrower than the bottom one),
# blurred by `blur` px, drawn at `contrast` opacity (1 = black on white), turned by `angle`
# degrees around (cx, cy) (fractions of the picture), and everything is inverted if `dark`.
# Run through Playwright's evaluate, not by the site's own code.
PHOTO_JS = """async (o) => {
  const bytes = Uint8Array.from(atob(o.png), (c) => c.charCodeAt(0));
  const code = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
  const side = o.side;
  const skewed = new OffscreenCanvas(side, side);
  const sk = skewed.getContext("2d");
  sk.fillStyle = "#fff"; sk.fillRect(0, 0, side, side);
  sk.imageSmoothingEnabled = true;
  for (let y = 0; y < side; y += 1) {
    const w = side * (1 - o.keystone * (1 - y / side));
    sk.drawImage(code, 0, (y / side) * code.height, code.width, code.height / side,
                 (side - w) / 2, y, w, 1);
  }
  const canvas = new OffscreenCanvas(o.width, o.height);
  const context = canvas.getContext("2d");
  const light = context.createLinearGradient(0, 0, o.width, o.height);
  light.addColorStop(0, "#f4f1ea"); light.addColorStop(1, "#b9b4aa");
  context.fillStyle = light; context.fillRect(0, 0, o.width, o.height);
  context.translate(o.width * o.cx, o.height * o.cy);
  context.rotate((o.angle * Math.PI) / 180);
  context.globalAlpha = o.contrast;
  if (o.blur > 0) context.filter = `blur(${o.blur}px)`;
  context.drawImage(skewed, -side / 2, -side / 2, side, side);
  context.filter = "none"; context.globalAlpha = 1;
  context.setTransform(1, 0, 0, 1, 0, 0);
  const image = context.getImageData(0, 0, o.width, o.height);
  let seed = o.seed;
  for (let i = 0; i < image.data.length; i += 4) {
    let noise = 0;
    if (o.grain > 0) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      noise = ((seed / 2147483648) - 0.5) * 2 * o.grain;
    }
    for (let c = 0; c < 3; c += 1) {
      const value = image.data[i + c] + noise;
      image.data[i + c] = o.dark ? 255 - value : value;
    }
  }
  context.putImageData(image, 0, 0);
  const blob = await canvas.convertToBlob({ type: "image/jpeg", quality: o.quality });
  const out = new Uint8Array(await blob.arrayBuffer());
  let text = "";
  for (let i = 0; i < out.length; i += 0x8000) {
    text += String.fromCharCode(...out.subarray(i, i + 0x8000));
  }
  return btoa(text);
}"""


@dataclass(frozen=True)
class Photo:
    """How one photo of a QR code is drawn (see PHOTO_JS)."""

    kind: str
    text: str
    width: int = 2400
    height: int = 1800
    side: int = 1300
    angle: float = 0
    grain: float = 0
    blur: float = 0
    contrast: float = 1
    keystone: float = 0
    cx: float = 0.5
    cy: float = 0.5
    dark: bool = False
    seed: int = 15
    quality: float = 0.85


def qr_png(text: str) -> str:
    """The QR code of `text` as the apps would show it (error correction M), PNG in base64."""
    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=4, border=4)
    return base64.b64encode(out.getvalue()).decode("ascii")


def draw(page, photo: Photo) -> bytes:
    """The JPEG bytes of `photo`, drawn in the (any) page's browser."""
    options = asdict(photo) | {"png": qr_png(photo.text)}
    return base64.b64decode(page.evaluate(PHOTO_JS, options))


def photo_set(texts: list[str], per_kind: int = 8, seed: int = 15) -> list[Photo]:
    """A fixed set of real-looking photos (the same for a given seed), `per_kind` of each kind,
    with the payloads taken in turn from `texts`, each kind from easy to hard."""
    rng = random.Random(seed)
    photos: list[Photo] = []
    for i in range(per_kind):
        hard = i / max(1, per_kind - 1)  # 0 .. 1
        text = texts[i % len(texts)]
        base = {"text": text, "seed": rng.randrange(1, 2**31)}
        photos += [
            Photo("turned", angle=rng.choice([-1, 1]) * (5 + 40 * hard), grain=20, **base),
            Photo("blurred", blur=1 + 5 * hard, angle=rng.uniform(-10, 10), **base),
            Photo("grainy", grain=40 + 80 * hard, angle=rng.uniform(-20, 20), **base),
            Photo(
                "dark-mode screenshot",
                width=1170, height=2532, side=int(900 - 500 * hard), dark=True,
                quality=0.92, **base,
            ),  # fmt: skip
            Photo(
                "small code in a 12 MP photo",
                width=4000, height=3000, side=int(700 - 450 * hard), grain=25,
                angle=rng.uniform(-15, 15), cx=rng.uniform(0.3, 0.7), cy=rng.uniform(0.3, 0.7),
                **base,
            ),  # fmt: skip
            Photo("perspective", keystone=0.1 + 0.4 * hard, angle=rng.uniform(-8, 8), grain=15,
                  **base),  # fmt: skip
            Photo("low contrast", contrast=0.35 - 0.25 * hard, grain=10 + 10 * hard, **base),
        ]
    return photos
