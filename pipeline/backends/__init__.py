"""Format backends: each turns raw bytes into one ``Document`` (plain text + blocks)."""
