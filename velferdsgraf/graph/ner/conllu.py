"""Read NorNE CoNLL-U files: tokens, NDT syntax and the IOB2 ``name=`` tags of the MISC column.

Both NorNE formats are read: the official UD files (with ``SpaceAfter=No``) and the
rebuilt NDT files (no spacing information: every token is followed by a space).
Besides the entity tags every token keeps its LEMMA, the POS of column 5 (XPOS: the
NDT tags ``subst``, ``verb``, ``prep`` ...), HEAD, DEPREL and the ``NDTFeats`` of MISC,
so one reader feeds the tagger, lemmatizer, parser and NER of the joint pipeline.
Multiword-token ranges (``1-2``) and empty nodes (``1.1``) are skipped.
"""
from __future__ import annotations

import itertools
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
    """One CoNLL-U sentence: its tokens, spacing, IOB2 entity tags and NDT annotation.

    ``heads`` are 0-based token indices within the sentence; a root points to itself
    (spaCy's convention; CoNLL-U writes 0). The syntax fields are empty tuples when a
    sentence is built by hand without them.
    """

    sent_id: str
    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    tags: tuple[str, ...]  # "O", "B-PER", "I-PER", ...
    lemmas: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()  # column 5 (XPOS): NDT "subst", "verb", ...
    heads: tuple[int, ...] = ()
    deprels: tuple[str, ...] = ()  # NDT "SUBJ", "DOBJ", "FINV" (root) ...
    feats: tuple[str, ...] = ()  # the NDTFeats value, e.g. "appell,mask,be,ent", or ""
    doc_id: str = ""  # the ``ndt_file`` comment: consecutive sentences of one source text

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


def _lemma(form: str, lemma: str) -> str:
    """NDT writes punctuation lemmas as ``$,`` / ``$.``: use the form instead."""
    if lemma == "_" or (lemma.startswith("$") and len(lemma) > 1):
        return form
    return lemma


class _SentenceBuilder:
    """Collects the token rows of one sentence (a helper of :func:`read_conllu`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sent_id = ""
        self.doc_id = ""
        self.rows: list[tuple[int, list[str], dict[str, str]]] = []

    def add(self, lineno: int, cols: list[str]) -> None:
        misc = _misc_fields(cols[9])
        if "name" not in misc:
            raise ModelError(f"{self.path}:{lineno}: no name= NE tag in the MISC column")
        self.rows.append((lineno, cols, misc))

    def build(self) -> Sentence:
        ids = {cols[0]: i for i, (_, cols, _) in enumerate(self.rows)}
        heads: list[int] = []
        for i, (lineno, cols, _) in enumerate(self.rows):
            head = cols[6]
            if head in ("0", "_"):
                heads.append(i)
            elif head in ids:
                heads.append(ids[head])
            else:
                raise ModelError(f"{self.path}:{lineno}: HEAD {head!r} is not a token of the sentence")
        rows = self.rows
        return Sentence(
            self.sent_id,
            words=tuple(cols[1] for _, cols, _ in rows),
            spaces=tuple(misc.get("SpaceAfter") != "No" for _, _, misc in rows),
            tags=tuple(misc["name"] for _, _, misc in rows),
            lemmas=tuple(_lemma(cols[1], cols[2]) for _, cols, _ in rows),
            pos=tuple(cols[4] if cols[4] != "_" else cols[3] for _, cols, _ in rows),
            heads=tuple(heads),
            deprels=tuple(cols[7] for _, cols, _ in rows),
            feats=tuple(misc.get("NDTFeats", "") for _, _, misc in rows),
            doc_id=self.doc_id,
        )


def read_conllu(path: Path) -> Iterator[Sentence]:
    """Yield the sentences of a NorNE CoNLL-U file.

    Raises ModelError naming the file and line when a token line is malformed, a
    token has no ``name=`` tag or a HEAD points outside its sentence.
    """
    builder = _SentenceBuilder(path)
    with open(path, encoding="utf-8") as lines:
        for lineno, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if builder.rows:
                    yield builder.build()
                    doc_id = builder.doc_id
                    builder = _SentenceBuilder(path)
                    builder.doc_id = doc_id  # NDT writes ndt_file on every sentence; UD files never
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition("=")
                if key.strip() == "sent_id":
                    builder.sent_id = value.strip()
                elif key.strip() == "ndt_file":
                    builder.doc_id = value.strip()
                continue
            cols = line.split("\t")
            if len(cols) != 10:
                raise ModelError(f"{path}:{lineno}: expected 10 tab-separated columns, got {len(cols)}")
            if not cols[0].isdigit():  # multiword range "1-2" or empty node "1.1"
                continue
            builder.add(lineno, cols)
    if builder.rows:
        yield builder.build()


def sentence_to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """A spaCy Doc with the sentence's gold tokens and entities (``doc.ents``).

    When the sentence has NDT annotation the Doc also gets ``tag_`` (NDT POS),
    ``lemma_``, ``head``/``dep_``, and ``pos_``/``morph`` mapped from the NDT POS and
    NDTFeats (see :mod:`.ndt`).
    """
    from spacy.tokens import Doc, Span

    from .ndt import ndt_morph

    annotated = bool(sentence.heads)
    morphs = [ndt_morph(p, f) for p, f in zip(sentence.pos, sentence.feats)] if annotated else None
    doc = Doc(
        vocab,
        words=list(sentence.words),
        spaces=list(sentence.spaces),
        tags=list(sentence.pos) if annotated else None,
        lemmas=list(sentence.lemmas) if annotated else None,
        heads=list(sentence.heads) if annotated else None,
        deps=list(sentence.deprels) if annotated else None,
        pos=[upos for upos, _ in morphs] if morphs else None,
        morphs=[feats for _, feats in morphs] if morphs else None,
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in sentence.entities()]
    return doc


def group_sentences(sentences: Iterable[Sentence], per_doc: int) -> Iterator[list[Sentence]]:
    """Consecutive sentences of one source text (``doc_id``), at most ``per_doc`` per group.

    The parser learns sentence boundaries only from documents with more than one sentence.
    """
    group: list[Sentence] = []
    for sentence in sentences:
        if group and (len(group) >= per_doc or sentence.doc_id != group[-1].doc_id):
            yield group
            group = []
        group.append(sentence)
    if group:
        yield group


def docs_from_conllu(
    vocab: Vocab, paths: Iterable[Path], *, limit: int | None = None, per_doc: int = 1
) -> list[Doc]:
    """Gold Docs for all sentences of ``paths`` (at most ``limit`` sentences from each file).

    ``per_doc`` > 1 joins consecutive sentences of one source text into one Doc.
    """
    from spacy.tokens import Doc

    docs: list[Doc] = []
    for path in paths:
        sentences = list(itertools.islice(read_conllu(path), limit))
        for group in group_sentences(sentences, per_doc):
            sentence_docs = [sentence_to_doc(vocab, s) for s in group]
            docs.append(sentence_docs[0] if len(sentence_docs) == 1 else Doc.from_docs(sentence_docs))
    return docs
