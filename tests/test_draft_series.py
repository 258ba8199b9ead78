"""Draft rules, other series of the body's own resolutions (resdiff.draft.series): real sentences of corpus/pdf
(README there), and synthetic variants named as such."""

from __future__ import annotations

from draft_builders import edits_by_rule, en_79, para, texts, zh_resolution
from resdiff.draft import draft_next

# A/RES/79/156 (Office of the United Nations High Commissioner for Refugees), PP14 and OP32
UNHCR_PP14 = ("Recalling its resolution 46/182 of 19 December 1991 on the strengthening of the coordination of emergency "
              "humanitarian assistance of the United Nations and all subsequent General Assembly resolutions on the subject, "
              "including resolution 78/119 of 8 December 2023,")
UNHCR_OP32 = ("Encourages the Office of the High Commissioner to continue to work with the Office for the Coordination of "
              "Humanitarian Affairs of the Secretariat to enhance the coordination, effectiveness and efficiency of humanitarian "
              "response, as stated, among other important issues, in General Assembly resolution 78/119 on the strengthening of "
              "the coordination of emergency humanitarian assistance of the United Nations;")
# A/RES/79/160 (Combating glorification of Nazism), the end of PP2
NAZISM_PP2 = ("Recalling the provisions of General Assembly resolutions 76/149 of 16 December 2021, 77/204 of 15 December 2022 "
              "and 78/190 of 19 December 2023 on this issue, and its resolutions 75/237 of 31 December 2020, 76/226 of "
              "24 December 2021, 77/205 of 15 December 2022 and 78/234 of 22 December 2023, entitled “A global call for "
              "concrete action for the elimination of racism, racial discrimination, xenophobia and related intolerance and "
              "the comprehensive implementation of and follow-up to the Durban Declaration and Programme of Action”,")


def test_the_latest_of_another_series_included_becomes_a_placeholder_and_so_does_its_citation_again():
    """The real A/C.3/80/L.23 reads 'including resolution 79/140 of 9 December 2024' and 'resolution 79/140 on …'."""
    res = en_79([para("PP14", UNHCR_PP14, "Recalling"), para("OP32", UNHCR_OP32, "Encourages")],
                number="79/156", date="2024-12-17", title="Office of the United Nations High Commissioner for Refugees")
    draft = draft_next(res)
    got = texts(draft.resolution)
    assert got["PP14"] == UNHCR_PP14.replace("78/119 of 8 December 2023", "[●] of [●]")
    assert got["OP32"] == UNHCR_OP32.replace("resolution 78/119", "resolution [●]")
    edits = edits_by_rule(draft, "other-series")
    assert [(e.label, e.placeholder) for e in edits] == [("PP14", True), ("OP32", True)]
    assert "78/119" in edits[0].note


def test_a_yearly_list_of_another_title_gains_a_placeholder_after_the_series_own_list_gains_its_resolution():
    """The real A/C.3/80/L.2 reads '… 78/190 of 19 December 2023 and 79/160 of 17 December 2024 on this issue' and
    '… 77/205 of 15 December 2022, 78/234 of 22 December 2023 and 79/161 of 17 December 2024, entitled …'."""
    res = en_79([para("PP2", NAZISM_PP2, "Recalling")], number="79/160",
                title="Combating glorification of Nazism, neo-Nazism and other practices")
    draft = draft_next(res)
    text = texts(draft.resolution)["PP2"]
    assert "77/204 of 15 December 2022, 78/190 of 19 December 2023 and 79/160 of 17 December 2024 on this issue" in text
    assert "77/205 of 15 December 2022, 78/234 of 22 December 2023 and [●] of [●], entitled “A global call" in text
    assert [e.rule for e in draft.edits if e.label == "PP2"] == ["recall-chain", "other-series"]


def test_other_series_in_chinese_synthetic():
    """Synthetic Chinese variants of the two forms (the Chinese PDFs are not in the corpus)."""
    single = "回顾其1991年12月19日关于加强联合国紧急人道主义援助的协调的第46/182号决议以及关于这一主题的所有后续各项决议，包括2023年12月8日第78/119号决议，"
    listed = "回顾其题为“全球呼吁采取具体行动”的2022年12月15日第77/205号和2023年12月22日第78/234号决议，"
    res = zh_resolution([para("PP1", single, "回顾"), para("PP2", listed, "回顾")], session=79, session_text="第七十九届会议",
                        number="79/156", date="2024-12-17", title="联合国难民事务高级专员办事处")
    got = texts(draft_next(res).resolution)
    assert got["PP1"].endswith("包括[●]年[●]月[●]日第[●]号决议，")
    assert got["PP2"] == "回顾其题为“全球呼吁采取具体行动”的2022年12月15日第77/205号、2023年12月22日第78/234号和[●]年[●]月[●]日第[●]号决议，"


def test_what_does_not_show_another_yearly_series_stays_synthetic():
    """Synthetic: a single resolution of the previous session recalled for what it did; a list of another title
    with a session skipped (biennial); a list whose latest is older; no title or chain to say it is another series."""
    kept = [
        "Recalling its resolution 78/119 of 8 December 2023 on the strengthening of the coordination of emergency humanitarian assistance,",
        "Recalling its resolutions 76/205 of 15 December 2021 and 78/234 of 22 December 2023, entitled “A global call”,",
        "Recalling its resolutions 73/180 of 17 December 2018 and 74/23 of 12 December 2019, entitled “Promotion of interreligious dialogue”,",
        "Recalling its resolutions 77/205 of 15 December 2022 and 78/234 of 22 December 2023,",
    ]
    own = "Recalling its resolution 78/156 of 19 December 2023 on testing,"  # the series' own chain: elsewhere
    res = en_79([para(f"PP{k + 1}", t, "Recalling") for k, t in enumerate(kept)] + [para("PP9", own, "Recalling")],
                number="79/156", title="Testing")
    draft = draft_next(res)
    assert not edits_by_rule(draft, "other-series")
    assert list(texts(draft.resolution).values())[:4] == kept
