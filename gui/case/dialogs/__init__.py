"""The forms that add and edit what a case holds, each a :class:`~.base.RecordDialog`.

:mod:`.base` is the dialog every form is (Save when valid, ask before discarding, reload
on a conflict, kept over the lock) and the fields that may be left empty.
"""
