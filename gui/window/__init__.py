"""The main window and what belongs to it alone: the case list's filters, the follow-ups,
the idle watcher, the lock screen and the automatic backups."""
