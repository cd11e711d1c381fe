"""warta: Indonesian-language news to political event data, offline, with evidence for every row."""

__version__ = "0.1.0"
SCHEMA_VERSION = 4
