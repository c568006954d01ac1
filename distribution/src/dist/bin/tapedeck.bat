@echo off
rem The tapedeck command of the distribution archive on Windows: Java from JAVA_HOME, else the PATH; this
rem distribution's plugins\ folder first on the plug-in path; JAVA_OPTS passes options to the JVM.
setlocal
set "TAPEDECK_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java.exe")
"%JAVA_EXE%" -version >NUL 2>&1
if errorlevel 1 (
  echo tapedeck: no Java found; install Java 17 or newer and put it on the PATH, or set JAVA_HOME 1>&2
  exit /b 1
)
if defined TAPEDECK_PLUGINS (
  set "TAPEDECK_PLUGINS=%TAPEDECK_HOME%\plugins;%TAPEDECK_PLUGINS%"
) else (
  set "TAPEDECK_PLUGINS=%TAPEDECK_HOME%\plugins"
)
"%JAVA_EXE%" %JAVA_OPTS% -cp "%TAPEDECK_HOME%\lib\*" dev.tapedeck.cli.Main %*
exit /b %ERRORLEVEL%
