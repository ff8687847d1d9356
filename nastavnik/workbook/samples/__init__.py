"""Sample books: the centre's and the school's demonstrations, and synthetic books for tests and the benchmark.

Built from the schema like any book; they may import ``nastavnik.workbook`` and ``nastavnik.base`` only.
"""
