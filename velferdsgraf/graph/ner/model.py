"""Find and load the shipped Norwegian pipeline (spaCy is imported only when loading).

Two views of the same model directory, each loaded once per path:

- :func:`load_model`: only ``tok2vec`` + ``ner`` (what the ``ner`` extractor runs, fastest);
- :func:`load_pipeline` / :func:`parse`: the whole joint pipeline (tagger, morphologizer,
  parser, lemmatizer, NER), for rules that need syntax.
"""
from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: The components the extractor runs when the NER listens to the shared tok2vec; anything
#: else is removed on load (see :func:`ner_with_upstream`).
NER_COMPONENTS: tuple[str, ...] = ("tok2vec", "ner")

RETRAIN_HINT = (
    "train it with `velferdsgraf train-nlp` (alias `velferdsgraf train-ner`; see velferdsgraf/graph/ner/README.md)"
)


def shipped_model_path() -> Path:
    """The directory of the NorNE model shipped as package data (it may be missing)."""
    resource = files("velferdsgraf.graph").joinpath("models", "nb_norne")
    if not isinstance(resource, Path):  # a zipped install: spaCy needs a real directory
        raise ModelError(f"the NER model must be installed as files on disk, not in {resource}")
    return resource


def _check_model_dir(path: Path) -> None:
    if not (path / "config.cfg").is_file() or not (path / "meta.json").is_file():
        raise ModelError(f"no NER model at {path} (config.cfg/meta.json missing); {RETRAIN_HINT}")


def load_model(path: Path | None = None) -> Language:
    """The spaCy pipeline at ``path`` (default: the shipped model), loaded once per path.

    Only the tok2vec and ner components are kept. Loading never touches the network.
    Raises ModelError when the directory is missing or cannot be loaded.
    """
    return _load(Path(path) if path is not None else shipped_model_path(), ner_only=True)


def load_pipeline(path: Path | None = None) -> Language:
    """The whole pipeline at ``path`` (default: the shipped model), loaded once per path.

    Unlike :func:`load_model` it keeps every component: ``tagger`` (NDT POS in ``tag_``),
    ``morphologizer`` (UD ``pos_`` and ``morph``), ``parser`` (``head``/``dep_`` with NDT
    labels, and sentences), ``lemmatizer`` (``lemma_``) and ``ner`` (``ents``).
    Raises ModelError when the directory is missing or cannot be loaded.
    """
    return _load(Path(path) if path is not None else shipped_model_path(), ner_only=False)


def parse(text: str, path: Path | None = None) -> Doc:
    """The text parsed by the whole shipped pipeline (model loaded once, offline).

    ``token.tag_`` is the NDT POS (``subst``, ``verb``, ``prep`` ...), ``token.pos_`` the UD
    POS (``PROPN`` for names), ``token.morph`` UD features (``Case=Gen`` ...), ``token.dep_``
    an NDT relation (``SUBJ``, ``DOBJ``, ``ATR``, ``APP``, ``PUTFYLL``, ``FLAT`` ...; a sentence
    root is its own head with ``ROOT``), ``token.lemma_`` the lemma and
    ``doc.ents`` the NorNE entities. For many texts use ``load_pipeline().pipe(texts)``.

    Example: ``[(t.text, t.dep_, t.head.text) for t in parse("Kari Nordmann leder rådet.")]``
    """
    return load_pipeline(path)(text)


@functools.lru_cache(maxsize=4)
def _load(path: Path, *, ner_only: bool) -> Language:
    _check_model_dir(path)
    import spacy

    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as e:
        raise ModelError(f"cannot load the NER model at {path}: {e}; {RETRAIN_HINT}") from e
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"the pipeline at {path} has no 'ner' component; {RETRAIN_HINT}")
    if ner_only:
        keep = ner_with_upstream(nlp)
        for name in list(nlp.pipe_names):
            if name not in keep:
                nlp.remove_pipe(name)
    return nlp


def ner_with_upstream(nlp: Language) -> set[str]:
    """``ner`` and the shared tok2vec it listens to, if any (an NER with its own copy needs none)."""
    return {"ner"} | {
        name for name, proc in nlp.pipeline if "ner" in getattr(proc, "listening_components", ())
    }
