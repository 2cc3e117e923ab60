"""The bottom layer: what every other package shares and nothing of ours imports from below — the clock, the
language type and the channel-neutral message types with the `Deliver` signature."""
