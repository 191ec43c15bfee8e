from ssgraph.analysis.text_similarity import TextIndex, stems


def test_inflections_share_stems():
    assert stems("utsläppen minskar")[:1] == stems("utsläpp")


def test_compounds_and_inflections_match_unrelated_texts_do_not():
    index = TextIndex({
        "a": "Utsläppen av växthusgaser från transporter ska minska",
        "b": "Transporternas växthusgasutsläpp minskar",
        "c": "Alla elever når kunskapsmålen i skolan",
        "d": "Fler elever når kunskapsmålen",
    })
    assert index.similarity("a", "b") > 0.3
    assert index.similarity("a", "c") < 0.05
    assert index.similarity("c", "d") > index.similarity("c", "b")
    assert "växthusgaser" in index.shared_words("a", "b")
    assert set(index.neighbours("a", minimum=0.3)) == {"b"}
