import pytest

from tidings.errors import ConfigError
from tidings.stages import registered, resolve, stage


def test_all_stages_are_ordered_after_what_they_need():
    names = [s.name for s in resolve()]
    assert names.index("sentences") < names.index("entities")


def test_unknown_stage_error_lists_valid_ones():
    with pytest.raises(ConfigError, match="valid stages: .*entities.*sentences"):
        resolve(["sentences", "sentiment"])


def test_missing_need_names_the_stage_that_provides_it():
    with pytest.raises(ConfigError, match="'entities' needs sentences.*add stage sentences"):
        resolve(["entities"])


def test_registering_a_second_stage_under_a_taken_name_fails():
    assert "sentences" in registered()
    with pytest.raises(ConfigError, match="already registered"):
        stage("sentences")(lambda article, options: None)
