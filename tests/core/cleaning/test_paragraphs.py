from hypothesis import given
from hypothesis import strategies as st

from khabar.core.cleaning.paragraphs import assemble, ends_sentence, is_body_line, is_headline_like
from khabar.core.models import ParagraphKind


def test_sentence_and_headline_shapes() -> None:
    assert ends_sentence("وأكد الوزير أهمية الحوار.")
    assert ends_sentence('وقال: "لن نتراجع."')
    assert not ends_sentence("التعاون العسكري بين ليبيا وروسيا")
    assert is_headline_like("التعاون العسكري بين ليبيا وروسيا")
    assert not is_headline_like("ليبيا")
    long_line = " ".join(["كلمة"] * 25)
    assert is_body_line(long_line) and not is_headline_like(long_line)


def test_a_line_opening_with_a_conjunction_and_a_clause_word_is_running_text() -> None:
    # Corpora and outlets drop the final full stop; "وقال"/"وفي" never open a headline.
    assert is_body_line("وقال المتحدث إن الاجتماع تأجل")
    assert is_body_line("وفي البحرين اكتشفت مواقع دفن قديمة")
    assert is_body_line("فقد أعلنت الحكومة خطة جديدة")
    assert is_body_line("وتسعى الصين للتوسع في استخدام الغاز")
    # A headline may start with a word that merely begins with و.
    assert not is_body_line("وزير الخارجية يلتقي نظيره الروسي")
    assert not is_body_line("وفد ليبي في موسكو")
    assert not is_body_line("وقال")  # too short to be a clause
    # A conjunction written apart, or attached to a future verb, opens a clause too.
    assert is_body_line("و كانت تصنع من الغاب")
    assert is_body_line("وسيستمر المعرض شهرا في متحف الفن")
    assert not is_body_line("وسط المدينة يستعد للاحتفال")  # وسط: و is the word's own letter


def test_a_conjunction_is_told_from_a_words_own_first_letter_by_frequency() -> None:
    # "قرر", "قامت", "أدى" are far commoner than "وقرر", "فقامت", "وأدى": و/ف is the conjunction.
    assert is_body_line("وقرر مجلس الإدارة إنهاء العمل مع الشركة")
    assert is_body_line("فقامت روسيا بتحريك قواتها نحو الحدود")
    assert is_body_line("وأدى الفريق مرانا خفيفا صباح أمس")
    # "وزير", "وكالة", "فرنسا", "ولاية": the letter is the word's own; these stay headline-shaped.
    assert not is_body_line("وكالة الأنباء تنشر تقريرها السنوي")
    assert not is_body_line("فرنسا تستضيف مؤتمر السلام")
    assert not is_body_line("ولاية جديدة للرئيس الفرنسي")


@given(
    st.lists(
        st.text(alphabet="ابتثجحخ د.", min_size=1, max_size=30).filter(lambda s: "\n" not in s), max_size=8
    )
)
def test_assemble_spans_index_the_body(texts: list[str]) -> None:
    body, paragraphs = assemble([(t, ParagraphKind.PARAGRAPH) for t in texts])
    assert [body[p.start : p.end] for p in paragraphs] == texts
    assert body == "\n".join(texts)


def test_a_closing_background_paragraph_without_a_full_stop_is_running_text() -> None:
    assert is_body_line("يذكر أن البلدين استأنفا علاقاتهما الدبلوماسية في مارس 2023 بموجب اتفاق رعته الصين")
    assert not is_body_line("يذكر أن")


def test_a_headline_opening_with_a_name_that_looks_like_a_conjunction() -> None:
    # "فيدان" is Fidan, not ف + يدان; ".." joins a headline's two parts.
    assert not is_body_line('فيدان في بغداد.. اتفاق على آلية لإدارة المياه وتنسيق ضد "بي كا كا"')
    assert not is_body_line("فيدان يبحث مع نظيره العراقي ملف المياه")
    assert is_body_line("وقال الوزير إن المباحثات تناولت ملف المياه.. وأمن الحدود")
