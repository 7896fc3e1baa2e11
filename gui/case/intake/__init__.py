"""Intake of a new victim: a guided flow a practised counsellor finishes in two minutes.

1. *Who is calling* — names, identity code (fills the date of birth), contact details and
   the safe-contact rules (what we may do without putting the person at risk).
2. *Existing victims* — the same identity code (also an earlier one), the same name and
   date of birth, or the same phone: offer to open that case instead of a second one.
3. *Risk* — risk level and why, the breaches the person was hit by.
4. *First follow-up* — when to call back (tomorrow unless changed) and what for.

:class:`~.wizard.IntakeWizard` runs them; each step is a page in a module of its own.
"""

from gui.case.intake.wizard import IntakeWizard

__all__ = ["IntakeWizard"]
