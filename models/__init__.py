"""Suoja's Qt-free core: entities, encrypted storage, services, validation, audit, exports.

Nothing under ``models`` may import PySide6; the desktop GUI sits on top of it and the
command line, the tests and the benchmarks use it directly.
"""

#: Suoja's version: pyproject.toml reads it from here (one place to change at a release).
__version__ = "0.1.0"
