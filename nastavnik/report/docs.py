"""``docs/indicators.md`` generated from the registry, so the documentation never disagrees with the program.

Regenerate with ``python3 scripts/make_indicators_doc.py``; a test fails when the committed file is stale.
"""

from __future__ import annotations

from .registry import GROUPS, PERIOD_RULES, SPECS

DOC_PATH = "docs/indicators.md"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_indicators_md() -> str:
    lines = [
        "# Показатели мониторинга наставничества",
        "",
        "Файл создан программой из реестра показателей (`nastavnik/report/registry.py`) командой "
        "`python3 scripts/make_indicators_doc.py`; не правьте его вручную.",
        "",
        "Показатели считает команда `nastavnik report` (отчёт Excel или `--format json`), а ключевые показатели "
        "(отмечены «да» в столбце «Ключевой») попадают на лист «Сводка» и в районный свод "
        "`nastavnik consolidate`. Коды показателей постоянны: на них опираются другие программы.",
        "",
        "## Период",
        "",
        *[f"- {rule}" for rule in PERIOD_RULES],
        "",
    ]
    for group, title in GROUPS.items():
        lines += [f"## {title}", "", "| Код | Показатель | Ед. изм. | Как считается | Цель | Ключевой |",
                  "|---|---|---|---|---|---|"]
        for s in SPECS:
            if s.group != group:
                continue
            kind = " (таблица с диаграммой)" if s.breakdown else ""
            lines.append(f"| `{s.code}` | {_cell(s.name)}{kind} | {s.unit} | {_cell(s.formula)} | "
                         f"{s.target_text or '—'} | {'да' if s.key else ''} |")
        lines.append("")
    lines += [
        "## Статистическая форма",
        "",
        "Лист «Статформа» отчёта: число участников персонализированных программ наставничества за период. "
        "Строки — наставники, наставляемые всего и по категориям; столбцы — всего, по формам и по видам "
        "наставничества. В каждой ячейке — число разных людей в парах и группах периода; человек в нескольких "
        "парах разных форм или видов учитывается в каждом из этих столбцов.",
        "",
        "## Районный свод",
        "",
        "`nastavnik consolidate ПАПКА_ИЛИ_ФАЙЛЫ...` — строка на организацию с ключевыми показателями и строка "
        "«Итого»: числа суммируются, доли пересчитываются по суммам числителей и знаменателей, средние и баллы "
        "не суммируются. Файлы, которые не удалось прочитать (повреждённые, файлы блокировки «~$…»), "
        "перечислены на листе «Проблемы файлов».",
        "",
    ]
    return "\n".join(lines)
