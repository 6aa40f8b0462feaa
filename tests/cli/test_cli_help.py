"""`reader --help` and each subcommand's help read well: the window's usage and options are
in the main help, every subcommand's usage names it, every positional says what it wants."""

from __future__ import annotations

import argparse

from reader.cli import build_parser


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_main_help_says_how_to_open_the_window() -> None:
    text = build_parser().format_help()
    assert text.startswith("usage: reader [FILES ...]")
    for option in ("FILES", "--db PATH", "--fresh", "READER_DB"):
        assert option in text


def test_each_subcommand_usage_names_it_and_explains_its_arguments() -> None:
    commands = _subparsers(build_parser())
    assert {"segment", "align", "export", "import"} <= set(commands)
    for name, parser in commands.items():
        assert parser.format_usage().startswith(f"usage: reader {name} "), name
        assert parser.description, f"{name} has no description"
        for action in parser._actions:
            if not action.option_strings:       # a positional: FILE
                assert action.help, f"{name} {action.metavar}: no help"
