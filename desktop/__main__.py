"""``python -m desktop`` and the ``policy-annotator`` command: the command line and the window."""

import signal
import sys


def main() -> int:
    """Load the command line, then run the command of ``sys.argv``.

    Ctrl+C while the command's modules load (the first tenth of a second) ends the program at once,
    as a C program ends, not with Python's traceback from whichever import it interrupted: nothing
    has been opened or written yet. Once loaded, the command line answers Ctrl+C itself.
    """
    # An ignored Ctrl+C (a job started with `&`) stays ignored. This module imports no more than it
    # must: a press while it loads still gets Python's traceback, as one while Python itself starts does.
    quiet = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    if quiet:
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
        except ValueError:  # (called on another thread than the main one, where Python keeps signals)
            quiet = False
    try:
        from desktop.cli import main as command_line
    finally:
        if quiet:
            signal.signal(signal.SIGINT, signal.default_int_handler)
    return command_line()


if __name__ == "__main__":
    sys.exit(main())
