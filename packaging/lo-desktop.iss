; Inno Setup 6 script: the Windows installer of lo-desktop (written here; it runs on the Windows runner of
; .github/workflows/windows.yml, not on the Linux machine it was written on).
;   iscc /DAppVersion=0.2.0 packaging\lo-desktop.iss     -> dist\lo-desktop-0.2.0-setup.exe
; Needs the bundle (python scripts/build_bundle.py -> dist\lo-desktop\) and, for the Thai setup texts,
; Inno Setup's unofficial Thai.isl beside this file (the workflow fetches it; Thai is not shipped with
; Inno Setup).
;
; Per user, no administrator rights: the program goes to %LOCALAPPDATA%\Programs\lo-desktop, the
; shortcuts to the user's Start menu / desktop, the file associations to HKCU. The clerk's data
; (%LOCALAPPDATA%\lo-desktop: the database, its files and backups, lo_desktop/paths.py) is another folder
; that the installer never writes and the uninstaller never deletes.

#ifndef AppVersion
  #define AppVersion "0.2.0"
#endif
#define AppName "lo-desktop"
; The windowed twin of lo-desktop.exe: no console window behind the program.
#define AppExe "lo-desktopw.exe"

[Setup]
AppId={{6C1F3B2E-8E7A-4D4B-9B0A-3F5D2C9A7E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Learning organisation team, Bang Na District Office
AppVerName={#AppName} {#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
CloseApplications=yes
ShowLanguageDialog=auto

[Languages]
Name: "th"; MessagesFile: "Thai.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
th.DesktopIcon=สร้างไอคอนบนเดสก์ท็อป
en.DesktopIcon=Create a desktop shortcut
th.Shortcuts=ทางลัด:
en.Shortcuts=Shortcuts:
th.Comment=ทะเบียนสื่อมุมความรู้ ตัวชี้วัดที่ 4.1 ฉลาก QR และรายงาน
en.Comment=Learning corner catalog, indicator 4.1, QR labels and reports
th.BackupType=ไฟล์สำรองข้อมูลมุมความรู้
en.BackupType=lo-desktop full backup
th.PackageType=ชุดข้อมูลแลกเปลี่ยนเรียนรู้
en.PackageType=lo-desktop exchange package
th.Launch=เปิดโปรแกรมมุมความรู้
en.Launch=Start lo-desktop
th.DataKept=ข้อมูลมุมความรู้ในโฟลเดอร์ %1 ยังเก็บไว้ ไม่ได้ลบ
en.DataKept=The corner's data in %1 is kept; it was not deleted.

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; GroupDescription: "{cm:Shortcuts}"; Flags: unchecked

[Files]
Source: "..\dist\lo-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:Comment}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:Comment}"; Tasks: desktopicon

[Registry]
; Double-clicking a backup or a package starts "lo-desktopw.exe FILE" (lo_desktop/cli.split_file_argument):
; the window offers to restore the backup, or previews the package before importing it.
Root: HKCU; Subkey: "Software\Classes\.lobackup"; ValueType: string; ValueData: "lo-desktop.backup"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\lo-desktop.backup"; ValueType: string; ValueData: "{cm:BackupType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\lo-desktop.backup\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\lo-desktop.backup\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.lopackage"; ValueType: string; ValueData: "lo-desktop.package"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\lo-desktop.package"; ValueType: string; ValueData: "{cm:PackageType}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\lo-desktop.package\DefaultIcon"; ValueType: string; ValueData: "{app}\{#AppExe},0"
Root: HKCU; Subkey: "Software\Classes\lo-desktop.package\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:Launch}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself put in {app}; the data folder %LOCALAPPDATA%\lo-desktop is not listed.
Type: filesandordirs; Name: "{app}\_internal"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\lo-desktop');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
