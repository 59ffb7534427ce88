"""Every command is in the README tour (a feature that is not documented does not exist)."""

from pathlib import Path

from flashpoint.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = [name for name in main.commands if f"flashpoint {name}" not in README]
    assert not missing, f"add these commands to the README tour: {missing}"


def test_every_command_has_help_with_text():
    for name, command in main.commands.items():
        assert command.help and len(command.help.strip()) > 20, name
