-- Near-duplicate articles, event mentions merged into events, stories (src/tidings/stories/).

-- Which corpus stage has seen which article: the work still to do is the articles without a row.
CREATE TABLE IF NOT EXISTS corpus_stage_done (
    stage      VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    PRIMARY KEY (stage, article_id)
);

-- One row per article checked for near-duplicates; duplicate_of is null for a first copy.
CREATE TABLE IF NOT EXISTS near_duplicates (
    article_id   VARCHAR PRIMARY KEY,
    seq          BIGINT NOT NULL,        -- the article's number in the LSH index
    duplicate_of VARCHAR,                -- the first stored copy this one repeats
    similarity   DOUBLE,                 -- estimated Jaccard similarity of their 5-word shingles
    signature    BLOB NOT NULL           -- MinHash signature, 128 little-endian uint32
);

-- The persistent LSH index: one 63-bit key per band of each article's signature.
CREATE TABLE IF NOT EXISTS minhash_bands (
    key BIGINT  NOT NULL,
    seq BIGINT  NOT NULL
);

-- A merged event: the mentions of one real-world event, its first report and its sources.
CREATE TABLE IF NOT EXISTS merged_events (
    id               VARCHAR PRIMARY KEY,   -- the id of its first mention (an events.id)
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    modality         VARCHAR NOT NULL,
    sources          VARCHAR[] NOT NULL,    -- actor ids of the mentions' sources
    targets          VARCHAR[] NOT NULL,    -- and of their targets
    date             DATE,                  -- the day (or week) the event happened, where a mention says
    date_min         DATE,                  -- the narrowest span the mentions' dates allow
    date_max         DATE,
    place_country    VARCHAR,
    first_article_id VARCHAR NOT NULL,
    first_reported   DATE,
    n_mentions       INTEGER NOT NULL,
    n_articles       INTEGER NOT NULL,
    n_sources        INTEGER NOT NULL       -- articles, near-duplicates counted once
);

-- Every event mention (a row of events) and the merged event it belongs to, with why.
CREATE TABLE IF NOT EXISTS event_mentions (
    id         VARCHAR PRIMARY KEY,         -- the events.id of the mention
    event_id   VARCHAR NOT NULL,            -- merged_events.id
    article_id VARCHAR NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    reason     VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS stories (
    id            VARCHAR PRIMARY KEY,      -- 'story-' and the first 12 digits of its first article's id
    label         VARCHAR NOT NULL,
    first_date    DATE,
    last_date     DATE,
    n_articles    INTEGER NOT NULL,
    key_actors    VARCHAR[] NOT NULL,
    key_types     VARCHAR[] NOT NULL,
    headline      VARCHAR,                  -- the title of its most central article
    terms         STRUCT(term VARCHAR, weight DOUBLE)[] NOT NULL,   -- centroid of its articles' term vectors
    actors        STRUCT(actor_id VARCHAR, n INTEGER)[] NOT NULL
);

CREATE TABLE IF NOT EXISTS story_articles (
    article_id VARCHAR PRIMARY KEY,
    story_id   VARCHAR NOT NULL,
    similarity DOUBLE NOT NULL,
    reason     VARCHAR NOT NULL
);

-- A story merged into another keeps its id as a redirect, so ids already seen still work.
CREATE TABLE IF NOT EXISTS story_redirects (
    old_id    VARCHAR PRIMARY KEY,
    new_id    VARCHAR NOT NULL
);

-- Document frequencies of terms over the stored articles, for the stories' term weights.
CREATE TABLE IF NOT EXISTS term_df (
    term VARCHAR PRIMARY KEY,
    df   INTEGER NOT NULL
);

-- Progress of a `tidings reprocess` run, so that a run killed midway resumes where it stopped.
CREATE TABLE IF NOT EXISTS reprocess_done (
    stages     VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,
    PRIMARY KEY (stages, article_id)
);
