"""What goes into the one-folder bundle and what stays out; read by lo-desktop.spec and the tests.

Kept small and Qt-free so tests/packaging can check the choices without building anything.
"""
from __future__ import annotations

APP = "lo-desktop"
WINDOWED = "lo-desktopw"  # Windows only: the same program without a console, for shortcuts and double-clicks

# The PySide6 modules lo-desktop imports (grep "from PySide6" lo_desktop). Every other binding is excluded,
# so PyInstaller's Qt hooks collect neither its library nor its plugins. Qt libraries these need (Svg for
# the icon engine, OpenGL under Charts, DBus on Linux) still come in through binary dependency analysis.
QT_USED = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPrintSupport", "QtCharts")

# Python packages that are installed beside lo-desktop for tests, builds or as optional extras of its
# dependencies, and that the program never imports.
EXCLUDED_PACKAGES = (
    "tkinter", "_tkinter", "pytest", "_pytest", "pytestqt", "pytest_timeout", "pluggy.testing",
    "hatchling", "PyInstaller", "pip", "setuptools", "pkg_resources", "wheel",
    "numpy", "pandas", "matplotlib", "scipy", "IPython", "jedi", "onnxruntime", "torch",
    "pycrfsuite", "sklearn", "lib2to3", "pydoc_data", "idlelib", "ensurepip", "venv",
    "PySide6.scripts", "shiboken6.scripts",
    # pypdf's optional AES for encrypted PDFs; not a dependency of lo-desktop (an encrypted attachment's
    # text is simply not indexed), and 14 MB.
    "cryptography",
)

# lo-desktop serve (the intranet catalog). Datasette imports its default plugins by name
# (datasette.plugins.DEFAULT_PLUGINS) and reads templates/ and static/ from its package folder; uvicorn
# picks its event loop, HTTP protocol and lifespan by name ("auto") and names its log formatter in a
# logging config. The analysis sees none of these, so every submodule of both goes in, with Datasette's files.
SERVER_PACKAGES = ("datasette", "uvicorn")
SERVER_DATA_PACKAGES = ("datasette",)
SERVER_MODULES = ("uvicorn.loops.auto", "uvicorn.loops.asyncio", "uvicorn.protocols.http.auto",
                  "uvicorn.protocols.http.h11_impl", "uvicorn.protocols.websockets.auto",
                  "uvicorn.lifespan.on", "uvicorn.lifespan.off", "uvicorn.logging")

# Qt plugin folders the program has no use for: TLS and network reachability (QtNetwork serves only the
# local socket of the one-window guard), Wayland and EGL (Linux builds run on X11), input devices, GTK.
DROPPED_PLUGIN_FOLDERS = (
    "tls", "networkinformation", "egldeviceintegrations", "generic", "platforminputcontexts/libqtvirtualkeyboardplugin",
    "platformthemes/libqgtk3",  # Linux only: pulls GTK, cairo and pango (~20 MB); Qt draws its own dialogs
    "wayland-decoration-client", "wayland-graphics-integration-client",
    "wayland-graphics-integration-server", "wayland-shell-integration",
)
# Qt libraries that only the dropped plugins (virtual keyboard, Wayland, EGL full-screen, the PDF image
# format) pull in: QML and Quick among them, ~25 MB the program never loads.
DROPPED_QT_LIBRARIES = ("Qt6Qml", "Qt6Quick", "Qt6VirtualKeyboard", "Qt6Wayland", "Qt6Wl", "Qt6EglFS",
                        "Qt6EglFs", "Qt6Pdf")
# Platform plugins worth carrying: the desktop's own, plus offscreen for the smoke test and minimal.
KEPT_PLATFORMS = ("qwindows", "qxcb", "qoffscreen", "qminimal", "qcocoa")
# The image formats a clerk's photos and the icons come in; the others (webp, tiff, icns, tga, wbmp, pdf)
# are not read anywhere.
KEPT_IMAGE_FORMATS = ("qjpeg", "qsvg", "qgif", "qico")


def excluded_modules(pyside_modules: list[str]) -> list[str]:
    """Every PySide6 binding lo-desktop does not use, and the packages above."""
    unused = [f"PySide6.{name}" for name in pyside_modules if name.startswith("Qt") and name not in QT_USED]
    return sorted(unused) + list(EXCLUDED_PACKAGES)


def hidden_imports(submodules_of) -> list[str]:
    """Modules imported only by name: lo-desktop's command groups, pages and dialogs, and the server's
    (``submodules_of`` is PyInstaller's collect_submodules)."""
    found = set(submodules_of("lo_desktop")) | set(SERVER_MODULES)
    for package in SERVER_PACKAGES:
        found.update(submodules_of(package))
    return sorted(found)


def server_datas(data_files_of) -> list:
    """Datasette's templates and static files (``data_files_of`` is PyInstaller's collect_data_files)."""
    return [entry for package in SERVER_DATA_PACKAGES for entry in data_files_of(package)]


def keep_file(dest: str) -> bool:
    """Whether a collected file (its path inside the bundle) stays in it."""
    path = dest.replace("\\", "/")
    if "/Qt/translations/" in path or "/Qt6/translations/" in path:
        return False  # lo-desktop loads no Qt translator; its own words come from resources/i18n
    name = path.rsplit("/", 1)[-1]
    if any(name.removeprefix("lib").startswith(library) for library in DROPPED_QT_LIBRARIES):
        return False
    marker = "/plugins/"
    if marker not in path:
        return True
    inside = path.split(marker, 1)[1]
    folder, _, name = inside.partition("/")
    if any(inside.startswith(dropped) for dropped in DROPPED_PLUGIN_FOLDERS):
        return False
    stem = name.rsplit(".", 1)[0].removeprefix("lib")
    if folder == "platforms":
        return stem in KEPT_PLATFORMS
    if folder == "imageformats":
        return stem in KEPT_IMAGE_FORMATS
    return True


def is_root(dest: str) -> bool:
    """A binary the program loads by itself: a Python extension module, a Qt plugin, the interpreter.
    Every other library is in the bundle only because one of these needs it."""
    path = dest.replace("\\", "/")
    name = path.rsplit("/", 1)[-1].lower()
    return ("/plugins/" in path or name.endswith(".pyd") or ".cpython-" in name or ".abi3." in name
            or name.startswith(("libpython", "python3")))


def reachable(binaries: list, imports_of) -> list:
    """The binaries that a root needs, directly or through another library (``imports_of(path)`` lists
    the file names a binary links to). What only a dropped plugin needed falls out here."""
    by_name: dict[str, tuple] = {}
    for entry in binaries:
        for path in (entry[0], entry[1]):
            by_name.setdefault(path.replace("\\", "/").rsplit("/", 1)[-1].lower(), entry)
    kept = [entry for entry in binaries if is_root(entry[0])]
    seen = {id(entry) for entry in kept}
    stack = list(kept)
    while stack:
        for name in imports_of(stack.pop()[1]):
            entry = by_name.get(name.lower())
            if entry is not None and id(entry) not in seen:
                seen.add(id(entry))
                kept.append(entry)
                stack.append(entry)
    return [entry for entry in binaries if id(entry) in seen]
