"""Tables, whatever the format: an activity table (columns such as Aktivitet / Ansvarig /
När, named in rules/sections.yaml) gives one item per row, with "Ansvarig:" and "När:"
kept so that actors and frequency are read from them; any other table gives its rows."""
from __future__ import annotations

from ..rules import Rules


def table_items(rows: list[list[str]], rules: Rules) -> list[str]:
    rows = [[" ".join((c or "").split()) for c in r] for r in rows]
    rows = [r for r in rows if any(r)]
    if not rows:
        return []
    role: dict[int, str] = {}
    for i, cell in enumerate(c.lower() for c in rows[0]):
        for name, words in rules.sections["table_columns"].items():
            if name not in role.values() and any(cell.startswith(w) for w in words):
                role[i] = name
                break
    if "activity" not in role.values():
        return [" | ".join(c for c in r if c) for r in rows]
    out = []
    for r in rows[1:]:
        parts = {role[i]: c for i, c in enumerate(r) if i in role and c}
        text = parts.get("activity", "")
        if not text:
            continue
        extra = []
        if parts.get("actor"):
            extra.append(f"Ansvarig: {parts['actor']}")
        if parts.get("when"):
            extra.append(f"När: {parts['when']}")
        out.append(text.rstrip(".") + "." + (f" ({'; '.join(extra)})" if extra else ""))
    return out
