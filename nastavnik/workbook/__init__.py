"""The workbook: what the curator's book is, how it is read, written and carried into a new year.

- ``schema`` (with ``columns``, ``lists``, ``hints``) — every sheet and column declared once; the template,
  the reader, the checks, the forms and the documents' field lists are derived from it;
- ``orgtypes``, ``vocab`` — the types of organisation with their words and lists; the fixed values of the lists;
- ``parse``, ``filecheck``, ``formulas``, ``reader`` — reading a book as people type it, once per run;
- ``template``, ``migrate`` — the empty book of each type, and an older template read as the current one;
- ``newyear`` — next year's book with the archive of the past one (``yearsummary``: what it did, in Russian;
  ``yearfiles``: the book and its summary written as one unit);
- ``samples`` — the demonstration books and the synthetic books of any size.

May import ``nastavnik.base``; nothing above.
"""
