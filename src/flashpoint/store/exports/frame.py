"""Events as a pandas DataFrame: the flat export table with pandas dtypes.

pandas is an optional extra (``pip install 'flashpoint[pandas]'``); it is
imported only when a frame is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...errors import UsageError
from ...types import Event, to_dict
from .table import columns, row

_DTYPES = {"str": "string", "json": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def to_frame(events: Iterable[Event | dict[str, Any]]) -> Any:
    """One row per event, one column per flat export column (docs/OPERATIONS.md).

    Accepts :class:`~flashpoint.types.Event` objects (``flashpoint.code``) or
    merged event dicts (``Store.events``). Counts are nullable ``Int64``,
    dates ``datetime64``, ``first_seen`` UTC timestamps, lists stay lists.

    Raises:
        UsageError: pandas is not installed.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise UsageError("to_frame needs pandas: pip install 'flashpoint[pandas]'") from exc
    cols = columns()
    rows = [row(to_dict(e) if isinstance(e, Event) else e) for e in events]
    data = {c.name: [r[i] for r in rows] for i, c in enumerate(cols)}
    frame = pd.DataFrame(data, columns=[c.name for c in cols])
    for c in cols:
        if c.kind in _DTYPES:
            frame[c.name] = frame[c.name].astype(_DTYPES[c.kind])
        elif c.kind == "date":
            frame[c.name] = pd.to_datetime(frame[c.name], format="%Y-%m-%d", errors="coerce")
        elif c.kind == "timestamp":
            frame[c.name] = pd.to_datetime(frame[c.name], utc=True, errors="coerce", format="ISO8601")
    return frame
