"""``check-install``: is this installation complete? One line a part, for an IT department.

The core's checks come from :mod:`models.installation`; the composition root
(``main.py``) adds the desktop app's (Qt's plugins, icons and catalogs). Exit code 0 when
every required part works (a warning, such as a desktop plugin a server cannot load, does
not count), 4 when one is missing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from models import __version__
from models.domain.i18n import gettext as _
from models.domain.i18n import ngettext
from models.installation import Check, core_checks

#: The exit code of an incomplete installation (the command line's "data" problem).
INCOMPLETE_EXIT_CODE = 4


def check_install(out: Callable[[str], None], *,
                  more: Callable[[], Iterator[Check]] | None = None) -> int:
    """Print each part's finding; 0 if every required part works, else 4.

    Run by ``main.py`` before the parser (whose commands' modules need every part to
    import), never through :func:`cli.main.run`, which would stop first at a broken
    deployment file instead of reporting it.
    """
    out(_("Suoja {version}").format(version=__version__))
    checks: list[Iterable[Check]] = [core_checks()]
    if more is not None:
        checks.append(more())
    failed = []
    for group in checks:
        for check in group:
            if check.ok:
                status = _("ok")
            elif check.required:
                # Missing from the installation, or there but wrong (a settings file).
                status = _("MISSING") if check.reinstall else _("INVALID")
                failed.append(check)
            else:
                status = _("warning")
            out(f"{status:<8} {check.part}: {check.detail}")
    missing = sum(check.reinstall for check in failed)
    if missing:
        out(ngettext("This installation is incomplete ({count} part is missing); "
                     "reinstall Suoja.",
                     "This installation is incomplete ({count} parts are missing); "
                     "reinstall Suoja.", missing).format(count=missing))
    if len(failed) > missing:
        out(_("Suoja will not start until the organisation's settings file is corrected "
              "or removed (docs/DEPLOYMENT.md, section 8)."))
    if failed:
        return INCOMPLETE_EXIT_CODE
    out(_("This installation is complete."))
    return 0

