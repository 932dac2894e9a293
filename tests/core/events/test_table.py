from khabar.core.events.table import coding_table, quad_class

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}


def test_every_family_is_a_plover_type_with_a_cameo_code_and_goldstein_in_range() -> None:
    table = coding_table()
    assert table.families
    for fam in table.families:
        assert fam.type in PLOVER_TYPES, fam.id
        assert fam.cameo.isdigit() and 3 <= len(fam.cameo) <= 4, fam.id
        assert -10.0 <= fam.goldstein <= 10.0, fam.id
        assert fam.roles in {"subject_counterpart", "host", "source_from", "between"}, fam.id
        for rule in fam.modes:
            assert rule.cameo[:2] == fam.cameo[:2], (fam.id, rule.mode)


def test_cooperation_codes_score_positive_and_conflict_codes_negative() -> None:
    for fam in coding_table().families:
        if quad_class(fam.cameo) <= 2:
            assert fam.goldstein > 0, fam.id
        else:
            assert fam.goldstein < 0, fam.id


def test_quad_class_boundaries() -> None:
    assert [quad_class(c) for c in ("010", "057", "060", "087", "090", "139", "140", "204")] == [
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_brief_trigger_families_are_present() -> None:
    codes = {(f.type, f.cameo) for f in coding_table().families}
    assert {
        ("CONSULT", "043"),
        ("AGREE", "036"),
        ("SUPPORT", "057"),
        ("ACCUSE", "111"),
        ("REQUEST", "020"),
    } <= codes
    assert any(
        f.type == "ASSAULT" and {"drone", "aerial"} <= {m.mode for m in f.modes}
        for f in coding_table().families
    )
