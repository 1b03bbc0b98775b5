-- Quotations with their speakers, and attributed claims (reported speech and cognition).
CREATE TABLE quotes (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    speaker        STRUCT(actor_id VARCHAR, name VARCHAR, country VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER),
    cue            VARCHAR,
    cue_start      INTEGER,
    cue_end        INTEGER,
    method         VARCHAR NOT NULL
);

CREATE TABLE claims (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    speaker        STRUCT(actor_id VARCHAR, name VARCHAR, country VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER),
    cue            VARCHAR NOT NULL,
    cue_start      INTEGER NOT NULL,
    cue_end        INTEGER NOT NULL,
    content        VARCHAR NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    kind           VARCHAR NOT NULL
);
