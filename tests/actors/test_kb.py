from datetime import date

import pytest

from tidings.actors.gender import given_name_of
from tidings.actors.kb import KnowledgeBase, load_kb
from tidings.errors import ConfigError


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def test_countries_come_with_demonyms_and_capitals_from_packages(kb):
    assert kb.lookup("Democratic People's Republic of Korea")[0].actor.id == "PRK"
    assert kb.demonym("North Korean") == "PRK" and kb.demonym("South Koreans") == "KOR"
    assert kb.demonym("American") == "USA"  # not the Northern Mariana Islands
    assert kb.lookup("Pyongyang")[0].actor.id == "PRK"
    assert kb.lookup("Nairobi")[0].actor.id == "KEN"


def test_a_state_is_shown_by_its_current_name_and_found_by_its_former_one(kb):
    assert kb.country_actor("MMR").name == "Myanmar" and kb.lookup("Burma")[0].actor.id == "MMR"
    assert kb.country_actor("SWZ").name == "Eswatini" and kb.lookup("Swaziland")[0].actor.id == "SWZ"


def test_a_name_two_states_share_is_first_the_more_populous_ones(kb):
    # modern wire news means the Democratic Republic by "Congo", and names the other in full
    assert [e.actor.id for e in kb.lookup("Congo") if e.kind == "country"] == ["COD", "COG"]
    assert [e.actor.id for e in kb.lookup("Democratic Republic of Congo")] == ["COD"]
    assert [e.actor.id for e in kb.lookup("Republic of Congo")] == ["COG"]


def test_seats_of_power_are_state_bodies(kb):
    assert kb.lookup("the White House")[0].actor.id == "USA-GOV"
    assert kb.lookup("Kremlin")[0].actor.id == "RUS-GOV"
    assert kb.lookup("the Pentagon")[0].actor.country == "USA"


def test_spellings_of_one_person_meet(kb):
    ids = {kb.lookup(name)[0].actor.id for name in ("Kim Jong Un", "Kim Jong-Un", "Kim Jong-un")}
    assert len(ids) == 1


def test_office_holders_by_date(kb):
    assert [e.actor.name for e in kb.office_holders("Biden", ["head_of_state"], date(2023, 5, 1))] == ["Joe Biden"]
    assert [e.actor.name for e in kb.office_holders("Trump", ["head_of_state"], date(2023, 5, 1))] == []
    assert [e.actor.name for e in kb.office_holders("Xi", ["head_of_state"], date(2024, 1, 1))] == ["Xi Jinping"]


def test_a_person_is_named_alone_by_neither_a_fathers_name_nor_a_regnal_number(kb):
    names = {e.actor.name for e in kb.office_holders("Abdullah", (), None)}
    assert "Abdullah II" in names and "Hussein bin Abdullah" not in names
    assert "Salman bin Abdulaziz" in {e.actor.name for e in kb.office_holders("Salman", (), None)}
    assert "Salman bin Abdulaziz" not in {e.actor.name for e in kb.office_holders("Abdulaziz", (), None)}


def test_generic_agents_are_shared(kb):
    assert kb.agent("PRK", "MIL") is kb.agent("PRK", "MIL")
    assert kb.agent("PRK", "MIL").type == "military" and kb.agent(None, "REB").id == "any-REB"


def test_user_actor_file_adds_people(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("name\taliases\tcountry\tsectors\trole\ttitle\tstart\tend\twikidata\n"
                    "Mara Lindqvist\tM. Lindqvist\tSWE\tGOV\tforeign_minister\tForeign Minister\t2030-01-01\t\t\n")
    kb = KnowledgeBase([path])
    entry = kb.lookup("M. Lindqvist")[0]
    assert entry.actor.country == "SWE" and entry.holds(["foreign_minister"], date(2031, 1, 1))


def test_user_file_with_unknown_columns_says_what_is_expected(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("who\twhere\nX\tY\n")
    with pytest.raises(ConfigError, match="columns of leaders.tsv"):
        KnowledgeBase([path])


@pytest.mark.parametrize("name, country", [
    ("Islamabad", "PAK"),  # a city's own name, not one that a bigger city is also known by
    ("Nazareth", "ISR"),
    ("St. Petersburg", "RUS"),  # unless that city is far bigger than the one of the name
    ("Calcutta", "IND"),
    ("Odessa", "UKR"),  # an older spelling news still uses (regions.tsv)
    ("Jenin", "PSE"),  # news spells it otherwise than GeoNames ("Janīn"; regions.tsv)
    ("Kostiantynivka", "UKR"),
])
def test_a_city_name_is_the_citys_own_unless_a_far_bigger_one_is_known_by_it(kb, name, country):
    assert kb.place(name).country == country


@pytest.mark.parametrize("name, country", [
    ("New York", "USA"),  # several words left: news names New York City so
    ("Quezon", "PHL"),  # a big city's one word left: Quezon City
    ("Johnson", None),  # a small town's common word: Johnson City, Tennessee, is not meant
    ("National", None),  # National City, California
])
def test_a_city_is_named_without_its_word_city_only_when_news_would(kb, name, country):
    place = kb.place(name)
    assert (place.country if place else None) == country


@pytest.mark.parametrize("word, person_id, given", [
    ("Gang", "kb-qin-gang", True),  # family name first: the last word is the given name
    ("Qin", "kb-qin-gang", False),
    ("Bill", "kb-william-burns", True),  # "Bill Burns", one of his names, opens with a first name
    ("Burns", "kb-william-burns", False),
    ("Kim", "Q56226", False),  # a family name, though some people are called Kim
    ("Un", "Q56226", True),
])
def test_a_given_name_is_read_in_either_name_order(word, person_id, given):
    assert given_name_of(word, load_kb().by_id[person_id].actor) is given


def test_a_state_the_packages_lack_is_named_by_its_name_not_its_code(kb):
    assert kb.country_actor("XKX").name == "Kosovo"
    assert not [a.id for a in kb.countries.values() if a.name == a.id]
