"""Map NDT annotation (column-5 POS plus the ``NDTFeats`` list) to UD POS and features.

The tagger learns the NDT tags as they are (``token.tag_``); the morphologizer learns
this mapping, so the shipped pipeline also sets ``token.pos_`` (``PROPN`` for a proper
noun, ``NOUN``, ``VERB`` ...) and ``token.morph`` (``Case=Gen``, ``Definite=Def`` ...).
Only NDT values with a clear UD counterpart are mapped; the others are dropped.
"""
from __future__ import annotations

#: NDT column-5 POS -> UD POS (``subst`` with the ``prop`` feature becomes PROPN).
NDT_TO_UPOS: dict[str, str] = {
    "subst": "NOUN",
    "verb": "VERB",
    "prep": "ADP",
    "adj": "ADJ",
    "det": "DET",
    "pron": "PRON",
    "adv": "ADV",
    "konj": "CCONJ",
    "sbu": "SCONJ",
    "inf-merke": "PART",
    "interj": "INTJ",
    "symb": "SYM",
    "ukjent": "X",
    "clb": "PUNCT",
}

#: One NDTFeats value -> UD features (``name=value`` pairs).
NDT_FEATS: dict[str, tuple[tuple[str, str], ...]] = {
    "mask": (("Gender", "Masc"),),
    "fem": (("Gender", "Fem"),),
    "nøyt": (("Gender", "Neut"),),
    "m/f": (("Gender", "Fem,Masc"),),
    "ub": (("Definite", "Ind"),),
    "be": (("Definite", "Def"),),
    "ent": (("Number", "Sing"),),
    "fl": (("Number", "Plur"),),
    "gen": (("Case", "Gen"),),
    "nom": (("Case", "Nom"),),
    "akk": (("Case", "Acc"),),
    "pres": (("Tense", "Pres"), ("VerbForm", "Fin")),
    "pret": (("Tense", "Past"), ("VerbForm", "Fin")),
    "imp": (("Mood", "Imp"), ("VerbForm", "Fin")),
    "inf": (("VerbForm", "Inf"),),
    "perf-part": (("VerbForm", "Part"),),
    "pass": (("Voice", "Pass"),),
    "pos": (("Degree", "Pos"),),
    "komp": (("Degree", "Cmp"),),
    "sup": (("Degree", "Sup"),),
    "1": (("Person", "1"),),
    "2": (("Person", "2"),),
    "3": (("Person", "3"),),
    "pers": (("PronType", "Prs"),),
    "dem": (("PronType", "Dem"),),
    "refl": (("Reflex", "Yes"),),
    "poss": (("Poss", "Yes"),),
    "fork": (("Abbr", "Yes"),),
}


def ndt_upos(pos: str, feats: str = "") -> str:
    """The UD POS of an NDT tag: ``subst`` + ``prop`` is PROPN, ``<komma>`` and the like PUNCT."""
    if pos == "subst" and "prop" in feats.split(","):
        return "PROPN"
    if pos.startswith("<") and pos.endswith(">"):
        return "PUNCT"
    return NDT_TO_UPOS.get(pos, "X")


def ndt_morph(pos: str, feats: str = "") -> tuple[str, str]:
    """(UD POS, UD feature string such as ``Case=Gen|Number=Sing``) of one NDT token.

    Unknown NDT values are ignored; a feature set twice keeps its first value.
    """
    pairs: dict[str, str] = {}
    for value in feats.split(",") if feats else ():
        for name, ud in NDT_FEATS.get(value, ()):
            pairs.setdefault(name, ud)
    return ndt_upos(pos, feats), "|".join(f"{k}={v}" for k, v in sorted(pairs.items()))
