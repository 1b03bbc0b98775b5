"""Modality cues scoped over the dependency tree, with the real spaCy model."""

import pytest

from tidings.events.modality import classify
from tidings.nlp.model import load_nlp


def modality(sentence: str, word: str) -> str:
    doc = load_nlp()(sentence)
    token = next(t for t in doc if t.text == word)
    return classify(token)[0]


@pytest.mark.parametrize("sentence, word, expected", [
    ("The Kremlin said it remained open to negotiations.", "negotiations", "hypothetical"),
    ("Russia said it was ready for talks with Ukraine.", "talks", "hypothetical"),
    ("North Korea might also conduct a nuclear test.", "test", "hypothetical"),
    ("North Korea conducted a nuclear test on Monday.", "test", "asserted"),
    ("North Korea has not reacted to Trump's re-election.", "reacted", "negated"),
    ("Pyongyang is expected to launch another missile.", "launch", "hypothetical"),
    ("Seoul refused to attend the talks.", "attend", "negated"),
    # a past participle with no auxiliary joined to an infinitive is the main verb's conjunct
    ("The Taliban government vowed to retaliate and summoned Pakistan's charge d'affaires in Kabul.", "summoned",
     "asserted"),
    # opposing a deed, like refusing it, says it is not done
    ("Hungary's Prime Minister Viktor Orban has opposed sending weapons to Ukraine.", "sending", "negated"),
    ("If talks fail, the army will attack the town.", "attack", "hypothetical"),
    # a headline's "X to do", parsed under a second clause
    ("Japan to send warship through Taiwan Strait; China protests", "send", "hypothetical"),
    # "any" attack is none in particular; a noun it determines does not pass it to the clause below
    ("Their decision is to turn any Trump attacks on the foundation into a counterattack.", "attacks", "hypothetical"),
    ("The hearing failed to produce any evidence that she played a role in denying the requests.", "denying",
     "negated"),
    # what a verb of answering answers has happened, whatever is planned
    ("Clinton's aides planned to respond to Trump's attacks on her record.", "attacks", "asserted"),
    ("Iran vowed to retaliate for Israel's bombing of its consulate.", "bombing", "asserted"),
    ("Iran plans to launch its attack on Israel next week.", "attack", "hypothetical"),
    # "ruled out" governs what it rules out, as "refused" does
    ("German Chancellor Friedrich Merz said Berlin would send two more Patriot systems but ruled out supplying "
     "Taurus cruise missiles for now.", "supplying", "negated"),
    # a condition is supposed, not denied, even where it is put in the negative
    ("Unions threatened to strike if the government does not withdraw the tax.", "withdraw", "hypothetical"),
    # a main verb the parser hung on its subject is no complement of the verb after it
    ("The Samyukt Kisan Morcha, an umbrella group of more than 40 farm unions, called for a nationwide strike on "
     "Monday and warned that farmers could block highways into the capital.", "called", "asserted"),
    ("Kim may see it as an opportunity to restart negotiations.", "restart", "hypothetical"),
    # what is granted is allowed, not done, where the parser hangs the preposition on the verb
    ("The group has given its religious blessing to the killing of children.", "killing", "hypothetical"),
    ("Congress gave permission for the invasion of Iraq.", "invasion", "hypothetical"),
    ("The army attacked the town, officials said.", "attacked", "asserted"),
    ("Trump will once again threaten to withdraw American troops.", "withdraw", "hypothetical"),
    ("The planned summit was called off.", "summit", "hypothetical"),
    ("Rumors that China arrested the journalist spread online.", "arrested", "hypothetical"),
    ("Cruz played down the idea that he had struck a deal with Kasich.", "struck", "hypothetical"),
    ("The ministry said no talks had been held with the rebels.", "held", "negated"),
    ("North Korea fired no missiles this year.", "fired", "negated"),
    ("Analysts expect talks between the two Koreas.", "talks", "hypothetical"),
    ("Officials fear an attack on the embassy.", "attack", "hypothetical"),
    # the small model lemmatizes these inflected cues wrongly ("hopes" -> "hop", "poised" -> "poise")
    ("Germany hopes to sign a trade deal with India.", "sign", "hypothetical"),
    ("The EU is poised to lift sanctions on Belarus.", "lift", "hypothetical"),
    # a noun of prospect, fear or threat holds what its "of" phrase names
    ("Fears of an invasion grew in Kyiv.", "invasion", "hypothetical"),
    ("The threat of sanctions hangs over Moscow.", "sanctions", "hypothetical"),
    ("Washington is on the verge of imposing sanctions on Caracas.", "imposing", "hypothetical"),
    ("A set of new sanctions was imposed on Iran.", "sanctions", "asserted"),
    ("The leaders discussed the results of the talks.", "talks", "asserted"),
    # what a phrasal request asks for has not happened; a tensed verb beside a modal's is asserted
    ("The opposition called on Georgians to join a general strike on Monday.", "strike", "hypothetical"),
    ("Opposition parties said they would hold another rally and called on Georgians to join a strike.", "called",
     "asserted"),
    ("North Korea might conduct a nuclear test and launch missiles.", "launch", "hypothetical"),
    ("The ministry said the measures were needed to protect security and accused the US of lying.", "accused",
     "asserted"),
    # a cue governs a gerund through its preposition: refrained from doing is not doing; insisting on it asks
    ("The EU refrained from imposing new sanctions on Iran.", "imposing", "negated"),
    ("She has refrained from endorsing Clinton or Sanders.", "endorsing", "negated"),
    ("The US held off on imposing tariffs on Mexico.", "imposing", "negated"),
    ("Russia was barred from attending the summit.", "attending", "negated"),
    ("Iran insisted on holding talks in Oman.", "holding", "hypothetical"),
    ("The army was accused of shelling the town.", "shelling", "asserted"),
    ("Russia withdrew its troops after attacking the city.", "attacking", "asserted"),
    # a negative pronoun as the act's object or subject denies it, as "no" before a noun does
    ("The Sanders campaign has endorsed none of this.", "endorsed", "negated"),
    ("Nobody was arrested.", "arrested", "negated"),
    ("None of the candidates endorsed Trump.", "endorsed", "negated"),
    ("The rebels denied responsibility for the attack.", "attack", "negated"),
    ("The rebels claimed responsibility for the attack.", "attack", "asserted"),
])
def test_modality_follows_the_cue_that_governs_the_trigger(sentence, word, expected):
    assert modality(sentence, word) == expected


def test_a_cue_in_another_clause_does_not_count():
    assert modality("Analysts who might be wrong say the army attacked the town.", "attacked") == "asserted"


def test_a_postponed_or_cancelled_nominal_event_is_negated(pipeline):
    events = pipeline.article("The talks between Iran and the United States were postponed.").events
    talks = next(e for e in events if e.trigger == "talks")
    assert talks.modality == "negated"


def test_negation_does_not_reach_into_a_subordinate_clause(pipeline):
    events = pipeline.article("Japan did not comment when North Korea fired missiles at South Korea.").events
    fired = next(e for e in events if e.trigger == "fired")
    assert fired.modality == "asserted"


def _modality(pipeline, text, word):
    from tidings.events.modality import classify
    doc = pipeline.nlp(text)
    return classify(next(t for t in doc if t.text == word))[0]


def test_negation_stays_in_its_own_conjunct(pipeline):
    text = "The glitch was not reported at first and only became public this weekend."
    assert _modality(pipeline, text, "reported") == "negated"
    assert _modality(pipeline, text, "became") == "asserted"


def test_negation_distributes_over_or(pipeline):
    assert _modality(pipeline, "North Korea did not test or launch any missile.", "launch") == "negated"


def test_what_a_preposition_adds_to_a_denied_act_is_not_denied(pipeline):
    assert _modality(pipeline, "Papermaster did not comment on the situation.", "situation") == "asserted"
    assert _modality(pipeline, "The test flight was delayed after an accident.", "accident") == "asserted"
    assert _modality(pipeline, "The test flight was delayed after an accident.", "flight") == "negated"


@pytest.mark.parametrize("text, word", [
    ("Israel denied allegations that it had bombed the hospital.", "bombed"),
    ("Moscow rejected claims that its troops had shelled the town.", "shelled"),
    ("Moscow dismissed reports that it had deployed nuclear weapons to Belarus.", "deployed"),
])
def test_what_a_denied_claim_says_is_denied(pipeline, text, word):
    assert _modality(pipeline, text, word) == "negated"


def test_a_deed_a_denied_accusation_tells_is_denied_not_refused(pipeline):
    # "rejected" is a cue of refusal ("rejected calls to resign"); a denied claim denies a deed done
    events = pipeline.article("Saudi Arabia has rejected accusations that it funded the militants.").events
    assert [(e.type, e.modality) for e in events if e.trigger == "funded"] == [("AID", "negated")]


def test_what_a_claim_says_is_reported_unless_denied(pipeline):
    text = "Israel confirmed reports that it had bombed the hospital."
    assert _modality(pipeline, text, "bombed") == "asserted"


def test_a_consequence_clause_is_not_cancelled_with_its_cause(pipeline):
    text = "The departure of the airliner has been delayed, leading to a rearrangement of its appearances."
    assert _modality(pipeline, text, "leading") == "asserted"


@pytest.mark.parametrize("text, word", [
    ("North Korea to send troops to Russia", "send"),
    ("Boeing is to be allowed to bid for launch contracts again.", "allowed"),
])
def test_a_headline_infinitive_and_is_to_are_future(pipeline, text, word):
    assert _modality(pipeline, text, word) == "hypothetical"


@pytest.mark.parametrize("text, word, expected", [
    ("When I visit other countries, it is not my job to comment on candidates.", "visit", "hypothetical"),
    ("Once he signs the deal, the sanctions will end.", "signs", "hypothetical"),
    ("When Trump visited Seoul, he met Moon Jae-in.", "visited", "asserted"),
])
def test_a_time_clause_in_the_present_is_not_yet_real(text, word, expected):
    assert modality(text, word) == expected


@pytest.mark.parametrize("text, word, expected", [
    ("This is why ISIS has to be destroyed.", "destroyed", "hypothetical"),
    ("Russia has to withdraw its troops, the minister said.", "withdraw", "hypothetical"),
    ("The minister had to withdraw the bill after the protests.", "withdraw", "asserted"),
])
def test_an_obligation_in_the_present_is_not_yet_met(text, word, expected):
    assert modality(text, word) == expected


@pytest.mark.parametrize("text, word", [
    ("Steyer announced plans this week to give an additional $15 million to the group.", "give"),
    ("They want the law changed to make it more difficult for families to sue.", "sue"),
    ("The senators think it should be changed for the U.S. itself to be sued.", "sued"),
])
def test_an_infinitive_of_purpose_or_condition_is_not_yet_real(text, word):
    assert modality(text, word) == "hypothetical"


def test_a_nominal_event_expected_to_come_is_not_yet_real():
    assert modality("Obama's veto is expected to come before the deadline at midnight Friday.", "veto") == "hypothetical"
    assert modality("Obama's veto came before the deadline at midnight Friday.", "veto") == "asserted"


def test_a_non_prefix_negates_the_event_noun():
    assert modality("Sen. Ted Cruz's non-endorsement of Donald Trump surprised no one.", "endorsement") == "negated"
    assert modality("The two states signed a non-aggression pact.", "aggression") == "negated"


@pytest.mark.parametrize("sentence, word", [
    ("Iran agreed to the release of the British sailors.", "release"),
    ("Moscow promised the withdrawal of its troops by May.", "withdrawal"),
    ("The cabinet approved the deployment of 500 troops to the border.", "deployment"),
    ("Russia threatened retaliation against the United States.", "retaliation"),
    ("The European Union is considering new sanctions against Belarus.", "sanctions"),
])
def test_what_is_agreed_promised_or_approved_has_not_happened(sentence, word):
    assert modality(sentence, word) == "hypothetical"


@pytest.mark.parametrize("sentence, word, expected", [
    ("The Kremlin said it had no plans to attack NATO countries.", "attack", "negated"),
    ("Russia does not plan to attack NATO.", "attack", "negated"),
    ("Russia plans to attack NATO.", "attack", "hypothetical"),
    ("Russia is not expected to attack NATO.", "attack", "hypothetical"),
])
def test_a_denied_intention_denies_the_act_and_a_denied_forecast_stays_a_forecast(sentence, word, expected):
    assert modality(sentence, word) == expected


def test_a_clause_in_the_past_tense_is_no_modals():
    sentence = ("Iran said on Thursday it would install more advanced centrifuges at its Fordow and Natanz sites "
                "after the board of the International Atomic Energy Agency passed a resolution censuring Tehran.")
    assert modality(sentence, "install") == "hypothetical"
    assert modality(sentence, "censuring") == "asserted"


def test_a_second_participle_shares_the_modal_perfect(pipeline):
    # "killed" is tagged as a past tense, but joined to "would have gotten" it did not happen
    assert modality("We would have gotten a laser on them and killed them.", "killed") == "hypothetical"
    assert modality("Russia would have invaded Ukraine and occupied the country.", "occupied") == "hypothetical"
    # what did not happen is nobody's threat
    events = pipeline.article("Russia would have invaded Ukraine and occupied the country.").events
    assert [(e.type, e.modality) for e in events if e.trigger == "occupied"] == [("ASSAULT", "hypothetical")]
    # the speaker's next act, which the parser joined to the clause said, happened
    assert modality("Police said they would have preferred a peaceful end and arrested 20 protesters.",
                    "arrested") == "asserted"


def test_talks_offered_through_an_infinitive_tagged_as_a_noun_are_not_held(pipeline):
    # "host" is tagged NN: the talks are offered, not held
    article = pipeline.article("The African Union called on both countries to exercise restraint and offered to host talks.")
    assert not [e for e in article.events if e.type == "CONSULT" and e.modality == "asserted"]


@pytest.mark.parametrize("sentence, word, expected", [
    ("The minister attacked the rebels rather than meet the president.", "meet", "negated"),
    ("The minister attacked the rebels rather than meet the president.", "attacked", "asserted"),
    ("Rather than negotiate with the rebels, the army attacked them.", "negotiate", "negated"),
    ("Instead of meeting the president, the minister flew home.", "meeting", "negated"),
    ("The army chose to attack rather than to negotiate.", "negotiate", "negated"),
    ("The court would send the decision back to the minister rather than approve the project outright.",
     "approve", "negated"),
    # the pair must stand right before the trigger's phrase
    ("Rather than wait, the army attacked the town.", "attacked", "asserted"),
    ("Washington stopped short of imposing sanctions on Ankara.", "imposing", "negated"),
    ("The two governments came close to signing a trade deal last year.", "signing", "negated"),
])
def test_the_course_not_taken_or_not_quite_taken_is_negated(sentence, word, expected):
    assert modality(sentence, word) == expected


@pytest.mark.parametrize("sentence, word", [
    ("The Chinese government prohibits hacking in any form.", "hacking"),
    ("The law forbids sending troops abroad.", "sending"),
])
def test_what_is_prohibited_is_not_done(sentence, word):
    assert modality(sentence, word) == "negated"


@pytest.mark.parametrize("sentence, word, expected", [
    ("Did Russia attack the convoy?", "attack", "hypothetical"),
    ("Has Iran agreed to talks with the United States?", "agreed", "hypothetical"),
    # a question that takes the deed as given asks about it, not whether it happened
    ("Why did Russia attack the convoy?", "attack", "asserted"),
])
def test_a_yes_no_question_asks_whether_the_event_happened(sentence, word, expected):
    assert modality(sentence, word) == expected


def test_neither_of_two_subjects_did_it():
    assert modality("Neither Russia nor Ukraine has signed the treaty.", "signed") == "negated"


@pytest.mark.parametrize("sentence, word, expected", [
    ("Russia falsely claimed that Ukraine attacked first.", "attacked", "negated"),
    ("Russia claimed that Ukraine attacked first.", "attacked", "asserted"),
    # a denied report of a plan denies the plan, before its own "would" makes it one
    ("The Kremlin dismissed reports that Putin would meet Zelenskiy.", "meet", "negated"),
])
def test_what_the_article_calls_false_or_a_speaker_denies_did_not_happen(sentence, word, expected):
    assert modality(sentence, word) == expected


def test_not_considering_a_deed_denies_the_intention():
    assert modality("Biden said he was not considering sending troops to Ukraine.", "sending") == "negated"
    assert modality("Germany is considering sending tanks to Ukraine.", "sending") == "hypothetical"


def test_what_is_about_to_happen_has_not_happened_but_what_one_complains_about_has():
    assert modality("Officials believe Iran is about to launch a retaliatory strike on Israel.", "launch") == "hypothetical"
    assert modality("Protesters complained about being attacked by police.", "attacked") == "asserted"


def test_no_longer_denies_what_follows():
    # the parser hangs "no" on "longer", not on the verb
    assert modality("Russia no longer supports the deal.", "supports") == "negated"
    assert modality("Russia still supports the deal.", "supports") == "asserted"


@pytest.mark.parametrize("sentence, word", [
    ("Putin warned the West against arming Ukraine.", "arming"),
    ("China cautioned Washington against selling arms to Taiwan.", "selling"),
    ("Israel warned Hezbollah about attacking its northern towns.", "attacking"),
])
def test_a_deed_warned_against_has_not_happened(sentence, word):
    assert modality(sentence, word) == "hypothetical"


def test_a_denied_idea_is_a_denied_claim():
    # a claim played down is only uncertain (the test above); one denied did not happen
    assert modality("The Kremlin denied the idea that Putin had met Zelenskiy.", "met") == "negated"


@pytest.mark.parametrize("sentence, word", [
    ("Japan and the Philippines signed a defence pact allowing troops to deploy on each other's territory.", "deploy"),
    ("The court allowed police to arrest the opposition leader.", "arrest"),
])
def test_what_is_allowed_has_not_happened(sentence, word):
    assert modality(sentence, word) == "hypothetical"


@pytest.mark.parametrize("sentence, word, expected", [
    # what an event did not do is no denial that it happened
    ("A congressional investigation found no wrongdoing by Clinton.", "investigation", "asserted"),
    ("The strike caused no casualties.", "strike", "asserted"),
    ("Russia denied that its attack killed civilians.", "attack", "asserted"),
    # a verb of happening still denies it
    ("The talks did not take place.", "talks", "negated"),
    ("The summit did not go ahead.", "summit", "negated"),
    ("Russia denied that the attack took place.", "attack", "negated"),
])
def test_an_event_as_subject_is_denied_only_by_a_verb_of_happening(sentence, word, expected):
    assert modality(sentence, word) == expected
