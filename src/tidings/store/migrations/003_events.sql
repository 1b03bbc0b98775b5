-- PLOVER events with their roles, modality, attribution, date and place.
CREATE TABLE events (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    trigger        VARCHAR NOT NULL,
    type           VARCHAR NOT NULL,
    mode           VARCHAR,
    context        VARCHAR,
    cameo          VARCHAR NOT NULL,
    sources        STRUCT(actor_id VARCHAR, name VARCHAR, country VARCHAR, sectors VARCHAR[], text VARCHAR, "start" INTEGER, "end" INTEGER)[] NOT NULL,
    targets        STRUCT(actor_id VARCHAR, name VARCHAR, country VARCHAR, sectors VARCHAR[], text VARCHAR, "start" INTEGER, "end" INTEGER)[] NOT NULL,
    modality       VARCHAR NOT NULL,
    modality_cue   VARCHAR,
    attributed_to  STRUCT(actor_id VARCHAR, name VARCHAR, text VARCHAR),
    date           DATE,
    date_precision VARCHAR,
    location       STRUCT(name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE),
    confidence     DOUBLE NOT NULL
);
