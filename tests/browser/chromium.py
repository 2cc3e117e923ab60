"""What the browser tests of the hand-off and the restart share: Debian's Chromium (skipped without it, failed in
CI, as tests/browser/test_chat.py does) and the page's errors while a test runs."""

from __future__ import annotations

import os
import shutil

import pytest
from playwright.sync_api import ConsoleMessage, Page


def chromium_pad() -> str:
    pad = shutil.which("chromium")
    if pad is None:
        if os.environ.get("CI"):
            pytest.fail("the browser tests need Debian's chromium in CI: make browser")
        pytest.skip("no chromium (make browser installs it)")
    return pad


class Paginafouten:
    """The page's uncaught exceptions and the Content-Security-Policy refusals while a test ran (a failed fetch
    while the server is down is an expected console error, so other console errors are not counted)."""

    def __init__(self, page: Page) -> None:
        self.console: list[str] = []
        self.pagina: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda fout: self.pagina.append(str(fout)))

    def _console(self, bericht: ConsoleMessage) -> None:
        if bericht.type == "error":
            self.console.append(bericht.text)

    def csp(self) -> list[str]:
        return [f for f in self.console + self.pagina if "Content Security Policy" in f or "Refused to" in f]
