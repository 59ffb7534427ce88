"""Each export format read back by an independent reader: pandas with GDELT's
column names and dtypes, pyarrow's schema, the merged-event JSON Schema, and a
PLOVER checker written from the manual."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from flashpoint.errors import UsageError
from flashpoint.store.exports import GDELT_COLUMNS, SIDE_COLUMNS, column_names, export, side_path
from flashpoint.store.merged_schema import merged_event_schema
from flashpoint.types import Event

from . import plover_checker

# GDELT 2.0 event-table dtypes as its codebook defines them.
GDELT_DTYPES = {name: "string" for name in GDELT_COLUMNS}
GDELT_DTYPES.update({
    "GlobalEventID": "int64", "Day": "int64", "MonthYear": "int64", "Year": "int64", "FractionDate": "float64",
    "IsRootEvent": "int64", "QuadClass": "int64", "GoldsteinScale": "float64", "NumMentions": "int64",
    "NumSources": "int64", "NumArticles": "int64", "AvgTone": "float64", "DATEADDED": "int64",
    **{f"{side}Geo_{c}": t for side in ("Actor1", "Actor2", "Action")
       for c, t in (("Type", "int64"), ("Lat", "float64"), ("Long", "float64"))},
})


def read_gdelt(path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=GDELT_DTYPES,
                       keep_default_na=False, na_values={c: [""] for c in GDELT_COLUMNS}, quoting=csv.QUOTE_NONE)


def by_name(events, name):
    return next(e for e in events if (e.get("source") or {}).get("name") == name)


def test_flat_columns_follow_the_event_record():
    names = set(column_names())
    for f in dataclasses.fields(Event):
        assert any(n == f.name or n.startswith(f.name + "_") for n in names) or f.name in (
            "evidence",), f"event field {f.name} has no flat column"
    for wanted in ("confidence", "modality", "negated", "attribution_name", "dead", "injured", "arrested",
                   "troops", "date_precision", "location_precision", "contexts", "rule", "trigger", "outlets",
                   "num_sources", "lat", "lon", "url", "evidence"):
        assert wanted in names


def test_csv_reads_back_with_numbers_as_numbers(events, tmp_path):
    path = tmp_path / "events.csv"
    report = export(events, "csv", path)
    assert report.written == len(events) == 6
    df = pd.read_csv(path, keep_default_na=False, na_values=[""])
    assert list(df.columns) == list(column_names())
    for col in ("goldstein", "lat", "lon", "confidence"):
        assert df[col].dtype == "float64", col
    for col in ("quad_class", "num_sources", "evidence_start"):
        assert df[col].dtype == "int64", col
    assert sorted(df["goldstein"].tolist()) == sorted(e["goldstein"] for e in events)  # -2.0 not '-2.0
    rsf = df[df["source_org"] == "RSF"].iloc[0]
    assert (rsf["dead"], rsf["injured"]) == (40, 100)
    police = df[df["trigger"] == "detained"].iloc[0]
    assert police["arrested"] == 12 and police["outlets"] == "Wire One"
    assert set(df["modality"]) == {"asserted", "reported", "future"}


def test_csv_neutralises_formulas_and_drops_unsafe_urls(events, tmp_path):
    path = tmp_path / "events.csv"
    report = export(events, "csv", path)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        for name, cell in row.items():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), (name, cell)
            if cell.startswith("-"):
                float(cell)  # only numbers may start with a minus sign
    hyper = next(r for r in rows if r["trigger"] == "denied")
    assert hyper["evidence"].startswith("'=HYPERLINK")
    assert next(r for r in rows if r["trigger"] == "beat")["evidence"] == "'-5 reporters said the police beat them."
    assert next(r for r in rows if r["trigger"] == "beat")["outlets"] == "'@Outlet"
    assert all(r["url"] == "" or r["url"].startswith("https://") for r in rows)
    assert report.notes == {"dropped a URL that is not http(s)": 2}
    assert report.lines() == ["note: dropped a URL that is not http(s) (2 events)"]


def test_parquet_types(events, tmp_path):
    path = tmp_path / "events.parquet"
    report = export(events, "parquet", path)
    assert report.written == 6 and report.notes == {"dropped a URL that is not http(s)": 2}
    schema = pq.read_schema(path)
    assert schema.names == list(column_names())
    expected = {
        "date": pa.date32(), "quad_class": pa.int64(), "goldstein": pa.float64(), "negated": pa.bool_(),
        "confidence": pa.float64(), "dead": pa.int64(), "contexts": pa.list_(pa.string()),
        "outlets": pa.list_(pa.string()), "lat": pa.float64(), "evidence_start": pa.int64(), "modality": pa.string(),
        "quantities": pa.list_(pa.struct([("value", pa.int64()), ("unit", pa.string()), ("estimate", pa.bool_()),
                                          ("bound", pa.string())])),
    }
    for name, typ in expected.items():
        assert schema.field(name).type == typ, name
    assert pa.types.is_timestamp(schema.field("first_seen").type)
    assert schema.field("first_seen").type.tz == "UTC"
    table = pq.read_table(path).to_pylist()
    rsf = next(r for r in table if r["source_org"] == "RSF")
    import datetime as dt

    assert rsf["date"] == dt.date(2023, 4, 20) and rsf["dead"] == 40 and rsf["contexts"] == ["military"]
    assert rsf["first_seen"] == dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone.utc)
    assert [(q["value"], q["unit"]) for q in rsf["quantities"]] == [(40, "dead"), (100, "injured")]
    assert all(q["estimate"] is False and q["bound"] is None for q in rsf["quantities"])
    assert rsf["source_key"] == "RSF" and rsf["url"] == "https://example.org/a3" and rsf["outlets"] == ["Wire Two"]
    assert all(r["url"] is None or r["url"].startswith("https://") for r in table)
    # the same values as the CSV writer's table (one flat table, two writers)
    from flashpoint.store.exports.table import batch_columns

    cols = batch_columns(events)
    for i, name in enumerate(column_names()):
        if name not in ("date", "first_seen", "quantities", "url"):
            assert [r[name] for r in table] == cols[i], name
    assert export([], "parquet", tmp_path / "empty.parquet").written == 0
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0
    with pytest.raises(UsageError, match="binary"):
        export(events, "parquet", io.StringIO())


def test_gdelt_reads_with_gdelt_names_and_dtypes(events, tmp_path):
    path = tmp_path / "events.tsv"
    assert export(events, "gdelt", path).written == 6
    df = read_gdelt(path)
    assert len(df) == 6 and len(df.columns) == 61
    nato = df[df["EventCode"] == "111"].iloc[0]
    assert nato["Actor1Code"] == "IGOWSTNAT" and nato["Actor1KnownGroupCode"] == "NAT"
    assert nato["Actor1Type1Code"] == "IGO" and pd.isna(nato["Actor1CountryCode"])
    assert nato["Day"] == 20211112 and nato["QuadClass"] == 3 and nato["GoldsteinScale"] == -2.0
    police = df[df["EventCode"] == "173"].iloc[0]
    assert police["Actor1Code"] == "POLCOP" and police["Actor1Type1Code"] == "COP"
    assert police["Actor2Code"] == "BLR"
    rsf = df[df["EventCode"] == "194"].iloc[0]
    assert rsf["Actor1KnownGroupCode"] == "RSF" and rsf["Actor1Code"] == "SDNREBRSF"
    un = df[df["EventCode"] == "033"].iloc[0]
    assert un["Actor1KnownGroupCode"] == "UNO"
    cities = df[df["ActionGeo_Type"] == 4]
    assert len(cities) == 2 and cities["ActionGeo_Lat"].notna().all() and cities["ActionGeo_Long"].notna().all()
    khartoum = cities[cities["ActionGeo_FullName"] == "Khartoum"].iloc[0]
    assert khartoum["ActionGeo_CountryCode"] == "SU"  # FIPS, not ISO
    assert khartoum["ActionGeo_FeatureID"] == "379252"  # the GeoNames id of Khartoum
    unplaced = df[df["ActionGeo_FullName"] == "Kuznica"].iloc[0]
    assert unplaced["ActionGeo_Type"] == 0  # a name without coordinates does not claim type 4
    assert df[df["EventCode"] == "033"].iloc[0]["ActionGeo_Type"] == 1
    assert df["SOURCEURL"].dropna().str.startswith("https://").all()


def test_gdelt_side_file_carries_modality(events, tmp_path):
    path = tmp_path / "events.tsv"
    export(events, "gdelt", path)
    side = pd.read_csv(side_path(path), sep="\t", dtype={"GlobalEventID": "int64"}, keep_default_na=False,
                       na_values=[""])
    assert list(side.columns) == list(SIDE_COLUMNS)
    main = read_gdelt(path)
    assert list(side["GlobalEventID"]) == list(main["GlobalEventID"])
    beat = side[side["Trigger"] == "beat"].iloc[0]
    assert beat["Modality"] == "reported" and beat["AttributionCode"] == "BLRMED" and beat["Injured"] == 3
    assert set(side["Modality"]) == {"asserted", "reported", "future"}
    # the statement flag (CAMEO 01x bare statements): only Minsk's denial is one
    assert list(side[side["Statement"] == 1]["Trigger"]) == ["denied"]
    assert set(side["Statement"]) == {0, 1}
    # on a stream there is nowhere to put a side file: only the 61 columns
    buf = io.StringIO()
    export(events, "gdelt", buf)
    assert all(len(line.split("\t")) == 61 for line in buf.getvalue().splitlines())


def test_plover_records_pass_the_manual_checker(events):
    if not plover_checker.CODEBOOK.exists():
        pytest.skip(f"PLOVER codebook not found at {plover_checker.CODEBOOK} (../shared is absent)")
    categories = plover_checker.codebook()
    buf = io.StringIO()
    report = export(events, "plover", buf)
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert report.written == len(records) == 5
    assert report.notes == {"left out: CAMEO code with no PLOVER category": 1,
                            "dropped a URL that is not http(s)": 1}
    for record in records:
        assert plover_checker.check(record, categories) == [], record["id"]
    journalists = next(r for r in records if r["event"] == "ASSAULT" and r["recipient"]["code"] == "BLR")
    assert journalists["recipient"]["sector"] == "JRN" and journalists["actor"]["sector"] == "COP"
    assert journalists["recipient"]["actor_text"] == "reporters"
    nato = next(r for r in records if r["event"] == "ACCUSE")
    assert nato["actor"]["code"] == "IGO" and nato["actor"]["identifier_id"] == "NATO"
    assert nato["event_loc"]["geonameid"] is not None and nato["event_loc"]["resolution"] == "city"
    assert nato["cite_info"]["title"] == "Alliance condemns" and nato["cite_info"]["language"] == "en"
    assert nato["cite_info"]["publication"] == "Wire One" and nato["cite_info"]["coder"].startswith("flashpoint")
    rsf = next(r for r in records if r["actor"]["identifier_id"] == "RSF")
    assert (rsf["dead"], rsf["injured"]) == (40, 100) and rsf["actor"]["code"] == "SDN"


def test_the_checker_catches_what_the_old_export_did():
    if not plover_checker.CODEBOOK.exists():
        pytest.skip(f"PLOVER codebook not found at {plover_checker.CODEBOOK} (../shared is absent)")
    old = {"id": "x", "date": "2021-11-12", "actor": "RUS", "event_type": "CONSULT"}
    problems = plover_checker.check(old, plover_checker.codebook())
    assert any(p.startswith("event:") for p in problems) and any(p.startswith("actor:") for p in problems)
    media = {"id": "x", "date": "2021-11-12", "event": "ASSAULT",
             "actor": {"code": "BLR", "sector": "XXX", "actor_text": "state TV"}}
    assert any("sector" in p for p in plover_checker.check(media, plover_checker.codebook()))


def test_jsonl_validates_against_the_merged_schema(events):
    validator = jsonschema.Draft202012Validator(merged_event_schema())
    buf = io.StringIO()
    export(events, "jsonl", buf)
    back = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert back == events
    for record in back:
        errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], errors
    bad = dict(back[0], num_sources="two")
    assert list(validator.iter_errors(bad))
