"""The article scorer reads place names without their accents (eval/articles.py)."""

from flashpoint.eval.articles import _plain


def test_a_place_name_is_compared_without_accents():
    assert _plain("Apatzingán") == "apatzingan"
    assert _plain("Kandahār") == "kandahar"
    assert "apatzingan" in _plain("Apatzingán, Michoacán")
    assert _plain("Bogotá") != _plain("Bogor")
