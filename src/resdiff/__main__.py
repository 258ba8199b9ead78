"""``python -m resdiff`` and the ``resdiff`` console script: the command line of ``resdiff.cli``."""

import gc


def main() -> None:
    # Set before typer's import, which makes most of the objects of a start (~30 collections of them
    # otherwise, ~3 ms of every command, --help included); see resdiff.cli.main for the why.
    gc.set_threshold(100_000)
    from resdiff.cli import main as run_command_line

    run_command_line()


if __name__ == "__main__":
    main()
