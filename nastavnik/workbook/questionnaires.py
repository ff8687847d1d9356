"""The questionnaires that `forms` issues and `collect` reads back: which columns of which sheet each asks."""

from __future__ import annotations

from dataclasses import dataclass

from nastavnik.workbook import vocab as v

# Questionnaires (`nastavnik forms` and `nastavnik collect`): which columns of which sheet each one asks, in the
# order asked. A questionnaire's questions are these columns' titles and hints; a directions group (``req_*``,
# ``comp_*``) is asked as one question with the nine directions as options. The survey's questions and scale are
# the «Анкетирование» columns below, declared once in ``vocab.SURVEY_QUESTIONS`` and ``vocab.SURVEY_SCALE``.
SURVEY_SCALE = v.SURVEY_SCALE
SURVEY_QUESTIONS = v.SURVEY_QUESTIONS


@dataclass(frozen=True)
class Questionnaire:
    kind: str  # the word of ``--kind``
    sheet: str  # the sheet the answers go to
    title: str  # the form's heading
    purpose: str  # the first paragraph of the form, addressed to the person filling it
    asks: tuple[str, ...]  # column keys; "req_*" / "comp_*" is the group of nine direction columns
    also_required: tuple[str, ...] = ()  # required in the form though optional in the workbook
    group_question: str = ""  # the words of the directions question
    consent: bool = False  # asks the person to state consent to processing of personal data
    hints: tuple[tuple[str, str], ...] = ()  # (column key, hint) where the column's hint speaks of the person

    def hint(self, key: str) -> str | None:
        return dict(self.hints).get(key)


_FORM_HINTS = (
    ("sex", "«м» или «ж»: нужен, чтобы верно склонять ФИО в приказах."),
    ("birth_date", "ДД.ММ.ГГГГ. По ФИО и дате рождения куратор узнает вас в банке."),
)


QUESTIONNAIRES: dict[str, Questionnaire] = {q.kind: q for q in (
    Questionnaire(
        "запрос", "mentees", "Анкета педагога: профессиональные запросы",
        "Анкета для формирования банка наставляемых (этап 2 дорожной карты). Ответы помогут подобрать вам "
        "наставника и составить персонализированную программу.",
        ("fio", "sex", "birth_date", "position", "department", "contact", "ped_experience", "hire_date",
         "qual_category", "category", "focus", "level", "subject", "req_*", "request_text", "format", "kind"),
        also_required=("birth_date",),
        group_question="По каким направлениям вам нужна поддержка наставника",
        consent=True,
        hints=(*_FORM_HINTS, ("focus", "Направленность программ, которые вы ведёте.")),
    ),
    Questionnaire(
        "наставник", "mentors", "Анкета потенциального наставника",
        "Анкета для формирования банка наставников (этап 3 дорожной карты). Ответы помогут подобрать вам "
        "наставляемых, которым ваш опыт нужнее всего.",
        ("fio", "sex", "birth_date", "position", "department", "contact", "ped_experience", "org_experience",
         "qual_category", "education", "focus", "level", "subject", "comp_*", "forms", "kinds", "format", "max_mentees"),
        also_required=("birth_date",),
        group_question="По каким направлениям вы готовы помогать наставляемым",
        consent=True,
        hints=(*_FORM_HINTS, ("max_mentees", "Сколько наставляемых вы готовы вести одновременно (от 1 до 10)."),
               ("focus", "Направленность программ, которые вы ведёте.")),
    ),
    Questionnaire(
        "анкета", "surveys", "Анкета удовлетворённости и качества программы наставничества",
        "Анкета по итогам программы наставничества (этап 6 дорожной карты). Оцените каждое утверждение по шкале "
        f"от {v.SURVEY_SCALE[0]} (совсем нет) до {v.SURVEY_SCALE[1]} (полностью да).",
        ("date", *v.SURVEY_QUESTIONS, "comment"),
    ),
)}
CONSENT_QUESTION = ("Я даю согласие на обработку моих персональных данных, указанных в анкете, в целях организации "
                    "наставничества")
CONSENT_NOTE = ("Отметка в анкете не заменяет письменного согласия на обработку персональных данных: его "
                "оформляют отдельным документом и подписывают.")
