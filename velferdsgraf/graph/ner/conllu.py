"""Read NorNE CoNLL-U files: tokens plus the IOB2 ``name=`` tags kept in the MISC column.

Both NorNE formats are read: the official UD files (with ``SpaceAfter=No``) and the
rebuilt NDT files (no spacing information: every token is followed by a space).
Multiword-token ranges (``1-2``) and empty nodes (``1.1``) are skipped.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import ModelError

if TYPE_CHECKING:  # spaCy is imported only by the functions that need it
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

#: The NorNE entity labels (9-type set), in the order reports list them.
NORNE_LABELS: tuple[str, ...] = (
    "PER", "ORG", "GPE_LOC", "GPE_ORG", "LOC", "PROD", "DRV", "EVT", "MISC",
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One CoNLL-U sentence: its tokens, spacing and IOB2 entity tags."""

    sent_id: str
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    tags: tuple[str, ...]  # "O", "B-PER", "I-PER", ...

    def entities(self) -> list[tuple[int, int, str]]:
        """The entities as (first token, end token exclusive, label); see :func:`iob2_spans`."""
        return iob2_spans(self.tags)


def iob2_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """IOB2 tags as (first token, end token exclusive, label) spans.

    An ``I-`` tag that does not continue an entity of the same label starts a new one
    (the usual lenient IOB2 reading; NorNE has no such cases we know of).
    """
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate((*tags, "O")):
        prefix, _, kind = tag.partition("-")
        if prefix == "I" and label == kind and start >= 0:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if prefix in ("B", "I"):
            start, label = i, kind
    return spans


def _misc_fields(misc: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    if misc != "_":
        for item in misc.split("|"):
            key, _, value = item.partition("=")
            fields[key] = value
    return fields


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a NorNE CoNLL-U file.

    Raises ModelError naming the file and line when a token line is malformed or a
    token has no ``name=`` tag.
    """
    sent_id = ""
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as lines:
        for lineno, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield Sentence(sent_id, tuple(words), tuple(spaces), tuple(tags))
                sent_id, words, spaces, tags = "", [], [], []
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                if key.strip() == "sent_id":
                    sent_id = value.strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ModelError(f"{path}:{lineno}: expected 10 tab-separated columns, got {len(cols)}")
            if not cols[0].isdigit():  # multiword range "1-2" or empty node "1.1"
                continue
            misc = _misc_fields(cols[9])
            tag = misc.get("name")
            if tag is None:
                raise ModelError(f"{path}:{lineno}: no name= NE tag in the MISC column")
            words.append(cols[1])
            spaces.append(misc.get("SpaceAfter") != "No")
            tags.append(tag)
    if words:
        yield Sentence(sent_id, tuple(words), tuple(spaces), tuple(tags))


def sentence_to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """A spaCy Doc with the sentence's gold tokens and entities (``doc.ents``)."""
    from spacy.tokens import Doc, Span

    doc = Doc(vocab, words=list(sentence.words), spaces=list(sentence.spaces))
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in sentence.entities()]
    return doc


def docs_from_conllu(vocab: Vocab, paths: Iterable[Path], *, limit: int | None = None) -> list[Doc]:
    """Gold Docs for all sentences of ``paths`` (at most ``limit`` from each file)."""
    docs: list[Doc] = []
    for path in paths:
        for n, sentence in enumerate(read_conllu(path)):
            if limit is not None and n >= limit:
                break
            docs.append(sentence_to_doc(vocab, sentence))
    return docs
