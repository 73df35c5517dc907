"""HTML backend (beautifulsoup4): tags give headings, paragraphs and list items, written as the
lines of a text file that the text backend then reads (so a list set as glyph lines, a heading
set in bold, a page laid out in a table read as they do in a text file); site furniture
(navigation, cookie banners, search, share links, footers, a layout table's menu) is dropped."""
from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from ..models import Block
from ..rules import Rules
from .tables import table_items
from .text import text_and_blocks

DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form",
             "button", "svg", "iframe", "template", "select", "input"]
FURNITURE = re.compile(r"cookie|consent|banner|breadcrumb|share|social|skip|search|menu|navigation|footer|sidebar", re.I)
BLOCK_TAGS = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading",
              "h6": "heading", "li": "item", "p": "paragraph", "dt": "heading",
              "dd": "paragraph", "blockquote": "paragraph", "figcaption": "paragraph"}
_WS = re.compile(r"\s+")
_BR = "\ue000"  # a <br>, kept apart from the markup's own white space until the lines are made


def _is_furniture(tag: Tag) -> bool:
    if tag.attrs is None:
        return False
    attrs = " ".join([tag.get("id") or "", " ".join(tag.get("class") or []), tag.get("role") or ""])
    return bool(attrs.strip()) and bool(FURNITURE.search(attrs))


_ITEM_BLOCKS = (*BLOCK_TAGS, "div", "section", "table", "ul", "ol")  # read apart from a list item's own words


def _own_text(node) -> str:
    """A list item's child as its own words: a string, or an inline tag's text; a block tag
    (or a div) inside the item is read as a block of its own."""
    if not isinstance(node, Tag):
        return str(node)
    if node.name in _ITEM_BLOCKS or node.find(list(_ITEM_BLOCKS)) is not None:
        return ""
    return node.get_text(" ")


_LAYOUT_IN_CELL = ["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"]


def _layout_table(table: Tag) -> bool:
    """A table that lays out the page rather than holding data (older kommun sites, e-mail-like
    templates: the content in one cell beside a menu cell): marked so (``role="presentation"``),
    or a cell holds a heading, a list, a table or several paragraphs. Its cells are read as the
    page's blocks; a data table gives its rows."""
    if (table.get("role") or "").lower() in ("presentation", "none"):
        return True
    return any(cell.find(_LAYOUT_IN_CELL) is not None or len(cell.find_all("p", limit=2)) > 1
               for cell in table.find_all(["td", "th"]))


# Word's "Save as web page" sets a list's glyph as a letter of a symbol font in a span of its own
# before the item's text: "·" in Symbol, "§" (a square) or "Ø" (an arrow) in Wingdings, "o" in
# Courier New for a second level
_SYMBOL_FONT = re.compile(r"font-family:\s*['\"]?(?:Symbol|Wingdings|Courier New)\b", re.I)


def _symbol_bullet(span: Tag) -> None:
    """The glyph of such a span, when it opens its paragraph, read as "•" ("§ Kommunen ska …" is
    an item, not a paragraph sign)."""
    first = span.find(string=True)
    block = span.find_parent(["p", "li", "div"])
    if first is None or block is None or len(first.strip()) != 1 \
            or not block.get_text().lstrip().startswith(first.strip()):
        return
    first.replace_with("•" + first[len(first.rstrip()):] + " ")


def _mostly_links(cell: Tag) -> bool:
    """A cell whose words are mostly link text: a menu, not content."""
    text = len(_WS.sub("", cell.get_text()))
    return text > 0 and 2 * sum(len(_WS.sub("", a.get_text())) for a in cell.find_all("a")) >= text


def html_to_text(markup: str, rules: Rules) -> tuple[str, list[Block]]:
    """Return the plain text (blocks separated by blank lines) and its blocks."""
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_furniture):
        if not tag.decomposed:
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    # which tags contain a block tag (or a div) below them: one pass, children before parents
    has_block, has_div = set(), set()
    for tag in reversed(root.find_all(True)):
        parent = tag.parent
        if parent is None:
            continue
        if tag.name in BLOCK_TAGS or id(tag) in has_block:
            has_block.add(id(parent))
        if tag.name in BLOCK_TAGS or tag.name in ("div", "section") or id(tag) in has_div:
            has_div.add(id(parent))
    for br in root.find_all("br"):
        br.replace_with(_BR)
    for span in root.find_all("span", style=_SYMBOL_FONT):
        _symbol_bullet(span)
    pieces: list[tuple[str, str]] = []
    stack = [iter(root.children)]  # explicit stack: deeply nested pages must not recurse
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        if not isinstance(child, Tag):
            continue
        kind = BLOCK_TAGS.get(child.name)
        if child.name == "table" and _layout_table(child):
            stack.append(iter(child.children))
        elif child.name in ("td", "th") and _mostly_links(child):
            continue  # a layout table's menu or site-name cell (a data table is read whole, below)
        elif child.name == "table":
            rows = [[c.get_text(" ") for c in tr.find_all(["td", "th"])] for tr in child.find_all("tr")]
            pieces += [("item", t) for t in table_items(rows, rules)]
        elif kind and id(child) not in has_block:
            pieces.append((kind, child.get_text(" ")))
        elif kind == "item":
            # the item's own words, in inline tags too: the title of "<li><strong>Trafik</strong><p>…</p></li>"
            # as of "<li>Trafik<p>…</p></li>" (the titled items of polisen-se__robertsfors, polisen-se__norsjo,
            # polisen-se__lerum, polisen-se__varmdo: "• Trafik" over its text)
            pieces.append((kind, " ".join(_own_text(c) for c in child.children)))
            stack.append(iter(child.children))
        elif child.name in ("div", "section", "td") and id(child) not in has_div:
            pieces.append(("paragraph", child.get_text(" ")))
        else:
            stack.append(iter(child.children))
    return text_and_blocks(_as_lines(pieces), rules)


def _as_lines(pieces: list[tuple[str, str]]) -> str:
    """The page's blocks as the lines of a text file, read by the text backend as a text file is:
    a heading or paragraph between blank lines (a ``<br>`` a line break in it), a list item a line
    after "• " (the items of a list together, a line break in one an indented line), so that a
    list set as glyph lines in a paragraph, a heading set in bold and the genre's other shapes are
    read the one way whatever the markup (bench/perturb.py html_* variants)."""
    out: list[str] = []
    prev_item = False
    for kind, raw in pieces:
        lines = [ln for ln in (_WS.sub(" ", part).strip() for part in raw.split(_BR)) if ln]
        if not lines:
            continue
        if kind == "heading":
            lines = [" ".join(lines)]
        if kind == "item":
            lines = [f"• {lines[0]}"] + [f"  {ln}" for ln in lines[1:]]
        if out and not (kind == "item" and prev_item):
            out.append("")
        out += lines
        prev_item = kind == "item"
    return "\n".join(out)
