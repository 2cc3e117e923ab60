"""Terminal chat on the same pipeline as Telegram: for trying the assistant without a bot token.

Interactive: a prompt, buttons shown as numbered options that can be typed. Piped: every input line is
answered, replies are printed, and at end of input it waits for kept messages and stops.
Only the conversation is written to stdout.
"""

from __future__ import annotations

import asyncio
import io
import sys
import threading
import uuid
from typing import TextIO

from basis.berichten import Button, ChatUser, Reply, Role
from bot.pipeline import MessagePipeline
from bot.render import terminal_lines

CHANNEL = "terminal"
PROMPT = "jij> "


class TerminalChat:
    """Reads lines, prints replies; remembers the last numbered options so '1' presses a button."""

    def __init__(
        self, pipeline: MessagePipeline, role: Role = "ouder",
        stdin: TextIO | None = None, stdout: TextIO | None = None,
    ) -> None:
        self.pipeline = pipeline
        self.user = ChatUser(sender_id=f"term-{uuid.uuid4().hex[:12]}", channel=CHANNEL, role=role)
        # Bytes that are no UTF-8 are read as U+FFFD instead of ending the chat (the pipeline cleans the rest).
        self._stdin = stdin or io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
        self._stdout = stdout or sys.stdout
        self._options: list[Button] = []
        self.interactive = self._stdin.isatty()

    async def deliver(self, user: ChatUser, replies: list[Reply]) -> None:
        """Print replies to this chat's user; their buttons become the options a typed number chooses from.
        Messages for anyone else (a new ticket for the consulenten of a team) are not this user's to read."""
        if (user.sender_id, user.channel) != (self.user.sender_id, self.user.channel):
            return
        options: list[Button] = []
        for reply in replies:
            for line in terminal_lines(reply, first_number=len(options) + 1):
                print(f"bot> {line}" if self.interactive else line, file=self._stdout)
            options.extend(reply.buttons)
        if replies:
            print(file=self._stdout)
        self._stdout.flush()
        if options:
            self._options = options

    async def run(self, stop: asyncio.Event, drain_seconds: float = 120.0) -> None:
        """Chat until end of input or `stop`; then answer what was kept, for at most drain_seconds."""
        lines = self._read_lines_in_background()
        while not stop.is_set():
            if self.interactive:
                print(PROMPT, end="", file=self._stdout, flush=True)
            next_line = asyncio.ensure_future(lines.get())
            stopped = asyncio.ensure_future(stop.wait())
            await asyncio.wait({next_line, stopped}, return_when=asyncio.FIRST_COMPLETED)
            stopped.cancel()
            if not next_line.done():
                next_line.cancel()
                break
            line = next_line.result()
            if line is None:
                break
            await self._handle_line(line.rstrip("\n"))
        await self._drain(stop, drain_seconds)

    def _read_lines_in_background(self) -> asyncio.Queue[str | None]:
        """A daemon thread reads stdin, so Ctrl-C never waits for a line that does not come."""
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[str | None] = asyncio.Queue()

        def read() -> None:
            for line in self._stdin:
                loop.call_soon_threadsafe(queue.put_nowait, line)
            loop.call_soon_threadsafe(queue.put_nowait, None)

        threading.Thread(target=read, name="stdin-reader", daemon=True).start()
        return queue

    async def retry_loop(self, stop: asyncio.Event, interval: float) -> None:
        while not stop.is_set():
            await self.pipeline.retry_pending(CHANNEL, self.deliver)
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval)
            except asyncio.TimeoutError:
                continue

    async def _handle_line(self, line: str) -> None:
        choice = line.strip()
        if choice.isdigit() and 1 <= int(choice) <= len(self._options):
            button = self._options[int(choice) - 1]
            self._options = []
            await self.pipeline.handle_button(self.user, button.payload, self.deliver)
            return
        if not line:
            return  # Enter on its own: nothing was typed (a line of blanks gets an answer)
        await self.pipeline.handle_text(self.user, line, self.deliver)

    async def _drain(self, stop: asyncio.Event, seconds: float) -> None:
        deadline = asyncio.get_running_loop().time() + seconds
        while await self.pipeline.pending_count(CHANNEL) and not stop.is_set():
            if asyncio.get_running_loop().time() > deadline:
                break
            await self.pipeline.retry_pending(CHANNEL, self.deliver)
            await asyncio.sleep(1.0)
