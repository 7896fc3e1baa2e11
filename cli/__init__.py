"""Suoja's command line: the headless commands of ``main.py``, a front end beside ``gui``.

Like the GUI it sits on top of ``models`` and calls its services; it never imports Qt.
"""
