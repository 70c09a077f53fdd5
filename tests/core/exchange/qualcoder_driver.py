"""Run QualCoder's own REFI-QDA project import on a ``.qdpx``, headless, and print what it stored.

    QUALCODER_PYTHON qualcoder_driver.py QUALCODER_SRC PROJECT.qdpx WORK_FOLDER

Run by the Python that has QualCoder's requirements (PyQt6 among them, which cannot share a
process with PySide6), never by the suite's; ``test_qualcoder_import.py`` starts it. Nothing of
QualCoder is copied here: its project tables are made by running the statements of its own
``new_project`` (read from its source), and its importer is called with the file dialog answering
our file and its message boxes recorded instead of shown. Prints one JSON object: the sources
(name, text, memo) and the codings (source, quote, positions, code, coder, memo) as QualCoder has them.
"""

from __future__ import annotations

import builtins
import json
import re
import shutil
import sqlite3
import sys
import types
from pathlib import Path
from typing import Any


def _quoted(chunk: str) -> str:
    return "".join(re.findall(r'"([^"]*)"', chunk))


def make_project(source: Path, folder: Path) -> sqlite3.Connection:
    """An empty QualCoder project (``*.qda`` folder with ``data.qda``), its tables made by its own statements."""
    shutil.rmtree(folder, ignore_errors=True)
    for sub in ("images", "audio", "video", "documents"):
        (folder / sub).mkdir(parents=True)
    conn = sqlite3.connect(folder / "data.qda")
    main = (source / "qualcoder" / "__main__.py").read_text(encoding="utf-8")
    body = main[main.index("def new_project") :]
    body = body[: body.index("self.app.update_coder_names()")]
    for chunk in re.findall(r'cur\.execute\(\s*((?:"[^"]*"\s*)+)', body):
        if _quoted(chunk).upper().startswith("CREATE TABLE"):
            conn.execute(_quoted(chunk))
    app = (source / "qualcoder" / "app.py").read_text(encoding="utf-8")
    coder_names = app[app.index("CREATE TABLE IF NOT EXISTS coder_names") :]
    conn.execute(coder_names[: coder_names.index('"""')])  # (the statement is a triple-quoted string there)
    conn.commit()
    return conn


def main() -> None:
    source, qdpx, work = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    sys.path.insert(0, str(source))
    builtins._ = lambda text: text  # type: ignore[attr-defined]  # (QualCoder installs gettext's at start-up)
    from PyQt6 import QtWidgets

    application = QtWidgets.QApplication([])
    import qualcoder.helpers as helpers  # type: ignore[import-not-found]
    import qualcoder.refi as refi  # type: ignore[import-not-found]

    conn = make_project(source, work / "project.qda")
    shown: list[str] = []
    helpers.Message.exec = lambda self: shown.append(self.text())
    QtWidgets.QFileDialog.getOpenFileName = staticmethod(lambda *args, **kwargs: (str(qdpx), True))
    settings = {"directory": str(work), "codername": "default", "ai_enable": "False", "fontsize": 10}
    app = types.SimpleNamespace(
        conn=conn,
        project_path=str(work / "project.qda"),
        settings=settings,
        ai_models=[],
        project_events=None,
        write_config_ini=lambda *args: None,
    )
    log = QtWidgets.QTextEdit()
    refi.RefiImport(app, log, "qdpx")
    found: dict[str, Any] = {
        "log": log.toPlainText(),
        "messages": shown,
        "sources": [
            {"name": name, "text": text, "memo": memo}
            for name, text, memo in conn.execute("select name, fulltext, memo from source order by id")
        ],
        "codings": [
            {"source": row[0], "quote": row[1], "start": row[2], "end": row[3], "code": row[4], "coder": row[5]}
            | {"memo": row[6]}
            for row in conn.execute(
                "select s.name, c.seltext, c.pos0, c.pos1, n.name, c.owner, c.memo from code_text c"
                " join source s on s.id = c.fid join code_name n on n.cid = c.cid order by c.ctid"
            )
        ],
    }
    application.quit()
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    main()
