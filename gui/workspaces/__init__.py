"""The places the main window hosts beyond the case list: dashboard, extortion analysis,
caseload, audit log and accounts, and the CSV import dialog.

A workspace never imports the main window: it registers with a host
(:class:`gui.shared.workspace.Host`).
"""
