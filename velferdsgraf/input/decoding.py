"""Bytes to text: BOMs, UTF-8, the Windows-1252 files Norwegian offices produce, and no silent guesses.

Every way of failing raises :class:`~velferdsgraf.errors.InputError` with a one-line reason:
``"empty file"``, ``"binary file, not text"``, ``"unknown text encoding: …"``,
``"text looks wrongly decoded (mojibake …)"``.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never occur in text files (tab, LF, VT, FF, CR, DOS end-of-file and ESC excluded).
_CONTROL_BYTES = bytes(range(0, 8)) + bytes(range(14, 26)) + bytes(range(28, 32)) + b"\x7f"
_BINARY_CONTROL_RATIO = 0.05

# UTF-8 read as Windows-1252/Latin-1 (once or twice): "Ã¸" for ø, "â€“" for –, "Â«" for «.
_CP1252_HIGH = "\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"Ã[\u0080-\u00bf{_CP1252_HIGH}]|â€[\u0080-\u00bf{_CP1252_HIGH}]|Â[\u00a0-\u00bf]")

NEWLINE = b"\n"
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")

# Characters a Windows-1252 decoding of Norwegian text should not contain: they are what
# cp850 or Mac Roman bytes for æ, ø, å turn into ("B‘rum", "B¾rum", "p†").
_RARE = set("†‡ˆ‰‹›ŒŽ˜œžŸ¤¦¨¬¯¸¿ƒ") | {chr(c) for c in range(0x80, 0xA0)}
_NON_ASCII = re.compile("[^\x00-\x7f]")
_IN_WORD_OK = set("’´`·\u00ad")
_COMMON_NON_ASCII = set("æøåÆØÅéèêëóòôüäöÄÖÜÉ«»–—’‘“”„…•€§°½\u00a0")
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "ascii"}
# WHATWG: browsers read these labels as Windows-1252.
_DECLARED_AS_CP1252 = {"latin_1", "iso8859_1", "ascii", "cp1252"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and the codec that was used."""

    text: str
    encoding: str


def decode_text(data: bytes, path: Path, *, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes, or raise InputError saying why it cannot be done safely.

    Order: BOM (UTF-8/16/32), binary check, UTF-8, the ``declared`` charset (an HTML
    ``<meta charset>``), then Windows-1252 when charset-normalizer agrees or the text is
    plainly Norwegian. Anything else is refused rather than guessed.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(path, f"invalid {codec.upper()} after byte order mark (bad bytes at offset {e.start + len(bom)})") from e
            return _checked(Decoded(text, codec), path)
    if b"\x00" in data:
        if _looks_like_bomless_utf16(data):
            raise InputError(path, "UTF-16 text without a byte order mark; save it as UTF-8")
        raise InputError(path, "binary file, not text")
    if _control_ratio(data) > _BINARY_CONTROL_RATIO:
        raise InputError(path, "binary file, not text")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"), path)
    except UnicodeDecodeError as e:
        utf8_error = e
    codec = _codec_name(declared)
    if codec and codec != "utf_8":
        codec = "cp1252" if codec in _DECLARED_AS_CP1252 else codec
        try:
            return _checked(Decoded(data.decode(codec), codec), path)
        except UnicodeDecodeError:
            pass  # the declaration is wrong; detect instead
    return _checked(_decode_western(data, path, utf8_error), path)


def find_mojibake(text: str) -> str | None:
    """The first mojibake sequence (UTF-8 read as Windows-1252, like ``"Ã¸"``), or None."""
    match = _MOJIBAKE.search(text)
    return match.group() if match else None


def _checked(decoded: Decoded, path: Path) -> Decoded:
    text = decoded.text
    if not text.strip():
        raise InputError(path, "empty file")
    if "\x00" in text:
        raise InputError(path, "binary file, not text")
    match = _MOJIBAKE.search(text)
    if match:
        line = text.count("\n", 0, match.start()) + 1
        raise InputError(path, f"text looks wrongly decoded (mojibake {match.group()!r} on line {line}); save the file as UTF-8")
    return decoded


def _decode_western(data: bytes, path: Path, utf8_error: UnicodeDecodeError) -> Decoded:
    from charset_normalizer import from_bytes

    offset = utf8_error.start
    where = f"byte 0x{data[offset]:02x} at offset {offset}, line {data.count(NEWLINE, 0, offset) + 1}"
    if len(_UTF8_MULTIBYTE.findall(data, 0, 1 << 20)) >= 2:
        # Mostly UTF-8 with a damaged byte: any other codec would garble the good part.
        raise InputError(path, f"invalid UTF-8 ({where}) in a file that is otherwise UTF-8")
    bad = f"not valid UTF-8 ({where})"
    try:
        candidate: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        candidate = None
    if candidate is not None and (odd := _implausible(candidate)) is not None:
        raise InputError(path, f"unknown text encoding: {bad}, and Windows-1252 gives implausible text ({odd!r})")
    best = from_bytes(data).best()
    guess = best.encoding if best is not None else None
    if candidate is not None:
        agrees = best is not None and (guess in _WESTERN or "cp1252" in best.could_be_from_charset)
        if agrees or _non_ascii(candidate) <= _COMMON_NON_ASCII:
            return Decoded(candidate, "cp1252")
    why = f"detection is unsure (best guess: {guess})" if guess else "detection found no encoding"
    raise InputError(path, f"unknown text encoding: {bad}, and {why}")


def _implausible(text: str) -> str | None:
    """A short snippet around the first character unlikely in Norwegian Windows-1252 text."""
    for match in _NON_ASCII.finditer(text):
        i, ch = match.start(), match.group()
        in_word = (
            not ch.isalpha()
            and ch not in _IN_WORD_OK
            and 0 < i < len(text) - 1
            and text[i - 1].isalpha()
            and text[i + 1].isalpha()
        )
        if ch in _RARE or in_word:
            return text[max(0, i - 3): i + 4].strip()
    return None


def _non_ascii(text: str) -> set[str]:
    return {ch for ch in set(text) if ch >= "\u0080"}


def _control_ratio(data: bytes) -> float:
    sample = data[:65536]
    return (len(sample) - len(sample.translate(None, _CONTROL_BYTES))) / len(sample)


def _looks_like_bomless_utf16(data: bytes) -> bool:
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros in (odd, even):
        if zeros and zeros.count(0) / len(zeros) > 0.9:
            return True
    return False


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().lower()).name.replace("-", "_")
    except LookupError:
        return None
