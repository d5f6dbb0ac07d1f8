"""The text a reader sees in a Markdown or HTML report, block by block, to compare the two formats."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class PageText(HTMLParser):
    """Collects the tags of a page, and the text of every heading, paragraph, list item and table
    cell in order (charts left out)."""

    BLOCKS = ("h1", "h2", "h3", "p", "li", "td", "th")

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.texts: list[str] = []
        self.tags: list[str] = []
        self._in: str | None = None
        self._svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._svg += tag == "svg"
        if tag in self.BLOCKS and not self._svg:
            self._in = tag
            self.texts.append("")
            if tag in ("td", "th"):
                self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        self._svg -= tag == "svg"
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in and not self._svg:
            self.texts[-1] += data
            if self._in in ("td", "th"):
                self.cells[-1] += data


def parse_page(text: str) -> PageText:
    parser = PageText()
    parser.feed(text)
    return parser


def html_cells(text: str) -> list[str]:
    return [c.strip() for c in parse_page(text).cells]


def html_texts(text: str) -> list[str]:
    return [t.strip() for t in parse_page(text).texts]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace("&amp;", "&")


def markdown_cells(text: str) -> list[str]:
    cells = []
    for line in text.splitlines():
        if line.startswith("|") and not re.fullmatch(r"\|(-+:?\|)+", line):
            parts = re.split(r"(?<!\\)\|", line)[1:-1]
            cells += [_unescape(p.strip()) for p in parts]
    return cells


def markdown_texts(text: str) -> list[str]:
    """Every heading, paragraph, list item and table cell of a Markdown report, as plain text."""
    texts, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif fenced or not line.strip() or re.fullmatch(r"\|(-+:?\|)+", line):
            continue
        elif line.startswith("|"):
            texts += markdown_cells(line)
        else:
            line = re.sub(r"^(#+|-) ", "", line)
            texts.append(_unescape(re.sub(r"(?<!\\)(\*\*|_)", "", line)))
    return texts
