"""English source text (gettext msgids) of the data-backup checker's messages, by code.

Codes are `backup.<what>`; a finding's text is `backup.finding.<finding code>`. `[[key]]` is a
UI label of labels.yml (the Android app's: the data backup exists only there).
"""

from checkers.wording.markers import N_, NP_

MESSAGES: dict[str, str | tuple[str, str, str]] = {
    # Findings (checkers/databackup/report.py documents their params).
    "backup.finding.empty-file": N_(
        "The file is empty (0 bytes): it holds no backup. Copy the backup again from the old "
        "phone."
    ),
    "backup.finding.not-zip": N_(
        "This is not a data backup: an Android data backup is a ZIP file "
        "(threema-backup_….zip), and this file is not one."
    ),
    "backup.finding.unfinished": N_(
        "This backup was never finished: its name starts with INCOMPLETE- and the end of the "
        "ZIP file (its table of contents) is missing. Create a new data backup ([[backups]] → "
        "[[data_backup]] → [[create_data_backup]]) and wait until the app says it is done."
    ),
    "backup.finding.truncated": N_(
        "The file is cut short: the end of the ZIP file (its table of contents) is missing. It "
        "was copied incompletely, or the backup never finished. Copy it again, or create a new "
        "data backup ([[backups]] → [[data_backup]] → [[create_data_backup]])."
    ),
    "backup.finding.damaged-directory": N_(
        "The file's table of contents is damaged or cut short, so its entries cannot be found. "
        "Copy the backup again, or create a new one ([[backups]] → [[data_backup]] → "
        "[[create_data_backup]])."
    ),
    "backup.finding.other-zip": NP_(
        "This ZIP file is not a data backup of the app: it has no 'settings' or 'identity' "
        "entry ({entries} entry in all). It may be another app's backup.",
        "This ZIP file is not a data backup of the app: it has no 'settings' or 'identity' "
        "entry ({entries} entries in all). It may be another app's backup.",
        "entries",
    ),
    "backup.finding.incomplete-name": N_(
        "The name starts with INCOMPLETE-, which the app removes once a backup is finished. The "
        "file itself looks complete; to be safe, create a new data backup ([[backups]] → "
        "[[data_backup]] → [[create_data_backup]])."
    ),
    "backup.finding.not-encrypted": N_(
        "The entries are not encrypted, yet the app always encrypts its data backups: this file "
        "was unpacked and packed again, or made by something else."
    ),
    "backup.finding.no-password": N_(
        "No password given: only the file's structure was checked. Enter the backup password to "
        "check that it opens the backup."
    ),
    "backup.finding.password-length": NP_(
        "The password has {length} character; backup passwords have {min} to {max}. It was "
        "tried anyway.",
        "The password has {length} characters; backup passwords have {min} to {max}. It was "
        "tried anyway.",
        "length",
    ),
    "backup.finding.wrong-password": N_(
        "This password does not open the backup. Passwords are case-sensitive: check Caps Lock "
        "and the keyboard layout. Nothing is wrong with the file itself, as far as can be told "
        "without the password."
    ),
    "backup.finding.missing-entry": N_(
        "The entry '{entry}' is missing: the app cannot restore a backup without it."
    ),
    "backup.finding.damaged-entry": N_(
        "The entry '{entry}' is damaged: {reason}. The app will fail to restore this backup; "
        "create a new one ([[backups]] → [[data_backup]] → [[create_data_backup]])."
    ),
    "backup.finding.unsupported-encryption": N_(
        "The entry '{entry}' is encrypted in a way the app never uses ({detail})."
    ),
    "backup.finding.kdf-unavailable": N_("The password could not be checked here ({detail})."),
    "backup.finding.newer-version": N_(
        "This backup has format version {version}; the app knows versions up to {supported}. "
        "Update the app on the new phone before restoring."
    ),
    "backup.finding.identity-password": N_(
        "The backup opens with this password, but the ID inside it does not: it was encrypted "
        "with another password. The app cannot restore the ID."
    ),
    "backup.finding.identity-invalid": N_(
        "The ID inside the backup ('identity') is not a valid ID export ({codes:list}). The app "
        "cannot restore the ID from it."
    ),
    "backup.finding.name-identity": N_(
        "The file name says the ID {name_identity}, but the backup holds the ID {identity}."
    ),
    "backup.finding.not-counted": N_(
        "The list '{entry}' is large ({size}) and was not counted here; it is in the backup."
    ),
    # Why an entry is damaged (the `reason` of damaged-entry).
    "backup.reason.authentication": N_("its authentication code does not match its content"),
    "backup.reason.decompression": N_("its content does not unpack"),
    "backup.reason.crc": N_("its checksum does not match its content"),
    "backup.reason.local-header": N_("its header is not where the directory says"),
    "backup.reason.version": N_("it holds no format version"),
    "backup.reason.csv": N_("it is not readable as a list"),
    "backup.reason.size": N_("it is far larger than such an entry can be"),
    "backup.reason.unknown": N_("it cannot be read"),
    # The verdict line.
    "backup.headline.ok": N_(
        "OK: this backup opens with this password and restores the ID {identity}."
    ),
    "backup.headline.not-ok": N_("NOT OK: this backup will not restore as it is."),
    "backup.headline.wrong-password": N_(
        "NOT OK: this password does not open the backup; nothing shows the file is damaged."
    ),
    "backup.headline.no-password": N_(
        "NOT CHECKED: the structure is fine; give the password to check it."
    ),
    "backup.headline.not-a-backup": N_("NOT OK: this file is not an Android data backup."),
    "backup.headline.unreadable": N_("NOT OK: this backup cannot be read as it is."),
    # Each finding's lead on the page, by severity.
    "backup.severity.error": N_("Problem:"),
    "backup.severity.warning": N_("Note:"),
    # The facts: a label, then the value.
    "backup.fact.created": N_("Created"),
    "backup.fact.newest_entry": N_("Newest entry"),
    "backup.fact.size": N_("Size"),
    "backup.fact.identity": N_("ID"),
    "backup.fact.format_version": N_("Format"),
    "backup.fact.contacts": N_("Contacts"),
    "backup.fact.groups": N_("Groups"),
    "backup.fact.distribution_lists": N_("Lists"),
    "backup.fact.chats": N_("Chats"),
    "backup.fact.media": N_("Media"),
    "backup.value.created": N_("{value:datetime} (from the file name)"),
    "backup.value.newest_entry": N_("{value:datetime} (the phone's local time)"),
    "backup.value.plain": N_("{value}"),
    "backup.value.format.restorable": N_("version {value} (today's apps can restore it)"),
    "backup.value.format.too-new": N_("version {value} (newer than today's apps know)"),
    "backup.value.chats": N_("{value} (one per contact, group and list, with or without messages)"),
    "backup.value.media.none": N_("none ([[include_media_files]] was off)"),
    "backup.value.media": N_("{files} and {thumbnails}, about {size}"),
    "backup.value.media.files": NP_("{count} file", "{count} files", "count"),
    "backup.value.media.thumbnails": NP_("{count} thumbnail", "{count} thumbnails", "count"),
    # Sizes in decimal units: `amount` is a number (one decimal below 10).
    "backup.size.bytes": NP_("{count} byte", "{count} bytes", "count"),
    "backup.size.kB": N_("{amount} kB"),
    "backup.size.MB": N_("{amount} MB"),
    "backup.size.GB": N_("{amount} GB"),
    "backup.size.TB": N_("{amount} TB"),
    # The page's report once the file is read, before the password has been tried.
    "backup.headline.read": NP_(
        "NOT CHECKED YET: {size} of the file read without the password, its table of contents "
        "with {entries} entry. Whether the password opens it is still to be checked.",
        "NOT CHECKED YET: {size} of the file read without the password, its table of contents "
        "with {entries} entries. Whether the password opens it is still to be checked.",
        "entries",
    ),
}
