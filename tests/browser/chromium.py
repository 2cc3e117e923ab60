"""What the browser tests share: Debian's Chromium (skipped without it, failed when CI is set, so CI never passes
without them) and the page's errors while a test runs."""

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
    """The console's errors and the page's uncaught exceptions while a test ran; `csp()` picks the
    Content-Security-Policy refusals (a test of a server that goes down expects failed fetches among the errors)."""

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
