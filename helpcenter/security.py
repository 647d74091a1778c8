"""The site's security policy in one place: the CSP, the response headers, MIME types, caching.

Read by the CSP plugin (the <meta> policy of every page), the project's servers
(helpcenter/server/) and the generated host configuration (helpcenter/hosting.py), so that a
page is served with the same rules wherever it is hosted.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

# Scripts only from the site itself (WebAssembly compilation allowed for Pyodide, Argon2id and the
# QR decoder), connections only to the site: nothing a visitor types can be sent anywhere else.
CSP_DIRECTIVES: tuple[str, ...] = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)
CONTENT_SECURITY_POLICY = "; ".join(CSP_DIRECTIVES)

# frame-ancestors is ignored in a <meta> policy, so only a header can say it.
HEADER_POLICY = CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'"

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": HEADER_POLICY,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

# Types a host must get right: module scripts are refused under any other type (nosniff), and
# WebAssembly.instantiateStreaming needs application/wasm.
MIME_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".bin": "application/octet-stream",
    ".tar": "application/x-tar",
    ".pdf": "application/pdf",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".woff2": "font/woff2",
}

# Compressible types (the wheel and the PDFs are compressed already).
COMPRESSIBLE_TYPES: tuple[str, ...] = (
    "text/html",
    "text/css",
    "text/javascript",
    "application/json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
    "text/plain",
)

# Types the build stores precompressed copies of (helpcenter/precompress.py): the compressible
# ones, and the Pyodide memory snapshot (`.bin`, mostly zeros). Zips and wheels are compressed.
PRECOMPRESSED_TYPES: tuple[str, ...] = (*COMPRESSIBLE_TYPES, "application/octet-stream")
# Content-Encoding -> the suffix of its precompressed copy, in the order a server prefers them.
PRECOMPRESSED: dict[str, str] = {"br": ".br", "gzip": ".gz"}

# Pages and the files named without a version change in place: always revalidate. The vendored
# runtime (hash-wasm, zxing-wasm) is pinned by package-lock.json and checked by its digest in
# manifest.json, and the moved-out inline scripts are named by their digest: a day is safe.
# Pyodide (its folder is named by the digest of its files), the checkers wheel, the snapshot and
# the trimmed standard library (their names carry their digest) never change under their
# address: cached for good.
CACHE_REVALIDATE = "no-cache"
CACHE_LONG = "public, max-age=86400"
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
LONG_CACHE_PREFIXES: tuple[str, ...] = ("/assets/vendor/", "/assets/javascripts/inline/")
IMMUTABLE_PREFIX = "/assets/runtime/"
IMMUTABLE_PATTERNS: tuple[str, ...] = (
    f"{IMMUTABLE_PREFIX}*",
    "/assets/checkers/*.whl",
    "/assets/checkers/*.bin",
    "/assets/checkers/*.zip",
)

# Files the build writes for hosts that must never be served as pages.
HOSTING_FILES: tuple[str, ...] = ("/_headers", "/_redirects", "/_deploy/")


def cache_control(path: str) -> str:
    """The Cache-Control value for a site path such as `/assets/vendor/hash-wasm/argon2.umd.min.js`
    (a precompressed copy, `….br` or `….gz`, is cached like its original)."""
    for suffix in PRECOMPRESSED.values():
        path = path.removesuffix(suffix)
    if any(fnmatchcase(path, pattern) for pattern in IMMUTABLE_PATTERNS):
        return CACHE_IMMUTABLE
    return CACHE_LONG if path.startswith(LONG_CACHE_PREFIXES) else CACHE_REVALIDATE


def content_type(name: str) -> str | None:
    """The MIME type of a file name by its extension, or None when the table has none."""
    dot = name.rfind(".")
    return MIME_TYPES.get(name[dot:].lower()) if dot >= 0 else None
