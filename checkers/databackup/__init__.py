"""The Android data-backup checker: will this backup file restore, with this password?

checkers.databackup.check_steps is the pure core (a generator of requests, see requests.py);
checkers.cli.data_backup_host performs those requests in CPython for a file on disk,
checkers.bridge in the browser for a File. The page runs it in two stages (stages.py):
open_steps when the file is chosen, keyed_steps when the password is submitted.
"""

from checkers.databackup.check import check_steps
from checkers.databackup.report import SUPPORTED_VERSION, BackupReport, Finding, Media
from checkers.databackup.requests import AesRequest, ReadRequest
from checkers.databackup.stages import Prepared, keyed_steps, open_steps

__all__ = [
    "SUPPORTED_VERSION",
    "AesRequest",
    "BackupReport",
    "Finding",
    "Media",
    "Prepared",
    "ReadRequest",
    "check_steps",
    "keyed_steps",
    "open_steps",
]
