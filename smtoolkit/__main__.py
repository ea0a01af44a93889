"""``python -m smtoolkit`` runs the command-line interface."""

from smtoolkit.cli import main

main()
