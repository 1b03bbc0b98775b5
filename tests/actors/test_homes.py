"""Which state a group belongs to when its words do not say (actors/homes.py)."""

import pytest


def mention(pipeline, text, phrase):
    return next(m for m in pipeline.article(text).actor_mentions if m.text == phrase)


@pytest.mark.parametrize("text, phrase, country", [
    ("Tens of thousands of university students throughout Indonesia staged demonstrations.",
     "university students", "IDN"),
    ("Opposition groups in Zimbabwe are demanding new elections.", "Opposition", "ZWE"),
    ("A Christian missionary from Calgary was arrested on Monday.", "A Christian missionary", "CAN"),
    ("Prisoners rioted at a jail in East Timor's capital Dili on Monday.", "Prisoners", "TLS"),
    ("Israel freed the prisoners from jails in the occupied West Bank.", "the prisoners", "PSE"),
])
def test_a_group_takes_the_state_it_is_placed_in(pipeline, text, phrase, country):
    m = mention(pipeline, text, phrase)
    assert m.country == country and m.confidence <= 0.6


@pytest.mark.parametrize("text, phrase", [
    ("Ethnic Albanians in south Serbia are demanding a U.N. military presence.", "Albanians"),
    ("The Albanians of southern Serbia are demanding autonomy from Serbian authorities.", "Albanians"),
    ("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia.", "Albanians"),
])
def test_an_ethnic_group_placed_in_another_state_belongs_to_that_state(pipeline, text, phrase):
    assert mention(pipeline, text, phrase).country == "SRB"


def test_state_forces_keep_their_own_country_wherever_they_are(pipeline):
    m = mention(pipeline, "Switzerland expelled two Russian diplomats in Geneva.", "two Russian diplomats")
    assert m.country == "RUS"


def test_an_unplaced_local_group_takes_the_articles_dominant_country(pipeline):
    text = "Islamic fundamentalists continued their hunger strike to demand the resignation of Algerian President Ahmed Ben Bella."
    m = mention(pipeline, text, "Islamic fundamentalists")
    assert m.country == "DZA" and m.confidence == 0.5


def test_troops_named_as_an_object_get_no_guessed_country(pipeline):
    text = "North Korea has expanded its arsenal. He also formed a new alliance with Russia, sending both weapons and troops."
    assert mention(pipeline, text, "troops").country is None


def test_a_body_whose_members_act_takes_the_datelines_state(pipeline):
    text = "NIAMEY (Reuters) - Members of the presidential guard detained the president on Wednesday."
    assert mention(pipeline, text, "the presidential guard").country == "NER"
    text = "NIAMEY (Reuters) - The junta rejected a visit by envoys of the presidential guard."
    assert mention(pipeline, text, "the presidential guard").country is None  # named, not acting


def test_a_new_person_takes_a_state_from_the_story_not_from_the_dateline_alone(pipeline):
    text = ("MANILA (AP) - China's coast guard fired a water cannon at a Philippine boat, and the United States "
            "condemned it. China's foreign ministry said the boat had intruded. Mao Ning urged Manila to stop.")
    assert mention(pipeline, text, "Mao Ning").country is None  # an international story: no guess
    text = "HARARE (Reuters) - Zimbabwe's opposition said on Monday that Nelson Chamisa would stand again."
    assert mention(pipeline, text, "Nelson Chamisa").country == "ZWE"  # a story about one state


def test_a_dateline_named_nowhere_else_in_a_story_about_other_states_is_no_home(pipeline):
    text = ("BRUSSELS, Feb 23 - EU leaders agreed new sanctions on Russia after Hungary dropped its objections. "
            "Russia called them illegal and said Moscow would respond. Germany pledged more aid to Ukraine. "
            "Russian forces shelled the city of Kherson overnight, killing three civilians.")
    assert mention(pipeline, text, "three civilians").country is None  # not Belgian


def test_anti_and_pro_prefixes_give_no_country(pipeline):
    m = mention(pipeline, "A prominent anti-Syria journalist has been killed in a car bomb explosion in Beirut.",
                "A prominent anti-Syria journalist")
    assert m.country != "SYR"


@pytest.mark.parametrize("text, phrase, country", [
    ("The Sudanese government has accused Darfur rebels of violating a ceasefire.", "Darfur rebels", "SDN"),
    ("The British government outlawed the largest extremist group in Northern Ireland.", "Northern Ireland", "GBR"),
    ("Vietnamese-led forces retook a village in Western Cambodia.", "Western Cambodia", "KHM"),
])
def test_regions_and_compass_words_resolve_to_their_state(pipeline, text, phrase, country):
    assert mention(pipeline, text, phrase).country == country


def test_an_acronym_is_not_read_as_a_surname(pipeline):
    text = "Maulana Fazl-ur-Rehman was allowed to bring out the Shan-e-Mustafa (SAW) rally, Pakistani officials said."
    found = [m for m in pipeline.article(text).actor_mentions if m.text == "SAW"]
    assert all(m.country != "MMR" for m in found)


def test_unnamed_officials_of_an_international_story_stay_without_a_state(pipeline):
    text = ("The United States, South Korea and Japan are preparing new sanctions on North Korea. "
            "Diplomats said China and Russia could block any new measures, officials said.")
    found = [m for m in pipeline.article(text).actor_mentions if m.text in ("Diplomats", "officials")]
    assert found and all(m.country is None for m in found)


def test_people_who_travel_for_their_work_are_not_placed(pipeline):
    m = mention(pipeline, "NATO chief Mark Rutte told reporters in Brussels that the move was an escalation.", "reporters")
    assert m.country is None


@pytest.mark.parametrize("text, country", [
    ("Georgia braces for more protests\n\nTBILISI - Riot police used water cannon.", "GEO"),
    ("YEREVAN (Reuters) - Six soldiers were killed.", "ARM"),
    ("MANILA, Philippines -- The senate met on Monday.", "PHL"),
    ("Six soldiers were killed on Tuesday - officials said so.", None),  # no dateline
    ("UNITED NATIONS -- The council met.", None),  # no city
    ("WHITE HOUSE - Democratic lawmakers left.", "USA"),  # the seat, not Casablanca's Spanish name
    ("JERUSALEM/CAIRO, Jan 9 - Israel and Hamas met.", "ISR"),  # of two, the first
])
def test_the_dateline_names_the_articles_state(text, country):
    from tidings.actors.homes import dateline_of
    from tidings.actors.kb import load_kb

    found = dateline_of(text, load_kb(()))
    assert (found[0] if found else None) == country


def test_a_ministry_named_by_its_kind_in_a_datelined_article_is_its_states(pipeline):
    text = "MADRID (Reuters) - The Interior Ministry said police arrested two men in Valencia on Tuesday."
    assert mention(pipeline, text, "The Interior Ministry").country == "ESP"
    # without a dateline or a state named often, it stays unplaced
    text = "The Interior Ministry said police arrested two men on Tuesday."
    assert mention(pipeline, text, "The Interior Ministry").country is None


def test_the_government_of_a_datelined_article_is_its_states(pipeline):
    text = ("TBILISI - Riot police broke up a rally outside parliament on Friday. Secretary of State Antony Blinken "
            "urged the government to withdraw the bill.")
    assert mention(pipeline, text, "the government").country == "GEO"
    # without a dateline or a state named often, the government stays unplaced
    assert mention(pipeline, "Antony Blinken urged the government to withdraw the bill.", "the government").country is None
    text = "CARACAS (AP) - The opposition leader called on the armed forces to respect the will of the people."
    assert mention(pipeline, text, "the armed forces").country == "VEN"
    # machines shot down are no institution of the dateline's state
    text = ("JERUSALEM (AP) - Iran launched drones at Israel overnight, the Israeli military said. Jordan, which "
            "shot down some of the drones over its territory, summoned Iran's ambassador.")
    assert mention(pipeline, text, "the drones").country is None
    # the security forces, as the armed forces, are the state's own
    text = ("NAIROBI (Reuters) - Kenyan police fired tear gas at protesters. Amnesty International accused the "
            "security forces of using excessive force.")
    assert mention(pipeline, text, "the security forces").country == "KEN"


@pytest.mark.parametrize("text, phrase", [
    ("Several Latin American governments refused to recognise the result.", "Several Latin American governments"),
    ("European governments imposed sanctions on Iran.", "European governments"),
    ("Western diplomats in Tehran said the talks had stalled.", "Western diplomats"),
    ("Central Asian leaders sign water-sharing pact as Tashkent summit closes", "Central Asian leaders"),
    # states named by their region alone, in a story about one of them
    ("KYIV - Western countries pledged more air defence systems to Ukraine.", "Western countries"),
    ("Gulf states pledged aid to Gaza after talks in Cairo, Egypt's foreign minister said.", "Gulf states"),
    ("MOSCOW - Putin accused the West of waging a proxy war against Russia.", "the West"),
])
def test_officials_of_a_region_of_several_states_belong_to_none_of_them(pipeline, text, phrase):
    m = mention(pipeline, text, phrase)
    assert m.country is None and m.actor_id == "any-GOV"


@pytest.mark.parametrize("text, phrase", [
    ("Israeli settlers attacked a village in the West Bank.", "the West Bank"),
    ("Heavy rain fell across the West of the country.", "the West"),
])
def test_the_west_as_a_place_is_no_actor(pipeline, text, phrase):
    assert not [m for m in pipeline.article(text).actor_mentions if m.text == phrase and m.actor_id == "any-GOV"]


def test_a_name_holding_a_regions_word_is_no_region(pipeline):
    text = "Central African Republic troops attacked rebels near Bangui."
    assert mention(pipeline, text, "Central African Republic troops").country == "CAF"


def test_counted_people_are_of_the_place_their_clause_happens_in(pipeline):
    text = ("Egyptian and Qatari mediators met Hamas and Israeli envoys in Doha, and US officials flew to Cairo. "
            "Thousands of protesters marched in Tel Aviv on Saturday night.")
    found = [m for m in pipeline.article(text).actor_mentions if m.text.endswith("protesters")]
    assert found and found[0].country == "ISR"


def test_a_drone_striking_a_place_in_the_home_state_is_not_that_states(pipeline):
    text = ("KYIV - Ukraine's air force said it had shot down 40 Russian drones. Ukraine's army held its lines.\n\n"
            "A drone struck an apartment building in Kharkiv, wounding six people, the Ukrainian governor said.")
    article = pipeline.article(text)
    drone = next(m for m in article.actor_mentions if m.text == "A drone")
    assert drone.country != "UKR"


def test_who_visits_the_home_state_or_its_capital_comes_from_elsewhere(pipeline):
    assert mention(pipeline, "The minister plans to visit Beijing next week.", "The minister").country is None
    # a visit inside the state, to one of its towns, is a visit at home
    assert mention(pipeline, "The minister visited a hospital in Kharkiv.", "The minister").country == "UKR"


def test_it_after_a_ministry_given_the_dateline_state_is_that_state(pipeline):
    text = ("Seoul summons Japanese envoy over textbook claims\n\nSEOUL - South Korea summoned a senior Japanese "
            "diplomat on Tuesday to protest against Tokyo's claim to a set of islets.\n\nThe foreign ministry said "
            "it deplores the approval of the textbooks and urged Japan to withdraw them.\n\nJapan's chief cabinet "
            "secretary said Tokyo's position was consistent.\n\nThe islets, called Dokdo in Korea and Takeshima in "
            "Japan, are controlled by South Korea.")
    article = pipeline.article(text)
    it = next(m for m in article.actor_mentions if m.text == "it")
    assert it.country == "KOR"
    urged = next(e for e in article.events if e.trigger == "urged")
    assert [s["country"] for s in urged.sources] == ["KOR"]


def test_an_official_of_a_region_tagged_as_an_organisation_is_of_its_state(pipeline):
    text = ("COLOMBO - Sri Lanka's navy arrested 14 Indian fishermen on Sunday, a navy spokesman said.\n\n"
            "The Indian government summoned Sri Lanka's acting high commissioner to protest, and the chief minister "
            "of Tamil Nadu wrote to Prime Minister Narendra Modi urging him to secure the men's release.")
    article = pipeline.article(text)
    minister = next(m for m in article.actor_mentions if "chief minister" in m.text)
    assert minister.country == "IND"


def test_an_owned_envoy_is_the_owners_not_of_the_place_it_is_recalled_from(pipeline):
    text = "Pakistan recalled its ambassador from Kabul."
    assert mention(pipeline, text, "its ambassador").country == "PAK"
    assert mention(pipeline, "The ambassador from France met the president.", "The ambassador").country == "FRA"


def test_a_new_body_acting_on_the_home_state_speaks_from_outside_it(pipeline):
    story = "Israel's cabinet met on Sunday. Israel said it would widen its operation. "
    text = story + "The Commission on Human Rights condemned Israel over the plan."
    assert mention(pipeline, text, "The Commission on Human Rights").country is None
    text = story + "The Knesset Defence Committee approved the plan."
    assert mention(pipeline, text, "The Knesset Defence Committee").country == "ISR"
    # nor are lawmakers who ask for an act against it of it
    story = "Russia's army advanced near Kharkiv. Russia said it had taken two villages. "
    assert mention(pipeline, story + "Lawmakers pushed for sanctions against Russia.", "Lawmakers").country != "RUS"


def test_a_federal_or_congressional_act_is_the_home_states(pipeline):
    story = "The FBI said on Monday it was investigating Clinton. Trump spoke in Ohio. Obama spoke in Washington. "
    m = mention(pipeline, story + "Republicans want a federal investigation into the foundation.", "federal")
    assert (m.actor_id, m.country) == ("USA-GOV", "USA")
    m = mention(pipeline, story + "A congressional investigation found no wrongdoing.", "congressional")
    assert m.country == "USA" and "LEG" in m.sectors
    article = pipeline.article(story + "She won the fifth congressional district.")
    assert not [m for m in article.actor_mentions if m.text == "congressional"]  # no act: no one


def test_the_federal_government_asked_to_act_is_the_home_states(pipeline):
    text = ("MAIDUGURI, Nigeria (wire) - The Nigerian army said it had repelled an attack in Borno. "
            "The governor urged the federal government to send more troops to the region.")
    assert mention(pipeline, text, "the federal government").actor_id == "NGA-GOV"


@pytest.mark.parametrize("text, phrase, country", [
    ("Israeli drone strikes on Rafah killed 20 people.", "20 people", "PSE"),  # Rafah untagged
    ("A Russian missile strike on Odesa killed four people.", "four people", "UKR"),  # Odesa tagged ORG
])
def test_the_dead_of_a_strike_on_a_city_are_of_the_citys_state(pipeline, text, phrase, country):
    assert mention(pipeline, text, phrase).country == country


def test_a_ministry_summoning_a_states_envoy_is_not_of_that_state(pipeline):
    text = "China's ships entered the waters on Monday. The foreign ministry summoned the Chinese ambassador."
    assert mention(pipeline, text, "The foreign ministry").country is None
    text = "China's ships entered the waters on Monday. The foreign ministry denied that they had entered."
    assert mention(pipeline, text, "The foreign ministry").country == "CHN"


def test_a_town_known_only_by_an_alternate_name_places_no_one(pipeline):
    text = "Suspected jihadist fighters attacked an army camp near the town of Boni in central Mali, killing 12 soldiers."
    assert mention(pipeline, text, "Suspected jihadist fighters").country == "MLI"  # not Bonn's


def test_terrorists_take_no_state_from_where_they_strike(pipeline):
    text = ("France was rocked by a terrorist attack in November, when heavily armed suicide bombers killed 130 "
            "people in several places around Paris.")
    assert mention(pipeline, text, "heavily armed suicide bombers").country is None
    # rebels and gunmen are of the place they fight in
    assert mention(pipeline, "Gunmen killed 12 villagers in Nigeria's Zamfara state.", "Gunmen").country == "NGA"
