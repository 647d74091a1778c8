"""Release or development build: a release needs the real public address of the site.

A development build links its PDFs, sitemap and canonical links to the local server and marks
its PDFs' cover as a preview; `scripts/build_site.py --release` (`make dist`) refuses to build
unless HELPCENTER_SITE_URL names a real public https address.
"""

from __future__ import annotations

import ipaddress
import os
from urllib.parse import urlsplit

SITE_URL_VARIABLE = "HELPCENTER_SITE_URL"
# Set by scripts/build_site.py --release for the MkDocs run; read by the print pages.
RELEASE_VARIABLE = "HELPCENTER_RELEASE"
LOCAL_NAMES = {"localhost", "localhost.localdomain", "0.0.0.0", "::", "::1"}


def is_local_host(host: str) -> bool:
    """True for localhost, loopback, private and link-local addresses."""
    host = host.strip("[]").lower()
    if host in LOCAL_NAMES or host.endswith((".localhost", ".local")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return (
        address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified
    )


def release_url_problem(url: str | None) -> str | None:
    """Why url cannot be a release's site_url, in plain words; None when it can."""
    if not url:
        return (
            f"{SITE_URL_VARIABLE} is not set: a release needs the site's public address, for "
            f"example {SITE_URL_VARIABLE}=https://help.example.org/ make dist"
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{SITE_URL_VARIABLE}={url!r} is not an http(s) address such as https://help.example.org/"
    if is_local_host(parts.hostname):
        return (
            f"{SITE_URL_VARIABLE}={url} points to this machine ({parts.hostname}): the PDFs, the "
            "sitemap and the canonical links would lead nowhere for visitors"
        )
    if parts.scheme != "https":
        return f"{SITE_URL_VARIABLE}={url} is not https: the site's checkers need a secure origin"
    if parts.query or parts.fragment:
        return f"{SITE_URL_VARIABLE}={url} must not have a query or #fragment"
    return None


def is_release_build() -> bool:
    """True while MkDocs runs for `build_site.py --release`."""
    return os.environ.get(RELEASE_VARIABLE) == "1"
