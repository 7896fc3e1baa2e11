"""Starting the desktop app: the Qt application, first-run setup, sign-in, the crash
dialog, and the test hook that drives the widgets (``SUOJA_TEST_SCRIPT``)."""
