"""Word's automatic numbering: the label ("1.", "a)", "II.", "1.2.") a numbered paragraph shows.

Definitions come from ``word/numbering.xml``: a paragraph's ``w:numPr`` (or its
style's, following ``w:basedOn``) names a numbering instance ``w:num`` and a
level ``w:ilvl``; the instance points to an ``w:abstractNum`` (possibly through
a numbering style, ``w:numStyleLink``) whose ``w:lvl`` gives the start value,
the number format and the label template ``w:lvlText`` ("%1.%2."). As in Word
and LibreOffice, instances of one abstract definition share their counters (one
list continues across them) unless an instance overrides a level's start
(``w:lvlOverride/w:startOverride``: "Restart numbering"), which restarts that
level the first time the instance is used. Counting a level resets the levels
below it (or as ``w:lvlRestart`` says).
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
_VAL = f"{{{W}}}val"
BULLET = "•"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""  # w:lvlText, e.g. "%1.%2."
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level (0: never)
    legal: bool = False  # w:isLgl: every level's number shown as decimal


def _val(parent, path: str) -> str | None:
    found = parent.find(path, NS)
    return None if found is None else found.get(_VAL)


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def parse_level(lvl) -> Level:
    """A ``w:lvl`` element as a Level."""
    return Level(start=_int(_val(lvl, "w:start"), 1), fmt=_val(lvl, "w:numFmt") or "decimal",
                 text=_val(lvl, "w:lvlText") or "", restart=_int(_val(lvl, "w:lvlRestart"), None),
                 legal=lvl.find("w:isLgl", NS) is not None and _val(lvl, "w:isLgl") not in ("0", "false"))


def format_number(value: int, fmt: str) -> str:
    """``value`` written in the list format ``fmt`` (decimal, lowerLetter, upperRoman …)."""
    if fmt in ("lowerRoman", "upperRoman") and value > 0:
        out, rest = "", value
        for amount, digits in _ROMAN:
            while rest >= amount:
                out, rest = out + digits, rest - amount
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("lowerLetter", "upperLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # Word: a … z, aa … zz
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "decimalEnclosedCircle" and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if fmt == "none":
        return ""
    return str(value)  # decimal, and every other format read as decimal


class NumberingDefinitions:
    """The list definitions of one document: ``w:abstractNum``, ``w:num`` (with overrides) and numbered styles."""

    def __init__(self, numbering_xml: etree._Element | None, styles_xml: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._abstract_link: dict[str, str] = {}  # abstractNumId → numbering style id (numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, Level], dict[int, int]]] = {}  # numId → (abstract, lvls, starts)
        self._style_num: dict[str, tuple[str | None, str | None]] = {}
        self._style_based: dict[str, str] = {}
        if styles_xml is not None:
            self._read_styles(styles_xml)
        if numbering_xml is not None:
            self._read_numbering(numbering_xml)

    def _read_styles(self, styles_xml) -> None:
        for style in styles_xml.iterfind("w:style", NS):
            style_id = style.get(f"{{{W}}}styleId") or ""
            num_pr = style.find("w:pPr/w:numPr", NS)
            if num_pr is not None:
                self._style_num[style_id] = (_val(num_pr, "w:numId"), _val(num_pr, "w:ilvl"))
            based = _val(style, "w:basedOn")
            if based:
                self._style_based[style_id] = based

    def _read_numbering(self, numbering_xml) -> None:
        for abstract in numbering_xml.iterfind("w:abstractNum", NS):
            key = abstract.get(f"{{{W}}}abstractNumId") or ""
            levels = {_int(lvl.get(f"{{{W}}}ilvl"), 0): parse_level(lvl) for lvl in abstract.iterfind("w:lvl", NS)}
            self._abstract[key] = levels
            link = _val(abstract, "w:numStyleLink")
            if link:
                self._abstract_link[key] = link
        for num in numbering_xml.iterfind("w:num", NS):
            overrides: dict[int, Level] = {}
            starts: dict[int, int] = {}
            for override in num.iterfind("w:lvlOverride", NS):
                ilvl = _int(override.get(f"{{{W}}}ilvl"), 0)
                lvl = override.find("w:lvl", NS)
                if lvl is not None:
                    overrides[ilvl] = parse_level(lvl)
                start = _int(_val(override, "w:startOverride"), None)
                if start is not None:
                    starts[ilvl] = start
            self.nums[num.get(f"{{{W}}}numId") or ""] = (_val(num, "w:abstractNumId") or "", overrides, starts)

    def _resolve_abstract(self, abstract_id: str, depth: int = 0) -> str:
        """Follow ``w:numStyleLink`` → the style's numId → its abstractNum (a numbering style)."""
        link = self._abstract_link.get(abstract_id)
        if link and depth < 5:
            num_id, _ = self._style_num.get(link, (None, None))
            if num_id in self.nums:
                return self._resolve_abstract(self.nums[num_id][0], depth + 1)
        return abstract_id

    def numbering_of(self, num_pr, style_id: str) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph from its own ``w:numPr`` or its style chain; None when not numbered."""
        num_id = ilvl = None
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "w:numId"), _val(num_pr, "w:ilvl")
        seen = 0
        while (num_id is None or ilvl is None) and style_id and seen < 20:
            style_num, style_ilvl = self._style_num.get(style_id, (None, None))
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
            style_id, seen = self._style_based.get(style_id, ""), seen + 1
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        return num_id, _int(ilvl, 0) or 0

    def levels(self, num_id: str) -> tuple[str, dict[int, Level]]:
        """The abstract definition's id (whose counters the list uses) and its levels with the overrides applied."""
        abstract_id, overrides, _ = self.nums[num_id]
        abstract_id = self._resolve_abstract(abstract_id)
        return abstract_id, {**self._abstract.get(abstract_id, {}), **overrides}


class Numbering:
    """The running counters of a document's lists: the label each numbered paragraph shows, in order."""

    def __init__(self, numbering_xml: etree._Element | None, styles_xml: etree._Element | None) -> None:
        self.definitions = NumberingDefinitions(numbering_xml, styles_xml)
        self._counters: dict[str, dict[int, int]] = {}
        self._seen_nums: set[str] = set()

    def numbering_of(self, num_pr, style_id: str) -> tuple[str, int] | None:
        """(numId, ilvl) of a paragraph, or None (see ``NumberingDefinitions.numbering_of``)."""
        return self.definitions.numbering_of(num_pr, style_id)

    def next_label(self, num_id: str, ilvl: int) -> str:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return the label it shows."""
        abstract_id, levels = self.definitions.levels(num_id)
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._seen_nums:
            self._seen_nums.add(num_id)
            for level, start in self.definitions.nums[num_id][2].items():
                counters[level] = start - 1  # "Restart numbering": this instance starts afresh
                for lower in [k for k in counters if k > level]:
                    del counters[lower]
        level = levels.get(ilvl, Level())
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for lower in [k for k in counters if k > ilvl]:
            restart = levels.get(lower, Level()).restart
            if restart is None or (restart != 0 and ilvl + 1 <= restart):
                del counters[lower]
        return self._label(level, levels, counters, ilvl)

    @staticmethod
    def _label(level: Level, levels: dict[int, Level], counters: dict[int, int], ilvl: int) -> str:
        if level.fmt == "bullet":
            text = level.text.strip()
            return text if text and all(ch.isprintable() and not 0xE000 <= ord(ch) <= 0xF8FF for ch in text) \
                else BULLET
        label = level.text
        for shown in range(9):
            token = f"%{shown + 1}"
            if token not in label:
                continue
            shown_level = levels.get(shown, Level())
            value = counters.get(shown, shown_level.start)
            fmt = "decimal" if level.legal and shown < ilvl and shown_level.fmt != "decimalZero" else shown_level.fmt
            label = label.replace(token, format_number(value, fmt))
        return label.strip()
