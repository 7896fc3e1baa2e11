"""One case: its window with tabs and timeline, the forms that add and edit its records,
a new victim's intake, break-the-glass access and the PDF export dialogs."""
