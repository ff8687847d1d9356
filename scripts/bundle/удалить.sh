#!/bin/sh
# Uninstaller for Linux: removes ~/.local/share/nastavnik and the menu and desktop entries; workbooks stay.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
if [ ! -f "$here/install.py" ]; then
  echo "Установочный пакет распакован не целиком: рядом с этим файлом нет install.py. Распакуйте архив целиком."
  exit 2
fi
py=""
for cand in @PYTHONS@ python3; do
  if command -v "$cand" >/dev/null 2>&1 && "$cand" -c "import sys" >/dev/null 2>&1; then py=$cand; break; fi
done
if [ -z "$py" ]; then
  echo "Не найден Python. Удалите вручную папку ~/.local/share/nastavnik и ярлык nastavnik.desktop"
  echo "в ~/.local/share/applications и на рабочем столе."
  rc=2
else
  "$py" "$here/install.py" --remove
  rc=$?
fi
if [ -t 0 ] && [ -z "$NASTAVNIK_NO_PAUSE" ]; then
  printf '\nНажмите Enter, чтобы закрыть окно… '
  read -r _
fi
exit $rc
