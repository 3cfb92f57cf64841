"""Run a built lo-desktop in an empty environment and check each result (scripts/build_bundle.py --smoke).

"Empty" means no venv, no PYTHONPATH, no LO_DESKTOP_* variables: only the system PATH and a home folder
whose name is Thai and has a space in it (as a district PC's user folder may), so the data folder comes
from platformdirs and every path the program handles has Thai letters and spaces. ``command`` may be the
bundle or ``[python, -m, lo_desktop]`` (tests/packaging runs the checks on the installed program).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

THAI_HOME = "บ้าน เสมียน"  # "clerk's home"
TIMEOUT = 180


def empty_environment(scratch: Path) -> dict[str, str]:
    home = scratch / THAI_HOME
    home.mkdir(parents=True, exist_ok=True)
    if os.name == "nt":
        keep = {k: os.environ[k] for k in ("SystemRoot", "SystemDrive", "WINDIR", "COMSPEC") if k in os.environ}
        return {**keep, "PATH": os.path.join(os.environ.get("SystemRoot", r"C:\Windows"), "System32"),
                "USERPROFILE": str(home), "LOCALAPPDATA": str(home / "AppData" / "Local"),
                "APPDATA": str(home / "AppData" / "Roaming"), "TEMP": str(scratch), "TMP": str(scratch)}
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "TMPDIR": str(scratch)}


def installed_environment(scratch: Path) -> dict[str, str]:
    """This Python's environment with the same home: the installed program, for comparing start-up."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LO_DESKTOP_")}
    env.update({k: v for k, v in empty_environment(scratch).items() if k != "PATH"})
    return env


def expected_data_dir(env: dict[str, str]) -> Path:
    if os.name == "nt":
        return Path(env["LOCALAPPDATA"]) / "lo-desktop"
    return Path(env["HOME"]) / ".local" / "share" / "lo-desktop"


def run(command: list[str], env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", timeout=TIMEOUT)


class Checks:
    def __init__(self):
        self.failures = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(f"  {'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f": {detail.strip()[-600:]}"))
        self.failures += not ok
        return ok


def run_all(executable: Path | list[str], scratch: Path) -> int:
    """Every check; the number that failed."""
    command = [str(executable)] if isinstance(executable, (str, Path)) else list(executable)
    env = empty_environment(scratch)
    checks = Checks()
    print(f"smoke: {' '.join(command)} in an empty environment, home {env.get('HOME') or env['USERPROFILE']}")
    check_cli(command, env, scratch, checks)
    if can_show_windows():
        check_window(command, env, scratch, checks)
    elif os.name == "nt" and isinstance(executable, Path):
        check_window_on_windows(executable, env, checks)
    else:
        print("  skip window (needs Xvfb and xdotool)")
    return checks.failures


def check_cli(command: list[str], env: dict[str, str], scratch: Path, checks: Checks) -> None:
    from lo_desktop import __version__

    out = run(command + ["--version"], env)
    checks.check("--version", out.stdout.strip() == f"lo-desktop {__version__}", out.stdout + out.stderr)
    out = run(command + ["demo"], env)
    db = expected_data_dir(env) / "lo-desktop.db"
    checks.check(f"demo into the data folder {db}", out.returncode == 0 and db.is_file(), out.stderr)
    out = run(command + ["search", "หาบเร่", "--json"], env)
    found = _json(out.stdout)
    checks.check("search หาบเร่ --json", out.returncode == 0 and bool(found)
                 and all("หาบเร่" in json.dumps(m, ensure_ascii=False) for m in found), out.stdout + out.stderr)
    code = found[0]["code"] if found else "BN-0001"
    folder = scratch / "งาน ทดสอบ"
    folder.mkdir(exist_ok=True)
    check_labels(command, env, folder / "ป้าย QR.pdf", code, checks)
    check_report(command, env, folder / "รายงาน ตัวชี้วัด.docx", checks)
    check_serve(command, env, code, checks)


def _json(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return None


def check_labels(command, env, pdf: Path, code: str, checks: Checks) -> None:
    out = run(command + ["labels", "--codes", code, "--out", str(pdf)], env)
    ok = out.returncode == 0 and pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    if not checks.check(f"labels --codes {code} --out {pdf.name}", ok, out.stderr):
        return
    if shutil.which("pdffonts"):
        fonts = run(["pdffonts", str(pdf)], os.environ.copy()).stdout
        checks.check("label PDF embeds Sarabun", "Sarabun" in fonts, fonts)
    if shutil.which("pdftoppm") and shutil.which("zbarimg"):
        png = pdf.with_suffix("")
        run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(png)], os.environ.copy())
        decoded = run(["zbarimg", "-q", str(png) + ".png"], os.environ.copy()).stdout
        checks.check("label QR code scans back to the material", code in decoded, decoded)


def check_report(command, env, docx: Path, checks: Checks) -> None:
    out = run(command + ["report", "kpi", "--fy", "2556", "--out", str(docx)], env)
    body = ""
    if out.returncode == 0 and docx.is_file():
        with zipfile.ZipFile(docx) as archive:
            body = archive.read("word/document.xml").decode("utf-8")
    checks.check("report kpi --fy 2556 --out …docx", "2556" in body and "Sarabun" in body
                 and "ตัวชี้วัด" in body, out.stderr or body[:300])


def check_serve(command, env, code: str, checks: Checks) -> None:
    """serve --publish: Datasette with its templates and plugins answers the list as JSON and a material's
    Thai page, then stops."""
    port = _free_port()
    program = subprocess.Popen(command + ["serve", "--publish", "--port", str(port)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               errors="replace")
    base = f"http://127.0.0.1:{port}"
    try:
        listed = _json(_fetch(base + "/catalog/materials.json?_shape=objects", program) or "")
        checks.check("serve --publish: /catalog/materials.json", bool(listed and listed.get("rows")),
                     "" if program.poll() is None else program.stderr.read())
        page = _fetch(f"{base}/catalog/materials/{code}", program) or ""
        checks.check(f"serve: /catalog/materials/{code} in Thai", '<html lang="th">' in page and code in page,
                     page[:300])
    finally:
        program.terminate()
        try:
            program.wait(timeout=30)
        except subprocess.TimeoutExpired:
            program.kill()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str, program: subprocess.Popen, wait: float = 60) -> str | None:
    """The page's text once the server answers (it publishes first); None if it stopped or never did."""
    import urllib.error
    import urllib.request

    started = time.perf_counter()
    while program.poll() is None and time.perf_counter() - started < wait:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.read().decode("utf-8")
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    return None


# --- the window -------------------------------------------------------------------------------------
def can_show_windows() -> bool:
    return os.name != "nt" and bool(shutil.which("Xvfb") and shutil.which("xdotool"))


@contextmanager
def xvfb():
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        display = ":" + pipe.readline().strip()
    try:
        yield display
    finally:
        server.terminate()
        server.wait()


def _visible_window(display: str) -> str | None:
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "."], capture_output=True, text=True,
                         env={**os.environ, "DISPLAY": display})
    return out.stdout.split()[0] if out.stdout.split() else None


@contextmanager
def window_program(command: list[str], env: dict[str, str]):
    """Start the program under a private Xvfb; yields (display, window id or None, seconds to the window)."""
    with xvfb() as display:
        started = time.perf_counter()
        program = subprocess.Popen(command, env={**env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        window = None
        while window is None and program.poll() is None and time.perf_counter() - started < 30:
            window = _visible_window(display)
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        try:
            yield display, window, seconds, program
        finally:
            program.terminate()
            program.wait(timeout=30)


def time_to_window(command: list[str], env: dict[str, str]) -> float:
    with window_program(command, env) as (_display, window, seconds, _program):
        return seconds if window else float("nan")


def demo_database(executable: Path, scratch: Path) -> Path:
    env = empty_environment(scratch)
    db = expected_data_dir(env) / "lo-desktop.db"
    if not db.is_file():
        run([str(executable), "demo"], env)
    return db


def check_window(command: list[str], env: dict[str, str], scratch: Path, checks: Checks) -> None:
    """The window opens on the data folder's database and draws something that is not blank."""
    shot = scratch / "window.png"
    with window_program(command, env) as (display, window, seconds, program):
        if not checks.check("window opens", window is not None, program.stderr.read() if program.poll() else ""):
            return
        time.sleep(2)  # let it finish painting
        name = subprocess.run(["xdotool", "getwindowname", window], capture_output=True, text=True,
                              env={**os.environ, "DISPLAY": display}).stdout.strip()
        subprocess.run(["import", "-window", "root", str(shot)], env={**os.environ, "DISPLAY": display},
                       capture_output=True)
    colours = subprocess.run(["identify", "-format", "%k", str(shot)], capture_output=True, text=True).stdout
    checks.check(f"window “{name}” drawn in {seconds:.1f} s ({colours or '?'} colours)",
                 "lo-desktop" in name and colours.isdigit() and int(colours) > 50, f"title {name!r}")
    kept = Path(__file__).resolve().parent.parent / "dist" / "smoke-window.png"
    if kept.parent.is_dir():
        shutil.copyfile(shot, kept)
        print(f"       screenshot: {kept}")


def check_window_on_windows(executable: Path, env: dict[str, str], checks: Checks) -> None:
    """On a Windows desktop (the CI runner): the windowed twin shows a titled main window."""
    windowed = executable.with_name("lo-desktopw.exe")
    program = subprocess.Popen([str(windowed)], env=env)
    title, started = "", time.perf_counter()
    try:
        while not title and program.poll() is None and time.perf_counter() - started < 60:
            time.sleep(0.5)
            title = subprocess.run(["powershell", "-NoProfile", "-Command",
                                    f"(Get-Process -Id {program.pid}).MainWindowTitle"],
                                   capture_output=True, text=True, encoding="utf-8").stdout.strip()
        checks.check(f"window “{title}” shown in {time.perf_counter() - started:.1f} s", "lo-desktop" in title)
    finally:
        program.kill()
