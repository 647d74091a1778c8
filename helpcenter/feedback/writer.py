"""Group commit: one thread writes queued items in batches, each batch one transaction.

A request is acknowledged only after the transaction holding its item has committed, so an
acknowledged item survives the collector being killed; many requests share one commit (and one
fsync), which is what keeps a single SQLite file fast under load.
"""

from __future__ import annotations

import logging
import queue
import threading
from concurrent.futures import Future

from helpcenter.feedback.database import DatabaseError, Item, Store, open_store

log = logging.getLogger("helpcenter.feedback")

BATCH_MAX = 500
_STOP = object()


class BatchWriter:
    """Owns the collector's write connection; `submit` returns a future done at commit."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._store: Store | None = open_store(database_url)
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="feedback-writer", daemon=True)
        self._thread.start()

    def submit(self, item: Item) -> Future:
        future: Future = Future()
        self._queue.put((item, future))
        return future

    def _batch(self) -> list[tuple[Item, Future]] | None:
        first = self._queue.get()
        if first is _STOP:
            return None
        batch = [first]
        while len(batch) < BATCH_MAX:
            try:
                entry = self._queue.get_nowait()
            except queue.Empty:
                break
            if entry is _STOP:
                self._queue.put(_STOP)  # finish this batch, then stop
                break
            batch.append(entry)
        return batch

    def _write(self, items: list[Item]) -> None:
        if self._store is None:  # reconnect after a lost connection (PostgreSQL restarted)
            self._store = open_store(self.database_url, migrate=False)
        try:
            self._store.insert(items)
        except Exception:
            self._store.close()
            self._store = None
            raise

    def _run(self) -> None:
        while (batch := self._batch()) is not None:
            try:
                self._write([item for item, _ in batch])
            except Exception as error:  # every item of the batch fails; none was stored
                log.error("feedback: could not store %d items: %s", len(batch), error)
                failure = DatabaseError("the feedback database is unavailable")
                for _, future in batch:
                    future.set_exception(failure)
            else:
                for _, future in batch:
                    future.set_result(None)

    def close(self) -> None:
        """Writes what is queued, then closes the connection."""
        if self._thread.is_alive():
            self._queue.put(_STOP)
            self._thread.join(timeout=30)
        if self._store is not None:
            self._store.close()
            self._store = None
