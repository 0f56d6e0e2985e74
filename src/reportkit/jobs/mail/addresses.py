"""E-mail addresses and header text: what may go into a message header, and nothing more.

A unit name or a plan field can hold anything a YAML file can (CR, LF, tabs, Unicode line
separators, "Bcc: …"): ``header_text`` folds every such character to a space, so a value
never starts a new header line. Addresses are parsed by the standard library's RFC 5322
parser (``email.headerregistry.Address``) and refused when it reports any defect.
"""

from __future__ import annotations

import re
from email.errors import HeaderParseError
from email.headerregistry import Address

_BREAKS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")
_SPACES = re.compile(r"\s+")


def header_text(value: object) -> str:
    """``value`` as one header-safe line: control characters and line breaks become single spaces."""
    return _SPACES.sub(" ", _BREAKS.sub(" ", str(value))).strip()


def parse_address(text: str, display_name: str = "") -> Address | None:
    """``text`` as one Address (with ``display_name``, made header-safe), or None when it is not one valid
    address ``local@domain`` (no display name, no comment, no second address, no line break)."""
    text = str(text).strip()
    if not text or _BREAKS.search(text) or text.count("@") != 1:
        return None
    local, domain = text.split("@")
    if not local or "." not in domain or domain.startswith(".") or domain.endswith("."):
        return None
    try:
        address = Address(display_name=header_text(display_name), addr_spec=text)
    except (HeaderParseError, ValueError, IndexError):  # the parser's defects are ValueError subclasses
        return None
    return address if address.addr_spec == text else None


def split_addresses(emails: tuple[str, ...], display_name: str = "") -> tuple[list[Address], list[str]]:
    """The valid addresses among ``emails`` (duplicates dropped, case-insensitively) and the invalid ones."""
    valid: list[Address] = []
    invalid: list[str] = []
    seen: set[str] = set()
    for text in emails:
        address = parse_address(text, display_name)
        if address is None:
            invalid.append(header_text(text))
        elif address.addr_spec.lower() not in seen:
            seen.add(address.addr_spec.lower())
            valid.append(address)
    return valid, invalid
