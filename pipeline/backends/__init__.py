"""Format backends: each turns raw bytes into one ``Document`` (plain text + blocks)."""

# The glyphs that open a list item in every backend (besides "-" and "1." / "1)"; not the en dash,
# which mostly opens a quote): as Unicode, and as the code points of Word's symbol fonts that a
# pasted or extracted list keeps (U+F0B7 •, U+F0A7 ▪, U+F076 ❖, U+F0D8 ➢, U+F0FC ✓).
LIST_GLYPHS = "•▪●◦‣∙·*❖➢✓\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
