"""Open the demo window, tag a few spans and save a picture of the screen (the Xvfb screenshot test)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication

from desktop.ui.app import application, create_window, demo_database


def main(target: str) -> int:
    app = application()
    window = create_window(demo_database())
    window.resize(1400, 850)
    window.show()

    def shoot() -> None:
        article = window.controller.document
        if article is not None:
            text = article.article.text
            for phrase, category in (
                ("智能制造产业园", "project"),
                ("增长8%以上", "target"),
                ("推进新材料、生物医药等重点项目落地", "measure"),
            ):
                start = text.find(phrase)
                if start >= 0:
                    window.text_pane.select(start, start + len(phrase))
                    window.controller.last_pane = window.text_pane
                    window.controller.tag(category)
            window.text_pane.select(0, 0)
        window.codebook.refresh()  # the counts now, not after the panel's idle delay
        app.processEvents()
        screen = QGuiApplication.primaryScreen()
        picture = screen.grabWindow(0) if QGuiApplication.platformName() == "xcb" else window.grab()
        Path(target).parent.mkdir(parents=True, exist_ok=True)
        picture.save(target)
        window.close()
        app.quit()

    QTimer.singleShot(1500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
