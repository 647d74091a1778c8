"""QR codes made at build time (segno, nothing fetched): the print cover's link to the web guide."""

from __future__ import annotations

from markupsafe import Markup, escape

# Medium error correction: the code still reads from a creased or slightly smudged printout.
ERROR_CORRECTION = "m"
# The quiet zone the QR standard asks for, in modules.
QUIET_ZONE = 4


def qr_svg(text: str, label: str) -> Markup:
    """An inline SVG QR code of `text`, sized by CSS, announced as an image named `label`."""
    import segno

    code = segno.make_qr(text, error=ERROR_CORRECTION)
    svg = code.svg_inline(
        scale=1, border=QUIET_ZONE, dark="#000", light="#fff", omitsize=True,
        svgclass="print-qr-code", title=label,
    )  # fmt: skip
    # segno writes `<svg viewBox=… class=…>`; the role and name make it one image, not a drawing.
    return Markup(svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1))
