"""The built-in templates, one function each, drawn from the blocks of ``layout``.

``scripts/make_doc_templates.py`` saves them into ``doc_templates/`` (the files a
curator opens and rewords); the renderer builds them in memory only when that
folder is missing (an installed package). The tags name fields of the context
built in ``context.py``; ``nastavnik docs --fields KIND`` lists them.

Longer than most modules: one builder per kind of document, each the layout of a real order.
"""

from __future__ import annotations

from . import layout as x
from .blueprint_report import analytic_report
from .layout import BASIS, CONTROL, C, L, para, points, tag

_REG = "Положения о системе (целевой модели) наставничества педагогических работников"
_REG_INS = "Положением о системе (целевой модели) наставничества педагогических работников"
_REG_REF = f", {_REG_INS}, утверждённым приказом от {{{{ regulation.date }}}} № {{{{ regulation.no }}}}"


def polozhenie():
    doc = x.new_document()
    title = f"Об утверждении {_REG}"
    x.order_head(doc, title)
    x.basis(doc, BASIS + ", на основании решения педагогического совета {{ org.short_name }} (протокол от "
            "{{ protocol.date }} № {{ protocol.no }}), в целях создания условий для непрерывного профессионального "
            "роста педагогических работников")
    points(doc, [
        "1. Утвердить Положение о системе (целевой модели) наставничества педагогических работников "
        "в {{ org.short_name }} (приложение № 1).",
        f"2. Утвердить дорожную карту (план мероприятий) по реализации {_REG} на {{{{ org.academic_year }}}} "
        "учебный год (приложение № 2).",
        "3. Куратору реализации программ наставничества {{ curator.dat }} в течение десяти рабочих дней со дня "
        "издания приказа ознакомить педагогических работников с Положением под подпись и обеспечить выполнение "
        "дорожной карты в сроки, установленные ею (приложение № 2).",
        "4. Разместить Положение и дорожную карту на официальном сайте в специальном разделе «Наставничество» "
        "в течение десяти рабочих дней со дня издания приказа.",
        "5. " + CONTROL,
    ])
    x.signature(doc, executor=True)
    regulation_annexes(doc)
    return doc


def regulation_annexes(doc) -> None:
    """Annex 1, the Положение with its грифы, and annex 2, the roadmap on landscape pages: the order on the
    Положение and the one order of introduction (``orgprogramme.intro``) approve both."""
    x.annex_mark(doc, 1)
    _marks(doc)
    para(doc, "ПОЛОЖЕНИЕ", align=C, indent=False, bold=True, before=18)
    para(doc, "{{ polozhenie.title }}", align=C, indent=False, bold=True, after=12)
    tag(doc, "{%p for s in polozhenie.sections %}")
    para(doc, "{{ s.title }}", align=C, indent=False, bold=True, before=12, after=6, keep=True)
    tag(doc, "{%p for t in s.paragraphs %}")
    para(doc, "{{ t }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endfor %}")
    x.annex_mark(doc, 2, "ДОРОЖНАЯ КАРТА (ПЛАН МЕРОПРИЯТИЙ)", landscape=True)
    para(doc, f"по реализации {_REG} в {{{{ org.short_name }}}} на {{{{ org.academic_year }}}} учебный год",
         align=C, indent=False, after=12)
    x.grid(doc, ["№", "Наименование этапа", "Содержание деятельности и мероприятия", "Срок", "Ответственные"],
           ["{{ r.stage }}", "{{ r.stage_name }}", "{{ r.activity }}", "{{ r.deadline }}", "{{ r.responsible }}"],
           "for r in roadmap", widths=[1.3, 6.2, 10.0, 3.0, 4.7])


def _marks(doc) -> None:
    """«ПРИНЯТО» (pedagogical council) at the left and «УТВЕРЖДЕНО» (the order) at the right."""
    table = doc.add_table(rows=1, cols=2)
    x._no_borders(table)
    x.set_widths(table, [8.5, 8.0])
    left = ["ПРИНЯТО", "на заседании педагогического совета", "{{ org.short_name }}",
            "протокол от {{ protocol.date }} № {{ protocol.no }}"]
    right = ["УТВЕРЖДЕНО", "приказом {{ org.short_name }}", "от {{ order.date }} № {{ order.no }}"]
    for cell, lines in zip(table.rows[0].cells, (left, right)):
        first = True
        for line in lines:
            p = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            run = p.add_run(line)
            run.font.size = x.Pt(12)
            run.bold = line in ("ПРИНЯТО", "УТВЕРЖДЕНО")


def curator():
    doc = x.new_document()
    x.order_head(doc, "О назначении куратора реализации программ наставничества педагогических работников")
    x.basis(doc, BASIS + _REG_REF)
    points(doc, [
        "1. Назначить куратором реализации программ наставничества педагогических работников в {{ org.short_name }} "
        "на {{ org.academic_year }} учебный год {{ curator.acc }}, {{ curator.position_acc }}.",
        "2. Куратору реализации программ наставничества {{ curator.dat }}:",
        "2.1. не реже одного раза в год актуализировать банки наставников и наставляемых, обеспечив письменные "
        "согласия на обработку персональных данных;",
        "2.2. разработать дорожную карту и организовать разработку персонализированных программ наставничества;",
        "2.3. осуществлять мониторинг реализации системы (целевой модели) наставничества и сформировать итоговый "
        "аналитический отчёт (п. 3.4 Положения).",
        "3. " + CONTROL,
    ])
    x.signature(doc, executor=True)
    x.acquaintance(doc, "«О назначении куратора реализации программ наставничества педагогических работников»")
    return doc


def council():
    doc = x.new_document()
    x.order_head(doc, "Об утверждении состава методического совета наставников")
    x.basis(doc, BASIS + _REG_REF + " (п. 3.5)")
    points(doc, [
        "1. Утвердить состав методического совета наставников {{ org.short_name }} на {{ org.academic_year }} "
        "учебный год:",
        "{%p for m in members %}",
        "{{ m.role }} — {{ m.fio }}, {{ m.position }}{{ m.end }}",
        "{%p endfor %}",
        "2. Методическому совету наставников осуществлять деятельность в соответствии с пунктом 3.5 Положения.",
        "3. " + CONTROL,
    ])
    x.signature(doc, executor=True)
    x.acquaintance(doc, "«Об утверждении состава методического совета наставников»")
    return doc


def pairs():
    doc = x.new_document()
    title = "О закреплении наставнических пар (групп) педагогических работников"
    x.order_head(doc, title)
    x.basis(doc, BASIS + _REG_REF + " (п. 6.2), на основании письменного согласия наставников и наставляемых")
    points(doc, [
        "{%p if programmes_ready %}",
        "1. Закрепить наставнические пары (группы) и утвердить персонализированные программы наставничества "
        "согласно приложению № 1 ({{ count_text }}).",
        "2. Наставникам обеспечить реализацию персонализированных программ наставничества в сроки, указанные в "
        "приложении № 1.",
        "{%p else %}",
        "1. Закрепить наставнические пары (группы) согласно приложению № 1 ({{ count_text }}).",
        "2. Наставникам совместно с наставляемыми разработать персонализированные программы наставничества в срок "
        "до {{ programmes_until }}, представить их куратору на согласование и обеспечить их реализацию в сроки, "
        "указанные в приложении № 1.",
        "{%p endif %}",
        "3. Куратору реализации программ наставничества {{ curator.dat }} осуществлять координацию и мониторинг "
        "реализации персонализированных программ наставничества.",
        "{%p if agreements %}",
        "4. Специалисту по кадрам в срок до {{ agreements_until }} подготовить дополнительные соглашения к трудовым "
        "договорам с наставниками о выполнении работы по наставничеству (статья 351.8 Трудового кодекса Российской "
        "Федерации) с доплатой за наставничество в размере, указанном в приложении № 1, и представить их на "
        "подпись.",
        "5. " + CONTROL,
        "{%p else %}",
        "4. " + CONTROL,
        "{%p endif %}",
    ])
    x.signature(doc, executor=True)
    x.annex_mark(doc, 1, "Состав наставнических пар (групп)", landscape=True)
    x.grid(doc, ["№", "Наставник", "Наставляемый(е)", "Форма наставничества", "Вид наставничества", "Сроки",
                 "Доплата"],
           ["{{ loop.index }}", "{{ g.mentor.fio }}, {{ g.mentor.position }}", "{{ g.mentees_text }}",
            "{{ g.form }}", "{{ g.kind }}", "{{ g.period }}", "{{ g.payment }}"], "for g in groups",
           widths=[1.0, 5.6, 5.6, 3.6, 3.6, 3.0, 2.8])
    x.acquaintance(doc, f"«{title}»", portrait=True)
    return doc


_WHO = "наставника {{ mentor.gen }} и {{ mentees_word_gen }} {{ mentees_gen }}"


def changes():
    doc = x.new_document()
    x.order_head(doc, "{{ change.title }}")
    x.basis(doc, BASIS + _REG_REF + "{{ change.clause_in_basis }}, на основании {{ change.basis_gen }}")
    points(doc, [
        "{%p if change.kind == 'extend' %}",
        "1. Продлить срок реализации персонализированной программы наставничества {{ programme.code }} " + _WHO
        + " до {{ change.new_end }}.",
        "{%p elif change.kind == 'shorten' %}",
        "1. Сократить срок реализации персонализированной программы наставничества {{ programme.code }} " + _WHO
        + ", установив дату окончания {{ change.new_end }}.",
        "{%p elif change.kind == 'content' %}",
        "1. Внести изменения в содержание и план мероприятий персонализированной программы наставничества "
        "{{ programme.code }} " + _WHO + ".",
        "{%p elif change.kind == 'form' %}",
        "1. Изменить форму (вид) наставничества в персонализированной программе наставничества {{ programme.code }} "
        + _WHO + ": форма — {{ pair.form }}, вид — {{ pair.kind }}.",
        "{%p elif change.kind == 'mentor' %}",
        "1. В связи с заменой наставника (п. 5.1 Положения) закрепить за {{ mentees_word_ins }} {{ mentees_ins }} "
        "наставника {{ mentor.acc }}, {{ mentor.position_acc }}, с письменного согласия наставника (статья 351.8 "
        "Трудового кодекса Российской Федерации) на срок до {{ pair.end }}.",
        "{%p else %}",
        "1. Прекратить досрочно реализацию персонализированной программы наставничества {{ programme.code }} "
        + _WHO + " с {{ change.end_date }} {{ change.reason_text }}{{ change.reason_ref }}.",
        "{%p endif %}",
        "{%p for l in labour %}",
        "{{ l.n }}. {{ l.text }}",
        "{%p endfor %}",
        "{{ change.n_curator }}. Куратору реализации программ наставничества {{ curator.dat }} в течение трёх "
        "рабочих дней со дня издания приказа внести изменения в банк персонализированных программ наставничества "
        "и ознакомить участников программы с приказом.",
        "{{ change.n_control }}. " + CONTROL,
    ])
    x.signature(doc, executor=True)
    x.acquaintance(doc, "«{{ change.title }}»")
    return doc


def programme():
    doc = x.new_document()
    # The грифы in the order the programme passes them: the council reviews it and the curator agrees it (left),
    # the head approves it by order (right, ГОСТ Р 7.0.97-2016 п. 5.18: the гриф утверждения at the top right).
    table = doc.add_table(rows=2, cols=2)
    x._no_borders(table)
    x.set_widths(table, [8.5, 8.0])
    marks = ((0, 0, ["ПРИНЯТА", "на заседании {{ review.gen }}", "{{ org.short_name }}",
                     "протокол от {{ review.protocol.date }} № {{ review.protocol.no }}"]),
             (0, 1, ["УТВЕРЖДЕНА", "приказом {{ org.short_name }}", "от {{ programme.approval.date }} "
                     "№ {{ programme.approval.no }}"]),
             (1, 0, ["СОГЛАСОВАНО", "Куратор реализации программ наставничества", "__________ {{ curator.short }}",
                     "{{ programme.agreed }}"]))
    for row, col, lines in marks:
        cell = table.rows[row].cells[col]
        for i, line in enumerate(lines):
            p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            p.paragraph_format.space_before = x.Pt(6 if row and i == 0 else 0)
            run = p.add_run(x.keep_together(line))
            run.font.size = x.Pt(11)  # three грифы in the room two had: the explanatory note keeps to page 1
            run.bold = i == 0
    para(doc, "{{ org.full_name }}", align=C, indent=False, size=12, before=6)
    para(doc, "ПЕРСОНАЛИЗИРОВАННАЯ ПРОГРАММА НАСТАВНИЧЕСТВА", align=C, indent=False, bold=True, before=12)
    para(doc, "{{ programme.title }}", align=C, indent=False, bold=True)
    para(doc, "{{ programme.code }}, {{ programme.years }}", align=C, indent=False, after=12)
    para(doc, "1. Пояснительная записка", align=L, indent=False, bold=True, after=6)
    rows = [
        ("Наставник", "{{ mentor.fio }}, {{ mentor.position }}"),
        ("{{ mentees_label }}", "{{ mentees_text }}"),
        ("Форма наставничества", "{{ pair.form }}"),
        ("Вид наставничества", "{{ pair.kind }}"),
        ("Описание проблемы", "{{ programme.problem }}"),
        ("Сильные стороны {{ mentees_word_gen }}", "{{ programme.strengths }}"),
        ("Цель", "{{ programme.goal }}"),
        ("Задачи", "{{ programme.tasks_text }}"),
        ("Содержание деятельности {{ participants_gen }}", "{{ programme.content }}"),
        ("Сроки реализации", "{{ programme.period }}"),
        ("Промежуточные результаты", "{{ programme.intermediate_text }}"),
        ("Планируемые результаты", "{{ programme.planned_text }}"),
        ("Расписание встреч", "{{ programme.schedule }}"),
        ("Режим работы", "{{ programme.mode }}"),
        ("Условия обучения", "{{ programme.conditions }}"),
    ]
    t = doc.add_table(rows=len(rows), cols=2)
    t.style = doc.styles["Table Grid"]
    for row, (label, value) in zip(t.rows, rows):
        x._cell_text(row.cells[0], label, L, bold=True, size=12)
        x._cell_text(row.cells[1], value, L, size=12)
    x.set_widths(t, [5.0, 11.5])
    x.landscape_section(doc)  # the plan has seven columns: on a portrait page its words would break in half
    para(doc, "2. План мероприятий", align=L, indent=False, bold=True, after=6, keep=True)
    heads = ["№", "Мероприятие", "Форма", "Срок", "Ответственный", "Ожидаемый результат", "Отметка о выполнении"]
    plan = doc.add_table(rows=7, cols=len(heads))
    plan.style = doc.styles["Table Grid"]
    for c, h in zip(plan.rows[0].cells, heads):
        x._cell_text(c, h, C, bold=True, size=12)
    x._cell_text(plan.rows[1].cells[0], "{%tr for d in plan %}", size=12)
    x._cell_text(plan.rows[2].cells[0], "Направление: {{ d.direction }}", L, bold=True, size=12)
    x._cell_text(plan.rows[3].cells[0], "{%tr for a in d.activities %}", size=12)
    for c, v in zip(plan.rows[4].cells, ["{{ a.n }}", "{{ a.activity }}", "{{ a.form }}", "{{ a.planned_date }}",
                                         "{{ a.responsible }}", "{{ a.expected }}", "{{ a.done }}"]):
        x._cell_text(c, v, L, size=12)
    x._cell_text(plan.rows[5].cells[0], "{%tr endfor %}", size=12)
    x._cell_text(plan.rows[6].cells[0], "{%tr endfor %}", size=12)
    for r in (1, 2, 3, 5, 6):
        plan.rows[r].cells[0].merge(plan.rows[r].cells[-1])
    x.set_widths(plan, [1.0, 6.6, 3.9, 2.6, 3.6, 4.6, 3.4])
    x._repeat_header(plan.rows[0])
    x.keep_row(plan.rows[4])
    para(doc, "", indent=False)
    # The signatures are one table row that cannot split: the mentor's and the mentees' lines stay on one page
    # (with three грифы a group programme's mentees used to sign on the page after their mentor).
    para(doc, "", indent=False)
    sign = x.two_columns(doc, "Наставник", "__________ {{ mentor.short }}", widths=(12.0, 13.2))
    for cell, line, align in ((sign.rows[0].cells[0], "{{ m.label }}", L),
                              (sign.rows[0].cells[1], "__________ {{ m.short }}", x.R)):
        for text in ("{%p for m in signers %}", line, "{%p endfor %}"):
            cell.add_paragraph(text).alignment = align
    x.keep_row(sign.rows[0])
    para(doc, "С программой {{ programme.acquainted_word }}: {{ programme.acquainted }}", align=L, indent=False,
         before=12)
    return doc


def final():
    doc = x.new_document()
    title = ("О проведении итогового мероприятия в рамках реализации системы (целевой модели) наставничества "
             "педагогических работников")
    x.order_head(doc, title)
    x.basis(doc, BASIS + _REG_REF + ", дорожной картой (планом мероприятий) на {{ org.academic_year }} учебный год "
            "(этап 6)")
    points(doc, [
        "1. Провести {{ event.date }} итоговое мероприятие в рамках реализации системы (целевой модели) "
        "наставничества педагогических работников {{ event.place_text }} с участием наставников "
        "и наставляемых согласно приложению № 1.",
        "2. Куратору реализации программ наставничества {{ curator.dat }}:",
        "2.1. провести анкетирование участников персонализированных программ наставничества "
        "до {{ event.survey_until }};",
        "2.2. подготовить итоговый аналитический отчёт о реализации системы (целевой модели) наставничества "
        "за {{ org.academic_year }} учебный год ({{ stats.text }}) в срок до {{ org.period_end }};",
        "2.3. в течение десяти рабочих дней после итогового мероприятия разместить информацию об итогах на "
        "официальном сайте в разделе «Наставничество» (п. 8.2 Положения).",
        "3. Методическому совету наставников (председатель — {{ chair }}) в срок до {{ event.date }} выявить лучшие "
        "практики наставничества и внести предложения о поощрении наставников.",
        "4. " + CONTROL,
    ])
    x.signature(doc, executor=True)
    x.annex_mark(doc, 1, "Участники итогового мероприятия")
    x.grid(doc, ["№", "Наставник", "Наставляемый(е)", "Программа", "Статус"],
           ["{{ loop.index }}", "{{ g.mentor.fio }}", "{{ g.mentees_text }}", "{{ g.programme }}", "{{ g.status }}"],
           "for g in groups", widths=[0.9, 4.6, 4.6, 3.4, 3.0])
    x.acquaintance(doc, f"«{title}»")
    return doc


def _consent_head(doc, title: str, subtitle: str, passport: bool = True) -> None:
    para(doc, title, align=C, indent=False, bold=True)
    para(doc, subtitle, align=C, indent=False, bold=True, after=12)
    if passport:  # 152-ФЗ ст. 9 ч. 4 п. 1: the document's number, date of issue and issuing body, the address
        para(doc, "Я, {{ person.fio }}, {{ person.position }}{{ person.department_text }}, паспорт серия ______ "
             "№ __________, дата выдачи __.__.____, выдан ___________________________________________________"
             "____________, {{ person.registered }} по адресу: ____________________________________________"
             "_________________,", align=L)
    else:  # Приказ Роскомнадзора № 18: no passport, but the subject's contact details
        para(doc, "Я, {{ person.fio }}, {{ person.position }}{{ person.department_text }}, контактная информация "
             "(телефон, адрес электронной почты или почтовый адрес): {{ person.contact_text }},", align=L)


def _consent_sign(doc) -> None:
    x.two_columns(doc, "__.__.____", "__________ / {{ person.short }}", before=1)


_OPERATOR = ("{{ org.full_name_dat }} (адрес: {{ org.address }}; ИНН {{ org.inn }}, ОГРН {{ org.ogrn }}; "
             "далее — оператор)")


def consent_pd():
    doc = x.new_document()
    _consent_head(doc, "СОГЛАСИЕ", "на обработку персональных данных")
    for text in [
        "в соответствии со статьёй 9 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» свободно, "
        "своей волей и в своём интересе даю согласие " + _OPERATOR + " на обработку моих персональных данных: "
        "фамилия, имя, отчество; пол; дата рождения; должность и структурное подразделение; сведения об "
        "образовании, квалификационной категории и стаже; контактный телефон и адрес электронной почты; сведения "
        "о профессиональных затруднениях и запросах, об участии в персонализированной программе наставничества, "
        "в конкурсах и конференциях и о результатах.",
        "Цель обработки: организация и реализация системы (целевой модели) наставничества педагогических "
        "работников, ведение банка {{ person.bank_gen }}, подготовка локальных актов, мониторинг и отчётность.",
        "Перечень действий: сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), "
        "извлечение, использование, передача (предоставление, доступ), обезличивание, блокирование, удаление, "
        "уничтожение. Способ обработки — смешанный (с использованием средств автоматизации и без них).",
        "Передача (предоставление, доступ) персональных данных: работникам оператора, участвующим в реализации "
        "системы наставничества; {{ org.report_recipient_text }} — для мониторинга и отчётности о реализации "
        "системы наставничества.",
        "Согласие действует со дня подписания до окончания моего участия в системе наставничества, а в части "
        "документов, которые оператор обязан хранить, — до истечения сроков их хранения по номенклатуре дел "
        "оператора. Согласие может быть отозвано мной в любой момент письменным заявлением, направленным "
        "оператору по адресу: {{ org.address }} (ч. 2 ст. 9 Федерального закона № 152-ФЗ). Согласие на "
        "распространение персональных данных оформляется отдельным документом.",
    ]:
        para(doc, text)
    _consent_sign(doc)
    return doc


def consent_publish():
    doc = x.new_document()
    _consent_head(doc, "СОГЛАСИЕ", "на обработку персональных данных, разрешённых субъектом персональных данных "
                  "для распространения", passport=False)
    para(doc, "в соответствии со статьёй 10.1 Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных» "
         "даю согласие " + _OPERATOR + " на распространение моих персональных данных путём размещения на "
         "информационном ресурсе оператора — официальном сайте в разделе «Наставничество» ({{ org.site_url }}) — "
         "в целях информационной поддержки системы (целевой модели) наставничества (раздел 8 Положения). "
         "Категории и перечень персональных данных, на распространение которых я даю согласие, условия и запреты:")
    rows = [("Фамилия, имя, отчество", "{{ person.fio }}"), ("Должность", "{{ person.position }}"),
            ("Структурное подразделение", "{{ person.department }}"),
            ("Роль в системе наставничества", "{{ person.role }}"),
            ("Сведения о персонализированной программе наставничества и её результатах",
             "{{ published.programmes }}"),
            ("Сведения об участии в конкурсах и конференциях", "{{ published.events }}"),
            ("Фотографии (изображение)", "{{ published.photos }}")]
    t = doc.add_table(rows=len(rows) + 1, cols=4)
    t.style = doc.styles["Table Grid"]
    x.set_widths(t, [5.4, 5.4, 2.6, 3.1])
    for c, h in zip(t.rows[0].cells, ["Персональные данные", "Содержание", "Разрешаю (да / нет)",
                                      "Условия и запреты"]):
        x._cell_text(c, h, C, bold=True, size=11)
    for row, (label, value) in zip(t.rows[1:], rows):  # 11 pt: the form and its signature fit on one page
        x._cell_text(row.cells[0], label, L, size=11)
        x._cell_text(row.cells[1], value, L, size=11)
    para(doc, "Условия, при которых полученные персональные данные могут передаваться оператором (нужное "
         "отметить): ☐ только по его внутренней сети, обеспечивающей доступ к информации лишь для строго "
         "определённых сотрудников; ☐ с использованием информационно-телекоммуникационных сетей; ☐ без передачи "
         "полученных персональных данных.", before=6)
    para(doc, "Согласие действует со дня подписания до окончания моего участия в системе наставничества или до "
         "его отзыва. Требование о прекращении распространения персональных данных направляется оператору в "
         "письменной форме (ч. 12 ст. 10.1 Федерального закона № 152-ФЗ).")
    _consent_sign(doc)
    return doc


def mentor_consent():
    doc = x.new_document()
    for line in ["{{ org.director_position_dat }} {{ org.short_name }}", "{{ director.dat_short }}",
                 "от {{ mentor.gen }},", "{{ mentor.position_gen }}"]:
        para(doc, line, align=L, indent=False, left=8.5)
    para(doc, "СОГЛАСИЕ", align=C, indent=False, bold=True, before=24)
    para(doc, "на осуществление наставничества", align=C, indent=False, bold=True, after=12)
    para(doc, "Я, {{ mentor.fio }}, в соответствии со статьёй 351.8 Трудового кодекса Российской Федерации даю "
         "согласие на осуществление наставничества в отношении {{ mentees_word_gen }} {{ mentees_gen }} "
         "(форма наставничества — «{{ pair.form }}», вид — {{ pair.kind }}) в период с {{ pair.start }} по "
         "{{ pair.end }} в рамках персонализированной программы наставничества {{ programme.code }}.")
    para(doc, "С Положением о системе (целевой модели) наставничества педагогических работников "
         "{{ mentor.acquainted_word }}.")
    x.two_columns(doc, "__.__.____", "__________ / {{ mentor.short }}", before=1)
    return doc


def agreement():
    doc = x.new_document()
    para(doc, "ДОПОЛНИТЕЛЬНОЕ СОГЛАШЕНИЕ № {{ agreement.no }}", align=C, indent=False, bold=True)
    para(doc, "к трудовому договору от {{ contract.date }} № {{ contract.no }}", align=C, indent=False, after=12)
    x.two_columns(doc, "{{ org.city }}", "{{ agreement.date }}")
    para(doc, "", indent=False)
    para(doc, "{{ org.full_name }}, именуемое в дальнейшем «Работодатель», в лице {{ org.director_position_gen }} "
         "{{ director.gen }}, {{ director.acting }} на основании Устава, с одной стороны, и {{ mentor.fio }}, "
         "{{ mentor.named }} в дальнейшем «Работник», с другой стороны, заключили настоящее дополнительное "
         "соглашение о нижеследующем:")
    points(doc, [
        "1. Работник с его письменного согласия выполняет наряду с работой, определённой трудовым договором, "
        "дополнительную работу по наставничеству (статья 351.8 Трудового кодекса Российской Федерации) в "
        "отношении {{ mentees_word_gen }} {{ mentees_gen }}.",
        "2. Содержание наставничества: реализация персонализированной программы наставничества {{ programme.code }} "
        "«{{ programme.title }}»; форма наставничества — «{{ pair.form }}»; вид наставничества — {{ pair.kind }}.",
        "3. Срок наставничества: с {{ pair.start }} по {{ agreement.until }}.",
        "4. За выполнение дополнительной работы Работнику устанавливается доплата в размере "
        "{{ agreement.payment_text }}. Доплата начисляется за фактически отработанное время в период "
        "наставничества и выплачивается ежемесячно в сроки выплаты заработной платы; при досрочном прекращении "
        "наставничества — по день его прекращения (статья 351.8 Трудового кодекса Российской Федерации).",
        "5. Работник вправе досрочно отказаться от выполнения работы по наставничеству, а Работодатель — досрочно "
        "отменить поручение о её выполнении, предупредив другую сторону в письменной форме не позднее чем за три "
        "рабочих дня (статья 351.8 Трудового кодекса Российской Федерации).",
        "6. Настоящее соглашение вступает в силу со дня подписания, является неотъемлемой частью трудового договора "
        "и составлено в двух экземплярах, по одному для каждой из сторон.",
    ])
    x.two_columns(doc, "Работодатель:", "Работник:", before=1)
    x.two_columns(doc, "{{ org.director_position }}", "{{ mentor.position }}")
    x.two_columns(doc, "__________ {{ org.director_short }}", "__________ {{ mentor.short }}")
    para(doc, "Экземпляр соглашения {{ mentor.received }}: __.__.____ __________", align=L, indent=False, before=18)
    return doc


BLUEPRINTS = {
    "polozhenie": polozhenie, "curator": curator, "council": council, "pairs": pairs, "changes": changes,
    "programme": programme, "final": final, "consent_pd": consent_pd, "consent_publish": consent_publish,
    "mentor_consent": mentor_consent, "agreement": agreement, "analytic_report": analytic_report,
}
