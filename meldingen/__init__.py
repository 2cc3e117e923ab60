"""Verzuimmeldingen by linked schools: the conversation, its fields, the kind of verzuim, the summary."""
