"""The classify rule: the learned classifier drops non-events and re-types, never touching modality."""

from __future__ import annotations

import pytest

from tidings.events import learned


@pytest.fixture(scope="session")
def rules_only(rules_pipeline):
    return rules_pipeline


def _types(article) -> list[tuple[str, str]]:
    return [(e.trigger, e.type) for e in article.events]


def test_market_and_sport_figures_of_speech_are_dropped(pipeline, rules_only):
    text = ("Manchester United attacked Chelsea from the first whistle and won 3-0. "
            "Investors rallied behind the Japanese yen as traders fled to safety.")
    assert _types(rules_only.article(text)), "the rules propose candidates here (else the test proves nothing)"
    assert pipeline.article(text).events == []


def test_forecasts_are_never_dropped_only_retyped(pipeline, rules_only):
    text = "Analysts say North Korea will test a missile next month."
    rules = [(e.trigger, e.modality) for e in rules_only.article(text).events]
    assert rules and [(e.trigger, e.modality) for e in pipeline.article(text).events] == rules


def test_a_plain_political_event_is_kept(pipeline):
    article = pipeline.article("Police arrested dozens of protesters outside parliament in Tbilisi on Tuesday.")
    assert ("arrested", "COERCE") in _types(article)


def test_a_named_weapon_fired_or_tested_by_a_state_is_never_dropped_as_no_event(pipeline):
    marked = "<s>North Korea</s> <e>launched</e> a ballistic missile on Sunday."
    assert learned.load_classifier().predict([marked])[0].p_event < learned.default_policy().drop_below, \
        "the classifier doubts it (else the test proves nothing)"
    events = pipeline.article("North Korea launched a ballistic missile on Sunday.").events
    assert [(e.trigger, e.type, e.modality) for e in events] == [("launched", "ASSAULT", "asserted")]
    events = pipeline.article("Iran test-launched a new rocket on Monday.").events
    assert [(e.trigger, e.type, e.modality) for e in events] == [("test-launched", "MOBILIZE", "asserted")]


def test_a_weapon_fired_by_no_state_or_armed_group_is_left_to_the_classifier(pipeline, rules_only):
    text = "The striker fired a shot over the bar in the last minute."
    assert [e.type for e in rules_only.article(text).events] == ["ASSAULT"], "a candidate (else this proves nothing)"
    assert pipeline.article(text).events == []


def test_predicted_events_stay_hypothetical(pipeline):
    article = pipeline.article("Analysts say North Korea might also conduct a nuclear test before the election.")
    assert article.events and all(e.modality == "hypothetical" for e in article.events)


def test_types_set_by_intent_rules_are_kept(pipeline, rules_only):
    text = "Iran threatened to attack American ships in the Gulf."
    rules = [(e.type, e.modality) for e in rules_only.article(text).events]
    assert ("THREATEN", "asserted") in rules, "the intent rules make the threatened attack a THREATEN"
    assert ("THREATEN", "asserted") in [(e.type, e.modality) for e in pipeline.article(text).events]


def test_what_is_ruled_out_is_refused_not_done(pipeline):
    events = pipeline.article("Israel ruled out a ceasefire in Gaza.").events
    assert [(e.trigger, e.type) for e in events] == [("ruled", "REJECT")]


def test_retyping_never_changes_modality(pipeline, rules_only):
    text = ("The minister said the government might expel the ambassador. Protesters attacked the embassy, "
            "and the president will visit Seoul next week.")
    rules = {e.trigger: e.modality for e in rules_only.article(text).events}
    for e in pipeline.article(text).events:
        assert e.modality == rules[e.trigger]


def test_policy_file_holds_the_tuned_thresholds():
    policy = learned.Policy.load()
    assert 0.0 <= policy.drop_below <= 1.0 and 0.0 <= policy.retype_margin <= 1.01


def test_criticism_is_never_retyped_as_praise(pipeline):
    marked = "<s>Hillary Clinton</s> sternly <e>reprimanded</e> <t>Mr. Trump</t>, saying he had shown disrespect."
    reading = learned.load_classifier().predict([marked])[0]
    assert reading.best_type == "SUPPORT", "the classifier reads it as praise (else the test proves nothing)"
    article = pipeline.article("Hillary Clinton sternly reprimanded Mr. Trump, saying he had shown disrespect.")
    assert [e.type for e in article.events if e.trigger == "reprimanded"] == ["ACCUSE"]


def test_a_retyped_event_takes_the_cameo_root_of_its_new_type():
    roots = learned.cameo_roots()
    assert roots["REQUEST"] == "020" and roots["ASSAULT"] == "180"
    assert set(roots) == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_a_retyped_event_keeps_a_cameo_code_that_falls_under_its_new_type(pipeline):
    article = pipeline.article("The European Union imposed new sanctions on Iranian officials over the crackdown.")
    (imposed,) = [e for e in article.events if e.trigger == "imposed"]
    # the lexicon's SANCTION 163, which the classifier reads as COERCE, as CAMEO2PLOVER files 163
    assert (imposed.type, imposed.cameo) in {("SANCTION", "163"), ("COERCE", "163")}
    assert learned.cameo_types()["163"] == {"COERCE"} and learned.cameo_types()["08"] == {"CONCEDE", "RETREAT"}


STATEMENTS = ('"Sanders sided with the gun lobby over the families," Clinton tweeted on Wednesday. '
              "The senator said he would travel to Iowa on Monday.")


def test_statements_are_never_candidates_without_the_model(rules_only):
    assert not [e for e in rules_only.article(STATEMENTS).events if e.trigger in ("tweeted", "said")]


def test_a_statement_comes_out_typed_as_an_act_or_not_at_all(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=0.0))
    events = pipeline.article(STATEMENTS).events
    statements = [e for e in events if e.trigger in ("tweeted", "said")]
    assert statements, "with no threshold, a statement the classifier reads as an act is kept"
    assert all(e.type in learned.STATEMENT_TYPES and e.cameo == learned.cameo_roots()[e.type] for e in statements)
    assert all(e.sources for e in statements), "a statement is its speaker's act"
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=1.01))
    assert not [e for e in pipeline.article(STATEMENTS).events if e.trigger in ("tweeted", "said")]


def test_a_statement_never_takes_whom_it_was_told_to_as_its_target(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=0.0))
    article = pipeline.article("NATO chief Mark Rutte told the Belgian parliament that Russia was lying about the attack.")
    statements = [e for e in article.events if e.trigger == "told"]
    assert statements, "with no threshold, a statement the classifier reads as an act is kept"
    assert all("parliament" not in t["text"] for e in statements for t in e.targets)


def test_a_statement_with_no_known_speaker_is_dropped_unread(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=0.0))
    named = pipeline.article("NATO said Russia was lying about the attack.").events
    assert [e for e in named if e.trigger == "said"], "a named speaker's statement is kept at no threshold"
    unnamed = pipeline.article("They said Russia was lying about the attack.").events
    assert not [e for e in unnamed if e.trigger == "said"]


def test_a_forecast_with_no_known_source_is_dropped_when_the_policy_says_so(pipeline, monkeypatch):
    text = "Russian diplomats will be expelled next week."
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(unsourced_forecasts=True))
    kept = [e for e in pipeline.article(text).events if e.trigger == "expelled"]
    assert kept and kept[0].modality == "hypothetical" and not kept[0].sources
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(unsourced_forecasts=False))
    assert not [e for e in pipeline.article(text).events if e.trigger == "expelled"]


def test_whom_a_statement_characterises_is_its_target(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=0.0))
    article = pipeline.article("Bernie Sanders called Donald Trump a pathological liar.")
    (called,) = [e for e in article.events if e.trigger == "called"]
    assert called.type == "ACCUSE" and [t["name"] for t in called.targets] == ["Donald Trump"]


RETURNED = "The United States returned an ancient marble bust to Algeria on Tuesday."  # "bust": no object the lexicon lists


def test_relations_are_never_candidates_without_the_model(rules_only):
    assert not [e for e in rules_only.article(RETURNED).events if e.trigger == "returned"]


def test_a_verb_by_which_one_actor_acts_on_another_is_typed_by_the_classifier(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(relation_below=0.0))
    (returned,) = [e for e in pipeline.article(RETURNED).events if e.trigger == "returned"]
    assert returned.type in ("CONCEDE", "RETREAT", "AID", "COOPERATE")  # what PLV calls YIELD, or a gift
    assert returned.cameo == learned.cameo_roots()[returned.type]
    assert [s["name"] for s in returned.sources] == ["United States"] and [t["name"] for t in returned.targets] == ["Algeria"]
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(relation_below=1.01))
    assert not [e for e in pipeline.article(RETURNED).events if e.trigger == "returned"]


def test_a_policy_that_reads_no_relations_makes_no_relation_drafts(pipeline, monkeypatch):
    from tidings.events import stage
    from tidings.events.relations import RELATION
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(relation_below=1.01))
    article = pipeline.article("Officials said the United States returned the sculpture to Algeria.")
    article.doc = pipeline.nlp(article.text)  # the pipeline lets go of the parse once stored
    dropped: list = []
    kept = stage.drafts(article, pipeline.options, dropped)
    assert [d.token.text for d, _ in dropped] or kept, "the stage saw candidates here (else the test proves nothing)"
    assert RELATION not in {d.type for d in kept} | {d.type for d, _ in dropped}
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(relation_below=0.0))
    dropped = []
    kept = stage.drafts(article, pipeline.options, dropped)
    assert "returned" in {d.token.text for d in kept} | {d.token.text for d, _ in dropped}


@pytest.mark.parametrize("text, verb", [
    ("In an executive order, Obama established a White House council.", "established"),  # a word of the object
    ("The State Department felt the need to obtain documents from Germany.", "felt"),  # another verb's party
    ("Donald Trump beat Hillary Clinton in Ohio.", "beat"),  # a contest: data/relations.tsv
])
def test_a_relation_needs_a_known_target_heading_its_object_and_a_verb_of_acting(pipeline, monkeypatch, text, verb):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(relation_below=0.0))
    assert not [e for e in pipeline.article(text).events if e.trigger == verb]


def test_a_relation_governing_a_trigger_leaves_the_event_to_it(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(relation_below=0.0))
    events = pipeline.article("Israel's air force launched an attack on Hamas in Gaza on Friday.").events
    assert [e.type for e in events if e.trigger == "attack"] == ["ASSAULT"]
    assert not [e for e in events if e.trigger == "launched"]


def test_a_verb_naming_what_someone_says_is_no_statement(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=0.0))
    events = pipeline.article("What Trump said about Mexico was a lie.").events
    assert not [e for e in events if e.trigger == "said"]
    events = pipeline.article("Trump says Clinton is a liar.").events
    assert [e for e in events if e.trigger == "says"], "a statement with content is still read"


def test_a_statement_about_nobody_is_dropped_unread(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=0.0))
    reads = []
    classifier = learned.load_classifier()
    monkeypatch.setattr(classifier, "predict", lambda texts: reads.extend(texts) or [])
    events = pipeline.article("“I think that's probably right,” Senator Lindsey Graham said.").events
    assert not [e for e in events if e.trigger == "said"] and not [t for t in reads if "<e>said</e>" in t]


def test_a_dash_the_tagger_took_for_a_verb_is_no_candidate(pipeline, monkeypatch):
    monkeypatch.setattr(learned, "default_policy", lambda: learned.Policy(statement_below=0.0, relation_below=0.0))
    text = ("Black Lawmakers Rip Donald Trump As A ‘Disgusting Fraud.’\n\nWASHINGTON ― Donald Trump’s yearslong "
            "obsession with President Barack Obama’s birth is an insult to African-Americans, top black lawmakers said.")
    assert not [e for e in pipeline.article(text).events if e.trigger == "―"]


def test_an_unsaid_statement_is_no_event(pipeline):
    article = pipeline.article("In his remarks today, President Obama disgracefully refused to even say the words Radical Islam.")
    assert not [e for e in article.events if e.trigger == "say"]
    assert [e.type for e in article.events if e.trigger == "refused"] == ["REJECT"]


def test_the_deed_someone_is_accused_of_keeps_its_own_type(pipeline):
    article = pipeline.article("Washington has accused Beijing of supplying Moscow with drone parts.")
    (supplying,) = [e for e in article.events if e.trigger == "supplying"]
    assert supplying.type != "ACCUSE" and [s["country"] for s in supplying.sources] == ["CHN"]
    assert [e.type for e in article.events if e.trigger == "accused"] == ["ACCUSE"]


def test_a_lexicon_row_departing_from_its_verb_keeps_its_type(pipeline):
    # "withdraw" is RETREAT; "withdraw peacekeepers" is SANCTION (CAMEO 1661), which the
    # classifier, trained mostly on withdrawn troops, would re-type as RETREAT
    article = pipeline.article("The UN withdrew peacekeepers from Sinai in 1967.")
    assert [(e.trigger, e.type) for e in article.events] == [("withdrew", "SANCTION")]


def test_only_rows_that_change_their_verbs_type_depart():
    from tidings.events.lexicon import load_lexicon

    rows = {(" ".join(t.words), t.type, t.objects): t.departs for ts in load_lexicon(()).by_head.values() for t in ts}
    assert rows[("withdraw", "SANCTION", frozenset({"peacekeeper", "observer", "monitor", "inspector", "mission"}))]
    assert not any(departs for (words, type_, objects), departs in rows.items() if not objects)
    assert not rows[("provide", "AID", frozenset({"aid", "assistance", "help", "relief"}))]


def test_a_diplomatic_act_keeps_the_lexicons_type(pipeline):
    # the classifier reads these as SUPPORT and PROTEST; CAMEO codes them 161 and 114
    article = pipeline.article("Serbia recalled its ambassador from Montenegro. Japan lodged a protest with China.")
    assert {(e.trigger, e.type, e.cameo) for e in article.events} >= {("recalled", "SANCTION", "161"),
                                                                     ("lodged", "ACCUSE", "114")}


def test_rows_named_by_their_objects_code_what_the_codebook_says(pipeline):
    # expelling foreign troops reduces relations (CAMEO 166), as expelling diplomats does; a vow of
    # countermeasures threatens them (1312); a court approving an extradition cooperates (063); a
    # state ordering peacekeepers out expels them (1661)
    text = ("Mali's junta expelled French troops in 2022. China vows countermeasures after Japan widens export "
            "curbs. A London court approved the extradition of an Indian businessman. Mali's junta ordered the "
            "UN peacekeeping mission to leave.")
    coded = {(e.trigger, e.type, e.cameo) for e in pipeline.article(text).events}
    assert coded >= {("expelled", "SANCTION", "166"), ("vows", "THREATEN", "1312"), ("approved", "COOPERATE", "063"),
                     ("ordered", "SANCTION", "1661")}


def test_striking_or_hitting_armed_men_is_an_attack(pipeline):
    text = ("The Pentagon said U.S. forces had struck an Iranian-backed militia in Syria. "
            "Israeli aircraft struck Hezbollah fighters in southern Lebanon.")
    assert [e.type for e in pipeline.article(text).events if e.trigger == "struck"] == ["ASSAULT", "ASSAULT"]


def test_a_visit_stays_a_visit_whatever_its_object_suffered(pipeline):
    text = ("Borno Governor Babagana Kachalla-Mustapha, visiting wounded soldiers at a hospital in Maiduguri, "
            "urged the federal government to send more troops to the region.")
    visit = next(e for e in pipeline.article(text).events if e.trigger == "visiting")
    assert visit.type == "CONSULT"


def test_forces_retaliating_or_retaking_a_base_attack(pipeline):
    text = ("It said Pakistani forces had retaliated in a befitting manner. Army spokesman Olusegun Adebayo-Kalu "
            "said troops had retaken the base by Friday afternoon.")
    types = {e.trigger: e.type for e in pipeline.article(text).events}
    assert types.get("retaliated") == "ASSAULT" and types.get("retaken") == "ASSAULT"


def test_a_labour_strike_called_stays_a_strike(pipeline):
    events = pipeline.article("The Nigeria Labour Congress called the strike after talks broke down.").events
    called = next(e for e in events if e.trigger == "called")
    assert called.type == "PROTEST" and [s["name"] for s in called.sources] == ["Nigeria Labour Congress"]


def test_a_release_stays_retreat_as_the_plover_manual_codes_it(pipeline):
    # the classifier, trained mostly on PLV's merged YIELD, reads releases as CONCEDE
    freed = next(e for e in pipeline.article("Iran freed two French nationals on Wednesday.").events
                 if e.trigger == "freed")
    assert (freed.type, freed.cameo) == ("RETREAT", "0841")


def test_a_promise_or_threat_is_of_the_speakers_own_deeds(pipeline):
    # the classifier reads this as the speaker's AGREE; what is said is another's (North Korea's) deed
    text = ("John Park, a former adviser at the Pentagon, spoke on Monday. He suggests that North Korea might be "
            "more comfortable negotiating with Trump because it believes it can handle him.")
    assert not [e for e in pipeline.article(text).events if e.trigger == "suggests"]


def test_where_a_statement_was_made_is_not_its_target(pipeline):
    text = 'Japanese Prime Minister Shigeru Ishiba said in Tokyo that the launch was "absolutely unacceptable."'
    said = [e for e in pipeline.article(text).events if e.trigger == "said"]
    assert all(t["name"] != "Japan" for e in said for t in e.targets)


def test_a_statement_naming_someone_asks_nothing_of_them(pipeline, rules_only):
    text = ("Last month, FBI Director James Comey called Clinton's use of private email servers \"extremely careless,\" "
            "but said she should face no criminal charges.")
    marked = learned.marked_text(next(d for d in _drafts(pipeline, text) if d.token.text == "called"))
    assert learned.load_classifier().predict([marked])[0].best_type == "REQUEST", \
        "the classifier reads a request here (else the test proves nothing)"
    assert ("called", "REQUEST") not in _types(pipeline.article(text))
    # "on 9/11", which the tagger does not take for a date, makes no "call on"
    text = "Party Chairman Reince Priebus called Clinton's remarks on 9/11 a \"new low.\""
    assert ("called", "REQUEST") not in _types(rules_only.article(text)) + _types(pipeline.article(text))


def _drafts(pipeline, text):
    """The drafts the classifier reads, as the stage gives them to it."""
    from tidings.events import stage

    seen = []
    original = stage.classify

    def spy(drafts, policy=None):
        seen.extend(drafts)
        return original(drafts, policy)

    stage.classify = spy
    try:
        pipeline.article(text)
    finally:
        stage.classify = original
    return seen


def test_the_firm_an_investigation_is_into_is_marked_for_the_classifier(pipeline):
    events = pipeline.article("EU opens formal antitrust probe into Veltrana's cloud licensing").events
    probe = [e for e in events if e.trigger == "probe"]
    assert [e.type for e in probe] == ["ACCUSE"] and probe[0].targets == []  # the event keeps no target
    # the subject of the clause investigated
    article = pipeline.article("Federal prosecutors in Sao Paulo are separately investigating whether "
                               "PagaMais misled customers.")
    assert [e.type for e in article.events if e.trigger == "investigating"] == ["ACCUSE"]
    # a firm that is the object: marked for the classifier, which then keeps the ban
    events = pipeline.article("Regulators banned Lumora from selling the app in Brazil.").events
    assert [(e.trigger, e.targets) for e in events if e.trigger == "banned"] == [("banned", [])]
    # a firm named by its kind ("the hedge fund"): a regulator acting on a firm is an event (RUBRIC.md)
    events = pipeline.article("The Securities and Exchange Commission charged the hedge fund with fraud.").events
    assert [(e.trigger, e.type, e.targets) for e in events] == [("charged", "ACCUSE", [])]


def test_a_stand_on_an_elections_result_is_never_dropped_as_no_event(pipeline):
    marked = "<s>The opposition</s> <e>rejected</e> the election results."
    assert learned.load_classifier().predict([marked])[0].p_event < learned.default_policy().drop_below, \
        "the classifier doubts it (else the test proves nothing)"
    events = pipeline.article("The opposition rejected the election results.").events
    assert [(e.trigger, e.type, e.modality) for e in events] == [("rejected", "REJECT", "asserted")]


def test_talks_between_two_named_leaders_mark_the_other_as_the_target(pipeline):
    # both are sources and targets of the talks; marking the first source as the target too left the
    # classifier a sentence with no target (0.08 an event)
    events = pipeline.article("Blinken held talks with Wang Yi in Beijing on Sunday.").events
    assert [e.type for e in events] == ["CONSULT"]
    assert {a["country"] for a in events[0].sources} == {"USA", "CHN"}


def test_people_named_by_role_as_the_object_are_marked_for_the_classifier(pipeline):
    # "the army" of no state the text names is no actor; unmarked, the classifier read the blame as
    # no event (0.28), marked as its target it reads an accusation
    text = "The RSF denied targeting civilians and blamed the army for the deaths."
    blamed = next(d for d in _drafts(pipeline, text) if d.token.text == "blamed")
    assert "<t>the army</t>" in learned.marked_text(blamed)
    events = pipeline.article(text).events
    assert [(e.trigger, e.type, e.targets) for e in events if e.trigger == "blamed"] == [("blamed", "ACCUSE", [])]
    # a thing as the object is not marked
    rejected = next(d for d in _drafts(pipeline, "Russia rejected the proposal on Monday.")
                    if d.token.text == "rejected")
    assert "<t>" not in learned.marked_text(rejected)


@pytest.mark.parametrize("text, type_", [
    ("Sen. Marco Rubio called the statement “offensive and outlandish.”", "ACCUSE"),
    ("Hillary Clinton called the agreement “an historic step forward” for the planet.", "SUPPORT"),
])
def test_a_statement_judging_someones_words_or_deeds_is_read_though_it_names_no_one(pipeline, text, type_):
    assert [(e.trigger, e.type) for e in pipeline.article(text).events if e.trigger == "called"] == [("called", type_)]


def test_a_statement_judging_a_state_of_affairs_is_no_act(pipeline):
    assert not [e for e in pipeline.article("The minister called the situation dire.").events if e.trigger == "called"]


def test_a_deed_someone_claims_responsibility_for_is_not_dropped_by_the_classifier(pipeline):
    # no actor is its target, and the classifier reads it as 0.45 an event
    events = pipeline.article("The Houthis claimed responsibility for an attack on a commercial ship in the Red Sea.").events
    assert [(e.type, [s["name"] for s in e.sources]) for e in events if e.trigger == "attack"] == [("ASSAULT", ["Houthis"])]
