"""`minsheng --version`, and every command's --help shows its options' defaults (issue 15)."""
from __future__ import annotations

import argparse
import importlib.metadata
import subprocess
import sys

import pytest

from flows import cli


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    captured = {}
    original = argparse.ArgumentParser.parse_args

    def capture(self, args=None, namespace=None):
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):
                captured.update(action.choices)
        raise SystemExit(0)

    argparse.ArgumentParser.parse_args = capture
    try:
        with pytest.raises(SystemExit):
            cli.main(["--help"])
    finally:
        argparse.ArgumentParser.parse_args = original
    return captured


def test_version(root):
    run = subprocess.run([sys.executable, "-m", "flows", "--version"], capture_output=True, text=True, cwd=root)
    assert run.returncode == 0
    assert run.stdout.strip() == f"minsheng {importlib.metadata.version('minsheng')}"


def test_every_help_shows_the_defaults():
    commands = _subcommands()
    assert {"build", "serve", "release", "verify", "download", "fetch", "suites", "dictionary"} <= commands.keys()
    for name, parser in commands.items():
        text = parser.format_help()
        for action in parser._actions:
            if action.help in (None, argparse.SUPPRESS) or action.default in (None, argparse.SUPPRESS) \
                    or isinstance(action, argparse._HelpAction):
                continue
            assert f"(default: {action.default})" in " ".join(text.split()), (name, action.dest)
    build = " ".join(commands["build"].format_help().split())
    assert "(default: curated)" in build and "(default: 20MB)" in build and "exit status:" in build
    download = " ".join(commands["download"].format_help().split())
    assert "(default: .)" in download and "MINSHENG_RELEASES_URL" in download
