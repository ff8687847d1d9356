"""The lists of «Справочники»: the regulation's fixed ones and the organisation's own, and each type's titles.

A dropdown of the template points at the named range ``list_<key>``; the reader and the checks accept the
values a book has on its own «Справочники» (``EXTENDABLE``).
"""

from __future__ import annotations

from functools import cache

from nastavnik.workbook import orgtypes as ot
from nastavnik.workbook import vocab as v

# Lists shown on «Справочники»; a dropdown points at the named range ``list_<key>``.
LISTS: dict[str, tuple[str, list[str]]] = {
    "yes_no": ("Да / нет", v.YES_NO),
    "sex": ("Пол", v.SEX),
    "org_type": ("Тип организации", [t.title for t in ot.TYPES]),
    "focus": ("Направленность", list(ot.DEFAULT.profiles)),  # the type's profile: see lists_for()
    "level": ("Уровень программ", list(ot.DEFAULT.levels)),
    "position": ("Должность", list(ot.DEFAULT.positions)),
    "department": ("Структурное подразделение", []),
    "qual": ("Квалификационная категория", v.QUAL_CATEGORIES),
    "education": ("Образование", v.EDUCATION),
    "form": ("Форма наставничества", v.FORMS),
    "kind": ("Вид наставничества", v.KINDS),
    "format": ("Формат работы", v.FORMATS),
    "direction": ("Направление наставнической деятельности", list(v.DIRECTIONS.values())),
    "mentor_status": ("Статус наставника", v.MENTOR_STATUSES),
    "council_role": ("Роль в методическом совете", v.COUNCIL_ROLES),
    "mentee_category": ("Категория наставляемого", v.MENTEE_CATEGORIES),
    "mentee_status": ("Статус наставляемого", v.MENTEE_STATUSES),
    "pair_status": ("Статус пары (группы)", v.PAIR_STATUSES),
    "end_reason": ("Причина завершения (п. 7.1)", v.END_REASONS),
    "change": ("Изменение программы (п. 7.2)", v.CHANGES),
    "activity_form": ("Форма мероприятия", v.ACTIVITY_FORMS),
    "activity_status": ("Статус мероприятия", v.ACTIVITY_STATUSES),
    "role": ("Роль участника", v.ROLES),
    "event_type": ("Тип мероприятия", v.EVENT_TYPES),
    "event_level": ("Уровень мероприятия", v.EVENT_LEVELS),
    "event_result": ("Результат участия", v.EVENT_RESULTS),
    "stage_status": ("Статус этапа", v.STAGE_STATUSES),
    "news_kind": ("Вид публикации", v.NEWS_KINDS),
    "normative_level": ("Уровень документа", None),  # filled in below, beside the sheet «Нормативная база»
}

# The organisation's own lists: the curator adds values on «Справочники» and the reader, the checks and the
# matching accept them. The other lists are fixed by the regulation (kinds and forms of mentoring, statuses,
# completion reasons) or by law, and the sheet says so.
EXTENDABLE = frozenset({"focus", "level", "position", "department", "activity_form", "event_type"})
# The second row of «Справочники» says which lists are the organisation's to extend.
LIST_OPEN_MARK = "можно дополнять: впишите ниже"
LIST_FIXED_MARK = "постоянный список: не менять"
# Lists whose title and starting values are the organisation type's (orgtypes.OrgType).
_TYPED_LISTS = {"focus": ("profile", "profiles"), "level": ("level", "levels"), "position": (None, "positions")}


def lists_for(org_type: ot.OrgType) -> dict[str, tuple[str, list[str]]]:
    """The «Справочники» lists of a type: the profile, level and positions are the type's."""
    out = dict(LISTS)
    for key, (title_attr, values_attr) in _TYPED_LISTS.items():
        title = getattr(org_type, title_attr) if title_attr else LISTS[key][0]
        out[key] = (title, list(getattr(org_type, values_attr)))
    return out


@cache  # the lists' titles are fixed once imported
def list_titles(key: str) -> frozenset[str]:
    """Every title a list may have on «Справочники» (a typed list is titled by its type)."""
    return frozenset({lists_for(t)[key][0] for t in ot.TYPES} | {LISTS[key][0]})


# «Нормативная база» of the website section (п. 8.1 Положения): federal, regional (city and district) and local
# acts and the methodological recommendations. The federal ones come pre-filled and can be edited.
NORMATIVE_LEVELS = ["федеральный", "региональный (Санкт-Петербург)", "региональный (район)", "локальный",
                    "методические рекомендации"]
LISTS["normative_level"] = ("Уровень документа", NORMATIVE_LEVELS)

# «Поощрение» (п. 3.5 Положения: the council proposes how mentors are rewarded): the kinds of reward.
REWARD_THANKS, REWARD_DIPLOMA, REWARD_BONUS = "благодарность", "почётная грамота", "премия"
REWARD_KINDS = [REWARD_THANKS, REWARD_DIPLOMA, REWARD_BONUS]
LISTS["reward_kind"] = ("Вид поощрения", REWARD_KINDS)

# «Порядок приказов» on «Организация»: the Положение and the curator by separate orders, or one order «О внедрении
# системы (целевой модели) наставничества», as many organisations (kindergartens above all) begin.
ORDERS_SEPARATE, ORDERS_ONE = "отдельные приказы", "один приказ о внедрении"
ORDERS_MODES = [ORDERS_SEPARATE, ORDERS_ONE]
LISTS["orders_mode"] = ("Порядок приказов", ORDERS_MODES)
