"""The one Jinja environment the program evaluates templates in: a sandbox, because templates travel.

A .docx template is a file organisations pass to each other, and a plain ``jinja2.Environment`` runs
whatever it asks (``{{ cycler.__init__.__globals__.os.popen('…').read() }}`` starts a shell command).
Every template — the bundled documents, the curator's own folder, the site's pages — is therefore
compiled by ``sandboxed_environment``:

- ``ImmutableSandboxedEnvironment``: no attribute that starts with «_» (``__class__``, ``__globals__``,
  ``__init__``…), through the dot, ``[]``, ``|attr`` or ``str.format``; no method that changes a list or
  a dict of the context another document shares;
- no ``cycler``, ``joiner`` or ``lipsum`` globals (nothing a document needs; each is a known way out);
- a multiplication or a power that would build a value of millions of characters or digits is refused
  instead of freezing the computer («{{ 'a' * 10**9 }}», «{{ 9**9**9 }}»).

A refused expression raises ``jinja2.sandbox.SecurityError``; the caller names the template and the
field to the curator (``attribute_of``).
"""

from __future__ import annotations

import re

# The largest string or list a multiplication may make, and the largest exponent of a power.
MAX_REPEAT = 100_000
MAX_EXPONENT = 64
_REFUSED = re.compile(r"attribute '([^']*)'")


def sandboxed_environment(**options):
    """A Jinja environment in which a template cannot reach Python: pass the usual Environment options."""
    from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

    class Sandbox(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**"})

        def call_binop(self, context, operator, left, right):
            if operator == "**":
                if isinstance(right, (int, float)) and abs(right) > MAX_EXPONENT:
                    raise SecurityError(f"power {right!r} is too large")
                return left ** right
            if operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                            and len(seq) * times > MAX_REPEAT:
                        raise SecurityError("repetition is too large")
                return left * right
            return super().call_binop(context, operator, left, right)

    env = Sandbox(**options)
    for name in ("cycler", "joiner", "lipsum"):
        env.globals.pop(name, None)
    return env


def attribute_of(exc: Exception) -> str | None:
    """The attribute a refused expression tried («__init__»), from the sandbox's SecurityError."""
    found = _REFUSED.search(str(exc))
    return found.group(1) if found else None
