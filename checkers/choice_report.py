"""The wizard's report: the answer plus everything a front end shows around it, worded.

One report for the command line and the browser: the spec's answer (`answer`, see
Answer.to_dict) and `view`, the page's and the terminal's words (headline, option and item
names, what will not come along, guide links). Front ends only show these fields.

    {"answer": {...spec §4 JSON...},
     "view": {"headline": str, "lost": str, "announcement": str,
              "recommendations": [{"option": id, "name": str, "carries": str,
                                   "guide": {"href": path, "lead": str, "title": str},
                                   "restore_guide": {...as guide...} | null}]}}
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checkers.backup_choice import Answer, ChoiceInputs
from checkers.catalog import Catalog
from checkers.platforms import PLATFORM_NAMES
from checkers.wording import Message, Wording, message

# Site path of a guide section ("/guides/android/#create-threema-safe") -> its title.
GuideTitles = Mapping[str, str]


def choice_report(
    catalog: Catalog, inputs: ChoiceInputs, answer: Answer, wording: Wording,
    guide_titles: GuideTitles | None = None,
) -> dict[str, Any]:  # fmt: skip
    """The answer and its view, worded by `wording` (language and labels)."""
    titles = guide_titles or {}
    headline = message(
        f"choice.headline.{inputs.old_device}",
        old=message(f"choice.a-phone.{inputs.from_platform}"),
        new=message(f"choice.a-phone.{inputs.to_platform}"),
    )
    recommendations = []
    for recommendation in answer.recommendations:
        option = catalog.option(recommendation.option)
        carries = (
            _names(catalog, recommendation.carries)
            if recommendation.carries
            else message("choice.carries-nothing")
        )
        restore = recommendation.restore_guide
        recommendations.append({
            "option": option.id,
            "name": option.name,
            "carries": wording(carries),
            "guide": _link(recommendation.guide, "choice.guide-lead.steps", titles, wording),
            "restore_guide": (
                _link(restore, "choice.guide-lead.restore", titles, wording) if restore else None
            ),
        })  # fmt: skip
    # "The first suggestion can't" only where a later one carries some of it.
    later = {item for r in answer.recommendations[1:] for item in r.carries}
    code = "choice.lost.some" if later.intersection(answer.lost) else "choice.lost.none-can"
    lost = (
        message(code, names=_names(catalog, answer.lost), count=len(answer.lost))
        if answer.lost
        else message("choice.lost.nothing")
    )
    first = recommendations[0]["name"]
    return {
        "answer": answer.to_dict(wording),
        "view": {
            "headline": wording(headline),
            "lost": wording(lost),
            "recommendations": recommendations,
            "announcement": wording(message("choice.announce", option=first, lost=lost)),
        },
    }


def _names(catalog: Catalog, item_ids: tuple[str, ...]) -> Message:
    """The items as a list inside a sentence: in English each in sentence case ("ID, contacts
    and media files"), as the content writes them in its prose; German nouns keep capitals."""
    items = tuple(message("choice.item", name=catalog.item_name(i)) for i in item_ids)
    return message("choice.names", names=items)


def _link(path: str, lead: str, titles: GuideTitles, wording: Wording) -> dict[str, str]:
    """A guide link: what leads to it, and the section's title and guide (or the path alone)."""
    platform = path.split("/")[2]
    title = message(
        "choice.guide-link", title=titles.get(path, path), platform=platform,
        platform_name=PLATFORM_NAMES[platform],
    )  # fmt: skip
    return {"href": path, "lead": wording(message(lead)), "title": wording(title)}
