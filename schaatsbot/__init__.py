"""Schaatsbot: NOS speed-skating reports turned into podiums for Telegram.

This package is the composition root: settings, logging and the ``schaatsbot`` command line. It wires
``parsing``, ``storage``, ``jobs`` and ``bot`` together; none of those import anything from here except
:mod:`schaatsbot.settings`.
"""

__version__ = "0.1.0"
