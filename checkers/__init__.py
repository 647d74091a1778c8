"""Backup checkers: the ID-export validator and the backup-choice decision logic.

Standard library only at import time, so the same code runs in CPython and in Pyodide.
"""

from checkers.backup_choice import (
    Answer,
    ChoiceInputs,
    InputError,
    Note,
    Recommendation,
    choose,
    parse_inputs,
)
from checkers.catalog import BackupOption, Catalog, CatalogError, Item
from checkers.idexport import Problem, Verdict, check_export, check_steps, check_typing
from checkers.kdf import KdfRequest, KdfUnavailable

__all__ = [
    "Answer",
    "BackupOption",
    "Catalog",
    "CatalogError",
    "ChoiceInputs",
    "InputError",
    "Item",
    "KdfRequest",
    "KdfUnavailable",
    "Note",
    "Problem",
    "Recommendation",
    "Verdict",
    "check_export",
    "check_steps",
    "check_typing",
    "choose",
    "parse_inputs",
]
