; Inno Setup script for Parallax on Windows (per-user install, no administrator rights).
;
; packaging/build.py runs it after the frozen smoke test, when Inno Setup's iscc is on PATH:
;   iscc /DAppVersion=0.1.0 /DSourceDir=dist\Parallax /DRepoRoot=. /Odist packaging\windows\parallax.iss
; NOT VERIFIED on Windows by the developers: built only by the CI workflow
; (.github/workflows/installers.yml).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef RepoRoot
  #define RepoRoot "..\.."
#endif
#ifndef SourceDir
  #define SourceDir RepoRoot + "\dist\Parallax"
#endif

[Setup]
AppId={{6B0F3E52-7C1A-4B8E-9B64-2E8C1F5A9D31}
AppName=Parallax
AppVersion={#AppVersion}
AppPublisher=The Parallax developers
AppComments=Compare how two outlets covered one event, side by side and offline
DefaultDirName={localappdata}\Programs\Parallax
DefaultGroupName=Parallax
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile={#RepoRoot}\LICENSE
OutputBaseFilename=Parallax-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\parallax.exe

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle; the library and settings live in the user's folders
; (%LOCALAPPDATA%\Parallax), never here, so uninstalling keeps a journalist's comparisons.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Parallax"; Filename: "{app}\parallax.exe"
Name: "{autodesktop}\Parallax"; Filename: "{app}\parallax.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\parallax.exe"; Description: "{cm:LaunchProgram,Parallax}"; Flags: nowait postinstall skipifsilent
