"""What a job needs, made once per process: the database, the kaders and the renderer."""

import threading
from functools import cached_property
from pathlib import Path

from meldcode import paths
from meldcode.dossier.limit import RenderSlots
from meldcode.kader import Registry
from meldcode.settings import open_database
from meldcode.storage.db import Database


class Context:
    """The settings and the heavy things built from them, shared by every task."""

    def __init__(self, settings, database: Database | None = None, registry=None):
        """Use the app's database and kaders when given; otherwise open them on first use."""
        self.settings = settings
        self._database = database
        self._registry = registry
        self._lock = threading.Lock()

    @property
    def database(self) -> Database:
        """Return the database (opened on first use)."""
        with self._lock:
            if self._database is None:
                # The same keys check as the web and the command line (storage.keyring).
                self._database = open_database(self.settings)
            return self._database

    @property
    def registry(self) -> Registry:
        """Return the kaders (loaded on first use)."""
        with self._lock:
            if self._registry is None:
                folder = Path(self.settings["KADERS_DIR"])
                self._registry = Registry.load(folder, paths.DATA_ROOT)
            return self._registry

    @cached_property
    def slots(self) -> RenderSlots:
        """Return the machine's render slots (shared with the web's own renders)."""
        # The web's own downloads use the same slot files, but fewer of them (one web worker
        # stays free for pages, meldcode.dossier.limit); a worker holds no page, so it may
        # use every slot the machine has: together they never print more than that.
        folder = Path(self.settings["INSTANCE_PATH"])
        return RenderSlots(folder, self.settings.get("PDF_CONCURRENCY", 0))

    def renderer(self):
        """Return the process's dossier renderer, made and warmed on first use."""
        from meldcode.dossier import render

        return render.shared(warm=True, registry=self.registry)
