"""Markdown reports (.md, .markdown): the text with the markup taken out, title from the first heading.

This is not a full CommonMark renderer. It removes what would otherwise end up inside
entity names and sentences: heading and list markers, emphasis, links (the link text stays),
images (the alt text stays), code fences, tables (cells joined by tabs), quotes, rules,
HTML tags and comments, reference definitions and YAML front matter (whose ``title`` and
``date`` are used). The Document text is the cleaned text, so offsets index it.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .decoding import decode_text
from .types import Extracted

# Inline markup (emphasis, links) spans at most this many characters, a long paragraph: an
# opening mark with no closing one then costs a bounded scan, not one to the end of the line
# (a line of "*a *a …" would otherwise take time growing with the square of its length).
_SPAN = 500
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_LIST = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_TABLE_SEPARATOR = re.compile(r"^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]^]+\]:[ \t]+\S+.*$")
_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]]+\]:[ \t]*")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_IMAGE = re.compile(rf"!\[([^\]]{{0,{_SPAN}}})\]\([^)]{{0,{_SPAN}}}\)")
_LINK = re.compile(rf"\[([^\]]{{1,{_SPAN}}})\](?:\([^)]{{0,{_SPAN}}}\)|\[[^\]]{{0,{_SPAN}}}\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_AUTOLINK = re.compile(rf"<((?:https?|ftp)://[^>\s]{{1,{_SPAN}}}|[^>\s@]{{1,{_SPAN}}}@[^>\s@]{{1,{_SPAN}}})>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(rf"(\*\*|__)(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)\1")
_STAR = re.compile(rf"\*(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)\*")
_UNDERSCORE = re.compile(rf"(?<![\w])_(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)_(?![\w])")
_STRIKE = re.compile(rf"~~(?=\S)(.{{1,{_SPAN}}}?)(?<=\S)~~")
_ESCAPE = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")
_PARKED = 0xF0000
_UNPARK = re.compile(f"[{chr(_PARKED)}-{chr(_PARKED + 127)}]")


def read_markdown(data: bytes, path: Path) -> Extracted:
    """Decode a Markdown file and strip its markup (see the module docstring)."""
    decoded = decode_text(data, path)
    text, title, front = markdown_to_text(decoded.text)
    return Extracted(text=text, title=front.get("title") or title, date=front.get("date"), meta={"encoding": decoded.encoding})


def markdown_to_text(markdown: str) -> tuple[str, str | None, dict[str, str]]:
    """Plain text, the first heading, and the front-matter fields of a Markdown string."""
    source = markdown.replace("\r\n", "\n").replace("\r", "\n")
    front: dict[str, str] = {}
    if match := _FRONT_MATTER.match(source):
        front = _front_matter(match.group(1))
        source = source[match.end():]
    lines = _strip_comments(source).split("\n")
    out: list[str] = []
    title: str | None = None
    fence: str | None = None
    in_table = False
    for i, line in enumerate(lines):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            else:
                out.append(line)
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)[0] * len(m.group(1))
            continue
        next_line = lines[i + 1] if i + 1 < len(lines) else ""
        if _SETEXT.match(next_line) and line.strip() and not _RULE.match(line) and not in_table:
            heading = inline_to_text(line.strip())
            title = title or heading
            out.append(heading)
            continue
        if _SETEXT.match(line) and out and out[-1].strip() and not in_table:
            continue  # the underline of a heading just written
        if _RULE.match(line) or _REFERENCE.match(line):
            out.append("")
            continue
        if m := _ATX.match(line):
            heading = inline_to_text(m.group(1) or "")
            title = title or heading or None
            out.append(heading)
            continue
        while m := _QUOTE.match(line):
            line = line[m.end():]
        if _TABLE_SEPARATOR.match(line) and "|" in line + next_line:
            in_table = True
            continue
        if "|" in line and (in_table or _TABLE_SEPARATOR.match(next_line)):
            in_table = True
            out.append("\t".join(inline_to_text(c.strip()) for c in _cells(line)))
            continue
        in_table = False
        line = _FOOTNOTE.sub("", _LIST.sub(r"\1", line))
        out.append(inline_to_text(line))
    return "\n".join(out), title, front


def _strip_comments(text: str) -> str:
    """``text`` without HTML comments (``<!-- … -->``); an unclosed one stays, as the regex left it.

    A scan with str.find: linear, where ``<!--.*?-->`` retried from every unclosed opening.
    """
    parts: list[str] = []
    pos = 0
    while (start := text.find("<!--", pos)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[pos:start])
        pos = end + 3
    parts.append(text[pos:])
    return "".join(parts)


def inline_to_text(line: str) -> str:
    """One line of Markdown without its inline markup; code spans are kept verbatim."""
    parts: list[str] = []
    pos = 0
    for m in _CODE_SPAN.finditer(line):
        parts.append(_strip_inline(line[pos:m.start()]))
        parts.append(m.group(2).strip() if m.group(2).strip() else m.group(2))
        pos = m.end()
    parts.append(_strip_inline(line[pos:]))
    text = "".join(parts)
    return text[:-1] if text.endswith("\\") else text  # a hard line break


def _strip_inline(text: str) -> str:
    # Escaped characters are parked in a private-use plane so no pattern below sees them.
    text = _ESCAPE.sub(lambda m: chr(_PARKED + ord(m.group(1))), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for pattern in (_STRONG, _STRIKE):
        text = pattern.sub(lambda m: m.group(m.lastindex or 0), text)
    text = _STAR.sub(r"\1", text)
    text = _UNDERSCORE.sub(r"\1", text)
    text = html.unescape(text)
    return _UNPARK.sub(lambda m: chr(ord(m.group()) - _PARKED), text)


def _cells(row: str) -> list[str]:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return [c.replace("\\|", "|") for c in re.split(r"(?<!\\)\|", row)]


def _front_matter(block: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip() in ("title", "date"):
            fields[key.strip()] = value.strip().strip("'\"")
    return fields
