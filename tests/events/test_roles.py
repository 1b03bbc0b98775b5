"""Who did what to whom: sources and targets read off the dependency parse."""


def first(pipeline, text, type_):
    return next(e for e in pipeline.article(text).events if e.type == type_)


def countries(actors):
    return {a["country"] for a in actors}


def test_the_subject_of_a_demanded_clause_is_the_target(pipeline):
    event = first(pipeline, "China demanded that the United States cancel the arms sale to Taiwan.", "REQUEST")
    assert countries(event.sources) == {"CHN"} and countries(event.targets) == {"USA"}


def test_a_possessive_and_an_of_phrase_give_source_and_target_of_a_nominal_event(pipeline):
    event = first(pipeline, "Russia's invasion of Ukraine began in 2022.", "ASSAULT")
    assert countries(event.sources) == {"RUS"} and countries(event.targets) == {"UKR"}


def test_a_group_noun_takes_the_actor_of_its_members(pipeline):
    event = first(pipeline, "Thousands of Iraqi Kurds demonstrated in Kirkuk on Sunday.", "PROTEST")
    assert countries(event.sources) == {"IRQ"}


def test_a_participle_shares_the_target_of_its_clause(pipeline):
    text = "He also formed a new alliance with Russia, sending both weapons and troops to help in the war against Ukraine."
    event = first(pipeline, "North Korea tested a missile. " + text, "AID")
    assert countries(event.targets) == {"RUS"}


def test_a_stative_passive_keeps_its_subject_as_source(pipeline):
    event = first(pipeline, "Israel is opposed to French mediation in the talks with Syria.", "REJECT")
    assert countries(event.sources) == {"ISR"}
