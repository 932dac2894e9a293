"""khabar: a live stream of Arabic news turned into structured political events."""

__version__ = "0.1.0"
