"""Storage errors, importable without loading SQLAlchemy (the CLI catches them on every command)."""


class DatabaseError(Exception):
    """The database cannot be used; the message is one line for the operator."""
