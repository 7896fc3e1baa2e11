"""The case view's tabs: the timeline, and one module per kind of record with its item
model and its tab.

:mod:`.base` holds what every tab shares (:class:`~.base.RecordSection`, the table set-up,
the colours) and :class:`~.base.CaseHost`, the little the tabs ask of the case view.
"""
