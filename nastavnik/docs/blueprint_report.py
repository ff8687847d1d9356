"""The built-in template of the final analytic report, drawn from the blocks of ``layout``.

A title page (the organisation as in its charter, the report's title, the period,
the city and year), an introduction (п. 3.4 Положения), eight numbered sections
with tables and figures, and the curator's signature. The narrative sentences
come ready-made from ``analytic.py``; the template holds the headings, the table
layout and the captions, which a curator can reword in Word. Charts are
``{{ charts.… }}`` tags in paragraphs of their own: docxtpl puts the picture there.
"""

from __future__ import annotations

from . import layout as x
from .layout import C, L, para, tag

_NUM = ["Показатель", "Ед. изм.", "Значение"]
_NUM_CELLS = ["{{ r.label }}", "{{ r.unit }}", "{{ r.value }}"]
_NUM_W = [10.5, 2.0, 4.0]


def _heading(doc, text: str) -> None:
    para(doc, text, align=C, indent=False, bold=True, before=18, after=6, keep=True)


def _sub(doc, text: str) -> None:
    para(doc, text, align=L, indent=False, bold=True, before=12, after=6, keep=True)


def _caption(doc, text: str) -> None:
    para(doc, text, align=L, indent=False, size=12, before=12, after=4, keep=True)


def _figure(doc, key: str, caption: str) -> None:
    tag(doc, f"{{%p if charts.{key} %}}")
    para(doc, f"{{{{ charts.{key} }}}}", align=C, indent=False, before=12, keep=True)
    tag(doc, "{%p else %}")
    para(doc, "(нет данных для диаграммы)", align=C, indent=False, before=12, size=12, keep=True)
    tag(doc, "{%p endif %}")
    para(doc, caption, align=C, indent=False, size=12, before=4, after=12)


def _texts(doc, loop: str) -> None:
    tag(doc, f"{{%p for t in {loop} %}}")
    para(doc, "{{ t }}")
    tag(doc, "{%p endfor %}")


def _title_page(doc) -> None:
    para(doc, "{{ org.full_name }}", align=C, indent=False, bold=True, size=14)
    para(doc, "{{ report.kind_upper }}", align=C, indent=False, bold=True, size=18, before=160)
    para(doc, "о реализации системы (целевой модели) наставничества педагогических работников", align=C,
         indent=False, bold=True, size=16, before=6)
    para(doc, "за {{ report.period_words }}", align=C, indent=False, size=16, before=12)
    tag(doc, "{%p if report.as_of_text %}")
    para(doc, "({{ report.as_of_text }})", align=C, indent=False, size=14, before=6)
    tag(doc, "{%p endif %}")
    para(doc, "Составитель:", align=L, indent=False, left=8.5, before=100)
    para(doc, "{{ curator.fio }},", align=L, indent=False, left=8.5)
    para(doc, "куратор реализации программ наставничества, {{ curator.position }}", align=L, indent=False,
         left=8.5)
    para(doc, "{{ org.city }}", align=C, indent=False, before=90)
    para(doc, "{{ report.year }}", align=C, indent=False)
    x.page_break(doc)


def _introduction(doc) -> None:
    _heading(doc, "Введение")
    para(doc, "{{ report.kind_title }} о реализации системы (целевой модели) наставничества педагогических "
         "работников {{ org.short_name }} за {{ report.period_words }} сформирован куратором реализации программ "
         "наставничества в соответствии с пунктом 3.4 Положения о системе (целевой модели) наставничества "
         "педагогических работников, утверждённого приказом от {{ regulation.date }} № {{ regulation.no }}.")
    para(doc, "Отчёт составлен по данным мониторинга за период {{ report.dates }}{{ report.as_of_clause }}: банков "
         "наставников и наставляемых, наставнических пар и групп, персонализированных программ наставничества и "
         "их планов, анкетирования участников, сведений об участии в конкурсах и конференциях. Показатели "
         "рассчитаны по единым правилам мониторинга; персональные данные участников в отчёт не включены. "
         "{{ surveys.privacy }}")
    para(doc, "Цель отчёта — оценить эффективность и результативность реализации системы (целевой модели) "
         "наставничества, вовлечённость педагогических работников в различные формы наставничества и определить "
         "задачи на следующий период.")


def _participants(doc) -> None:
    _heading(doc, "1. Участники системы наставничества")
    para(doc, "{{ participants.text }}")
    _caption(doc, "Таблица 1 — Участники системы наставничества")
    x.grid(doc, _NUM, _NUM_CELLS, "for r in participants.rows", widths=_NUM_W)
    para(doc, "Наставляемые персонализированных программ по категориям приведены в таблице 2 и на рисунке 1 "
         "(число разных людей в парах и группах периода; всего наставляемых — {{ participants.mentees }}, "
         "наставников — {{ participants.mentors }}).", before=12)
    _caption(doc, "Таблица 2 — Наставляемые по категориям; педагогические работники, студенты и стажёры")
    x.grid(doc, ["Категория наставляемых", "Число, чел."], ["{{ r.label }}", "{{ r.value }}"],
           "for r in participants.categories", widths=[12.5, 4.0])
    _figure(doc, "categories", "Рисунок 1 — Наставляемые по категориям")
    _caption(doc, "Таблица 3 — Наставнические пары и группы по формам наставничества")
    x.grid(doc, ["Форма наставничества", "Число пар и групп"], ["{{ r.label }}", "{{ r.value }}"],
           "for r in participants.forms", widths=[12.5, 4.0])
    _caption(doc, "Таблица 4 — Наставнические пары и группы по видам наставничества")
    x.grid(doc, ["Вид наставничества", "Число пар и групп"], ["{{ r.label }}", "{{ r.value }}"],
           "for r in participants.kinds", widths=[12.5, 4.0])


def _programmes_and_plan(doc) -> None:
    _heading(doc, "2. Персонализированные программы наставничества")
    para(doc, "Сведения о реализации персонализированных программ наставничества за период приведены в таблице 5.")
    _caption(doc, "Таблица 5 — Реализация персонализированных программ наставничества")
    x.grid(doc, _NUM, _NUM_CELLS, "for r in programmes.rows", widths=_NUM_W)
    _heading(doc, "3. Выполнение планов мероприятий")
    para(doc, "{{ plan.text }}")
    _caption(doc, "Таблица 6 — Выполнение планов мероприятий персонализированных программ")
    x.grid(doc, _NUM, _NUM_CELLS, "for r in plan.rows", widths=_NUM_W)
    para(doc, "Распределение мероприятий по месяцам периода приведено в таблице 7 и на рисунке 2: всего "
         "запланировано {{ plan.planned_total }}, выполнено {{ plan.done_total }}; месяцы после даты отчёта "
         "отмечены знаком «—».", before=12)
    _caption(doc, "Таблица 7 — Мероприятия планов по месяцам")
    x.grid(doc, ["Месяц", "Запланировано", "Выполнено"], ["{{ r.month }}", "{{ r.planned }}", "{{ r.done }}"],
           "for r in plan.months", widths=[7.5, 4.5, 4.5])
    _figure(doc, "plan", "Рисунок 2 — Мероприятия планов по месяцам: запланировано и выполнено")


def _surveys_and_events(doc) -> None:
    _heading(doc, "4. Результаты анкетирования участников")
    para(doc, "{{ surveys.text }}")
    _caption(doc, "Таблица 8 — Средние оценки по вопросам анкеты")
    x.grid(doc, ["Вопрос анкеты", "Наставники", "Наставляемые"],
           ["{{ r.question }}", "{{ r.mentors }}", "{{ r.mentees }}"], "for r in surveys.questions",
           widths=[9.5, 3.5, 3.5])
    _figure(doc, "surveys", "Рисунок 3 — Средние оценки наставников и наставляемых по вопросам анкеты")
    _heading(doc, "5. Профессиональное развитие наставников, конкурсы и конференции")
    tag(doc, "{%p if events.training %}")
    para(doc, "{{ events.training }}")
    tag(doc, "{%p endif %}")
    para(doc, "{{ events.text }}")
    _caption(doc, "Таблица 9 — Обучение наставников и участие в мероприятиях")
    x.grid(doc, _NUM, _NUM_CELLS, "for r in events.rows", widths=_NUM_W)
    _caption(doc, "Таблица 10 — Участие по уровню мероприятий")
    x.grid(doc, ["Уровень", "Участий", "Побед и призовых мест"], ["{{ r.level }}", "{{ r.count }}", "{{ r.prizes }}"],
           "for r in events.levels", widths=[8.5, 3.5, 4.5])
    _caption(doc, "Таблица 11 — Мероприятия периода")
    x.grid(doc, ["Мероприятие", "Тип", "Уровень", "Дата", "Участ\u00adников", "Побед, призов"],
           ["{{ r.event }}", "{{ r.type }}", "{{ r.level }}", "{{ r.date }}", "{{ r.people }}", "{{ r.prizes }}"],
           "for r in events.list", widths=[3.9, 2.6, 3.4, 2.3, 2.2, 2.1], size=11)
    tag(doc, "{%p if events.list_note %}")
    para(doc, "{{ events.list_note }}", size=12, before=4)
    tag(doc, "{%p endif %}")


def _federal_and_best(doc) -> None:
    _heading(doc, "6. Федеральный показатель и готовность системы наставничества")
    para(doc, "{{ federal.text }}")
    _caption(doc, "Таблица 12 — Показатели охвата и организации наставничества")
    x.grid(doc, ["Показатель", "Значение", "Целевое значение", "Оценка"],
           ["{{ r.label }}", "{{ r.shown }}", "{{ r.target }}", "{{ r.status }}"],
           "for r in federal.rows", widths=[8.0, 3.2, 2.6, 2.7])
    para(doc, "{{ federal.readiness_text }}", before=12)
    _caption(doc, "Таблица 13 — Готовность системы (целевой модели) наставничества")
    x.grid(doc, ["Пункт готовности", "Выполнено"], ["{{ r.label }}", "{{ r.value }}"], "for r in federal.readiness",
           widths=[13.0, 3.5])
    _caption(doc, "Таблица 14 — Этапы дорожной карты")
    x.grid(doc, ["№ этапа", "Наименование этапа", "Статус"], ["{{ r.stage }}", "{{ r.name }}", "{{ r.status }}"],
           "for r in federal.stages", widths=[2.0, 11.0, 3.5])
    _heading(doc, "7. Лучшие практики наставничества")
    para(doc, "{{ best.text }}")
    tag(doc, "{%p for b in best.programmes %}")
    para(doc, "{{ loop.index }}) «{{ b.title }}» ({{ b.code }}).")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if best.note %}")
    para(doc, "{{ best.note }}")
    tag(doc, "{%p endif %}")


def _history(doc) -> None:
    """Section 8 when the archive holds two academic years or more (``history.trend``); else none."""
    tag(doc, "{%p if history.trend %}")
    _heading(doc, "8. Динамика основных показателей по учебным годам")
    para(doc, "{{ history.text }}")
    _caption(doc, "Таблица 15 — Основные показатели по учебным годам")
    x.grid(doc, ["Учебный год", "Пары и группы", "Завершили программу, чел.", "Охват педагогических работников, %",
                 "Средняя оценка в анкетах, балл"],
           ["{{ r.year }}", "{{ r.pairs }}", "{{ r.completed }}", "{{ r.staff_share }}", "{{ r.score }}"],
           "for r in history.rows", widths=[4.1, 2.6, 3.2, 3.5, 3.1], size=12)
    _figure(doc, "trend", "Рисунок 4 — Пары и группы, завершившие программу, охват педагогических работников и "
                          "средняя оценка в анкетах по учебным годам")
    tag(doc, "{%p endif %}")


def _growth_and_swot(doc) -> None:
    """«Рост наставляемых и SWOT-анализ»: numbered 8 or, after «Динамика…», 9 (``analytic._growth``)."""
    _heading(doc, "{{ growth.no }}. Рост наставляемых и SWOT-анализ")
    para(doc, "Наставляемые оценивают, насколько уверенно действуют в каждом направлении наставнической "
         "деятельности, по шкале от 1 (нужна большая помощь) до 5 (справляюсь самостоятельно) дважды: во "
         "входной анкете и в итоговой. Рост — разность итоговой и входной оценок.")
    para(doc, "{{ growth.text }}")
    _caption(doc, "Таблица {{ growth.t1 }} — Самооценка наставляемых по направлениям: входная и итоговая анкеты")
    heads = ["Направление", "Ответили, чел.", "Входная, балл", "Итоговая, балл", "Изменение, балл",
             "Выросла, чел."]
    cells = ["{{ r.label }}", "{{ r.n }}", "{{ r.entry }}", "{{ r.final }}", "{{ r.change }}", "{{ r.improved }}"]
    x.grid(doc, heads, cells, "for r in growth.directions", widths=[4.4, 2.8, 2.3, 2.3, 2.5, 2.2], size=11)
    _figure(doc, "growth", "Рисунок {{ growth.fig }} — Средняя самооценка наставляемых по направлениям во "
                           "входной и итоговой анкетах")
    _caption(doc, "Таблица {{ growth.t2 }} — Самооценка наставляемых по программам")
    x.grid(doc, ["Программа", *heads[1:]], cells, "for r in growth.programmes",
           widths=[4.4, 2.8, 2.3, 2.3, 2.5, 2.2], size=11)
    para(doc, "SWOT-анализ системы наставничества (таблица {{ growth.t3 }}) составлен по ответам на открытые "
         "вопросы итоговых анкет куратора, наставников и наставляемых (без имён) и по показателям мониторинга.",
         before=12)
    _caption(doc, "Таблица {{ growth.t3 }} — SWOT-анализ системы наставничества")
    x.grid(doc, ["Раздел", "Что отмечено"], ["{{ r.part }}", "{{ r.text }}"], "for r in growth.swot",
           widths=[3.8, 12.7], size=11)
    tag(doc, "{%p for t in growth.swot_hidden %}")
    para(doc, "{{ t }}", size=12, before=4)
    tag(doc, "{%p endfor %}")


def analytic_report():
    doc = x.new_document()
    _title_page(doc)
    _introduction(doc)
    _participants(doc)
    _programmes_and_plan(doc)
    _surveys_and_events(doc)
    _federal_and_best(doc)
    _history(doc)
    _growth_and_swot(doc)
    _heading(doc, "{{ history.conclusions_no }}. Выводы и предложения")
    _sub(doc, "Выводы")
    _texts(doc, "conclusions")
    _sub(doc, "Предложения")
    _texts(doc, "proposals")
    x.two_columns(doc, "Куратор реализации программ наставничества", "__________ {{ curator.short }}", before=1)
    para(doc, "{{ report.date }}", align=L, indent=False, before=6)
    return doc
