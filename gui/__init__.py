"""Suoja's desktop GUI (PySide6). Talks only to ``models.services``; never builds SQL."""
