"""What one build did: files read, checks failed, the gate's verdict and the version made.

Its own module so the build steps can name it without importing the build that runs them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from core.versions import Version
from etl.gate import Gate
from etl.model import ReadResult


@dataclass
class BuildReport:
    run_id: str
    results: list[ReadResult] = field(default_factory=list)
    failed_checks: dict[str, pd.DataFrame] = field(default_factory=dict)
    version: Version | None = None
    gate: Gate = field(default_factory=Gate)

    def of_file(self, file: str) -> ReadResult | None:
        """The result of the file called ``file``, if it was read in this build (the last one
        read when two had the name)."""
        return next((result for result in reversed(self.results) if result.file == file), None)

    def of_source(self, source_id: str) -> ReadResult | None:
        """The result of the file that brought the source ``source_id`` (the last one read
        when several did)."""
        return next(
            (
                result
                for result in reversed(self.results)
                if any(source.source_id == source_id for source in result.sources)
            ),
            None,
        )

    @property
    def rejected(self) -> int:
        return sum(len(result.rejects) for result in self.results)

    @property
    def accepted(self) -> int:
        return sum(result.accepted for result in self.results)
