#!/bin/sh
# Installer of the offline bundle for Linux (Astra, ALT, RED OS, Debian, Ubuntu): finds Python 3.10+ and runs
# install.py, which makes a private environment in ~/.local/share/nastavnik and installs with pip --no-index.
# POSIX sh, so that "sh установить.sh" works even where the unpacker lost the executable bit.
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
if [ ! -f "$here/install.py" ]; then
  echo "Установочный пакет распакован не целиком: рядом с этим файлом нет install.py. Распакуйте архив целиком."
  exit 2
fi
py=""
for cand in @PYTHONS@ python3; do
  if command -v "$cand" >/dev/null 2>&1 &&
     "$cand" -c 'import sys; sys.exit(sys.version_info < (3, 10))' >/dev/null 2>&1; then
    py=$cand
    break
  fi
done
if [ -z "$py" ]; then
  echo "Не найден Python 3.10 или новее. Попросите системного администратора установить python3 (3.10+),"
  echo "python3-venv и python3-tk из репозитория вашей системы, затем запустите установку снова."
  rc=2
else
  "$py" "$here/install.py" "$@"
  rc=$?
  case $rc in
    2) echo "Установочный пакет не подходит к этому компьютеру: причина указана выше." ;;
    3) echo "Внутренняя ошибка установщика. Передайте текст выше разработчикам." ;;
    4) echo "Установка не закончена: что помешало и что делать — написано выше." ;;
  esac
fi
if [ -t 0 ] && [ -z "$NASTAVNIK_NO_PAUSE" ]; then
  printf '\nНажмите Enter, чтобы закрыть окно… '
  read -r _
fi
exit $rc
