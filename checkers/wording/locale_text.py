"""English source of each language's number symbols and timestamp patterns (issue 13).

Not sentences: data a translator sets to the language's own CLDR values (numbers/symbols
`decimal` and `group`; dateFormats and timeFormats "medium" joined by dateTimeFormats
"medium", written with named fields). German's (CLDR 44, de.xml, as Babel ships it): ",",
".", "{day}.{month}.{year}, {hour}:{minute}:{second}". English writes the date as its pages do
(ISO 8601, 2026-11-20) and the time after a comma, with "UTC" spelled out: people read
"2026-11-20, 21:15:04 UTC", not the "T…Z" of a machine timestamp. Used by
checkers/wording/numbers.py through Wording.
"""

from checkers.wording.markers import N_

MESSAGES = {
    # The decimal separator: "2.5 MB" in English; the language's own, e.g. "," in German.
    "locale.decimal-separator": N_("."),
    # Groups thousands: "1,234 files" in English; the language's own, e.g. "." in German.
    "locale.group-separator": N_(","),
    # A timestamp in the phone's local time; the fields are two digits, the year four.
    "locale.date-time": N_("{year}-{month}-{day}, {hour}:{minute}:{second}"),
    # A timestamp in UTC (a backup's creation time, from its file name).
    "locale.date-time-utc": N_("{year}-{month}-{day}, {hour}:{minute}:{second} UTC"),
}
