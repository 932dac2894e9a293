"""The functional core: pure Arabic text processing over typed models. No I/O here."""
