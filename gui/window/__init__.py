"""The main window and what belongs to it alone: the case list, the toolbar, the status
bar, the follow-ups, locking and the lock screen, the idle watcher and the automatic
backups."""
