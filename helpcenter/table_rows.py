"""Markdown extension: every table's first column becomes row headers, each cell names its column.

The site's tables compare things row by row (one backup option a row), so the first cell of a
body row is the row's label. As `<th scope="row">` a screen reader announces a cell with both
its option and its column ("Threema Safe, Chats, No"). `data-label` carries the column's name
to every other cell, for the narrow-screen layout in which each row is a card and each cell
shows its column name before its value (assets/css/helpcenter.css). The explicit ARIA roles keep
the table's meaning where that layout changes the cells' CSS display.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# After the inline patterns (priority 20), so that header text is its rendered words.
PRIORITY = 5


def _text(element: etree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _wrap_content(cell: etree.Element) -> None:
    """Put the cell's content into one span: a card lays out the column name and the value as
    two boxes side by side, which loose text and links would break into many."""
    value = etree.Element("span", {"class": "hc-cell-value"})
    value.text, cell.text = cell.text, None
    for child in list(cell):
        cell.remove(child)
        value.append(child)
    cell.append(value)


class TableRowsTreeprocessor(Treeprocessor):
    """Marks up each table of the page as described in the module docstring."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            self._mark(table)

    @staticmethod
    def _mark(table: etree.Element) -> None:
        table.set("role", "table")
        labels: list[str] = []
        for group in table:
            if group.tag in ("thead", "tbody"):
                group.set("role", "rowgroup")
        for row in table.iter("tr"):
            row.set("role", "row")
        for head in table.iterfind("thead"):
            for cell in head.iter("th"):
                cell.set("scope", "col")
                cell.set("role", "columnheader")
                labels.append(_text(cell))
        for body in table.iterfind("tbody"):
            for row in body.iterfind("tr"):
                cells = [cell for cell in row if cell.tag in ("td", "th")]
                if not cells:
                    continue
                first, rest = cells[0], cells[1:]
                first.tag = "th"
                first.set("scope", "row")
                first.set("role", "rowheader")
                for column, cell in enumerate(rest, start=1):
                    cell.set("role", "cell")
                    if column < len(labels) and labels[column]:
                        cell.set("data-label", labels[column])
                        _wrap_content(cell)


class TableRowsExtension(Extension):
    """Registers the treeprocessor (mkdocs.yml: markdown_extensions: - helpcenter.table_rows)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(TableRowsTreeprocessor(md), "helpcenter_table_rows", PRIORITY)


def makeExtension(**kwargs) -> TableRowsExtension:  # noqa: N802 (Markdown's entry point)
    return TableRowsExtension(**kwargs)
