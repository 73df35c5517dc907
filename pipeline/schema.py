"""The published JSON Schema, generated from the pydantic models."""
from __future__ import annotations

import json

from .models import Record


def schema_json() -> str:
    schema = Record.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://github.com/medborgarloften/promises/schema/promise-record.schema.json"
    return json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
