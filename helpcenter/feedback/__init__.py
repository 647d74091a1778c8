"""First-party feedback: the collector (ASGI), its database, the report, the site plugin."""

from __future__ import annotations

from helpcenter.feedback.app import FeedbackApp, Settings, load_items, make_feedback_app
from helpcenter.feedback.database import DEFAULT_DATABASE_URL
from helpcenter.feedback.site import collector_for_site

__all__ = [
    "DEFAULT_DATABASE_URL",
    "FeedbackApp",
    "Settings",
    "collector_for_site",
    "load_items",
    "make_feedback_app",
]
