from hypothesis import given
from hypothesis import strategies as st

from khabar.core.tagging.features import (
    build_lexicons,
    build_memory,
    default_lexicons,
    gazetteer_tags,
    memory_tags,
    read_gazetteer,
    sentence_features,
    split_sentences,
)
from khabar.core.text.tokens import tokenize

LEX = build_lexicons(
    [("LOC", "روسيا"), ("LOC", "تل أبيب"), ("PERS", "فلاديمير"), ("ORG", "الأمم المتحدة")],
    titles=["الرئيس", "وزير"],
)


def feats(sentence: str) -> list[list[str]]:
    return sentence_features(sentence.split(), LEX)


def test_clitic_segmentation_and_affixes_describe_the_stem() -> None:
    f = feats("زار الرئيس وروسيا")[2]
    assert "pre=و" in f and "st=روسيا" in f and "w=وروسيا" in f
    assert "p2=رو" in f and "s2=يا" in f


def test_gazetteer_membership_survives_attached_clitics() -> None:
    f = feats("وصل إلى وروسيا ثم تل أبيب")
    assert "gz=B-LOC" in f[2] and "gw=LOC" in f[2]
    assert "gz=B-LOC" in f[4] and "gz=I-LOC" in f[5]
    assert "gz=O" in f[0]


def test_a_title_flags_the_following_word() -> None:
    f = feats("قال الرئيس فلاديمير بوتين")
    assert "title" in f[1]
    assert "-1:title" in f[2] and "-2:title" in f[3]
    assert "title" not in f[2]


def test_nisba_definite_article_and_year() -> None:
    f = feats("الوزير الروسي في 2024")
    assert "nisba" in f[1] and "al" in f[1]
    assert "year" in f[3] and "shape=digit" in f[3]
    assert "year" not in f[0] and "nisba" not in f[2]


def test_context_window_is_two_tokens_wide() -> None:
    f = feats("أ ب ج د ر")[2]
    assert {"-2:w=ا", "-1:w=ب", "1:w=د", "2:w=ر"} <= set(f)
    assert not any(x.startswith(("-3:", "3:")) for x in f)


def test_gazetteer_prefers_the_longest_phrase() -> None:
    assert gazetteer_tags(["الامم", "المتحده", "في", "روسيا"], LEX) == ["B-ORG", "I-ORG", "O", "B-LOC"]


def test_memory_remembers_taught_mentions_with_their_type() -> None:
    sents = [[("زار", "O"), ("بوتين", "B-PERS"), ("موسكو", "B-LOC")], [("موسكو", "B-LOC")]]
    mem = build_memory(sents, LEX)
    assert memory_tags(["ان", "بوتين", "موسكو"], mem) == ["O", "B-PERS:hi", "B-LOC:hi"]
    assert mem.loads(mem.dumps()) == mem


def test_read_gazetteer_skips_group_separators() -> None:
    assert read_gazetteer("====\nاسيا\n****\n\nعمان\n") == ["اسيا", "عمان"]


def test_default_lexicons_hold_shipped_gazetteers_and_cldr_countries() -> None:
    lex = default_lexicons()
    assert "LOC" in lex.words["فرنسا"]  # CLDR
    assert "LOC" in lex.words["عجلون"]  # ANERGazet
    assert lex.titles and "وزير" in lex.titles


def test_sentences_end_at_punctuation_and_newlines() -> None:
    text = "قال الرئيس. وصل الوفد\nثم غادر؟ نعم"
    toks = tokenize(text)
    sents = [[toks[i].text for i in r] for r in split_sentences(toks, text)]
    assert sents == [["قال", "الرئيس", "."], ["وصل", "الوفد"], ["ثم", "غادر", "؟"], ["نعم"]]


@given(st.lists(st.sampled_from(["في", "روسيا", ".", "الرئيس", "\n", "،"]), max_size=200))
def test_sentences_partition_the_tokens(words: list[str]) -> None:
    text = " ".join(words)
    toks = tokenize(text)
    sents = split_sentences(toks, text)
    assert [i for r in sents for i in r] == list(range(len(toks)))
    assert all(0 < len(r) <= 80 for r in sents)
