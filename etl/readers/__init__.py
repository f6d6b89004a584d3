"""One module per input format, each with ``detect(path) -> kind | None`` and
``read(path) -> ReadResult``. They are registered, in order, in etl/registry.py."""
