"""The faces a person uses: the commands (click), the window (Tk), and ``pipeline`` — the whole year's run that
both of them call, so the window and the command line write the same files from the same book.

May import every layer below; nothing imports it but ``nastavnik.cli``.
"""
