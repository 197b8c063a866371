"""Loading, before the first report, what extraction otherwise loads on first use.

Extraction reads its data files, compiles its patterns and builds its tables lazily, so that
`import meeting_extractor` stays cheap: the first report of a process pays for them (about a third
of a second on the development machine, imports included, and a fifth of a second more for the
first OCR'd report),
and a few only the first report that needs them (the OCR'd law-name fallback's tables, 1-3 ms).
A batch worker with a time limit per input, a service that answers requests, or a benchmark of
reports calls `preload()` once instead, so that no report's clock carries them.
"""
from __future__ import annotations

import gc

PRELOAD_TEXTS = (
    "Ngày 5/12/2019, tại Hà Nội, Bộ Khoa học và Công nghệ tổ chức Hội nghị với hơn 200 đại biểu.",
    # the same as an English OCR model prints it: loads the OCR repair's model and tables, which
    # clean text never needs
    "Ngay 5/12/2019, tai Tp. Pa Néng, S& Khoa hoc va Céng nghé t6 chirc H6i nghi véi hon 200 dai biéu.",
)
"""Two sentences whose extraction loads every table a usual report needs, clean or OCR'd."""


def preload() -> None:
    """Load, in this process, now, the data files, patterns and tables a usual report needs, clean or
    OCR'd, and those of the OCR'd law-name fallback. (A few small patterns are still compiled when
    first met: those made for one organisation's abbreviations, say.)

    Then one full garbage collection: compiling the patterns leaves tens of thousands of objects in
    reference cycles (the `regex` module's parser), and collecting them here, not on a report's clock,
    also starts the collector's counts afresh, so that no full collection of the loaded tables falls
    on the first reports by chance (one that did cost a first pass over the dev corpus 3% more
    instructions and twice the cache misses)."""
    from .legal_find import preload_law_name_fallback
    from .pipeline import extract

    for text in PRELOAD_TEXTS:
        extract(text)
    preload_law_name_fallback()
    gc.collect()
