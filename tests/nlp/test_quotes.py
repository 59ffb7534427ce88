from flashpoint.nlp.quotes import find_quotes, quote_at


def spans(text):
    return [text[q.start:q.end] for q in find_quotes(text)]


def test_simple_quote():
    assert spans('He said: "We will stay." Then left.') == ["We will stay."]


def test_multi_paragraph_quote_is_joined():
    text = 'A spokesperson said: "First part.\n\n"Second part."\n\nAfter.'
    got = spans(text)
    assert len(got) == 1 and got[0].startswith("First") and got[0].endswith("Second part.")


def test_unclosed_paragraph_closes_at_break():
    text = 'He said: "No closing mark.\n\nPlain paragraph.'
    assert spans(text) == ["No closing mark."]


def test_curly_quotes_and_inch_marks():
    assert spans("Officials said \u201cenough\u201d.") == ["enough"]
    assert spans('a 12" gun') == []


def test_quote_at():
    text = 'x "abc" y "def"'
    qs = find_quotes(text)
    assert quote_at(qs, text.index("b")) == 0
    assert quote_at(qs, text.index("e")) == 1
    assert quote_at(qs, text.index("y")) is None


def test_hostile_input():
    for text in ["", '"', '""""', "\n\n\n", '"' * 10000, "\x00\"\x01"]:
        find_quotes(text)
