"""PyInstaller runtime hook: pythainlp makes a data folder when it is imported (``~/pythainlp-data``).

The bundle reads only the dictionary it carries, so that folder goes under the program's own cache
(%LOCALAPPDATA%\\lo-desktop\\Cache on Windows) instead of the clerk's home folder.
"""
import os

if not os.environ.get("PYTHAINLP_DATA"):
    import platformdirs

    os.environ["PYTHAINLP_DATA"] = os.path.join(
        platformdirs.user_cache_dir("lo-desktop", appauthor=False), "pythainlp"
    )
