"""docs/match.md and the matcher agree: the formula table is generated from the code's constants."""

from __future__ import annotations

from nastavnik.match import doc
from nastavnik.match.scoring import stems


def test_the_formula_table_in_docs_is_the_one_the_code_generates():
    text = doc.DOC.read_text(encoding="utf-8")
    assert doc.formula_table() in text, "run: python -m nastavnik.match.doc"


def test_3d_modelling_keeps_its_short_word_with_a_digit_and_the_docs_say_so():
    assert stems("3D-моделирование") == ["3d", "модели"]
    assert stems("Работа с 3D и ИИ") == ["работа", "3d"]  # «с», «и», «ИИ» are shorter than three letters
    assert "«3D-моделирование» даёт основы «3d» и «модели»" in doc.formula_table()


def test_the_table_names_every_stop_word_the_code_drops():
    table = doc.formula_table()
    for word in ("для", "или", "как", "при", "его", "над"):
        assert f"«{word}»" in table and stems(f"методика {word} работы") == ["методи", "работы"]


def test_the_docs_say_the_profile_and_the_level_in_the_words_of_every_type():
    from nastavnik.workbook import orgtypes

    table = doc.formula_table()
    for t in orgtypes.TYPES:
        for words in (t.title, t.profile, t.level, t.weight_profile, t.weight_level, t.same_profile, t.same_level):
            assert words in table, (t.key, words)
