"""What ``nastavnik new-year`` did, in Russian, by code only: for the screen and the summary file beside the book.

Split from ``newyear`` (which decides what goes where) so that each stays short. Layer: workbook.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nastavnik.base.morph import agree
from nastavnik.workbook import schema as s

ROADMAP_RESET = "не начат"
ROADMAP_DONE = "выполнен"


@dataclass
class Summary:
    """What new-year did, by code only (no personal data), for the screen and the summary file."""

    old_year: str
    new_year: str
    period: tuple[dt.date, dt.date]
    version_read: str | None = None
    migration: list[str] = field(default_factory=list)
    pairs_carried: list[str] = field(default_factory=list)
    # (code, end, status): carried although its (new) end came before the new year — the curator decides.
    pairs_overdue: list[tuple[str, dt.date, str]] = field(default_factory=list)
    pairs_archived: list[tuple[str, str]] = field(default_factory=list)  # (code, status)
    programmes_carried: int = 0
    programmes_archived: int = 0
    plan_carried: int = 0
    plan_archived: int = 0
    surveys_carried: int = 0
    surveys_archived: int = 0
    events_carried: int = 0
    events_archived: int = 0
    mentors_kept: int = 0
    mentees_kept: int = 0
    dropped: list[tuple[str, str]] = field(default_factory=list)  # (code, why)
    leaving_in_pairs: list[tuple[str, str, bool]] = field(default_factory=list)  # (code, pair, female): kept
    status_changes: list[tuple[str, str, str]] = field(default_factory=list)  # (code, old, new)
    orders_kept: list[str] = field(default_factory=list)
    orders_cleared: list[str] = field(default_factory=list)
    roadmap_reset: int = 0
    roadmap_kept: int = 0
    archive_years: list[str] = field(default_factory=list)
    normative_carried: int = 0
    news_carried: int = 0
    roadmap_archived: int = 0
    org_archived: list[str] = field(default_factory=list)  # titles of «Организация» fields kept on the archive

    def lines(self) -> list[str]:
        p0, p1 = self.period
        out = [f"Новый учебный год {self.new_year} (период {p0:%d.%m.%Y} – {p1:%d.%m.%Y}) из книги "
               f"{self.old_year} учебного года."]
        out.append(f"Прочитана книга шаблона версии {self.version_read or 'без отметки'}; новая книга — шаблона "
                   f"версии {s.TEMPLATE_VERSION}.")
        for note in self.migration:
            out.append(f"Перенос на новый шаблон: {note}")
        out.append("")
        out.append("Перенесено:")
        overdue = {c for c, _, _ in self.pairs_overdue}
        going = [c for c in self.pairs_carried if c not in overdue]
        out.append(f"  пары и группы, которые продолжаются: {len(going)}"
                   + (f" ({', '.join(going)})" if going else "")
                   + f"; их программы: {self.programmes_carried}, мероприятия плана: {self.plan_carried}, "
                     f"анкеты: {self.surveys_carried};")
        out.append(f"  строк банка наставников: {self.mentors_kept}, банка наставляемых: {self.mentees_kept}; "
                   "педагогический стаж и стаж в организации увеличены на год;")
        out.append(f"  мероприятия (конкурсы, конференции) нового периода: {self.events_carried}; нормативная база: "
                   f"{agree(self.normative_carried, 'документ')}; новости и анонсы: {self.news_carried}.")
        out.append("В архив (листы «Архив …»):")
        archived = ", ".join(f"{c} — {st}" for c, st in self.pairs_archived)
        out.append(f"  завершённые и прекращённые пары и группы: {len(self.pairs_archived)}"
                   + (f" ({archived})" if archived else "") + f"; их программы: {self.programmes_archived}, "
                     f"мероприятия плана: {self.plan_archived}, анкеты: {self.surveys_archived};")
        out.append(f"  мероприятия прошлого учебного года: {self.events_archived}; дорожная карта года, как она "
                   f"была заполнена: {agree(self.roadmap_archived, 'строка')};")
        out.append("  параметры «Организации» прошлого года: "
                   + (", ".join(f"«{x}»" for x in self.org_archived) if self.org_archived else "—") + ".")
        out.append("  В архиве учебные годы: " + (", ".join(self.archive_years) or "—") + ".")
        if self.pairs_overdue:
            out.append("")
            out.append(f"Нужно ваше решение: пары и группы, срок которых истёк до нового учебного года, но которые "
                       f"не закрыты, — {len(self.pairs_overdue)}:")
            for code, end, status in self.pairs_overdue:
                out.append(f"  {code} — срок истёк {end:%d.%m.%Y}, статус «{status}»;")
            out.append("  такие пары перенесены в новую книгу как есть, но продолжаются ли они, решает куратор: завершите пару "
                       "(статус, фактическая дата окончания и причина), продлите её приказом (изменение срока и "
                       "новая дата окончания) или оставьте продолжаться, если так решено. Пока решения нет, "
                       "nastavnik check новой книги напоминает о каждой.")
            out.append("")
        out.append("Исключены из банков:" + ("" if self.dropped else " никто."))
        for code, why in self.dropped:
            out.append(f"  {code} — {why}")
        if self.dropped:
            out.append("  На листе «Архив выбывших» о них остаются код, банк, статус и даты — без персональных данных.")
        for code, pair, female in self.leaving_in_pairs:
            out.append(f"  {code} {'оставлена' if female else 'оставлен'} в банке: увольняется, но пара (группа) "
                       f"{pair} продолжается — завершите её или замените участника.")
        if self.status_changes:
            out.append("Статусы наставляемых пересчитаны:")
            for code, old, new in self.status_changes:
                out.append(f"  {code}: «{old}» → «{new}»")
        out.append("Лист «Организация»:")
        if self.orders_kept:
            out.append("  сохранены приказы, действующие до отмены: " + "; ".join(self.orders_kept)
                       + ". Если издан новый приказ, впишите его номер и дату.")
        if self.orders_cleared:
            out.append("  очищены поля прошлого года: " + ", ".join(self.orders_cleared) + ".")
        out.append(f"Дорожная карта: снова «{ROADMAP_RESET}» — строк: {self.roadmap_reset}; остаются "
                   f"«{ROADMAP_DONE}» — строк: {self.roadmap_kept} (этап 1: Положение и куратор, пока действуют "
                   "их приказы).")
        return out
