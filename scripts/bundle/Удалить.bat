@echo off
rem Uninstaller: removes the private environment and the shortcuts; workbooks and results stay.
chcp 65001 >nul
setlocal
cd /d "%~dp0"
title Удаление программы Наставничество

if not exist "%~dp0install.py" goto notunpacked
set "PY="
for %%V in (@VERSIONS@) do if not defined PY py -%%V -c "import sys" >nul 2>nul && set "PY=py -%%V"
if not defined PY python -c "import sys; sys.exit(sys.version_info < (3, 10))" >nul 2>nul && set "PY=python"
if not defined PY goto manual

%PY% "%~dp0install.py" --remove
set "RC=%ERRORLEVEL%"
if not "%RC%"=="0" echo Удалить не удалось: причина указана выше. Закройте окно программы и попробуйте снова.
goto end

:manual
set "RC=2"
echo Не найден Python. Удалите вручную папку "%LOCALAPPDATA%\nastavnik"
echo и ярлыки "Наставничество" на рабочем столе и в меню "Пуск".
goto end

:notunpacked
set "RC=2"
echo Установочный пакет не распакован: рядом с этим файлом нет install.py и папки wheels.
echo Распакуйте архив целиком (правой кнопкой - "Извлечь все...") и запустите файл из распакованной папки.
goto end

:end
echo.
echo Нажмите любую клавишу, чтобы закрыть окно...
pause >nul
exit /b %RC%
