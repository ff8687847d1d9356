"""One module per command; each adds itself to COMMANDS here."""

from .check import check
from .collect import collect
from .consolidate import consolidate
from .docs import docs
from .forms import forms
from .import_staff import import_staff
from .init import demo, init
from .match import match
from .new_year import new_year
from .remind import remind
from .report import report
from .run import run
from .site import site
from .window import window

COMMANDS = [init, demo, check, run, site, report, match, consolidate, docs, forms, collect, import_staff, remind,
            new_year, window]
