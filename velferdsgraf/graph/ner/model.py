"""Find and load the shipped NorNE NER pipeline (spaCy is imported only when loading)."""
from __future__ import annotations

import functools
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

#: The components the extractor runs; anything else in a pipeline is removed on load.
NER_COMPONENTS: tuple[str, ...] = ("tok2vec", "ner")

RETRAIN_HINT = "train it with `velferdsgraf train-ner` (see velferdsgraf/graph/ner/README.md)"


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
    return _load(Path(path) if path is not None else shipped_model_path())


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> Language:
    _check_model_dir(path)
    import spacy

    try:
        nlp = spacy.load(path)
    except (OSError, ValueError, KeyError) as e:
        raise ModelError(f"cannot load the NER model at {path}: {e}; {RETRAIN_HINT}") from e
    if "ner" not in nlp.pipe_names:
        raise ModelError(f"the pipeline at {path} has no 'ner' component; {RETRAIN_HINT}")
    for name in list(nlp.pipe_names):
        if name not in NER_COMPONENTS:
            nlp.remove_pipe(name)
    return nlp
