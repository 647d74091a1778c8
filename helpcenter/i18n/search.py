"""German search: the query's words are stemmed like the index's, so inflections find each other.

Material builds each edition's lunr index in the browser with the language's pipeline (for
German the Snowball stemmer of lunr-languages, bundled with Material): "Wiederherstellung" is
indexed as "wiederherstell". But Material's search worker turns every typed word into a
prefix query ("wiederherstellen*"), and lunr runs no pipeline on such a word, so the verb never
meets the noun. This adds that one step to the worker of a translated edition: each word is put
through the language's stemmer before it becomes a prefix query. Stemming only shortens a word
(and folds umlauts as the index does), so the prefix query finds at least what it did before.

The worker is Material's pinned file (mkdocs-material==9.8.2); if a Material update changes the
code this relies on, the build stops and says so instead of shipping a search that misses.
"""

from __future__ import annotations

from pathlib import Path

# Where Material's worker makes a typed word a prefix query (its query transform).
PREFIX_QUERY = "r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`"
# The same, with the word first stemmed by the edition's stemmer (lunr.<language>.stemmer).
STEMMED_PREFIX_QUERY = "r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${hcStem(r)}*`"
STEM_FUNCTION = """\
function hcStem(word){try{const stemmer=lunr.%(language)s&&lunr.%(language)s.stemmer;\
if(!stemmer||/[^\\p{L}\\p{N}]/u.test(word))return word;\
return String(stemmer(new lunr.Token(word.toLowerCase(),{})))||word}catch(error){return word}}
"""


class SearchPatchError(RuntimeError):
    """Material's search worker is not the one this patch was written for."""


def stem_search_queries(site_dir: Path, language: str) -> Path:
    """Make the edition's search worker stem typed words; the patched file."""
    workers = sorted((Path(site_dir) / "assets" / "javascripts" / "workers").glob("search.*.js"))
    workers = [worker for worker in workers if worker.suffix == ".js"]
    if len(workers) != 1:
        raise SearchPatchError(f"{site_dir}: expected one Material search worker, found {workers}")
    worker = workers[0]
    code = worker.read_text(encoding="utf-8")
    if code.count(PREFIX_QUERY) != 1:
        raise SearchPatchError(
            f"{worker}: Material's query transform has changed (no single {PREFIX_QUERY!r}); "
            "update helpcenter/i18n/search.py for this Material version"
        )
    patched = STEM_FUNCTION % {"language": language} + code.replace(
        PREFIX_QUERY, STEMMED_PREFIX_QUERY
    )
    worker.write_text(patched, encoding="utf-8")
    return worker
