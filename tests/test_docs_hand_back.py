"""What a director, a lawyer and an inspector would hand back unsigned (issue 26 «Documents», issue 34 points 2–3).

Every document of four books — the centre's and the school's demos, a kindergarten's and a college's synthetic
books — is rendered to PDF by LibreOffice once, and the tests read the pages as pdftotext gives them. Each book gets
the same cases planted, as a curator would type them: a pair stopped on the curator's initiative (with a payment of
2 875,50), one stopped because its mentee was dismissed, one extended, one whose mentor was replaced; the head is also
a mentor; a mentor who has left without a distribution consent; a new pair without an amount.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from nastavnik.docs import pdf as pdfmod
from nastavnik.docs import render_documents
from nastavnik.docs.words import verb
from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import vocab as v
from nastavnik.workbook.reader import read_workbook
from nastavnik.workbook.samples.demo import demo_data
from nastavnik.workbook.samples.demo_school import school_demo_data
from nastavnik.workbook.samples.synth import synth_data
from nastavnik.workbook.template import write_workbook

from .conftest import TODAY

pytestmark = pytest.mark.skipif(pdfmod.soffice() is None or not shutil.which("pdftotext"),
                                reason="LibreOffice или pdftotext не установлены")

SYNTH_TODAY = dt.date(2026, 5, 15)
TYPES = {"centre": ot.EXTRA, "school": ot.SCHOOL, "kindergarten": ot.KINDERGARTEN, "college": ot.COLLEGE}
# Words that mark one type of organisation: none may appear in another type's documents.
MARKERS = {
    "school": ("школьной жизни", "урочной", "урочная", "школа молодого педагога"),
    "kindergarten": ("воспитанник", "детского сада", "дошкольн"),
    "college": ("производственн",),
    "centre": ("общеразвивающ",),
}
DATE = r"\d\d\.\d\d\.\d{4}"


def _parts(key: str):
    if key == "centre":
        return demo_data(TODAY), TODAY
    if key == "school":
        return school_demo_data(TODAY), TODAY
    return synth_data("S", org_type=TYPES[key], today=SYNTH_TODAY), SYNTH_TODAY


def _plant(org: dict, tables: dict, today: dt.date) -> dict:
    """The cases of the module docstring; returns the codes and names the tests look for."""
    pairs: dict[str, list[dict]] = {}
    for r in tables["pairs"]:
        pairs.setdefault(r["code"], []).append(r)
    singles = [rows[0] for rows in pairs.values() if rows[0]["status"] == v.PAIR_RUNNING and len(rows) == 1]
    running = [r for r in singles if not r.get("change")]
    by_curator, dismissed, replaced = running[:3]
    extended = next((r for r in singles if r.get("change") == "продление срока"), running[3:4] or [None])
    extended = extended[0] if isinstance(extended, list) else extended
    mentees = {r["code"]: r for r in tables["mentees"]}
    mentors = {r["code"]: r for r in tables["mentors"]}
    end = today - dt.timedelta(days=10)
    for r, reason in ((by_curator, "по инициативе куратора"), (dismissed, "увольнение участника")):
        r.update(status=v.PAIR_STOPPED, actual_end=end, end_reason=reason, change=None, change_basis=None)
    by_curator["payment"] = 2875.5
    mentees[dismissed["mentee"]].update(status=v.MENTEE_LEFT, left_date=end)
    if extended.get("change") != "продление срока":
        extended.update(change="продление срока", new_end=extended["planned_end"] + dt.timedelta(days=30),
                        change_basis=None, change_order_no="901-о", change_order_date=end)
    replaced.update(change="замена наставника", change_basis=None, change_order_no="902-о", change_order_date=end,
                    mentor_consent=None)
    new = sorted((rows[0] for rows in pairs.values() if rows[0]["status"] in (v.PAIR_DRAFT, v.PAIR_APPROVED)),
                 key=lambda r: r.get("order_no") is not None)  # first a pair the pairs order still names
    new[0]["payment"] = 2875.5
    mentors[new[0]["mentor"]].update(contract_no="ТД-17", contract_date=dt.date(2019, 8, 30))
    for r in new[1:]:  # not yet ordered, so the pairs order names them too
        r.update(payment=None, status=v.PAIR_DRAFT, order_no=None, order_date=None)
    # the head is also a mentor of a running pair (the final-event order is hers to sign, not to acknowledge)
    head = next(rows[0] for rows in pairs.values() if rows[0]["status"] == v.PAIR_RUNNING
                and rows[0] not in (by_curator, dismissed, extended, replaced))
    org.update(director_fio=mentors[head["mentor"]]["fio"], director_sex=mentors[head["mentor"]]["sex"])
    # a mentor who has left, with neither consent marked
    busy = {r["mentor"] for r in tables["pairs"] if r["status"] not in (v.PAIR_DONE, v.PAIR_STOPPED)}
    busy |= {r["mentor"] for r in (by_curator, dismissed, extended, replaced, head)}
    gone = next(r for r in tables["mentors"] if r["code"] not in busy)
    gone.update(status=v.MENTOR_STATUS_LEFT, consent_publish=False, consent_pd=False)
    # one mentee waits for a pair: «Ожидает пару 1 наставляемый», not «Ожидают пару 1 наставляемый»
    waiting = [r for r in tables["mentees"] if r["status"] == v.MENTEE_WAITING]
    for r in waiting[1:]:
        r.update(status=v.MENTEE_LEFT, left_date=end)
    return {"by_curator": by_curator["code"], "dismissed": dismissed["code"], "extended": extended["code"],
            "replaced": replaced["code"], "new_paid": new[0]["code"], "new_blank": [r["code"] for r in new[1:]],
            "head": org["director_fio"], "gone": gone["code"]}


def _pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u2011", "-"))


@pytest.fixture(scope="module", params=list(TYPES))
def rendered(request, tmp_path_factory):
    key = request.param
    (org, tables), today = _parts(key)
    planted = _plant(org, tables, today)
    folder = tmp_path_factory.mktemp(key)
    write_workbook(folder / "книга.xlsx", org, tables)
    book = read_workbook(folder / "книга.xlsx", today=today)
    paths = render_documents(book, folder / "out", today, pdf=True)
    pages = {p.stem: _pages(p) for p in paths if p.suffix == ".pdf"}
    assert len(pages) == len([p for p in paths if p.suffix == ".docx"])
    return {"key": key, "pages": pages, "text": {k: _flat("\n".join(v)) for k, v in pages.items()},
            "planted": planted, "tables": tables}


def _ours(text: str, tables: dict) -> str:
    """The document's own words: the text without what the curator typed into the book's free-text cells (a
    centre's curator may well write «младших школьников»; the program's sentences may not)."""
    from nastavnik.workbook import schema as s
    from nastavnik.workbook.columns import TEXT

    typed = {_flat(str(r.get(col.key))) for key, rows in tables.items() if key in s.SHEET_BY_KEY
             for col in s.SHEET_BY_KEY[key].columns if col.kind == TEXT for r in rows if r.get(col.key)}
    for value in sorted(typed, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def _doc(r, prefix: str) -> str:
    found = [k for k in r["text"] if k.startswith(prefix)]
    assert len(found) == 1, (prefix, sorted(r["text"]))
    return r["text"][found[0]]


def test_no_document_has_a_blank_page(rendered):
    blank = {name: [i + 1 for i, page in enumerate(pages) if len(page.strip()) <= 3]
             for name, pages in rendered["pages"].items()}
    assert {k: b for k, b in blank.items() if b} == {}
    head = rendered["planted"]["head"].split()[0]
    for name in ("Приказ о проведении итогового мероприятия", "Приказ о закреплении наставнических пар (групп)",
                 "Приказ об утверждении Положения о наставничестве"):
        pages = rendered["pages"][name]
        signed = next(i for i, page in enumerate(pages) if "Контроль за исполнением" in page)
        assert head in pages[signed], name  # the signature stands with the order's last item
        assert "Приложение № 1" in pages[signed + 1], name  # and the annex starts on the very next page


def test_early_completion_basis_follows_the_reason(rendered):
    p = rendered["planted"]
    curator = _doc(rendered, f"Приказ о досрочном завершении — {p['by_curator']}")
    assert "на основании служебной записки куратора реализации программ наставничества" in curator
    assert "по инициативе куратора (п. 7.1 Положения)" in curator
    dismissed = _doc(rendered, f"Приказ о досрочном завершении — {p['dismissed']}")
    assert re.search(r"в связи с увольнением наставляем(ого|ой) [А-ЯЁ]", dismissed)
    assert "об увольнении наставляем" in dismissed  # the curator's memo on the dismissal is the basis
    assert "увольнением участника" not in dismissed and "(п. 7.1 Положения)" not in dismissed
    for name, text in rendered["text"].items():
        assert "заявления участников" not in text, name


def test_ending_extending_restaffing_deal_with_the_agreement_and_payment(rendered):
    p = rendered["planted"]
    stop = _doc(rendered, f"Приказ о досрочном завершении — {p['by_curator']}")
    assert re.search(r"Отменить с " + DATE + r" поручение наставнику .* прекратить действие дополнительного "
                     r"соглашения к трудовому договору от .* и выплату доплаты за наставничество", stop)
    extended = _doc(rendered, f"Приказ об изменении — {p['extended']}")
    assert "дополнительное соглашение об изменении срока выполнения работы по наставничеству" in extended
    replaced = _doc(rendered, f"Приказ об изменении — {p['replaced']}")
    assert "с письменного согласия наставника" in replaced
    assert "на основании служебной записки куратора реализации программ наставничества" in replaced
    assert "и письменного согласия наставника" in replaced  # the basis in the genitive throughout
    assert "дополнительное соглашение к трудовому договору о выполнении работы по наставничеству" in replaced
    assert "заключённого с прежним наставником" in replaced
    names = set(rendered["text"])
    assert any(n.startswith(f"Согласие наставника — {p['replaced']} ") for n in names)
    assert any(n.startswith(f"Доп. соглашение — {p['replaced']} ") for n in names)


def test_programme_is_agreed_no_later_than_approved(rendered):
    checked = 0
    for name, text in rendered["text"].items():
        if not name.startswith("Программа "):
            continue
        m = re.search(r"УТВЕРЖДЕНА .*? от (" + DATE + r") № .*?СОГЛАСОВАНО .*? (" + DATE + ")", text)
        if m:
            approved, agreed = (dt.datetime.strptime(d, "%d.%m.%Y").date() for d in m.groups())
            assert agreed <= approved, (name, m.group(0))
            checked += 1
    assert checked


def test_one_person_one_gender_and_groups_in_the_plural(rendered):
    sexes = {r["code"]: r.get("sex") for r in rendered["tables"]["mentees"]}
    members: dict[str, list[str]] = {}
    for r in rendered["tables"]["pairs"]:
        members.setdefault(r["code"], []).append(r["mentee"])
    progs = {p["code"]: p["pair"] for p in rendered["tables"]["programmes"]}
    women = groups = 0
    for name, text in rendered["text"].items():
        if not name.startswith("Программа "):
            continue
        who = members[progs[name.split()[1]]]
        if len(who) > 1:
            groups += 1
            assert "Сильные стороны наставляемых" in text
            assert "Содержание деятельности наставника и наставляемых" in text
        elif sexes[who[0]] == "ж":
            women += 1
            assert "Сильные стороны наставляемой" in text, name
            # the header row and the signature line both say «Наставляемая»
            assert "Наставник Наставляемая С программой ознакомлена" in text, name
            assert not re.search(r"Наставляемый (Форма|__________)|Сильные стороны наставляемого", text), name
    assert women and groups


def test_money_and_conditions_of_payment(rendered):
    p = rendered["planted"]
    paid = _doc(rendered, f"Доп. соглашение — {p['new_paid']} ")
    assert "доплата в размере 2 875,50 рубля в месяц" in paid
    assert "выплачивается ежемесячно в сроки выплаты заработной платы" in paid
    assert "к трудовому договору от 30.08.2019 № ТД-17" in paid  # the contract the agreement amends
    pairs = rendered["text"]["Приказ о закреплении наставнических пар (групп)"]
    assert "2 875,50 рубля в месяц" in pairs
    for code in p["new_blank"]:
        blank = _doc(rendered, f"Доп. соглашение — {code} ")
        assert "доплата в размере ________ рублей в месяц" in blank
        assert "________ рублей в месяц" in pairs and "Доплата —" not in pairs


def test_every_type_in_its_own_words(rendered):
    key = rendered["key"]
    foreign = [w for other, words in MARKERS.items() if other != key for w in words]
    hits = {name: [w for w in foreign if w in _ours(text, rendered["tables"]).lower()]
            for name, text in rendered["text"].items()}
    if key == "kindergarten":  # a kindergarten's children are воспитанники (the programmes' plan rows are typed)
        hits |= {name: ["обучающихся"] for name, text in rendered["text"].items()
                 if "обучающихся" in text and not name.startswith("Программа ")}
    assert {k: h for k, h in hits.items() if h} == {}
    regulation = rendered["text"]["Приказ об утверждении Положения о наставничестве"]
    own = {"kindergarten": "укладом жизни детского сада", "school": "укладом школьной жизни",
           "college": "укладом жизни колледжа", "centre": "укладом жизни образовательной организации"}[key]
    assert own in regulation


def test_the_signer_is_not_on_her_own_acquaintance_sheet(rendered):
    head = rendered["planted"]["head"].split()[0]  # the surname: a table cell may break the full name
    for name in ("Приказ о проведении итогового мероприятия", "Приказ о закреплении наставнических пар (групп)"):
        text = rendered["text"].get(name)
        if text is not None:
            sheet = text[text.index("ЛИСТ ОЗНАКОМЛЕНИЯ"):]
            assert head not in sheet, name
    final = rendered["text"]["Приказ о проведении итогового мероприятия"]
    assert head in final[:final.index("ЛИСТ ОЗНАКОМЛЕНИЯ")]  # she is in the annex as a mentor


def test_no_form_for_someone_who_has_left(rendered):
    gone = rendered["planted"]["gone"]
    assert not [n for n in rendered["text"] if n.startswith("Согласие") and f" — {gone} " in n]
    assert [n for n in rendered["text"] if n.startswith("Согласие на распространение ПДн — ")]


def test_verbs_agree_with_counts_in_the_report(rendered):
    report = next(t for n, t in rendered["text"].items() if "аналитический отчёт" in n)
    assert "Ожидает пару 1 наставляемый" in report and "Пару ожидает 1 наставляемый" in report
    for name, text in rendered["text"].items():
        assert not re.search(r"(участвуют|работают|ожидают|ведут|Ожидают пару) (1|\d*[02-9]1)\b", text), name


def test_verb_agrees_with_the_count():
    assert [verb(n, "участвуют") for n in (1, 21, 11, 3, 101)] == \
        ["участвует", "участвует", "участвуют", "участвуют", "участвует"]
    assert verb(1, "Ожидают") == "Ожидает" and verb(31, "ведут") == "ведёт" and verb(1.5, "работают") == "работают"


def test_no_labour_papers_for_an_outside_mentor(make_book, tmp_path):
    """A university's lecturer (form «педагог вуза/колледжа – молодой педагог») has no labour contract with the
    organisation: no ст. 351.8 consent or additional agreement is made for her pair, and no order deals with one."""
    from .test_docs_render import doc_text

    def outside(org, tables):
        for r in tables["pairs"]:
            if r["code"] in ("ПР-005", "ПР-009"):
                r["form"] = v.FORM_OUTSIDE

    paths = render_documents(make_book(outside), tmp_path / "out", TODAY,
                             only=["mentor_consent", "agreement", "changes"])
    names = [p.stem for p in paths]
    assert not [n for n in names if "ПР-005" in n and n.startswith(("Согласие наставника", "Доп. соглашение"))]
    extended = doc_text(next(p for p in paths if p.stem == "Приказ об изменении — ПР-009"))
    assert "Продлить срок реализации" in extended and "дополнительное соглашение" not in extended
