-- Articles, their sentences and named-entity mentions; line counts per site for cleaning.
CREATE TABLE articles (
    id             VARCHAR PRIMARY KEY,
    title          VARCHAR,
    text           VARCHAR NOT NULL,
    raw_text       VARCHAR NOT NULL,
    removed        VARCHAR[] NOT NULL,
    published      DATE,
    url            VARCHAR,
    source         VARCHAR,
    author         VARCHAR,
    language       VARCHAR,
    language_score DOUBLE,
    origin         VARCHAR,
    format         VARCHAR,
    status         VARCHAR NOT NULL,
    n_words        INTEGER NOT NULL,
    ingested_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE sentences (
    id         VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    "index"    INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       VARCHAR NOT NULL
);

CREATE TABLE mentions (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    label          VARCHAR NOT NULL
);

CREATE TABLE site_lines (
    site VARCHAR NOT NULL,
    key  VARCHAR NOT NULL,
    n    INTEGER NOT NULL,
    PRIMARY KEY (site, key)
);
