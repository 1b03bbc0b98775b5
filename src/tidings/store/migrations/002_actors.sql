-- Actors (one row per real-world actor, merged across articles) and their mentions.
CREATE TABLE actors (
    id       VARCHAR PRIMARY KEY,
    name     VARCHAR NOT NULL,
    type     VARCHAR NOT NULL,
    country  VARCHAR,
    sectors  VARCHAR[] NOT NULL,
    wikidata VARCHAR,
    aliases  VARCHAR[] NOT NULL
);

CREATE TABLE actor_mentions (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    actor_id       VARCHAR,
    country        VARCHAR,
    sectors        VARCHAR[] NOT NULL,
    method         VARCHAR NOT NULL,
    confidence     DOUBLE NOT NULL
);
