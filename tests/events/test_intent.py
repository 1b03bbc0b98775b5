"""Stated intentions are coded as the single PLOVER category the manual asks for; forecasts are not."""

import pytest


def only(rules_pipeline, text, type_):
    found = [e for e in rules_pipeline.article(text).events if e.type == type_]
    assert len(found) == 1, [(e.trigger, e.type, e.modality) for e in rules_pipeline.article(text).events]
    return found[0]


def countries(actors):
    return {a["country"] for a in actors}


def test_a_promised_cooperative_act_is_an_asserted_agree(rules_pipeline):
    event = only(rules_pipeline, "Turkey will send troops to Libya.", "AGREE")
    assert event.modality == "asserted" and event.modality_cue == "will"
    assert countries(event.sources) == {"TUR"} and countries(event.targets) == {"LBY"}


def test_a_hostile_act_the_actor_says_it_would_do_is_a_threat(rules_pipeline):
    event = only(rules_pipeline, "Serbia said it would blockade Montenegro.", "THREATEN")
    assert event.modality == "asserted" and event.mode == "restrict"
    assert countries(event.sources) == {"SRB"} and countries(event.targets) == {"MNE"}


def test_a_deed_a_measure_would_allow_is_no_ones_threat(rules_pipeline):
    text = "A federal judge blocked a Texas law that would allow state police to arrest migrants."
    (arrest,) = [e for e in rules_pipeline.article(text).events if e.trigger == "arrest"]
    assert (arrest.type, arrest.modality) == ("COERCE", "hypothetical")


@pytest.mark.parametrize("text", ["Iran will not sign the agreement with France.",
                                  "North Korea said it would not meet South Korean officials.",
                                  # a readiness denied through its copula: no promise
                                  "Ryan said he was not ready to endorse Trump.",
                                  "Iran is not willing to sign the agreement with France."])
def test_a_commitment_not_to_act_is_a_rejection(rules_pipeline, text):
    event = only(rules_pipeline, text, "REJECT")
    assert event.modality == "asserted"


def test_what_a_speaker_says_another_actor_must_do_is_the_speakers_request(rules_pipeline):
    event = only(rules_pipeline, "Britain said Russia must return the helicopter.", "REQUEST")
    assert countries(event.sources) == {"GBR"} and countries(event.targets) == {"RUS"}


@pytest.mark.parametrize("text", ["Analysts say North Korea will test a missile next month.",
                                  "According to analysts, Iran will attack Israel."])
def test_a_forecast_by_observers_stays_a_hypothetical_event_of_its_own_type(rules_pipeline, text):
    events = rules_pipeline.article(text).events
    assert events and all(e.modality == "hypothetical" and e.type not in ("AGREE", "THREATEN") for e in events)


@pytest.mark.parametrize("text", [
    "Some fear that Trump will once again threaten to withdraw American troops from South Korea.",
    # officials of the state the group is in only guess at its intention: no threat by Hezbollah
    "Lebanese officials fear that Hezbollah will retaliate.",
])
def test_an_intention_someone_else_fears_stays_hypothetical(rules_pipeline, text):
    events = rules_pipeline.article(text).events
    assert events and all(e.modality == "hypothetical" for e in events), [(e.trigger, e.type, e.modality) for e in events]
    assert not any(e.type == "AGREE" for e in events)


def test_a_threatened_withdrawal_is_a_threat_not_a_promise(rules_pipeline):
    events = rules_pipeline.article("Trump threatened to withdraw American troops from South Korea.").events
    assert [e.type for e in events] == ["THREATEN"], [(e.trigger, e.type) for e in events]
    assert countries(events[0].sources) == {"USA"} and countries(events[0].targets) == {"KOR"}


def test_a_headline_plan_is_the_actors_stated_intention(rules_pipeline):
    event = only(rules_pipeline, "North Korea to send troops to Russia", "AGREE")
    assert event.modality == "asserted" and event.modality_cue == "to"
    assert countries(event.sources) == {"PRK"} and countries(event.targets) == {"RUS"}


def test_what_a_noun_of_possibility_holds_is_no_ones_intention(rules_pipeline):
    # "will attack" under "the possibility that" is a supposition: a hypothetical attack, no threat
    events = rules_pipeline.article("The possibility that Iran will attack Israel worries officials.").events
    attack = next(e for e in events if e.trigger == "attack")
    assert (attack.type, attack.modality) == ("ASSAULT", "hypothetical")


@pytest.mark.parametrize("text, trigger", [
    ("Holmes said that North Korea would probably agree to talks with Washington.", "agree"),
    ("Officials said North Korea will likely meet US envoys next week.", "meet"),
])
def test_a_hedged_will_is_a_forecast_not_a_commitment(rules_pipeline, text, trigger):
    event = next(e for e in rules_pipeline.article(text).events if e.trigger == trigger)
    assert event.modality == "hypothetical"


def test_a_refused_meeting_is_the_speakers_refusal_of_the_other_side(pipeline):
    text = ("Iran's supreme leader Ayatollah Ali Khamenei said on Wednesday that Tehran would not hold talks with "
            "Washington under threats.")
    refusal = next(e for e in pipeline.article(text).events if e.type == "REJECT")
    assert {s["country"] for s in refusal.sources} == {"IRN"} and {t["country"] for t in refusal.targets} == {"USA"}


@pytest.mark.parametrize("text", [
    "Trump has warned that Iran could face military action if it does not agree to a deal.",
    "Russia warned that Finland could be attacked if it joined NATO.",
])
def test_a_warning_of_what_another_could_suffer_is_a_threat_to_them(pipeline, text):
    threat = next(e for e in pipeline.article(text).events if e.trigger == "warned")
    assert threat.type == "THREATEN" and threat.targets


def test_what_would_have_happened_is_nobodys_intention(rules_pipeline):
    events = rules_pipeline.article("Iran would have attacked Israel if the talks had failed.").events
    attacked = next(e for e in events if e.trigger == "attacked")
    assert (attacked.type, attacked.modality) == ("ASSAULT", "hypothetical")  # no threat made


def test_a_deed_in_a_condition_is_nobodys_intention(rules_pipeline):
    text = "If Israel were to strike Iran's facilities, the consequences would be hard to contain."
    strike = next(e for e in rules_pipeline.article(text).events if e.trigger == "strike")
    assert (strike.type, strike.modality) == ("ASSAULT", "hypothetical")  # no threat made
    # a condition opened by its auxiliary, with no "if"
    for text, trigger in (("Had the police arrested him earlier, the attack would have been prevented.", "arrested"),
                          ("Were Israel to strike Iran's nuclear sites, the region would burn.", "strike")):
        event = next(e for e in rules_pipeline.article(text).events if e.trigger == trigger)
        assert event.modality == "hypothetical" and event.type != "THREATEN", text
    # the threat of the main clause stays one
    events = rules_pipeline.article("Iran said it would retaliate if Israel attacked.").events
    assert [(e.type, e.modality) for e in events if e.trigger == "retaliate"] == [("THREATEN", "asserted")]


def test_a_proposals_terms_are_nobodys_intention(rules_pipeline):
    text = ("Under the proposal, Hamas would free 33 hostages over six weeks, while Israel would release "
            "several hundred Palestinian detainees.")
    coded = {(e.trigger, e.type, e.modality) for e in rules_pipeline.article(text).events}
    assert coded >= {("free", "RETREAT", "hypothetical"), ("release", "RETREAT", "hypothetical")}


def test_what_a_deal_or_plan_would_have_someone_do_is_nobodys_intention(rules_pipeline):
    for text, trigger in [("The deal would see Hamas release 33 hostages in exchange for Palestinian prisoners.",
                           "release"),
                          ("The plan would have Israel withdraw its troops from Gaza.", "withdraw")]:
        coded = [(e.type, e.modality) for e in rules_pipeline.article(text).events if e.trigger == trigger]
        assert coded == [("RETREAT", "hypothetical")], text
    # said by the actor itself, the same deed is its promise
    coded = [(e.type, e.modality) for e in rules_pipeline.article("Hamas said it would release 33 hostages.").events
             if e.trigger == "release"]
    assert coded == [("AGREE", "asserted")]


def test_an_offer_to_host_talks_is_the_hosts_not_a_promise_by_the_parties(rules_pipeline):
    events = rules_pipeline.article("Egypt offered to host talks between Israel and Hamas.").events
    talks = [(e.type, e.modality) for e in events if e.trigger == "talks"]
    assert talks == [("CONSULT", "hypothetical")]
    assert [(e.type, [s["name"] for s in e.sources]) for e in events if e.trigger == "offered"] == [("AGREE", ["Egypt"])]


def test_an_event_noun_that_is_its_clauses_subject_is_nobodys_intention(rules_pipeline):
    # the auxiliary says what the visit would bring, not what Trump promises
    text = "Rogers said Trump's visit to Des Moines last Friday would earn the Republican media attention."
    (visit,) = [e for e in rules_pipeline.article(text).events if e.trigger == "visit"]
    assert visit.type == "CONSULT" and visit.cameo == "042"


def test_a_denied_report_of_a_meeting_is_nobodys_refusal(rules_pipeline):
    events = rules_pipeline.article("The Kremlin dismissed reports that Putin would meet Zelenskiy.").events
    (meet,) = [e for e in events if e.trigger == "meet"]
    assert meet.type == "CONSULT" and meet.modality == "negated"
