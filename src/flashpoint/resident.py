"""Tables kept for the life of the process, kept out of the garbage collector's walks.

CPython's full (oldest-generation) collection walks every container object
alive. Once the model, the actor knowledge base, the gazetteer and the small
places are loaded that is about 500,000 objects, and one full collection takes
0.5-1 s; coding 0.5 MB of news makes enough new objects to set off two or three
of them, about 7% of the coder's time (docs/PERFORMANCE.md, "The coder"), and
none of them can free a table that lives as long as the process.
:func:`settle` moves every object alive now into the collector's permanent
generation (``gc.freeze``), which it no longer walks. Frozen objects are still
freed when their last reference goes; only a reference cycle among them would
be kept, so :func:`settle` collects first where asked.
"""

from __future__ import annotations

import gc


def settle(collect: bool = True) -> None:
    """Freeze what is alive now (after a full collection when ``collect``)."""
    if collect:
        gc.collect()
    gc.freeze()
