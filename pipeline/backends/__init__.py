"""Format backends: each turns raw bytes into one ``Document`` (plain text + blocks)."""
import re
import unicodedata

# The glyphs that open a list item in every backend (besides "-" and "1." / "1)"; not the en dash,
# which mostly opens a quote, nor an arrow, which mostly opens a link's line "→ Läs mer"): as
# Unicode (Word's and PDF generators' bullet shapes: squares, diamonds, circles, pointers, ticks,
# the hyphen bullet), and as the code points of Word's symbol fonts that a pasted or extracted
# list keeps (U+F0B7 •, U+F0A7 ▪, U+F076 ❖, U+F0D8 ➢, U+F0FC ✓).
LIST_GLYPHS = "•▪●◦‣∙·*❖➢✓■□◆◇♦○►▶➤✔❑⁃\uf0b7\uf0a7\uf076\uf0d8\uf0fc"

# Characters a publisher's tools put in words that are no part of them: a soft hyphen (&shy;, a
# CMS's hyphenation hint: "brotts\u00adförebyggande"), zero-width spaces and joiners, a word joiner,
# a byte order mark inside the text (dropped); Word's hyphen and non-breaking hyphen ("2023\u20112024",
# read as "-"); a PDF font's ligatures ("tra\ufb01k" for "trafik", spelt out).
_SPELT = {"\u2010": "-", "\u2011": "-", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
          "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_IN_WORDS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u2010\u2011\ufb00-\ufb06]")


def fold_characters(text: str) -> str:
    """The text as the rules read it, whatever tool wrote it: the characters above dropped or
    spelt out as the rules' words have them, and letters composed (NFC: "a" + ring above, as macOS
    and some PDFs give "å", is "å"), so that every word list matches (bench/perturb.py
    ``unicode_forms``)."""
    if _IN_WORDS.search(text):
        text = _IN_WORDS.sub(lambda m: _SPELT.get(m[0], ""), text)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
