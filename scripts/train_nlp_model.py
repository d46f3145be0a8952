#!/usr/bin/env python3
"""Train the shipped Norwegian pipeline (velferdsgraf/graph/models/nb_norne) in its stages.

1. ``joint``: tagger, morphologizer, parser, lemmatizer and NER on one shared tok2vec
   (``velferdsgraf train-nlp`` with graph/ner/config.cfg), best checkpoint on bokmål dev.
2. ``finetune``: the NER gets its own copy of the joint tok2vec and is trained alone
   (graph/ner/ner_finetune.cfg), so the syntax components are not changed.
3. ``attach``: the joint pipeline with the NER of stage 2 (or of any pipeline given by
   ``--ner-from``, e.g. an NER-only model) is scored on both dev files and written to ``--out``.

Usage (from the repo root, NorNE in ../shared/data/norne; see graph/ner/README.md)::

    python scripts/train_nlp_model.py joint    --work /tmp/nlp
    python scripts/train_nlp_model.py finetune --work /tmp/nlp
    python scripts/train_nlp_model.py attach   --work /tmp/nlp [--ner-from DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FINETUNE_CONFIG = ROOT / "velferdsgraf" / "graph" / "ner" / "ner_finetune.cfg"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stage", choices=("joint", "finetune", "attach"))
    parser.add_argument("--work", type=Path, required=True, help="Folder for DocBins, checkpoints and stages.")
    parser.add_argument("--norne", type=Path, default=ROOT.parent / "shared" / "data" / "norne")
    parser.add_argument("--ner-from", type=Path, default=None, help="attach: the pipeline whose ner to ship.")
    parser.add_argument("--note", default="", help="attach: where the NER comes from (stored in meta.json).")
    parser.add_argument("--out", type=Path, default=ROOT / "velferdsgraf" / "graph" / "models" / "nb_norne")
    args = parser.parse_args()

    from velferdsgraf.graph.ner.train import attach_ner, limit_threads, separate_ner, train_nlp

    limit_threads(2)
    joint = args.work / "joint"
    if args.stage == "joint":
        train_nlp(args.norne, joint, work_dir=args.work)
    elif args.stage == "finetune":
        separate_ner(joint, args.work / "ner-init")
        subprocess.run(
            [sys.executable, "-m", "spacy", "train", str(FINETUNE_CONFIG), "--output", str(args.work / "ner-ft"),
             "--paths.train", str(args.work / "train.spacy"), "--paths.dev", str(args.work / "dev.spacy"),
             "--paths.ner_init", str(args.work / "ner-init")],
            check=True,
        )
    else:
        ner_dir = args.ner_from or args.work / "ner-ft" / "model-best"
        note = args.note or f"fine-tuned alone from the joint tok2vec ({FINETUNE_CONFIG.name})"
        info = attach_ner(joint, ner_dir, args.out, args.norne, note)
        print(f"saved {args.out} ({info['model_bytes'] / 1e6:.1f} MB)", file=sys.stderr)


if __name__ == "__main__":
    main()
