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

It also lets the youngest generation grow to :data:`YOUNG` objects before it is
collected (CPython's default is 700). Coding one document makes tens of thousands
of short-lived containers (the parse table's words, candidates, mentions), most of
them alive until the document is coded, so at 700 the collector walked them again
and again: about 5% of coding on the bench corpus (docs/PERFORMANCE.md, "The coder").
A larger first generation holds at most that many more dead objects (a few MB).
"""

from __future__ import annotations

import gc


# the youngest generation's threshold once settled (never lowered: a larger one set by the user stays)
YOUNG = 20_000


def settle(collect: bool = True) -> None:
    """Freeze what is alive now (after a full collection when ``collect``), and let the
    youngest generation grow to :data:`YOUNG` objects. Process-wide, so called only where
    the tables are loaded for good (``pipeline.load_resources``, which workers use too, and
    the small places' first read), never at import (docs/OPERATIONS.md, "The garbage collector")."""
    if collect:
        gc.collect()
    gc.freeze()
    young, *older = gc.get_threshold()
    if 0 < young < YOUNG:  # (0: collection switched off, left so)
        gc.set_threshold(YOUNG, *older)
