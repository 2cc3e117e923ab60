"""Reading what people type — dates, periods, hours, ages, yes/no/stop/change, phone numbers, e-mail addresses —
one reader of each kind, used by the assistant's actions, the melding conversation and the hand-off alike."""
