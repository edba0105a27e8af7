"""python-telegram-bot handlers, one module per command family; each exports ``HANDLERS``."""
