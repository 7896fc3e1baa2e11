"""What more than one part of the GUI uses: the signed-in session, settings, forms and
their validation, labels, errors, questions, style, background tasks, the case list's
model and the generic record table."""
