"""Plain-text backend: structure comes from line layout (blank lines, bullets, short lines)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..models import Block
from ..rules import Rules
from ..sections import Needing, can_end, either, final_chars, heading_kind
from ..taxonomy import categorize
from . import LIST_GLYPHS, fold_characters

BULLET = re.compile(rf"^(\s*)(?:[{re.escape(LIST_GLYPHS)}\-]|\d{{1,2}}[.)])\s+")  # not "–": it opens quotes
# "Lokalpolisområde Karlstad kommer att..." + "... fotpatrullera med uniformerad personal …": a
# line that goes on from a lead-in ending with an ellipsis (rules/activities.yaml
# ``leadin_end``) is an item of its list (polisen-se__forshaga-3).
ELLIPSIS_ITEM = re.compile(r"^\s*(?:\.{2,3}|…)\s*(?=[a-zåäö])")
# An en dash opens a quote ("– Vi har ett gott samarbete …, säger …": a line of its own at the
# margin, between blank lines, on every bundled page that has one: www-engelholm-se__2019-06-20-…,
# staffanstorp-se__polisens-medborgarloften, www-lulea-se__2018-04-13-…); it is a list's glyph
# where the line reads as a list's and no quote's (``dash_item``).
DASH = re.compile(r"^(\s*)[–—]\s+(?=\S)")


# Spaces a publisher's editor puts in (a no-break space between a number and its word, after a
# bullet, in a name: "minst 2\u00a0gånger", "Region\u00a0Skåne"; figure, thin and narrow no-break
# spaces) read as a plain space, one character for one, so that every offset stays where it was
# (a regex substitution: ``str.translate`` with a table looks up every character, 15× slower).
_ODD_SPACES = re.compile("[\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                         "\u2007\u2008\u2009\u200a\u202f\u205f\u3000]")


def plain_lines(text: str) -> str:
    """A text file's text as the backend reads it: line ends as "\\n" (CRLF and CR), Unicode space
    separators as " " (bench/perturb.py: the same page with CRLF and no-break spaces), characters
    folded (``fold_characters``)."""
    return _ODD_SPACES.sub(" ", fold_characters(text).replace("\r\n", "\n").replace("\r", "\n"))


def is_boilerplate(line: str, rules: Rules) -> bool:
    low = " ".join(line.lower().split())
    lines, prefixes, shapes = _boilerplate(rules)
    return low in lines or low.startswith(prefixes) or shapes.fullmatch(low) is not None


@lru_cache(maxsize=4)
def _boilerplate(rules: Rules) -> tuple[frozenset, tuple[str, ...], re.Pattern]:
    shapes = either(rules.sections["boilerplate_line_shapes"])
    return frozenset(rules.sections["boilerplate_lines"]), tuple(rules.sections["boilerplate_prefixes"]), shapes


@lru_cache(maxsize=4)
def _link_furniture(rules: Rules) -> tuple[Needing, re.Pattern | None]:
    """The label's pattern, and what a page must hold for a line of it to hold the label: one of
    its required texts (lower-cased) with any run of white space for each space, as a line's
    words folded to single spaces give it (None: the pattern has no required text)."""
    furniture = Needing(either(rules.sections["link_furniture"], re.I))
    runs = [r"\s+".join(map(re.escape, n.split(" "))) for n in furniture.needed]
    return furniture, re.compile("|".join(runs)) if runs else None


def strip_link_furniture(text: str, rules: Rules) -> str:
    """The text without a link's hidden label ("…certifieringenlänk till annan webbplats":
    rules/sections.yaml ``link_furniture``); a text without the label's words is not searched."""
    stripped = _link_furniture(rules)[0].sub("", text)
    return text if stripped == text else stripped.strip()


def link_furniture_stripper(text: str, rules: Rules):
    """``strip_link_furniture`` for the lines of ``text`` (and lines joined from them), or the
    identity when ``text`` holds none of the label's words (most pages): then no line or join of
    lines does, and no line is searched."""
    page_holds = _link_furniture(rules)[1]
    if page_holds is None or page_holds.search(text.lower()):
        return lambda line: strip_link_furniture(line, rules)
    return lambda line: line


@lru_cache(maxsize=4)
def _fragment(rules: Rules) -> re.Pattern:
    return re.compile(rules.sections["fragment_line"])


@lru_cache(maxsize=4)
def _leadin_end(rules: Rules):
    pattern = re.compile(rules.activities["leadin_end"])
    return pattern.search, final_chars(pattern)


def ends_leadin(text: str, rules: Rules) -> bool:
    """The text ends as a lead-in with an ellipsis or ";" after "att", "lovar" or "kommer"
    ("Polisen lovar att..", "… kommer;": rules/activities.yaml ``leadin_end``); searched only in
    a text that ends with a character a match can end with (sections.final_chars)."""
    search, ends = _leadin_end(rules)
    low = text.lower()
    return can_end(low, ends) and search(low) is not None


def ellipsis_item(line: str, blocks: list[Block], rules: Rules) -> re.Match | None:
    """The ellipsis that opens an item going on from the lead-in before it (ELLIPSIS_ITEM)."""
    m = ELLIPSIS_ITEM.match(line)  # rare: the cheap test first
    if m is None or not blocks or not (blocks[-1].kind == "item" or ends_leadin(blocks[-1].text, rules)):
        return None
    return m


def dash_item(lines: list[str], at: int, in_list: bool, rules: Rules) -> re.Match | None:
    """The en or em dash that opens a list item on line ``at`` (DASH), where the line reads as a
    list's and not as a quote's (a quote stands at the margin, opens with a capital, says a sentence,
    and names its speaker or goes on from a quote that does: every bundled page's does, but for a
    speaker named in the lead-in, "… stationsbefälet Andreas Friberg … delar:",
    ulricehamn-se__medborgarlofte-med-fokus-pa-ungdomar, or the page cut before its speaker,
    www-lysekil-se__2016-12-16-…). The same lists set with "–" (bench/perturb.py, bullet–) read so:
    - indented as the lists' lines are ("  – Polisen ska …" where the bundled pages set "  • Polisen
      ska …": polisen-se__alingsas, polisen-se__bracke), or with a dash line right above or below;
    - in lower case, as a lead-in's items open ("… lovar kommunerna att:" / "– genomföra
      trygghetsvandringar …": polisen-se__stenungsund-kommun, vingaker-se__polisen-och-…), where a
      quote never does (rules/activities.yaml ``quote_paragraph_start``);
    - going on a list of dash items (``in_list``: the block above is one; "– genomföra
      informationsinsatser … kopplade till" / "  trafikbeteende och attityder" / "– kommunen ser över
      …": mala-se__id-17823, polisen-se__monsteras), naming no speaker;
    - in a run of dash paragraphs with only blank lines between, none of which names a speaker
      (rules/activities.yaml ``quote_speech_cues``): the items of "… följande aktiviteter …:" or "Det
      här ska vi göra:" (www-alvdalen-se__polisen-och-…, polisen-se__monsteras, www-solleftea-se__…),
      where each run of quotes names its speaker ("– Polisen har som målsättning …, säger
      lokalområdeschef Tobias Ekdahl." / "– Löftena omfattar …":
      staffanstorp-se__polisens-medborgarloften, www-trollhattan-se__medborgarloftet-…);
    - a topic in a heading's shape, on a line of its own over a text ("Det här ska vi göra" / "–
      Synlighet" / "Medborgarna ska få en synlig polis. …": polisen-se__angelholm; the topic bullets
      of polisen-se__robertsfors, polisen-se__norsjo stand so over their texts, indented)."""
    m = DASH.match(lines[at])
    if m is None or m.group(1):
        return m
    near = (lines[i] for i in (at - 1, at + 1) if 0 <= i < len(lines))
    rest = lines[at][m.end():].strip()
    if any(DASH.match(line) for line in near) or rest[:1].islower():
        return m
    if in_list and not _names_speaker(_paragraph(lines, at), rules):
        return m
    run = _dash_run(lines, at)
    if len(run) > 1 and not any(_names_speaker(par, rules) for par in run):
        return m
    below = next((line for line in lines[at + 1:] if line.strip()), None)
    topic = looks_like_heading(rest, rules) and rest[-1] not in "!?" and at + 1 < len(lines) \
        and not lines[at + 1].strip() and below is not None and not DASH.match(below)
    return m if topic else None


def _margin_dash(line: str) -> bool:
    m = DASH.match(line)
    return m is not None and not m.group(1)


def _paragraph(lines: list[str], at: int) -> str:
    """The dash line ``at`` and the lines that go on from it (a wrapped quote may name its speaker
    on its last line), up to a blank line or the next dash line at the margin."""
    end = at + 1
    while end < len(lines) and lines[end].strip() and not _margin_dash(lines[end]):
        end += 1
    return " ".join(lines[at:end])


def _dash_run(lines: list[str], at: int) -> list[str]:
    """The dash paragraphs (``_paragraph``) of the run around line ``at``: with only blank lines
    between them."""
    def start_above(i: int) -> int | None:  # where the dash paragraph before the one at i starts
        i -= 1
        while i >= 0 and not lines[i].strip():
            i -= 1
        while i >= 0 and lines[i].strip():
            if _margin_dash(lines[i]):
                return i
            i -= 1
        return None

    def start_below(i: int) -> int | None:  # where the dash paragraph after the one at i starts
        i += 1
        while i < len(lines) and lines[i].strip() and not _margin_dash(lines[i]):
            i += 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        return i if i < len(lines) and _margin_dash(lines[i]) else None

    run, i = [_paragraph(lines, at)], at
    while (i := start_above(i)) is not None:
        run.insert(0, _paragraph(lines, i))
    i = at
    while (i := start_below(i)) is not None:
        run.append(_paragraph(lines, i))
    return run


def _names_speaker(line: str, rules: Rules) -> bool:
    """The line says who speaks ("…, säger X.": rules/activities.yaml ``quote_speech_cues``)."""
    low = " " + " ".join(line.lower().split()) + " "
    return any(cue in low for cue in rules.activities["quote_speech_cues"])


def looks_like_heading(line: str, rules: Rules) -> bool:
    s = line.strip()
    if not s or len(s) > rules.sections["heading_max_chars"]:
        return False
    if len(s.split()) > rules.sections["heading_max_words"] or s[-1] in ".,;:" and not _ellipsis_heading(s, rules):
        return False
    return s[0].isupper() or s[0].isdigit()


def _ellipsis_heading(s: str, rules: Rules) -> bool:
    """A section heading trailed by an ellipsis ("Vi lyssnar..." / "Vi lovar...": polisen-se__kalmar,
    polisen-se__monsteras); a lead-in so trailed ("Polisen och kommunen kommer tillsammans att...") is none."""
    return s.endswith(("...", "…")) and heading_kind(s, rules) is not None  # (heading_kind strips the dots)


def wrap_width(text: str, rules: Rules) -> int | None:
    """The width a hard-wrapped text was cut at (its longest line), or None when it is not one:
    the longest line has at most ``wrap_max_width`` characters and ``wrap_min_lines`` lines
    reach within ``wrap_slack`` of it (rules/sections.yaml)."""
    lengths = [len(line.rstrip()) for line in text.split("\n")]
    width = max(lengths, default=0)
    if not width or width > rules.sections["wrap_max_width"]:
        return None
    near = sum(1 for n in lengths if n >= width - rules.sections["wrap_slack"])
    return width if near >= rules.sections["wrap_min_lines"] else None


def text_and_blocks(text: str, rules: Rules) -> tuple[str, list[Block]]:
    """The plain text of a text file's text (``plain_lines``) and its blocks: a line break inside
    a block (a wrapped line that goes on with the one above) reads as a space, one character for
    one, so that a sentence, a name or a lead-in cut by the wrap is read whole ("Polisen
    och\\nkommunen ska:" as "Polisen och kommunen ska:") and every offset stays where it was."""
    text = split_flat_lists(plain_lines(text), rules)
    joins: list[int] = []
    blocks = blocks_from_lines(text, rules, joins)
    if joins:
        chars = list(text)
        for at in joins:
            chars[at] = " "
        text = "".join(chars)
    return text, blocks


def split_flat_lists(text: str, rules: Rules) -> str:
    """A list run together on one line ("… i nära relationer. - Vi ska tillsammans …"): in a run of
    lines under a line that opens with a list glyph and a space, the space before the next item's
    glyph (the same one) reads as a line break, one character for one (rules/sections.yaml
    ``flat_list_item``, ``flat_list_glyphs``); in a run under a numbered item, the space before the
    next number of the count ("… relationer. 2. Vi ska …": ``flat_list_number_item``)."""
    sec = rules.sections
    flat, number_opens, number_item = map(re.compile, (sec["flat_list_item"], sec["flat_list_number_opens"],
                                                       sec["flat_list_number_item"]))
    openers = tuple(f"{g} " for g in sec["flat_list_glyphs"])
    lines = text.split("\n")
    glyph = None  # the glyph that opened the run of lines this one stands in
    count = None  # the number the next item of the run's numbered list would have

    def numbered(m: re.Match) -> str:
        nonlocal count
        if int(m["n"]) != count:
            return m[0]
        count += 1
        return "\n"

    for i, line in enumerate(lines):
        if not line.strip():
            glyph = count = None
            continue
        if glyph is None and line.startswith(openers):
            glyph = line[0]
        if glyph is not None:
            lines[i] = line = flat.sub(lambda m: "\n" if m["glyph"] == glyph else m[0], line)
        if (m := number_opens.match(line)) is not None:
            count = int(m["n"]) + 1
        if count is not None:
            lines[i] = number_item.sub(numbered, line)
    return "\n".join(lines)


def blocks_from_lines(text: str, rules: Rules, joins: list[int] | None = None) -> list[Block]:
    """Split text into blocks: every non-empty line is one block; an indented line right
    after a bullet continues that bullet, so does one in lower case after a bullet not ended
    by . ! ? : ; ("- Vi ska tillsammans arbeta med våldsprevention, skydda särskilt utsatta" +
    "brottsoffer samt …": polisen-se__asele; www-amal-se__tre-fokusomraden-…,
    www-sollentuna-se__kommunen-samverkar-med-polisen), and a line that starts in lower case right after a
    line of text continues that text (wrapped lines: "Resultatet från trygghetsundersökningen
    visar en önskan om ökad polisiär närvaro i" + "kommunen och att trafikbrott …",
    polisen-se__tanum-2, polisen-se__asele, polisen-se__oskarshamn, 14 pages); in a hard-wrapped
    text (``wrap_width``) a line whose first word would not have fitted on the line above goes on
    with that text or bullet, whatever its first letter. A line of furniture known by its start
    (rules/sections.yaml ``boilerplate_prefixes``: a cookie banner) goes on over the lines that
    would go on with it as text, and they are furniture too, as the whole line is unwrapped ("Vi
    använder kakor (cookies) för att följa upp hur du och andra besökare använder" + "webbplatsen.
    …": www-svedala-se__medborgarlofte-2020; "Javascript är inte påslaget i din webbläsare. …" on
    polisen-se__kalmar and 24 more polisen.se pages; "På bilden, från vänster: …":
    www-hylte-se__…). ``joins`` (when given) gets the offset of each line break inside a block."""
    blocks: list[Block] = []
    width = wrap_width(text, rules)
    above = ""  # the line above, when not blank
    lines, prefixes, shapes = _boilerplate(rules)
    fragment = _fragment(rules).fullmatch
    strip_furniture = link_furniture_stripper(text, rules)
    pos = 0
    prev_item = prev_text = False
    prev_banner = False  # the line above is furniture read by its start ("Vi använder kakor …"), or goes on with it
    dash_list = False  # the block above is an item opened with a dash (dash_item)
    last_line = len(text.rstrip()) - len(text.rstrip().rsplit("\n", 1)[-1])  # where the last line starts
    raws = text.split("\n")
    for at, raw in enumerate(raws):
        start, end = pos, pos + len(raw)
        pos = end + 1
        plain = " ".join(raw.split())
        folded = strip_furniture(plain)
        low = folded.lower()  # is_boilerplate's test, on the words folded once
        if not folded:
            prev_item = prev_text = prev_banner = False
            continue
        line_above, above = above, raw
        wrapped = width is not None and (prev_text or prev_item or prev_banner) \
            and not (BULLET.match(raw) or DASH.match(raw)) and len(line_above.rstrip()) + 1 + len(folded.split()[0]) > width
        if prev_banner and (folded[0].islower() or wrapped):
            continue  # the rest of a wrapped banner is furniture too
        banner = low.startswith(prefixes)
        # a word or two that goes on with the text or item above (below) is no fragment ("… ökad polisiär
        # närvaro" / "i" / "kommunen och …", wrapped once and again narrower: polisen-se__tanum-2)
        cut_word = wrapped or folded[0].islower() and (prev_text or prev_item and blocks[-1].text[-1] not in ".!?:;")
        if banner or low in lines or shapes.fullmatch(low) or start < last_line and fragment(low) and not cut_word:
            prev_item = prev_text = False
            prev_banner = banner
            continue
        if prev_text and (folded[0].islower() or wrapped):
            last = blocks[-1]
            joined = strip_furniture(f"{last.text} {folded}") if wrapped else f"{last.text} {folded}"
            # a wrapped heading stays one ("Mer stöd till barn och unga som riskerar att hamna" +
            # "i gängkriminalitet": goteborg-se__trygg-i-vastra-hisingen-…); a wrapped sentence is text
            short = len(joined) <= rules.sections["heading_max_chars"] and joined[-1] not in ".,;:"
            kind = "heading" if last.kind == "heading" and short else "paragraph"
            blocks[-1] = Block(kind=kind, text=joined, start=last.start, end=end)
            if joins is not None:
                joins.append(start - 1)
            continue
        m = BULLET.match(raw)
        dash = None if m else dash_item(raws, at, dash_list, rules)
        m = m or dash or ellipsis_item(raw, blocks, rules)
        if m and raw[m.end():].strip():
            s = start + m.end()
            item = strip_furniture(" ".join(raw[m.end():].split()))
            blocks.append(Block(kind="item", text=item, start=s, end=end))
            prev_item, prev_text, dash_list = True, False, dash is not None
            continue
        lead = len(raw) - len(raw.lstrip())
        if prev_item and lead > 0 and _topic_over_text(blocks, folded, rules):
            # "• Droger" / "  Droger är vanligt …": a heading and its text
            prev_item, prev_text, dash_list = False, True, False
            blocks.append(Block(kind="paragraph", text=folded, start=start + lead, end=end))
            continue
        if prev_item and (lead > 0 or wrapped or folded[0].islower() and blocks[-1].text[-1] not in ".!?:;"):
            last = blocks[-1]
            joined = strip_furniture(f"{last.text} {folded}") if wrapped else f"{last.text} {folded}"
            blocks[-1] = Block(kind="item", text=joined, start=last.start, end=end)
            if joins is not None:
                joins.append(start - 1)
            continue
        prev_item, prev_text, dash_list = False, True, False
        kind = "heading" if looks_like_heading(raw if folded == plain else folded, rules) else "paragraph"
        blocks.append(Block(kind=kind, text=folded, start=start + lead, end=end))
    if blocks and is_cut_text(blocks, rules):
        last = blocks[-1]
        blocks[-1] = Block(kind="paragraph", text=last.text, start=last.start, end=last.end)
    return blocks


def _topic_over_text(blocks: list[Block], line: str, rules: Rules) -> bool:
    """An indented line under a bullet that names a focus category in a few words is the text under
    that bullet as a heading, not more of the bullet (rules/sections.yaml ``topic_bullet_max_words``):
    "• Droger" / "  Droger är vanligt förkommande … Polisen och kommunen ska …" (polisen-se__robertsfors),
    "• Narkotika/livsstilskriminella" / "  Aktivt användande av rättegångsbalken." (polisen-se__norsjo).
    Not when the list stands under a lead-in ending with ":", whose bullets are its items, each with its
    own lines ("Ökad trygghet och synlighet genom:" / "• Drogförebyggande arbete" / "  Polisen och
    kommunen arbetar …": polisen-se__varmdo; "… lovar under perioden … är:" / "• Nattvandring" /
    "  Syfte: …": polisen-se__lerum)."""
    item = blocks[-1].text
    if not line[:1].isupper() or item[-1:] in ".!?:;," or len(item.split()) > rules.sections["topic_bullet_max_words"] \
            or not categorize(item.replace("/", " "), rules, allow_other=False, fallback=False):
        return False
    above = next((b for b in reversed(blocks) if b.kind != "item"), None)
    return above is None or not above.text.rstrip().endswith(":")


def is_cut_text(blocks: list[Block], rules: Rules) -> bool:
    """The page's last line is a sentence the snapshot cut off, not a heading, when it stands in a
    situation section (the nearest heading above it is a situation heading; not an area's heading of
    no kind under it, polisen-se__markaryd) and has at least ``cut_text_min_words`` words
    (rules/sections.yaml): "Lägesbild" / … / "Utifrån Nässjö kommuns och polisens trygghetsmätningar
    samt underrättelsebild har det fra" (polisen-se__nassjo)."""
    last = blocks[-1]
    if last.kind != "heading" or len(last.text.split()) < rules.sections["cut_text_min_words"] \
            or heading_kind(last.text, rules) is not None:
        return False
    for block in reversed(blocks[:-1]):
        if block.kind == "heading":
            return heading_kind(block.text, rules) == "situation"
    return False
