"""Pure, typed decision functions over the loaded rule content. No I/O, no Rasa, no Telegram."""
