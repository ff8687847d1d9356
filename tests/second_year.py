"""A curator's second year, typed into the book `nastavnik new-year` wrote, with openpyxl as Excel would leave it.

``fill_second_year(path)`` edits the year-2 book of the centre demo (made on 25.08.2027) in place, as a curator
would during 2027/2028: the pairs carried unclosed from last year are closed (ПР-002 stopped early because its
mentee left, the others completed with their plans done), a mentor leaves, two new mentees come, one of them in a
new pair ПР-010 with Н-007 (who mentored ПР-007, now on the archive), with its programme, plan and surveys, and the
year's order of the methodical council is written on «Организация». ``TODAY`` is the day the commands run.
"""

from __future__ import annotations

import datetime as dt
from copy import copy

from nastavnik.workbook import schema as s
from nastavnik.workbook import vocab as v

TODAY = dt.date(2028, 5, 25)
D = dt.datetime


def _headers(ws) -> dict[str, int]:
    return {str(c.value).removesuffix(" *"): c.column for c in ws[1] if c.value}


class Sheet:
    def __init__(self, wb, sheet):
        self.ws = wb[sheet.title]
        self.sheet = sheet
        self.col = {c.key: _headers(self.ws)[c.title] for c in sheet.columns}

    def rows(self):
        for r in range(2, self.ws.max_row + 1):
            if self.ws.cell(r, 1).value not in (None, ""):
                yield r

    def get(self, r, key):
        return self.ws.cell(r, self.col[key]).value

    def set(self, r, key, value):
        cell = self.ws.cell(r, self.col[key])
        cell.value = value
        if isinstance(value, (dt.date, dt.datetime)):
            cell.number_format = "DD.MM.YYYY"

    def find(self, key, value):
        return [r for r in self.rows() if self.get(r, key) == value]

    def append(self, values: dict, like: int | None = None):
        r = max(self.rows(), default=1) + 1
        if like is not None:
            for key in self.col:
                self.set(r, key, copy(self.get(like, key)))
        for key, value in values.items():
            self.set(r, key, value)
        return r


def fill_second_year(path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    pairs, progs, plan = Sheet(wb, s.PAIRS), Sheet(wb, s.PROGRAMMES), Sheet(wb, s.PLAN)
    mentors, mentees, surveys = Sheet(wb, s.MENTORS), Sheet(wb, s.MENTEES), Sheet(wb, s.SURVEYS)

    # Last year's pairs, carried unclosed: ПР-002 stopped (its mentee left), the others completed.
    for r in pairs.rows():
        code, end = pairs.get(r, "code"), pairs.get(r, "new_end") or pairs.get(r, "planned_end")
        if code == "ПР-002":
            pairs.set(r, "status", v.PAIR_STOPPED)
            pairs.set(r, "actual_end", D(2027, 3, 15))
            pairs.set(r, "end_reason", "увольнение участника")
        else:
            pairs.set(r, "status", v.PAIR_DONE)
            pairs.set(r, "actual_end", end)
            pairs.set(r, "end_reason", v.REASON_FULL)
    done_mentees = {pairs.get(r, "mentee") for r in pairs.rows()} - {"П-002"}
    for r in mentees.rows():
        if mentees.get(r, "code") in done_mentees:
            mentees.set(r, "status", v.MENTEE_DONE)
        if mentees.get(r, "code") == "П-002":
            mentees.set(r, "status", v.MENTEE_LEFT)
            mentees.set(r, "left_date", D(2027, 3, 15))
    for r in plan.rows():
        if plan.get(r, "status") != v.ACT_DONE:
            plan.set(r, "status", v.ACT_DONE)
            plan.set(r, "actual_date", plan.get(r, "planned_date"))
            plan.set(r, "result", plan.get(r, "result") or "Проведено.")

    # A mentor leaves.
    [gone] = mentors.find("code", "Н-014")
    mentors.set(gone, "status", v.MENTOR_STATUS_LEFT)

    # Two new mentees; П-017 gets a pair with Н-007 (who mentored ПР-007 last year).
    [like] = mentees.find("code", "П-012")
    mentees.append({"code": "П-016", "fio": "Новикова Дарья Олеговна", "sex": "ж", "birth_date": D(1999, 3, 14),
                    "date_added": D(2027, 9, 10), "status": v.MENTEE_WAITING,
                    "consent_pd_date": D(2027, 9, 10)}, like=like)
    mentees.append({"code": "П-017", "fio": "Орлов Глеб Андреевич", "sex": "м", "birth_date": D(2000, 7, 2),
                    "date_added": D(2027, 9, 10), "status": v.MENTEE_IN_PAIR,
                    "consent_pd_date": D(2027, 9, 10)}, like=like)
    [pair_like] = pairs.find("code", "ПР-001")
    pairs.append({"code": "ПР-010", "mentor": "Н-007", "mentee": "П-017", "start": D(2027, 10, 4),
                  "planned_end": D(2028, 5, 31), "actual_end": None, "status": v.PAIR_RUNNING, "end_reason": None,
                  "change": None, "new_end": None, "change_basis": None, "change_order_no": None,
                  "change_order_date": None, "order_no": "41-о", "order_date": D(2027, 10, 1),
                  "mentor_consent_date": D(2027, 9, 28), "agreement_no": "17", "agreement_date": D(2027, 10, 1),
                  "agreement_until": D(2028, 5, 31)}, like=pair_like)
    [prog_like] = progs.find("pair", "ПР-001")
    old_prog = progs.get(prog_like, "code")
    progs.append({"code": "ПП-010", "pair": "ПР-010", "start": D(2027, 10, 4), "end": D(2028, 5, 31),
                  "intermediate_date": D(2028, 1, 20), "acquainted_date": D(2027, 10, 4), "achieved_results": None},
                 like=prog_like)
    shift = D(2027, 10, 4) - progs_start(progs, prog_like)
    for r in [r for r in plan.rows() if plan.get(r, "programme") == old_prog]:
        planned = plan.get(r, "planned_date") + shift
        new = plan.append({"programme": "ПП-010", "planned_date": planned}, like=r)
        if planned.date() <= TODAY:
            plan.set(new, "actual_date", planned)
        else:
            plan.set(new, "status", v.ACT_PLANNED)
            plan.set(new, "actual_date", None)
            plan.set(new, "result", None)
    for who, role in (("Н-007", "наставник"), ("П-017", "наставляемый")):
        [sv_like] = [r for r in surveys.rows() if surveys.get(r, "role") == role][:1]
        surveys.append({"respondent": who, "programme": "ПП-010", "date": D(2028, 5, 20)}, like=sv_like)

    # The year's order of the methodical council.
    org = wb[s.ORG_TITLE]
    titles = {str(org.cell(r, 1).value).removesuffix(" *"): r for r in range(2, org.max_row + 1)}
    for key, value in (("order_council_no", "40-о"), ("order_council_date", D(2027, 9, 15))):
        cell = org.cell(titles[s.ORG_BY_KEY[key].title], 2)
        cell.value = value
        if isinstance(value, dt.datetime):
            cell.number_format = "DD.MM.YYYY"
    wb.save(path)


def progs_start(progs: Sheet, r: int) -> dt.datetime:
    return progs.get(r, "start")
