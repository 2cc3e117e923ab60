"""Front ends (Telegram, terminal) and the one channel-independent message path they share."""
