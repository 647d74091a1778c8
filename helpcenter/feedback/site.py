"""The collector for a built site, as the project's server mounts it at /api/feedback."""

from __future__ import annotations

import os
from pathlib import Path

from helpcenter.feedback.app import FeedbackApp, Settings, load_items, make_feedback_app
from helpcenter.feedback.database import DEFAULT_DATABASE_URL

# Written by the helpcenter/feedback plugin (its items_file) when the build offers feedback.
ITEMS_FILE = Path("assets/feedback/items.json")


def collector_for_site(
    site_root: Path, database_url: str | None = None, **settings
) -> FeedbackApp | None:
    """The collector for the answers of the site at `site_root`, or None when that site was
    built without feedback controls (then there is nothing to collect and nothing to mount).

    The database is `database_url`, else $HELPCENTER_FEEDBACK_DATABASE, else the SQLite file
    var/feedback.sqlite3; $HELPCENTER_FEEDBACK_READ_TOKEN turns on GET /report.
    """
    items_file = Path(site_root) / ITEMS_FILE
    if not items_file.is_file():
        return None
    url = database_url or os.environ.get("HELPCENTER_FEEDBACK_DATABASE") or DEFAULT_DATABASE_URL
    settings.setdefault("read_token", os.environ.get("HELPCENTER_FEEDBACK_READ_TOKEN") or None)
    return make_feedback_app(url, Settings(items=load_items(items_file), **settings))
