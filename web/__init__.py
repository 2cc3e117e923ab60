"""The web chat: a channel beside Telegram and the terminal, on the same message pipeline (docs/web.md)."""
