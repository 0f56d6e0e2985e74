"""The units a plan names: full names → codes and aliases, abbreviations, lists of units, collective references.

A unit is named in full with a unit-kind word ("Phòng Hành chính – Tổng hợp",
"Khoa Khám bệnh", "Tổ Toán – Tin", "Ban Giám hiệu"). Its code is an ASCII slug
of its initials without the kind word (hcth; unique); its aliases are the
initials in capitals and the name without the kind word, plus what the
document defines: "(gọi tắt là …)", "(viết tắt: …)". A list of units is split
on ";" and "," only where each part is a known unit or starts with a kind word
("Phòng Tài chính, Kế hoạch" stays one unit). "các khoa", "các phòng" refer to
every unit of that kind.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from reportkit.text import fold_key, to_nfc

# folded kind words, longest first; the leadership ones give the code "lanh-dao"
KIND_WORDS = (
    "ban giam doc", "ban giam hieu", "ban lanh dao", "lanh dao", "ban chap hanh cong doan", "cong doan",
    "doan thanh nien", "lien chi doan", "chi doan", "bo mon", "chi bo", "trung tam", "van phong", "bo phan", "phong", "khoa", "to",
    "ban", "tram", "doi", "xuong", "phan hieu", "hoi",
)
_LEADERSHIP = ("ban giam doc", "ban giam hieu", "ban lanh dao", "lanh dao")
_KIND_RE = re.compile(r"^(?:" + "|".join(k.replace(" ", r"\s+") for k in KIND_WORDS) + r")\b")
_SHORT_PREFIX = {"p": "Phòng", "k": "Khoa", "t": "Tổ", "bp": "Bộ phận", "tt": "Trung tâm"}
_SHORT_PREFIX_RE = re.compile(r"^(p|k|bp|tt)\s*\.\s*", re.IGNORECASE)
_DEFINED_RE = re.compile(
    r"\(\s*(?:sau đây\s+)?(?:gọi tắt là|gọi tắt|viết tắt là|viết tắt|gọi là)\s*:?\s*[\"“]?([^)\"”]{1,40})[\"”]?\s*\)",
    re.IGNORECASE,
)
_COLLECTIVE_RE = re.compile(r"^(?:(?:truong|lanh dao)\s+)?(?:cac|toan the(?: cac)?|tat ca(?: cac)?)\s+(.+)$")
_TRAILING_RE = re.compile(r"\s*(?:\(.*\)|chủ trì|phối hợp|thực hiện)\s*$", re.IGNORECASE)


@dataclass
class Unit:
    """A unit of the draft."""

    code: str
    name: str
    aliases: list[str] = field(default_factory=list)

    @property
    def kind(self) -> str:
        m = _KIND_RE.match(fold_key(self.name))
        return m.group(0) if m else ""


@dataclass(frozen=True)
class Mention:
    """What a piece of text names: known unit codes, or an unknown name."""

    codes: tuple[str, ...] = ()
    unknown: str = ""
    collective: str = ""  # the collective phrase ("các khoa"), when one was expanded
    via_initials: str = ""  # an abbreviation matched by initials only (a guess the user must confirm)


def is_unit_name(text: str) -> bool:
    """True when ``text`` starts with a unit-kind word ("Phòng …", "Khoa …", "Ban Giám hiệu")."""
    return bool(_KIND_RE.match(fold_key(_expand_prefix(text))))


def initials(name: str) -> str:
    """The capital initials of a name without its kind word ("Phòng Hành chính – Tổng hợp" → "HCTH")."""
    words = re.findall(r"\w+", bare_name(name))
    return "".join(w[0] for w in words if not w.isdigit()).upper()


def bare_name(name: str) -> str:
    """The name without its kind word ("Phòng Hành chính – Tổng hợp" → "Hành chính – Tổng hợp")."""
    folded = fold_key(name)
    m = _KIND_RE.match(folded)
    if not m or m.group(0) in _LEADERSHIP:
        return name
    words = len(m.group(0).split())
    return " ".join(name.split()[words:]) or name


def slug(text: str) -> str:
    """An ASCII slug ("Dân vận" → "dan-van")."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _expand_prefix(text: str) -> str:
    m = _SHORT_PREFIX_RE.match(text.strip())
    if not m:
        return text.strip()
    return f"{_SHORT_PREFIX[m.group(1).lower()]} {text.strip()[m.end():]}"


class UnitRegistry:
    """The draft's units, in the order the document names them, with their look-up keys."""

    def __init__(self) -> None:
        self.units: list[Unit] = []
        self._index: dict[str, str] = {}
        self.collectives: dict[str, tuple[str, ...]] = {}  # "cac to chuyen mon" → the members the document lists

    def add(self, name: str) -> Unit:
        """The unit called ``name``, added when new (code from its initials, unique)."""
        name = to_nfc(_expand_prefix(_TRAILING_RE.sub("", name.strip(" .;:,"))))
        known = self.find(name)
        if known:
            return self.unit(known)
        kind = _KIND_RE.match(fold_key(name))
        short = initials(name)
        if len(short) < 2:  # one word: "Tổ Văn" → van; a common word is no name: "Công đoàn trường" → cdt
            word = bare_name(name)
            short = word if word[:1].isupper() else "".join(w[0] for w in re.findall(r"\w+", name))
        base = "lanh-dao" if kind and kind.group(0) in _LEADERSHIP else (slug(short) or slug(name) or "don-vi")
        code, n = base, 2
        while any(u.code == code for u in self.units):
            code, n = f"{base}-{n}", n + 1
        unit = Unit(code, name)
        self.units.append(unit)
        self._key(name, code)
        for alias in (initials(name), bare_name(name)):
            self.add_alias(unit, alias)
        return unit

    def add_alias(self, unit: Unit, alias: str) -> None:
        """Record ``alias`` for ``unit`` unless another unit already uses it."""
        alias = to_nfc(alias.strip())
        if len(alias) < 2 or alias == unit.name or fold_key(alias) in self._index and self._index[fold_key(alias)] != unit.code:
            return
        if alias not in unit.aliases:
            unit.aliases.append(alias)
        self._key(alias, unit.code)

    def _key(self, text: str, code: str) -> None:
        self._index.setdefault(fold_key(text), code)

    def unit(self, code: str) -> Unit:
        return next(u for u in self.units if u.code == code)

    def find(self, text: str) -> str | None:
        """The code of the unit ``text`` names (name, alias or code; case, accents and dashes ignored)."""
        if fold_key(text) in self._index:
            return self._index[fold_key(text)]
        key = fold_key(_expand_prefix(text))
        if key in self._index:
            return self._index[key]
        m = _KIND_RE.match(key)
        if m and m.group(0) not in _LEADERSHIP:  # "Phòng KHTC" for a unit known as "KHTC", of the same kind
            code = self._index.get(key[m.end():].strip())
            if code and self.unit(code).kind in ("", m.group(0)):
                return code
        return None

    def define_abbreviations(self, text: str) -> None:
        """Aliases the document defines after a unit's full name: "Phòng Tổ chức – Hành chính (gọi tắt là TCHC)"."""
        for m in _DEFINED_RE.finditer(text):
            before = fold_key(text[: m.start()])
            for unit in sorted(self.units, key=lambda u: -len(u.name)):
                if before.rstrip().endswith(fold_key(unit.name)):
                    self.add_alias(unit, m.group(1).strip())
                    break

    def mention(self, text: str, register: bool = True) -> list[Mention]:
        """The units a cell or phrase names, split as described in the module docstring."""
        return [read_mention(self, part, register) for part in split_units(text, self)]


def read_mention(registry: UnitRegistry, part: str, register: bool) -> Mention:
    """What one part of a list of units names: a known unit, a collective reference, an abbreviation, a new unit."""
    defined = _DEFINED_RE.search(part)
    if defined and part[: defined.start()].strip():
        found = read_mention(registry, part[: defined.start()].strip(), register)
        if len(found.codes) == 1 and not found.collective:
            registry.add_alias(registry.unit(found.codes[0]), defined.group(1).strip())
        return found
    part = re.sub(r"\s*\([^)]*\)\s*$", "", part).strip() or part
    code = registry.find(part)
    if code:
        return Mention((code,))
    collective = _COLLECTIVE_RE.match(fold_key(part))
    listed = registry.collectives.get(re.sub(r"^(?:truong|lanh dao)\s+", "", fold_key(part)))
    if collective and listed:
        return Mention(listed, collective=part)
    if collective:
        kinds = [w.strip() for w in re.split(r",|\bva\b", collective.group(1))]
        codes = tuple(u.code for u in registry.units if any(u.kind and k.startswith(u.kind) for k in kinds))
        return Mention(codes, collective=part)
    key = fold_key(part).replace(" ", "")
    by_initials = [u.code for u in registry.units if fold_key(initials(u.name)) == key]
    if len(by_initials) == 1 and part.isupper():
        return Mention((by_initials[0],), via_initials=part)
    if is_unit_name(part) and register:
        return Mention((registry.add(part).code,))
    return Mention(unknown=part)


def split_units(text: str, registry: UnitRegistry) -> list[str]:
    """Split a list of units on ";", then on "," and "và" where the part after is a unit (known or with a kind word).

    A part that is not a unit belongs to the name before it ("Phòng Tài chính, Kế toán" stays one unit); a
    collective reference ("các phòng, bộ phận") is kept whole.
    """
    out: list[str] = []
    for piece in re.split(r"\s*;\s*|\n+", text):
        piece = piece.strip(" .,:-–")
        if not piece:
            continue
        if _COLLECTIVE_RE.match(fold_key(piece)):
            out.append(piece)
            continue
        parts: list[str] = []
        for m in re.finditer(r"(?:^|,\s*|\s+và\s+)((?:(?!,|\s+và\s+).)+)", piece):
            part = m.group(1).strip(" .")
            if parts and not (registry.find(part) or is_unit_name(part)):
                parts[-1] = piece[piece.find(parts[-1]): m.end()].strip(" .")
            elif part:
                parts.append(part)
        out.extend(parts or [piece])
    return out


_NAME_START_RE = re.compile(
    r"(?:(?<=\s)|^)(?:Văn phòng|Phòng|Khoa|Tổ|Ban|Trung tâm|Bộ phận|Bộ môn|Công đoàn|Đoàn|Liên chi đoàn|Chi đoàn|Trạm|Đội|Lãnh đạo)\s")


def register_named_units(registry: UnitRegistry, text: str) -> None:
    """Units the text defines with an abbreviation ("Phòng Kế hoạch – Tài chính (sau đây gọi tắt là Phòng KHTC)")
    or lists in brackets ("các tổ chuyên môn (Tổ Toán – Tin, Tổ Ngữ văn)")."""
    for m in _DEFINED_RE.finditer(text):
        segment = re.split(r"[;:()]|,\s", text[max(0, m.start() - 160): m.start()])[-1]
        start = _NAME_START_RE.search(segment)
        if start and is_unit_name(segment[start.start():]):
            unit = registry.add(segment[start.start():].strip())
            registry.add_alias(unit, m.group(1).strip())
    for m in re.finditer(r"\(([^()]{3,300})\)", text):
        parts = [p.strip() for p in re.split(r",\s*|;\s*", m.group(1))]
        if len(parts) > 1 and all(is_unit_name(p) and len(p) < 60 for p in parts):
            codes = tuple(registry.add(part).code for part in parts)
            before = re.search(r"(?:các|toàn thể)\s+[^,;:()]{2,40}$", text[: m.start()].rstrip(), re.IGNORECASE)
            if before:  # "các tổ chuyên môn (Tổ Toán – Tin, Tổ Ngữ văn)": the list is what the phrase means
                registry.collectives[fold_key(before.group(0))] = codes
