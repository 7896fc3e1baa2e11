"""Intake of a new victim: :class:`~.wizard.IntakeWizard` and its steps, a page a module."""

from gui.case.intake.wizard import IntakeWizard

__all__ = ["IntakeWizard"]
