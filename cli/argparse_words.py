"""argparse's own words, listed so that they are extracted into the command line's catalog.

argparse (Python 3.11) looks its messages up through its module's ``_`` and ``ngettext``;
:func:`cli.main.choose_language` points those at :mod:`models.domain.i18n`, so "usage: ",
"options" or "the following arguments are required: %s" are found in the ``cli`` catalog
and ``--help`` and the parser's errors speak the run's language. Nothing here is called:
each message is written exactly as ``argparse.py`` writes it (text and placeholders), so
the msgid matches, and marked with :func:`~models.domain.i18n.N_` for the extractor.

A newer Python may change a few of these texts; a changed one is then simply shown in
English until it is listed here and translated.
"""

from __future__ import annotations

from models.domain.i18n import N_

#: Every message of Python 3.11's argparse, in the order of its source.
MESSAGES: tuple[str, ...] = (
    # the help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("subcommands"),
    N_("show this help message and exit"),
    # errors a person meets
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_('argument "-" with mode %r'),
    # errors in how a parser is built (a programmer's, but argparse's words all the same)
    N_(".__call__() not defined"),
    N_("conflicting subparser: %s"),
    N_("conflicting subparser alias: %s"),
    N_("cannot merge actions - two groups are named %r"),
    N_("'required' is an invalid argument for positionals"),
    N_("invalid option string %(option)r: must start with a character %(prefix_chars)r"),
    N_("dest= is required for options like %r"),
    N_("invalid conflict_resolution value: %r"),
    N_("mutually exclusive arguments must be optional"),
    N_("cannot have multiple subparser arguments"),
    N_("%r is not callable"),
)


def _plurals() -> None:
    """argparse's two counted messages, for the extractor only (never called)."""
    from models.domain.i18n import ngettext

    ngettext("conflicting option string: %s", "conflicting option strings: %s", 2)
    ngettext("expected %s argument", "expected %s arguments", 2)
