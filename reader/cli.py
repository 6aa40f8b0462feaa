"""Command-line front: opens the window, or runs a subcommand headless (core only).

Each subcommand lives in ``reader.commands.<name>`` with ``register(subparsers)`` and
``run(args) -> int``; those modules import their heavy dependencies inside ``run``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from reader import __version__
from reader.core.errors import ReaderError

COMMANDS = ("segment", "align", "suggest", "export", "import", "agreement", "find")


def _command_module(name: str):
    return importlib.import_module(f"reader.commands.{name}_cmd")


def _available_commands() -> list[str]:
    names = []
    for name in COMMANDS:
        try:
            _command_module(name)
        except ModuleNotFoundError:
            continue
        names.append(name)
    return names


class _Parser(argparse.ArgumentParser):
    """argparse with a one-line usage error and exit status 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The full parser: window options plus every subcommand."""
    commands = _available_commands()
    window = build_window_parser()
    parser = _Parser(
        prog="reader",
        usage="reader [FILES ...] [window options]\n       reader COMMAND [options]",
        description="Source Reader: read documents side by side, link related passages, "
                    "tag opinion, claim and quotation.",
        epilog=_window_help(window) + "\n\ncommands:\n"
               + "\n".join(f"  reader {name} --help" for name in commands)
               + "\n\n" + EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser,
                                prog="reader")
    for name in commands:
        _command_module(name).register(sub)
    return parser


EXIT_STATUS_HELP = """exit status:
  0    done
  1    a bad file or library, or a failure: one line on stderr, the library unchanged
  2    a usage error (unknown option, missing argument)
  130  interrupted (Ctrl+C)"""


def _command_first(args: list[str]) -> list[str]:
    """``reader --db LIB align A B`` as ``reader align A B --db LIB``: window options that
    come before a subcommand (and their values) go after it."""
    takes_value = {option for action in build_window_parser()._actions
                   if action.nargs != 0 for option in action.option_strings}
    i = 0
    while i < len(args):
        word = args[i]
        if word == "--":
            return args
        if word in COMMANDS:
            return [word, *args[i + 1:], *args[:i]] if i else args
        if not word.startswith("-"):
            return args  # a file: the window
        i += 2 if word in takes_value else 1
    return args


def build_window_parser() -> argparse.ArgumentParser:
    """Parser for ``reader [FILES...] [--db PATH]``."""
    parser = _Parser(prog="reader", description="Open the reader window on FILES.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("files", nargs="*", metavar="FILES", help="documents to open")
    parser.add_argument("--db", metavar="PATH", help="library database (default: READER_DB "
                        "or the user data directory)")
    parser.add_argument("--fresh", action="store_true",
                        help="do not restore the previous session's documents")
    parser.add_argument("--session", metavar="NAME",
                        help="open (or create) this named reading session; FILES are added "
                             "to it")
    return parser


def _window_help(window: argparse.ArgumentParser) -> str:
    """The window's own options, for the main help: without a command, ``reader`` opens the
    window, and a reader of ``reader --help`` should learn how (and about --db)."""
    formatter = window._get_formatter()
    formatter.start_section("without a COMMAND, the window opens on FILES")
    formatter.add_arguments([a for a in window._actions
                             if a.dest not in ("help", "version")])
    formatter.end_section()
    return formatter.format_help().rstrip()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``reader`` console script."""
    args_list = _command_first(list(sys.argv[1:] if argv is None else argv))
    try:
        first = args_list[0] if args_list else None
        if (first in COMMANDS) or (args_list and args_list[0] in ("-h", "--help")):
            args = build_parser().parse_args(args_list)
            if args.command is None:
                build_parser().print_help()
                return 0
            return int(_command_module(args.command).run(args) or 0)
        args = build_window_parser().parse_args(args_list)
        from reader.ui.app import run_app

        return run_app(args.files, db=args.db, restore=not args.fresh, session=args.session)
    except ReaderError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("reader: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # never a traceback for the user
        print(f"reader: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
