"""Stand-ins for what lies outside our process and cannot run here for real — Telegram's Bot API on loopback —
shared by the tests and the load test, so neither imports the other."""
