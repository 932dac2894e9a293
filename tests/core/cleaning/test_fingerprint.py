from hypothesis import given
from hypothesis import strategies as st

from khabar.core.cleaning.fingerprint import NUM_PERM, fingerprint, shingles, similarity

A = "استقبل عضو المجلس الرئاسي عبد الله اللافي وفدا روسيا رفيع المستوى في طرابلس لبحث التعاون العسكري والأمني"


def test_signature_shape_and_determinism() -> None:
    sig = fingerprint(A)
    assert len(sig) == NUM_PERM and sig == fingerprint(A)
    assert fingerprint("") == [] and fingerprint("...") == []


def test_normalization_makes_spelling_variants_identical() -> None:
    # Diacritics, tatweel and hamza forms do not change the signature.
    assert fingerprint("أكد الرئيسُ أهمـية الحوار") == fingerprint("اكد الرئيس أهمية الحوار")


def test_similarity_orders_near_duplicates_above_unrelated() -> None:
    near = A.replace("رفيع المستوى", "كبيرا")
    other = "أعلن الاتحاد العام التونسي للشغل إضرابا عاما في الوظيفة العمومية احتجاجا على تعطيل المفاوضات"
    assert similarity(fingerprint(A), fingerprint(A)) == 1.0
    assert similarity(fingerprint(A), fingerprint(near)) > similarity(fingerprint(A), fingerprint(other))
    assert similarity([], fingerprint(A)) == 0.0


def test_shingles_are_word_trigrams() -> None:
    assert shingles("a b c d") == {"a b c", "b c d"}
    assert shingles("a b") == {"a b"}


@given(
    st.lists(st.integers(0, 2**32), min_size=1, max_size=64),
    st.lists(st.integers(0, 2**32), min_size=1, max_size=64),
)
def test_similarity_is_symmetric_and_bounded(a: list[int], b: list[int]) -> None:
    assert similarity(a, b) == similarity(b, a)
    assert 0.0 <= similarity(a, b) <= 1.0
