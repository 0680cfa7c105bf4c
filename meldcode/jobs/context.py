"""What a job needs, made once per process: the database, the kaders and the renderer."""

import threading
from functools import cached_property
from pathlib import Path

from meldcode import paths
from meldcode.dossier.limit import RenderSlots
from meldcode.dossier.limit import render_slots
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
        """Return the machine's render slots: fewer than its cores (meldcode.dossier.limit)."""
        return render_slots(self.settings)

    def renderer(self):
        """Return the process's renderer, with WeasyPrint and the fonts loaded (and warmed).

        Loaded here, in the worker, before the first render forks: every child then shares
        them instead of loading its own. ``PDF_WARM_UP`` also prints a sample once.
        """
        from meldcode.dossier import render

        renderer = render.shared(
            warm=bool(self.settings.get("PDF_WARM_UP", True)), registry=self.registry
        )
        renderer.load()
        return renderer
