"""medborgarlöften: Swedish citizen promises (police + kommun) → normalized schema-1 JSON.

The API (README, "Python API") is imported on first use, so ``import pipeline`` stays cheap::

    import pipeline
    records = pipeline.extract_text("Ale – medborgarlöfte 2024 ...", url="https://polisen.se/...")
"""
import gc
import importlib
import importlib.abc
import importlib.util
import sys
import types

__version__ = "0.1.0"
__all__ = ["extract_text", "extract_file", "extract_paths", "load_records", "to_dataframe", "DocumentError"]


def __getattr__(name):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")


# An extraction makes many objects that live on (the vocabulary, the rules' tables, the Docs of a
# chunk, the records kept to the end) and little cyclic garbage: with the collector's default, a pass
# over the young objects every 700 new ones, the survivors were traversed again and again (0.2 s of
# CPU of `promises extract` on the bundled corpus, half of it in start-up). A pass every 20,000 new
# objects finds the same garbage, later; nothing read or written depends on when.
GC_THRESHOLDS = (20_000, 50, 50)


def tune_collector() -> None:
    """The cyclic garbage collector's thresholds for a process of our own (the command, a worker);
    a program that calls ``run_batch`` keeps its own."""
    gc.set_threshold(*GC_THRESHOLDS)


class _SpacyWithoutItsCli(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``import spacy`` imports its whole command line (typer, weasel, requests, jinja2: about
    0.4 s and 19 MB of a cold start) only for ``from .cli.info import info``; the pipeline
    never runs it. While spaCy's ``__init__`` runs (and only then), ``spacy.cli.info`` is a
    stand-in that hands it an ``info`` which loads the real module when called; afterwards
    every import of ``spacy.cli`` is the real one (spaCy's own attempt at this, PR 12962, was
    reverted because ``spacy.cli`` went missing). Used once, for the first import of spaCy."""

    NAME = "spacy.cli.info"

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "spacy":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec("spacy")
        if spec is not None and spec.loader is not None:
            self.loader, spec.loader = spec.loader, self
        return spec

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def _real(self):
        """The real spacy.cli.info (imported now, in place of the stand-in)."""
        if sys.modules.get(self.NAME) is self.stand_in:
            del sys.modules[self.NAME]
        return importlib.import_module(self.NAME)

    def _fallback(self, name):
        """Any other name a later spaCy takes from spacy.cli.info: the real one, as without us
        (not the import system's own questions, ``__path__`` and the like)."""
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self._real(), name)

    def exec_module(self, module):
        module.__loader__ = module.__spec__.loader = self.loader  # spaCy's own from here on
        self.stand_in = types.ModuleType(self.NAME)
        self.stand_in.info = lambda *args, **kwargs: self._real().info(*args, **kwargs)
        self.stand_in.__getattr__ = self._fallback
        sys.modules[self.NAME] = self.stand_in
        try:
            self.loader.exec_module(module)
        finally:
            if sys.modules.get(self.NAME) is self.stand_in:
                del sys.modules[self.NAME]


if "spacy" not in sys.modules:
    sys.meta_path.insert(0, _SpacyWithoutItsCli())
