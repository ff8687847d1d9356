"""The catalogue of problem codes: every code a check can emit, with its severity, group and remedy.

A ``Problem`` carries a stable ``code`` (the frictionless-py model): a program reading
``nastavnik check --format json`` keys on the code, not on the Russian message, which may be
reworded. This registry is where the codes are declared once, so that they can be documented
(``docs/problem_codes.md``, ``nastavnik check --codes``) and so that a test can prove that every
code used in the source is declared and every declared code is used. The messages themselves stay
at the call sites; nothing here changes what a check says.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..problems import ERROR, WARNING

STRUCTURE, CELLS, REFS, REGULATION, TERMS, PEOPLE = "структура", "ячейки", "ссылки", "Положение", "сроки", "люди"
GROUPS = (STRUCTURE, CELLS, REFS, REGULATION, TERMS, PEOPLE)
GROUP_TITLES = {
    STRUCTURE: "Структура книги — листы, заголовки, столбцы",
    CELLS: "Ячейки — значения, обязательные поля, повторы",
    REFS: "Ссылки между листами",
    REGULATION: "Требования Положения о наставничестве и закона",
    TERMS: "Сроки и даты",
    PEOPLE: "Наставляемые — статусы и ожидание пары",
}
BOTH = (ERROR, WARNING)


@dataclass(frozen=True)
class CodeSpec:
    """One problem code: the severities it is emitted with, its group, a title and what the curator should do."""

    severities: tuple[str, ...]
    group: str
    title: str
    action: str

    @property
    def severity_text(self) -> str:
        return " или ".join(self.severities)


def _spec(severity, group: str, title: str, action: str) -> CodeSpec:
    return CodeSpec(severity if isinstance(severity, tuple) else (severity,), group, title, action)


CODES: dict[str, CodeSpec] = {
    # --- структура (reader) ---
    "header_not_found": _spec(
        ERROR, STRUCTURE, "На листе не найдена строка заголовков.",
        "Скопируйте строку заголовков из чистого шаблона (nastavnik init) в первую строку листа."),
    "header_moved": _spec(
        WARNING, STRUCTURE, "Заголовки стоят не в первой строке листа; строки выше пропущены.",
        "Удалите лишние строки над заголовками, если в них нет нужных данных."),
    "merged_cells": _spec(
        WARNING, STRUCTURE, "В таблице есть объединённые ячейки.",
        "Отмените объединение и впишите значение в каждую строку."),
    "unknown_column": _spec(
        WARNING, STRUCTURE, "Столбец не из шаблона: программа его не читает.",
        "Проверьте написание заголовка по шаблону; свой столбец можно оставить."),
    "duplicate_column": _spec(
        WARNING, STRUCTURE, "Столбец с таким заголовком повторяется; читается первый.",
        "Удалите повторный столбец или перенесите его данные в первый."),
    "missing_column": _spec(
        BOTH, STRUCTURE, "Нет столбца шаблона (ошибка, если столбец обязателен).",
        "Добавьте столбец с заголовком из шаблона или перенесите данные в книгу нового шаблона (nastavnik init)."),
    "unknown_sheet": _spec(
        WARNING, STRUCTURE, "Лист не из шаблона: программа его не читает.",
        "Проверьте название листа по шаблону; свой лист можно оставить."),
    "old_template": _spec(
        WARNING, STRUCTURE, "Книга сделана по другой версии шаблона.",
        "Создайте чистый шаблон (nastavnik init НОВАЯ.xlsx) и перенесите в него данные по листам."),
    "missing_sheet": _spec(
        BOTH, STRUCTURE, "Нет листа шаблона (ошибка для листов «Организация», «Наставники», «Наставляемые», "
        "«Пары и группы»).",
        "Верните лист с названием из шаблона: его можно скопировать из чистого шаблона (nastavnik init)."),
    "missing_parameter": _spec(
        ERROR, STRUCTURE, "На листе «Организация» нет строки обязательного параметра.",
        "Добавьте строку с названием параметра из шаблона и заполните значение."),
    # --- ячейки (reader, checks.cells, org_rules) ---
    "required_missing": _spec(
        ERROR, CELLS, "Не заполнен обязательный столбец или параметр организации.",
        "Заполните ячейку: без этого значения строку нельзя обработать."),
    "bad_type": _spec(
        ERROR, CELLS, "Значение не читается: нужна дата, число или «да»/«нет».",
        "Впишите значение в нужном виде: дату как ДД.ММ.ГГГГ, число цифрами, «да» или «нет»."),
    "not_in_list": _spec(
        ERROR, CELLS, "Значения нет в списке допустимых.",
        "Выберите значение из выпадающего списка (несколько значений — через «;»). Если верного значения нет "
        "в списке организации (предмет, должность, форма мероприятия…), допишите его на листе «Справочники»."),
    "fixed_list_changed": _spec(
        WARNING, CELLS, "На листе «Справочники» дописан список, который задан Положением.",
        "Виды и формы наставничества, статусы и причины завершения заданы Положением; новые значения в них "
        "программа не принимает. Уберите дописанное или скопируйте список из чистого шаблона."),
    "bad_fio": _spec(
        ERROR, CELLS, "Значение не похоже на ФИО.",
        "Впишите фамилию, имя и отчество полностью, буквами, через пробел."),
    "out_of_range": _spec(
        ERROR, CELLS, "Число вне допустимых пределов.",
        "Исправьте число так, чтобы оно попало в пределы, указанные в сообщении."),
    "future_date": _spec(
        ERROR, CELLS, "Дата ещё не наступила, а нужна прошедшая (в том числе у мероприятия с результатом и у "
        "выполненного мероприятия без фактической даты).",
        "Проверьте день и год: здесь нужна дата, которая уже прошла."),
    "control_characters": _spec(
        WARNING, CELLS, "В тексте есть невидимые управляющие символы.",
        "Они убраны из документов и страниц; проверьте текст ячейки и при желании перепечатайте его."),
    "formula_without_value": _spec(
        ERROR, CELLS, "Формула без сохранённого значения.",
        "Откройте книгу в Excel или LibreOffice Calc и сохраните её: тогда значения формул будут записаны."),
    "workbook_open_elsewhere": _spec(
        WARNING, STRUCTURE, "Книга открыта в Excel или LibreOffice.",
        "Сохраните книгу в Excel или Calc и запустите команду снова: несохранённые изменения программа не видит."),
    "duplicate_code": _spec(
        ERROR, CELLS, "Код записи повторяется на листе.",
        "Дайте каждой записи свой код или удалите повторную строку."),
    "duplicate_member": _spec(
        ERROR, CELLS, "Наставляемый записан в одну пару (группу) дважды.",
        "Удалите повторную строку с тем же кодом пары и тем же наставляемым."),
    "duplicate_person": _spec(
        ERROR, CELLS, "Один человек (то же ФИО и дата рождения) записан под двумя кодами.",
        "Оставьте одну строку и один код, а ссылки на второй код замените первым."),
    "age_out_of_range": _spec(
        ERROR, CELLS, "Возраст по дате рождения не от 18 до 80 лет.",
        "Проверьте год рождения."),
    "experience_over_age": _spec(
        ERROR, CELLS, "Педагогический стаж больше, чем возраст минус 16 лет.",
        "Проверьте стаж и год рождения."),
    "org_over_total": _spec(
        WARNING, CELLS, "Стаж в организации больше педагогического стажа.",
        "Проверьте оба числа; если часть лет в организации человек работал не педагогом, всё верно."),
    "hired_too_young": _spec(
        ERROR, CELLS, "Дата приёма на работу раньше 16-летия.",
        "Проверьте дату приёма на работу и год рождения."),
    # --- ссылки (checks.refs) ---
    "unknown_ref": _spec(
        ERROR, REFS, "Код не найден на листе, на который он ссылается.",
        "Исправьте код по листу, указанному в сообщении, или добавьте туда недостающую запись."),
    "left_participant": _spec(
        ERROR, REFS, "В действующей паре (группе) участник, который выбыл.",
        "Завершите пару с причиной по п. 7.1 Положения или замените участника."),
    "respondent_not_participant": _spec(
        ERROR, REFS, "Респондент анкеты не участвует в паре (группе) этой программы в указанной роли.",
        "Проверьте код респондента, его роль и код программы."),
    # --- Положение (checks.pairs, checks.programmes, checks.timeline) ---
    "self_mentoring": _spec(
        ERROR, REGULATION, "Наставник и наставляемый — один и тот же человек.",
        "Назначьте паре другого наставника или другого наставляемого."),
    "mentee_in_two_pairs": _spec(
        ERROR, REGULATION, "Наставляемый одновременно в двух действующих парах (группах).",
        "Завершите прежнюю пару (группу) или уберите наставляемого из новой."),
    "mentor_over_limit": _spec(
        ERROR, REGULATION, "У наставника больше наставляемых, чем его максимум.",
        "Уменьшите число наставляемых или увеличьте максимум с согласия наставника."),
    "group_too_small": _spec(
        ERROR, REGULATION, "В группе меньше двух наставляемых.",
        "Добавьте строки наставляемых с тем же кодом группы или выберите другой вид наставничества."),
    "one_to_one_many": _spec(
        ERROR, REGULATION, "В паре «один-на-один» больше одного наставляемого.",
        "Выберите вид «в группе» или дайте каждой паре отдельный код."),
    "group_mismatch": _spec(
        ERROR, REGULATION, "В строках одной группы разные наставники или виды наставничества.",
        "Укажите во всех строках группы одного наставника и один вид наставничества."),
    "no_order": _spec(
        ERROR, REGULATION, "Утверждённая или реализуемая пара без номера приказа о закреплении (п. 6.2).",
        "Укажите номер и дату приказа или верните паре статус «проект»."),
    "no_programme": _spec(
        ERROR, REGULATION, "У утверждённой или реализуемой пары нет персонализированной программы.",
        "Добавьте программу на лист «Программы» с кодом этой пары (группы)."),
    "no_consent_pd": _spec(
        ERROR, REGULATION, "Участник утверждённой пары не дал согласия на обработку персональных данных.",
        "Получите письменное согласие и отметьте «да» в строке участника."),
    "no_mentor_consent": _spec(
        BOTH, REGULATION, "Нет письменного согласия наставника (ТК РФ ст. 351.8); ошибка для пар, начатых "
        "с 01.03.2025.",
        "Оформите письменное согласие наставника и отметьте «да» в строке пары."),
    "finished_without_end_date": _spec(
        ERROR, REGULATION, "Завершённая пара без фактической даты окончания.",
        "Укажите фактическую дату окончания работы пары."),
    "finished_without_reason": _spec(
        ERROR, REGULATION, "Завершённая пара без причины завершения (п. 7.1).",
        "Выберите причину завершения из списка."),
    "full_plan_not_done": _spec(
        ERROR, REGULATION, "Причина «план выполнен в полном объёме», а в плане есть невыполненные мероприятия.",
        "Отметьте выполнение мероприятий или выберите другую причину завершения."),
    "pair_two_programmes": _spec(
        WARNING, REGULATION, "У пары (группы) больше одной программы.",
        "Объедините программы в одну или исправьте код пары."),
    "publish_without_consent": _spec(
        ERROR, REGULATION, "Программа отмечена к публикации без согласия всех участников на распространение ПДн.",
        "Получите согласия участников или снимите отметку о публикации."),
    "reverse_not_younger": _spec(
        WARNING, REGULATION, "В реверсивном наставничестве наставник не моложе наставляемого.",
        "Проверьте вид наставничества и коды участников пары."),
    "draft_without_consent": _spec(
        WARNING, REGULATION, "В проекте пары участник без согласия на обработку персональных данных.",
        "Получите согласие до подписания приказа о закреплении."),
    "bank_without_consent": _spec(
        WARNING, REGULATION, "Человек в банке без согласия на обработку персональных данных (152-ФЗ).",
        "Получите письменное согласие (бланк: nastavnik docs КНИГА --only consent_pd), отметьте «да» с датой "
        "или удалите строку."),
    "consent_without_date": _spec(
        WARNING, REGULATION, "Согласие отмечено «да», но не указана дата его подписания.",
        "Впишите дату из документа согласия."),
    "mentor_less_experienced": _spec(
        WARNING, REGULATION, "Стаж наставника меньше стажа наставляемого, а наставничество не реверсивное.",
        "Проверьте коды участников или выберите вид «реверсивное»."),
    "actual_end_not_finished": _spec(
        ERROR, REGULATION, "Указана фактическая дата окончания, а пара ещё не завершена по статусу.",
        "Поставьте статус «завершена» или «прекращена досрочно» с причиной или очистите фактическую дату."),
    "reason_not_finished": _spec(
        ERROR, REGULATION, "Указана причина завершения (п. 7.1), а пара не завершена по статусу.",
        "Исправьте статус или очистите причину завершения."),
    "change_without_basis": _spec(
        WARNING, REGULATION, "Изменение программы (п. 7.2) без основания.",
        "Укажите основание, например «заявление наставника и наставляемого»."),
    "programme_without_plan": _spec(
        ERROR, REGULATION, "У программы утверждённой или реализуемой пары нет плана мероприятий.",
        "Добавьте мероприятия программы на лист «План мероприятий»."),
    "running_without_activity": _spec(
        WARNING, REGULATION, "Программа реализуется больше месяца, а ни одно мероприятие не выполнено.",
        "Отметьте проведённые мероприятия или проверьте статус пары."),
    "agreement_incomplete": _spec(
        WARNING, REGULATION, "Не заполнены номер, дата, срок или доплата доп. соглашения наставника "
        "(ТК РФ ст. 351.8) у утверждённой пары, начатой с 01.03.2025.",
        "Заполните сведения о доп. соглашении (бланк: nastavnik docs КНИГА --only agreement); если наставничество "
        "входит в должностные обязанности, предупреждение можно оставить."),
    "agreement_too_short": _spec(
        ERROR, REGULATION, "Доп. соглашение наставника кончается раньше наставничества (ТК РФ ст. 351.8).",
        "Продлите соглашение до окончания наставничества, с учётом новой даты окончания."),
    "mentor_consent_after_order": _spec(
        ERROR, REGULATION, "Письменное согласие наставника датировано позже приказа о закреплении "
        "(ТК РФ ст. 351.8).",
        "Проверьте даты: согласие получают до приказа."),
    "published_before_end": _spec(
        WARNING, REGULATION, "Результаты, лучшая практика или согласие на публикацию у программы незавершённой "
        "пары: сайт покажет их только после завершения (п. 8.2).",
        "Заполните эти поля после завершения пары или оставьте: сайт их придержит."),
    "staff_below_bank": _spec(
        ERROR, REGULATION, "Число педагогических работников меньше числа работающих людей в банках.",
        "Впишите на листе «Организация» число всех педагогических работников организации."),
    "org_person_mismatch": _spec(
        WARNING, REGULATION, "Пол куратора или руководителя на листе «Организация» не совпадает с его строкой "
        "в банке.",
        "Исправьте пол на листе «Организация» или в строке банка."),
    "order_incomplete": _spec(
        WARNING, REGULATION, "У приказа или доп. соглашения указан только номер или только дата.",
        "Заполните и номер, и дату."),
    "order_number_sign": _spec(
        WARNING, REGULATION, "Номер приказа или соглашения начинается со знака «№».",
        "Впишите только номер: документы сами ставят «№»."),
    # --- сроки (checks.programmes, checks.pairs, checks.timeline) ---
    "end_before_start": _spec(
        ERROR, TERMS, "Дата окончания (плановая, фактическая, конец отчётного периода) раньше даты начала.",
        "Исправьте дату начала или окончания."),
    "period_too_short": _spec(
        ERROR, TERMS, "Срок пары или программы короче 3 месяцев.",
        "Исправьте даты или оформите сокращение срока (п. 7.2) с новой датой окончания на листе «Пары и группы»."),
    "period_too_long": _spec(
        ERROR, TERMS, "Срок пары или программы длиннее одного года.",
        "Исправьте даты или оформите продление срока (п. 7.2) с новой датой окончания на листе «Пары и группы»."),
    "activity_outside_period": _spec(
        ERROR, TERMS, "Мероприятие плана назначено вне срока программы.",
        "Перенесите мероприятие в срок программы."),
    "activity_overdue": _spec(
        WARNING, TERMS, "Плановый срок мероприятия прошёл, а оно не выполнено.",
        "Отметьте выполнение или перенесите срок."),
    "pair_past_end": _spec(
        WARNING, TERMS, "Срок пары истёк, а она всё ещё утверждена или реализуется.",
        "Завершите пару (фактическая дата и причина) или оформите продление (п. 7.2)."),
    "actual_end_in_future": _spec(
        ERROR, TERMS, "Фактическая дата окончания ещё не наступила.",
        "Для продолжающейся пары укажите плановую дату, а фактическую — когда работа закончится."),
    "order_after_start": _spec(
        WARNING, TERMS, "Приказ о закреплении датирован позже начала работы пары.",
        "Проверьте дату приказа и дату начала: пара утверждается до начала (п. 6.2)."),
    "new_end_wrong": _spec(
        ERROR, TERMS, "Продление срока без новой даты или с новой датой не позже плановой (сокращение — не раньше).",
        "Исправьте новую дату окончания или вид изменения (п. 7.2)."),
    "period_not_a_year": _spec(
        WARNING, TERMS, "Отчётный период на листе «Организация» заметно короче или длиннее года.",
        "Проверьте начало и конец отчётного периода."),
    # --- люди (checks.people) ---
    "mentee_waiting": _spec(
        WARNING, PEOPLE, "Наставляемый ждёт пару дольше допустимого срока.",
        "Подберите наставника (nastavnik match) или организуйте поддержку без пары."),
    "status_waiting_but_paired": _spec(
        WARNING, PEOPLE, "Статус «ожидает пару», а наставляемый уже в действующей паре или в проекте пары.",
        "Поставьте статус «в паре»."),
    "status_paired_without_pair": _spec(
        WARNING, PEOPLE, "Статус «в паре», а ни действующей пары, ни проекта пары у наставляемого нет.",
        "Добавьте пару или исправьте статус."),
    # --- сроки: alerts for stalled pairs (checks.stalled) ---
    "pair_stalled": _spec(
        WARNING, TERMS, "Реализуемая пара давно без выполненных мероприятий плана (срок — на листе «Организация»).",
        "Свяжитесь с наставником, обновите план или отметьте выполненные мероприятия."),
    "survey_missing_before_end": _spec(
        WARNING, TERMS, "Пара заканчивается в течение месяца, а анкетирования по её программе нет.",
        "Проведите анкетирование наставника и наставляемого до окончания (этап 6 дорожной карты)."),
}


def by_group() -> dict[str, list[tuple[str, CodeSpec]]]:
    """Codes in catalogue order, grouped in the order of ``GROUPS``."""
    return {g: [(code, spec) for code, spec in CODES.items() if spec.group == g] for g in GROUPS}


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown() -> str:
    """docs/problem_codes.md: one table per group (код, важность, что означает, что делать)."""
    lines = [
        "# Коды проблем проверки",
        "",
        "<!-- Создано scripts/make_problem_codes_doc.py из nastavnik/checks/codes.py; не редактировать вручную. -->",
        "",
        ("Каждая проблема, которую находит `nastavnik check`, имеет постоянный код (поле `code` в выводе "
         "`--format json`) и важность (поле `severity`): «ошибка» — книгу нужно исправить (код выхода 1), "
         "«предупреждение» — стоит просмотреть. Текст сообщения может уточняться, код — нет. "
         "Тот же список выводит команда `nastavnik check --codes`."),
        "",
        f"Всего кодов: {len(CODES)}.",
    ]
    for group, items in by_group().items():
        lines += ["", f"## {GROUP_TITLES[group]}", "", "| Код | Важность | Что означает | Что делать |",
                  "|---|---|---|---|"]
        lines += [f"| `{code}` | {spec.severity_text} | {_cell(spec.title)} | {_cell(spec.action)} |"
                  for code, spec in items]
    return "\n".join(lines) + "\n"


def render_text() -> str:
    """The catalogue for the terminal (``nastavnik check --codes``)."""
    lines = [f"Коды проблем проверки ({len(CODES)}); поле «code» в выводе --format json.", ""]
    for group, items in by_group().items():
        lines.append(f"{GROUP_TITLES[group]}:")
        for code, spec in items:
            lines.append(f"  {code} — {spec.severity_text}. {spec.title}")
            lines.append(f"      → {spec.action}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def catalogue() -> list[dict]:
    """The catalogue as records, for other programs (``nastavnik check --codes --format json``)."""
    return [{"code": code, "severities": list(spec.severities), "group": spec.group, "title": spec.title,
             "action": spec.action} for code, spec in CODES.items()]
