"""Accuracy on the five real sample reports, measured by `velferdsgraf eval` (needs ../shared).

The thresholds are those of the foundation issue; a drop below them is a regression.
"""
from __future__ import annotations

import json

from click.testing import CliRunner

from velferdsgraf.cli import cli

THRESHOLDS = {"persons": 0.90, "municipalities": 0.90, "organisations": 0.75, "roles": 0.70,
              "affiliations": 0.70, "participants": 0.60}


def test_eval_samples_meet_the_foundation_thresholds(shared_samples):
    result = CliRunner().invoke(cli, ["eval", str(shared_samples / "gold"), str(shared_samples / "reports"),
                                      "--extractors", "gazetteer,patterns", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    scores = {name: report["categories"][name]["f1"] for name in THRESHOLDS}
    assert all(scores[name] >= floor for name, floor in THRESHOLDS.items()), scores
