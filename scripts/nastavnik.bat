@echo off
rem nastavnik: launcher for the curator. Put this file next to the workbook (.xlsx) and double-click it.
rem It finds the newest .xlsx in its folder (skipping Excel's "~$" lock files), runs "nastavnik run"
rem and keeps the window open. Saved with CRLF line endings and UTF-8 text (code page 65001).
chcp 65001 >nul
setlocal
cd /d "%~dp0"
title nastavnik - наставничество

set "PY="
where py >nul 2>nul && set "PY=py -3"
if not defined PY where python >nul 2>nul && set "PY=python"
if not defined PY goto nopython
%PY% -c "import nastavnik" >nul 2>nul || goto nomodule

set "BOOK="
for /f "delims=" %%F in ('dir /b /a-d /o-d "*.xlsx" 2^>nul ^| findstr /v /b /l /c:"~$"') do if not defined BOOK set "BOOK=%%F"
if not defined BOOK goto nobook

echo Рабочая книга: "%BOOK%"
echo Папка результатов: "%~dp0Результаты"
echo.
%PY% -m nastavnik run "%BOOK%" --out "%~dp0Результаты"
set "RC=%ERRORLEVEL%"
echo.
if "%RC%"=="0" (
  echo Готово. Результаты - в папке "Результаты" рядом с книгой: самая новая папка с датой,
  echo её имя записано в файле "последний запуск.txt".
  goto end
)
if "%RC%"=="1" (
  echo В книге есть ошибки: они перечислены выше. Исправьте их в книге и запустите снова.
  goto end
)
if "%RC%"=="2" (
  echo Книгу не удалось прочитать: причина указана выше. Нужна рабочая книга наставничества .xlsx.
  goto end
)
echo Внутренняя ошибка программы. Ваша книга не изменена. Передайте текст из этого окна разработчикам.
goto end

:nopython
set "RC=2"
echo Не найден Python. Установите Python 3.10 или новее с сайта python.org
echo (отметьте "Add python.exe to PATH"), затем: py -m pip install nastavnik
goto end

:nomodule
set "RC=2"
echo Программа nastavnik не установлена. Установите её командой: %PY% -m pip install nastavnik
goto end

:nobook
set "RC=2"
echo Рядом с этим файлом нет рабочей книги .xlsx.
echo Положите книгу в папку "%~dp0" или создайте новую: %PY% -m nastavnik init книга.xlsx
goto end

:end
echo.
echo Нажмите любую клавишу, чтобы закрыть окно...
pause >nul
exit /b %RC%
