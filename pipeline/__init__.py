"""medborgarlöften: Swedish citizen promises (police + kommun) → normalized schema-1 JSON.

The API (README, "Python API") is imported on first use, so ``import pipeline`` stays cheap::

    import pipeline
    records = pipeline.extract_text("Ale – medborgarlöfte 2024 ...", url="https://polisen.se/...")
"""
__version__ = "0.1.0"
__all__ = ["extract_text", "extract_file", "extract_paths", "load_records", "to_dataframe", "DocumentError"]


def __getattr__(name):
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
