"""medborgarlöften: Swedish citizen promises (police + kommun) → normalized schema-1 JSON."""
__version__ = "0.1.0"
