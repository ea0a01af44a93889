"""Check 11 dealer network (Händlernetz): a custom smtoolkit check shipped as its own package.

Importing this module registers the check; the entry point ``smtoolkit.checks`` in
``pyproject.toml`` names :data:`SPEC`, so smtoolkit imports it on start-up.
"""

from pathlib import Path

from smt_dealer_network.analysis import Coverage, analyse, coverage
from smt_dealer_network.model import Dealer, DealerNetworkAnswers
from smt_dealer_network.view import render
from smtoolkit.checks.registry import CheckSpec, register

__all__ = ["SPEC", "Coverage", "Dealer", "DealerNetworkAnswers", "analyse", "coverage", "render"]

SPEC = register(
    CheckSpec(
        number=11,
        slug="dealer_network",
        model=DealerNetworkAnswers,
        analyse=analyse,
        render=render,
        form_hints={},
        notebook_file=Path(__file__).parent / "notebooks" / "11_dealer_network.ipynb",
    )
)
