"""targets.yaml's `place_preps`: "from" names the place an act is aimed at only for the
codes listed there (a retreat gives that ground up; rockets fired from Gaza are not aimed at it)."""

from flashpoint.coding.targets import TargetChain


def test_retreats_read_from_as_the_place_given_up():
    chain = TargetChain.load()
    assert "from" in chain.place_preps["0874"]
    assert not any(k for k in chain.place_preps if "195".startswith(k))


def test_place_preps_parse_from_data():
    chain = TargetChain.parse({"chain": [{"strategy": "place"}], "place_preps": {"0874": ["from", "out"]}})
    assert chain.place_preps == {"0874": frozenset({"from", "out"})}
