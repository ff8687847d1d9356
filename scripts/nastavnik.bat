@echo off
rem nastavnik: launcher for the curator. Put this file next to the workbook (.xlsx) and double-click it.
rem It uses the program installed by the offline bundle ("Установить.bat" puts it in
rem %LOCALAPPDATA%\nastavnik\venv), finds the newest .xlsx in its folder (skipping Excel's "~$" lock files),
rem runs "nastavnik run" and keeps the window open. Saved with CRLF line endings and UTF-8 text (code page 65001).
chcp 65001 >nul
setlocal
cd /d "%~dp0"
title nastavnik - наставничество

set "INST=%LOCALAPPDATA%\nastavnik\venv\Scripts\python.exe"
set "PY="
if exist "%INST%" set "PY=INST"
if not defined PY py -3 -c "import nastavnik" >nul 2>nul && set "PY=py -3"
if not defined PY python -c "import nastavnik" >nul 2>nul && set "PY=python"
if not defined PY goto notinstalled

set "BOOK="
for /f "delims=" %%F in ('dir /b /a-d /o-d "*.xlsx" 2^>nul ^| findstr /v /b /l /c:"~$"') do if not defined BOOK set "BOOK=%%F"
if not defined BOOK goto nobook

echo Рабочая книга: "%BOOK%"
echo Папка результатов: "%~dp0Результаты"
echo.
if "%PY%"=="INST" goto runinstalled
%PY% -m nastavnik run "%BOOK%" --out "%~dp0Результаты"
goto ran
:runinstalled
"%INST%" -m nastavnik run "%BOOK%" --out "%~dp0Результаты"
:ran
set "RC=%ERRORLEVEL%"
echo.
if "%RC%"=="0" (
  echo Готово. Результаты - в папке "Результаты" рядом с книгой: самая новая папка с датой,
  echo её имя записано в файле "последний запуск.txt".
  goto end
)
if "%RC%"=="1" (
  echo В книге есть ошибки: они перечислены выше. Исправьте их в книге и запустите снова.
  echo Копия книги с подсвеченными ячейками - в самой новой папке внутри "Результаты".
  goto end
)
if "%RC%"=="2" (
  echo Книгу не удалось прочитать: причина указана выше. Нужна рабочая книга наставничества .xlsx,
  echo не повреждённая и без пароля.
  goto end
)
if "%RC%"=="4" (
  echo Компьютер не дал записать результаты: нет места на диске, нет прав на эту папку
  echo или слишком длинный путь. Освободите место или положите книгу в другую папку, например в "Документы".
  goto end
)
echo Внутренняя ошибка программы. Ваша книга не изменена. Передайте текст из этого окна разработчикам.
goto end

:notinstalled
set "RC=2"
echo Программа "Наставничество" не установлена на этом компьютере.
echo Запустите "Установить.bat" из установочного пакета (папка nastavnik-...-windows)
echo или попросите системного администратора. Интернет для установки не нужен.
goto end

:nobook
set "RC=2"
echo Рядом с этим файлом нет рабочей книги .xlsx.
echo Положите книгу в папку "%~dp0" или создайте новую кнопкой "Новая книга"
echo в окне программы (ярлык "Наставничество" на рабочем столе).
goto end

:end
echo.
echo Нажмите любую клавишу, чтобы закрыть окно...
pause >nul
exit /b %RC%
