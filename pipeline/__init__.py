"""medborgarlöften: Swedish citizen promises (police + kommun) → normalized schema-1 JSON.

The API (README, "Python API") is imported on first use, so ``import pipeline`` stays cheap::

    import pipeline
    records = pipeline.extract_text("Ale – medborgarlöfte 2024 ...", url="https://polisen.se/...")
"""
import importlib
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


def _defer_spacy_cli() -> None:
    """``import spacy`` imports its whole command line (typer, weasel, requests, jinja2: about
    0.4 s and 19 MB of a cold start) only to offer ``spacy.info``; the pipeline never runs it.
    Before spaCy is first imported, ``spacy.cli.info`` is a stand-in whose ``info`` and other
    names load the real module when first used, so ``spacy.info`` and ``spacy.cli`` still work
    (spaCy's own attempt at this, PR 12962, was reverted for the ``spacy.cli`` attribute only)."""
    name = "spacy.cli.info"
    if "spacy" in sys.modules or name in sys.modules or importlib.util.find_spec("spacy") is None:
        return
    stand_in = types.ModuleType(name)

    def real():
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        return importlib.import_module(name)

    stand_in.info = lambda *args, **kwargs: real().info(*args, **kwargs)

    def getattr_(attr):
        if attr.startswith("__"):  # the import system asks for ``__path__`` and the like
            raise AttributeError(attr)
        return getattr(real(), attr)

    stand_in.__getattr__ = getattr_
    sys.modules[name] = stand_in


_defer_spacy_cli()
