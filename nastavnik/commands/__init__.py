"""One module per command; each adds itself to COMMANDS here."""

from .check import check
from .consolidate import consolidate
from .docs import docs
from .init import demo, init
from .match import match
from .report import report
from .run import run
from .site import site
from .window import window

COMMANDS = [init, demo, check, run, site, report, match, consolidate, docs, window]
