"""How stored values are named on screen ("acute" → "Acute"), translatable, in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.domain.enums import CaseStatus, Language, RiskLevel
from models.domain.formatting import count_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(value: str) -> str:
    return {
        CaseStatus.NEW.value: _tr("New"),
        CaseStatus.OPEN.value: _tr("Open"),
        CaseStatus.WAITING.value: _tr("Waiting"),
        CaseStatus.CLOSED.value: _tr("Closed"),
    }.get(value, value)


def risk_label(value: str) -> str:
    return {
        RiskLevel.ACUTE.value: _tr("Acute"),
        RiskLevel.HIGH.value: _tr("High"),
        RiskLevel.MEDIUM.value: _tr("Medium"),
        RiskLevel.LOW.value: _tr("Low"),
    }.get(value, value)


def language_label(value: str) -> str:
    return {
        Language.FINNISH.value: _tr("Finnish"),
        Language.SWEDISH.value: _tr("Swedish"),
        Language.ENGLISH.value: _tr("English"),
    }.get(value, value)


def role_label(value: str) -> str:
    return {
        "counsellor": _tr("counsellor"),
        "police_liaison": _tr("police liaison"),
        "supervisor": _tr("supervisor"),
        "administrator": _tr("administrator"),
    }.get(value, value.replace("_", " "))


def plural(count: int, one: str, other: str, **values: object) -> str:
    """``one`` when ``count`` is 1, else ``other``, with ``{n}`` and ``values`` filled in.

    Both forms are passed translated (``self.tr("{n} case")``, ``self.tr("{n} cases")``):
    English, Finnish and Swedish all have exactly these two forms, so "1 cases" never shows.
    """
    return (one if count == 1 else other).format(n=count_text(count), **values)
