"""Turn what people type into Excel cells into typed values, or say why not.

Each parser takes a raw cell value (as python-calamine returns it: str, float,
int, bool, date, datetime, time) and returns ``(value, error)`` where ``error``
is None or a short Russian description of what was expected. Parsers never
guess: «12.13.2025» is an error, not the 12th of some month.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200b\ufeff]+")
_DASHES = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014\u2212]\s*")
_QUOTES = re.compile(r"[«»\"'„“”‘’`]")
_NONWORD = re.compile(r"[^0-9a-zа-я]+")

EXCEL_EPOCH = dt.date(1899, 12, 30)
SERIAL_MIN = (dt.date(1920, 1, 1) - EXCEL_EPOCH).days
SERIAL_MAX = (dt.date(2100, 1, 1) - EXCEL_EPOCH).days

MONTHS = {
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "янв": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "дек": 12,
}


# A one-line text with single ordinary spaces inside and none at the ends is already clean.
_NEEDS_CLEANING = re.compile(r"[\t\r\n\u00a0\u2007\u202f\u2009\u200b\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|  ")
# Characters XML 1.0 does not allow: one of them in a .docx, .xlsx or .html makes the file unopenable.
# Excel keeps a pasted control character as «_x0007_» and python-calamine decodes it back.
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LINE_LIKE = {"\x0b": "\n", "\x0c": "\n"}  # vertical tab and form feed mean a new line to the person


def has_illegal(text: str) -> bool:
    return XML_ILLEGAL.search(text) is not None


def xml_safe(text: str) -> str:
    """The text without characters XML forbids; a vertical tab or form feed becomes a line break."""
    if XML_ILLEGAL.search(text) is None:
        return text
    return XML_ILLEGAL.sub(lambda m: _LINE_LIKE.get(m.group(0), ""), text)


def is_clean(text: str) -> bool:
    """True when ``clean_text`` would return this very string: the common case, decided without splitting."""
    return (bool(text) and not text[0].isspace() and not text[-1].isspace()
            and _NEEDS_CLEANING.search(text) is None and unicodedata.is_normalized("NFC", text))


def clean_text(value) -> str | None:
    """Trim ordinary and non-breaking spaces; keep line breaks inside long texts."""
    if value is None:
        return None
    if type(value) is str and is_clean(value):
        return value  # a district's workbook has a million cells; most need no cleaning
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = xml_safe(unicodedata.normalize("NFC", str(value)))
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    text = "\n".join(line for line in lines if line)
    return text or None


def fold(value: str) -> str:
    """The form in which two spellings count as the same: case, ё/е, dashes, quotes and spaces ignored."""
    text = clean_text(value) or ""
    text = text.casefold().replace("ё", "е")
    text = _QUOTES.sub("", text)
    text = _DASHES.sub("-", text)
    text = _SPACES.sub(" ", text).strip(" .")
    return text


def header_key(value) -> str:
    """Headers match ignoring case, ё, spaces, punctuation and the required-column star."""
    return _NONWORD.sub("", (clean_text(value) or "").casefold().replace("ё", "е"))


def parse_text(value):
    return clean_text(value), None


def parse_code(value):
    text = clean_text(value)
    if text is None:
        return None, None
    if "\n" not in text:
        return text, None
    return _SPACES.sub(" ", text.replace("\n", " ")), None


def parse_codes(value):
    text = clean_text(value)
    if text is None:
        return (), None
    parts = [p.strip() for p in re.split(r"[;,\n]+", text)]
    return tuple(p for p in parts if p), None


# Units people type after a number: money («3 000 руб.», «1500 р.», «2 500 ₽», «3000 рублей»), a share («50 %»),
# years («5 лет», «1,5 года») and people («3 чел.»). The column's title already says the unit, so it is dropped.
_MONEY = r"(?:руб(?:л(?:ей|я|ь))?|р|₽|rub)"
_KOPECKS = re.compile(r"^(?P<rub>.+?)\s*" + _MONEY + r"\.?\s*(?P<kop>\d{1,2})\s*(?:коп(?:еек|ейки|ейка)?|к)\.?$")
_UNIT = re.compile(r"\s*(?:" + _MONEY + r"|%|лет|года?|г|чел(?:овека?)?)\.?(?:\s*/\s*мес(?:яц)?\.?)?$")
# Digit groups: ordinary, non-breaking and thin spaces, or an apostrophe («3'000»), between thousands.
_GROUPS = re.compile(r"(?<=\d)[ '’](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _number_text(value) -> str | None:
    """«3 000,50 руб.» → «3000.50»; None when the text is not a number with an optional unit."""
    text = (clean_text(value) or "").casefold()
    m = _KOPECKS.match(text)
    if m:  # «3 000 руб. 50 коп.»
        rub = _number_text(m.group("rub"))
        return None if rub is None or "." in rub else f"{rub}.{int(m.group('kop')):02d}"
    text = _UNIT.sub("", text).strip()
    text = _GROUPS.sub("", text).replace(" ", "").replace(",", ".")
    return text if _NUMBER.fullmatch(text) else None


def parse_int(value, whole_years: bool = False):
    """An integer; «5 лет», «3 чел.» are read too. ``whole_years``: a length of service typed with a fraction
    («1,5 года») is its whole years (стаж is counted in full years), not an error."""
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, "целое число"
    if isinstance(value, (int, float)):
        if float(value).is_integer():
            return int(value), None
        if whole_years and value >= 0:
            return int(value), None
        return None, "целое число"
    text = _number_text(value)
    if text is not None:
        number = float(text)
        if number.is_integer():
            return int(number), None
        if whole_years and number >= 0:
            return int(number), None
    return None, "целое число"


def parse_years(value):
    return parse_int(value, whole_years=True)


def parse_number(value):
    """A number as people type it: «2 500,00», «3 000 руб.», «3\u00a0000 р.», «1500 ₽», «3 000 руб. 50 коп.»."""
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return None, "число"
    if isinstance(value, (int, float)):
        return float(value), None
    text = _number_text(value)
    if text is not None:
        return float(text), None
    return None, "число"


_YES = {"да", "д", "+", "1", "true", "истина", "yes", "y", "✓", "v", "x", "х", "есть"}
_NO = {"нет", "н", "-", "0", "false", "ложь", "no", "n"}


def parse_bool(value):
    if value is None or value == "":
        return None, None
    if isinstance(value, bool):
        return value, None
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value), None
    key = fold(str(value))
    if key in _YES:
        return True, None
    if key in _NO:
        return False, None
    return None, "«да» или «нет»"


def _year(y: int) -> int:
    if y < 100:
        return 2000 + y if y <= 50 else 1900 + y
    return y


def _make_date(y: int, m: int, d: int):
    try:
        return dt.date(_year(y), m, d)
    except ValueError:
        return None


# A point, a comma (a slip of the numeric keypad), a slash or a dash, with stray spaces: «01. 09. 2024», «01,09,2024».
_DMY = re.compile(r"(\d{1,2})\s*[.,/-]\s*(\d{1,2})\s*[.,/-]\s*(\d{4}|\d{2})")
_YMD = re.compile(r"(\d{4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{1,2})")
_WORDY = re.compile(r"(\d{1,2})\s+([а-я]+)\.?\s+(\d{4})")
_TAIL = re.compile(r"(\s*(г\.\s*р|г|года|год)\.?)?(\s+\d{1,2}:\d{2}(:\d{2})?)?$")

DATE_EXPECTED = "дата в виде ДД.ММ.ГГГГ"


def parse_date(value):
    """Dates as Excel stores them (date, datetime, serial) or as Russians type them."""
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if isinstance(value, bool):
        return None, DATE_EXPECTED
    if isinstance(value, (int, float)):
        # A serial is trusted only between 1920 and 2100: «2024» typed into a date cell is a year, not 1905.
        if SERIAL_MIN <= value < SERIAL_MAX:
            return EXCEL_EPOCH + dt.timedelta(days=int(value)), None
        return None, DATE_EXPECTED
    if isinstance(value, dt.time):
        return None, DATE_EXPECTED
    text = fold(str(value))
    text = _TAIL.sub("", text).strip()
    for pattern, order in ((_DMY, "dmy"), (_YMD, "ymd")):
        m = pattern.fullmatch(text)
        if m:
            a, b, c = (int(x) for x in m.groups())
            d = _make_date(c, b, a) if order == "dmy" else _make_date(a, b, c)
            return (d, None) if d else (None, DATE_EXPECTED)
    m = _WORDY.fullmatch(text)
    if m:
        day, word, year = m.groups()
        month = None
        for stem in sorted(MONTHS, key=len, reverse=True):
            if word.startswith(stem) and (stem != "ма" or word in ("мая", "май")):
                month = MONTHS[stem]
                break
        if month:
            d = _make_date(int(year), month, int(day))
            if d:
                return d, None
    if re.fullmatch(r"\d{5}", text):
        return parse_date(int(text))
    return None, DATE_EXPECTED


class Choice:
    """An enum parser: tolerant of case, spaces, ё, dashes and quotes; returns the canonical spelling."""

    def __init__(self, values: list[str]):
        self.values = values
        self.lookup = {fold(x): x for x in values}

    def __call__(self, value):
        text = clean_text(value)
        if text is None:
            return None, None
        found = self.lookup.get(fold(text))
        if found is None:
            return None, "значение из списка"
        return found, None

    def many(self, value):
        text = clean_text(value)
        if text is None:
            return (), None
        out = []
        for part in re.split(r"[;,\n]+", text):
            if not part.strip():
                continue
            found = self.lookup.get(fold(part))
            if found is None:
                return None, "значения из списка через «;»"
            if found not in out:
                out.append(found)
        return tuple(out), None


_FIO_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+(?:[-'’][A-Za-zА-Яа-яЁё]+)*")
_FIO_PARTICLES = {"оглы", "кызы", "угли", "улы"}


# Two or three capitalised Cyrillic words, none of them a particle: valid without splitting (10,000 names a district).
_FIO_PLAIN = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?: [А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?){1,2}")
_FIO_PARTICLE = re.compile(r"(?:^| )(?:" + "|".join(sorted(_FIO_PARTICLES)) + r")(?: |$)", re.IGNORECASE)


def parse_fio(value):
    if type(value) is str and _FIO_PLAIN.fullmatch(value) and not _FIO_PARTICLE.search(value):
        return value, None
    text = clean_text(value)
    if text is None:
        return None, None
    text = text.replace("\n", " ")
    words = text.split(" ")
    core = [w for w in words if w.casefold() not in _FIO_PARTICLES]
    if not 2 <= len(core) <= 3 or not all(_FIO_WORD.fullmatch(w) for w in words):
        return None, "фамилия, имя и отчество (2–3 слова из букв)"
    return text, None
