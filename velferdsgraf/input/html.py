"""HTML reports (.html, .htm): the article body, without menus, footers and cookie banners.

trafilatura (precision settings) does the extraction; when it is missing, fails, or finds
nothing, a plain lxml reader takes over: it drops navigation, headers and footers outside
the article, cookie and consent boxes, scripts and forms, and reads ``<article>``, ``<main>``
or the body. Title and date come from trafilatura, or from ``<h1>``/``<title>`` and
``article:published_time``/``<time datetime>`` metadata.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import InputError
from .dates import iso_date
from .decoding import decode_text
from .fileio import DEFAULT_MAX_BYTES, format_size
from .limits import MAX_HTML_BYTES
from .types import Extracted

logger = logging.getLogger(__name__)

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_SPACE_RUN = re.compile(r"\s+")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What the parsers leave of a malformed numeric character reference ("&#xZZZ;", "&#;") or of one
# naming no character ("&#99999999;" -> U+FFFD): noise that would otherwise end up in names.
_BROKEN_REFERENCE = re.compile(r"&#(?:[xX][0-9A-Za-z]{0,8}|[0-9A-Za-z]{0,10});?|\ufffd")

_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select", "nav", "aside", "menu", "dialog")
_DROP_OUTSIDE_ARTICLE = ("header", "footer")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"}
_BOILERPLATE_WORDS = {
    "cookie", "cookies", "consent", "gdpr", "nav", "navbar", "navigation", "menu", "breadcrumb",
    "breadcrumbs", "footer", "sidebar", "share", "social", "skip", "skiplink", "popup", "modal", "newsletter",
}
_BLOCK_TAGS = {
    "address", "article", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr", "ul",
}
_DATE_META = ("article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "pubdate", "publish-date", "publication_date")


@dataclass(frozen=True, slots=True)
class _Article:
    text: str
    title: str | None
    date: str | None


def read_html(data: bytes, path: Path) -> Extracted:
    """The article text, title and date of an HTML page."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(path, f"HTML page too large ({format_size(len(data))} > {format_size(MAX_HTML_BYTES)} limit)")
    found = _DECLARED_CHARSET.search(data[:4096])
    declared = (found.group(1) or found.group(2)).decode("ascii") if found else None
    decoded = decode_text(data, path, declared=declared)
    # lxml refuses strings with control characters ("All strings must be XML compatible").
    markup = _CONTROL_CHARS.sub("", _XML_DECLARATION.sub("", decoded.text))
    article = _with_trafilatura(markup)
    try:
        fallback = _with_lxml(markup, path)  # also the source of a missing title or date
    except InputError:
        if article is None or not article.text.strip():
            raise
        fallback = _Article(text="", title=None, date=None)
    extractor = "trafilatura"
    if article is None or not article.text.strip():
        article, extractor = fallback, "lxml"
    if not article.text.strip():
        raise InputError(path, "no article text found in HTML")
    return Extracted(
        text=_drop_broken_references(article.text),
        title=article.title or fallback.title,
        date=article.date or fallback.date,
        meta={"encoding": decoded.encoding, "extractor": extractor},
    )


def _drop_broken_references(text: str) -> str:
    """The page text without leftovers of broken character references (valid ones are decoded)."""
    return _BROKEN_REFERENCE.sub("", text)


def _with_trafilatura(markup: str) -> _Article | None:
    try:
        import trafilatura
    except ImportError as e:  # e.g. lxml_html_clean missing (needed by jusText)
        logger.debug("trafilatura unavailable, using the lxml reader: %s", e)
        return None
    try:
        result: Any = trafilatura.bare_extraction(
            markup,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=True,
            config=_trafilatura_config(),
        )
    except Exception as e:  # noqa: BLE001 - any parser crash sends us to the lxml reader
        logger.debug("trafilatura failed, using the lxml reader: %r", e)
        return None
    if result is None:
        return None
    fields = result if isinstance(result, dict) else result.as_dict()
    return _Article(text=fields.get("text") or "", title=fields.get("title"), date=iso_date(fields.get("date")))


@lru_cache(maxsize=1)
def _trafilatura_config() -> Any:
    """trafilatura's settings with ours; built once (it parses a settings file)."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals only work in the main thread
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")  # short reports are reports too
    config.set("DEFAULT", "MAX_FILE_SIZE", str(DEFAULT_MAX_BYTES * 2))  # our own limit applies first
    return config


def _with_lxml(markup: str, path: Path) -> _Article:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as e:
        raise InputError(path, f"broken HTML ({e})") from e
    title = _first_text(root, "//article//h1", "//main//h1", "//meta[@property='og:title']/@content", "//title", "//h1")
    date = _meta_date(root)
    _drop_boilerplate(root)
    container = _main_container(root)
    return _Article(text=_block_text(container), title=title, date=date)


def _first_text(root: Any, *xpaths: str) -> str | None:
    for xpath in xpaths:
        for hit in root.xpath(xpath):
            text = hit if isinstance(hit, str) else hit.text_content()
            if text and text.strip():
                return " ".join(text.split())
    return None


def _meta_date(root: Any) -> str | None:
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META and (found := iso_date((meta.get("content") or "")[:25])):
            return found
    for time in root.iter("time"):
        if found := iso_date((time.get("datetime") or "")[:25]):
            return found
    return None


def _drop_boilerplate(root: Any) -> None:
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)  # comments and processing instructions
            continue
        tag = el.tag.lower()
        words = set(re.split(r"[\s_-]+", f"{el.get('id', '')} {el.get('class', '')}".lower()))
        if (
            tag in _DROP_TAGS
            or (tag in _DROP_OUTSIDE_ARTICLE and not _inside(el, ("article", "main")))
            or (el.get("role") or "").lower() in _DROP_ROLES
            or el.get("hidden") is not None
            or (el.get("aria-hidden") or "").lower() == "true"
            or (tag not in ("html", "body", "main", "article") and words & _BOILERPLATE_WORDS)
        ):
            doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def _inside(el: Any, tags: tuple[str, ...]) -> bool:
    return any(isinstance(a.tag, str) and a.tag.lower() in tags for a in el.iterancestors())


def _main_container(root: Any) -> Any:
    articles = root.xpath("//article")
    if articles:
        return max(articles, key=lambda a: len(a.text_content()))
    for xpath in ("//main", "//*[@role='main']", "//body"):
        hits = root.xpath(xpath)
        if hits:
            return hits[0]
    return root


def _inline(text: str) -> str:
    """HTML whitespace: any run of spaces, tabs and newlines in a text node is one space."""
    return _SPACE_RUN.sub(" ", text)


def _block_text(container: Any) -> str:
    """Text with one line per block element, cells joined by tabs, inline whitespace collapsed."""
    from lxml import etree

    pieces: list[str] = []
    for event, el in etree.iterwalk(container, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS or tag == "br":
                pieces.append("\n")
            if el.text and tag:
                pieces.append(el.text if tag == "pre" else _inline(el.text))
            continue
        if tag in ("td", "th"):
            pieces.append("\t")
        elif tag in _BLOCK_TAGS:
            pieces.append("\n")
        if el is not container and el.tail:
            pieces.append(_inline(el.tail))
    lines = []
    for line in "".join(pieces).split("\n"):
        cells = [" ".join(cell.split()) for cell in line.split("\t")]
        line = "\t".join(cells).strip("\t ")
        if line:
            lines.append(line)
    return "\n".join(lines)
