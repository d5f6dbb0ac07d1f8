"""Rules for the text a user types: kept exactly as typed, with a few things refused."""

from __future__ import annotations

from collections.abc import Iterable

from ritual_tui.domain.errors import ValidationError


def required_text(value: str | None, what: str) -> str:
    """Refuse an empty or whitespace-only ``what`` (e.g. "title"); return the text unchanged."""
    if value is None or not value.strip():
        raise ValidationError(f"The {what} cannot be empty.")
    return storable_text(value, what)


def storable_text(value: str, what: str) -> str:
    """Refuse text that cannot be saved as UTF-8 (bytes from a broken terminal); keep the rest as is."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(
            f"The {what} holds bytes that are not valid UTF-8; retype it or fix the terminal's encoding."
        ) from None
    return value


def one_of(value: str, allowed: Iterable[str], what: str) -> str:
    """Refuse a value outside ``allowed``, listing the allowed ones."""
    allowed = list(allowed)
    if value not in allowed:
        raise ValidationError(f"Unknown {what} {value!r}: use one of {', '.join(allowed)}.")
    return value


# Characters that would act on a terminal or reorder text: C0 and C1 controls, DEL, and the Unicode
# bidi overrides and isolates. Everything else (emoji, RTL letters, accents) shows as itself.
_BIDI = {0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def visible(text: str, keep_newlines: bool = False) -> str:
    """``text`` with every control character and bidi override made visible and inert.

    C0 controls become their Unicode control pictures (ESC → ␛, NUL → ␀, newline → ␊), DEL becomes
    ␡, C1 controls and bidi overrides become their code point (``<U+202E>``). With ``keep_newlines`` a newline stays a
    line break (for multi-line fields shown as blocks). Nothing else changes.
    """
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char == "\n" and keep_newlines:
            out.append(char)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("␡")
        elif 0x80 <= code < 0xA0 or code in _BIDI or 0xD800 <= code < 0xE000:
            out.append(f"<U+{code:04X}>")
        else:
            out.append(char)
    return "".join(out)
