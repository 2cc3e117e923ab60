"""The browser every test module here gets by default: Debian's Chromium driven by sync Playwright, one per module
(module scope: a session-scoped sync Playwright broke later pytest-asyncio tests, docs/research/web-chat.md). A module
that needs other switches (tests/browser/test_widget.py) defines its own `browser`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.chromium import chromium_pad


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    pad = chromium_pad()
    with sync_playwright() as p:
        # Playwright adds --no-sandbox (needed as root) and --headless itself.
        chromium = p.chromium.launch(executable_path=pad)
        yield chromium
        chromium.close()
