@echo off
rem Installer of the offline bundle: finds Python 3.10+ (the "py" launcher first) and runs install.py,
rem which makes a private environment in the user's profile and installs with pip --no-index.
rem Saved with CRLF line endings and UTF-8 text (code page 65001); every path is quoted.
chcp 65001 >nul
setlocal
cd /d "%~dp0"
title Установка программы Наставничество

if not exist "%~dp0install.py" goto notunpacked
set "PY="
for %%V in (@VERSIONS@) do if not defined PY py -%%V -c "import sys" >nul 2>nul && set "PY=py -%%V"
if not defined PY python -c "import sys; sys.exit(sys.version_info < (3, 10))" >nul 2>nul && set "PY=python"
if not defined PY goto nopython

%PY% "%~dp0install.py" %*
set "RC=%ERRORLEVEL%"
echo.
if "%RC%"=="0" goto end
if "%RC%"=="2" echo Установочный пакет не подходит к этому компьютеру: причина указана выше.
if "%RC%"=="4" echo Установка не закончена: что помешало и что делать — написано выше.
if "%RC%"=="3" echo Внутренняя ошибка установщика. Передайте текст из этого окна разработчикам.
goto end

:nopython
set "RC=2"
echo Не найден Python 3.10 или новее.
echo Установите Python с сайта python.org (при установке оставьте отмеченным "py launcher")
echo или попросите системного администратора, затем запустите этот файл снова.
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
