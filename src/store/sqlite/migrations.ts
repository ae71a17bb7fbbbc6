// Schema migrations, oldest first. A migration is never edited once released: add a new one.
// `schema_version` holds one row per applied migration, so a newer database is refused rather
// than misread by an older newsdesk.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'documents, clusters, runs, and a trigram FTS index over title and body',
    sql: `
      CREATE TABLE runs (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at  TEXT NOT NULL,
        finished_at TEXT,
        args        TEXT NOT NULL,              -- JSON array of the command-line arguments
        counts      TEXT NOT NULL DEFAULT '{}'  -- JSON RunCounts
      );

      -- seq is the stable rowid the external-content FTS index points at (a TEXT primary key
      -- alone would leave the implicit rowid free to change on VACUUM).
      CREATE TABLE documents (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        source         TEXT NOT NULL,
        key            TEXT NOT NULL UNIQUE,
        content_hash   TEXT NOT NULL,
        format         TEXT NOT NULL,
        encoding       TEXT NOT NULL,
        kind           TEXT NOT NULL,
        outlet         TEXT,
        title          TEXT,
        published_at   TEXT,
        body           TEXT NOT NULL,
        metadata       TEXT NOT NULL,  -- JSON: the other NewsDoc fields (reporter, url, sentences ...)
        captions       TEXT NOT NULL,  -- JSON string[]
        removed        TEXT NOT NULL,  -- JSON Removal[]
        messages       TEXT NOT NULL,  -- JSON Message[]
        first_seen_run INTEGER NOT NULL REFERENCES runs(id),
        updated_run    INTEGER NOT NULL REFERENCES runs(id)
      );
      CREATE INDEX documents_outlet ON documents(outlet);
      CREATE INDEX documents_published_at ON documents(published_at);

      CREATE TABLE clusters (
        id        TEXT PRIMARY KEY,
        run       INTEGER NOT NULL REFERENCES runs(id),  -- the run that wrote this version
        members   TEXT NOT NULL,   -- JSON document ids
        analysis  TEXT NOT NULL,   -- JSON: duplicates, entities, numbers, quotes, timeline, findings, summary, messages
        post_path TEXT
      );

      -- Which clusters each run produced (unchanged clusters keep their row in clusters).
      CREATE TABLE run_clusters (
        run      INTEGER NOT NULL REFERENCES runs(id),
        cluster  TEXT NOT NULL REFERENCES clusters(id),
        position INTEGER NOT NULL,
        PRIMARY KEY (run, cluster)
      );

      CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, body, content = 'documents', content_rowid = 'seq', tokenize = 'trigram'
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, body ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
        INSERT INTO documents_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
      END;
    `,
  },
  {
    version: 2,
    description: 'posts written per output folder (with checksums), and clusters that are gone',
    sql: `
      -- A cluster that no longer matches anything keeps its row (runs point at it) and says when it went.
      ALTER TABLE clusters ADD COLUMN gone_run INTEGER REFERENCES runs(id);

      -- Every post file newsdesk wrote, with the checksum of what it wrote: a file whose checksum
      -- differs was edited by hand and is never overwritten.
      CREATE TABLE posts (
        out_dir  TEXT NOT NULL,
        path     TEXT NOT NULL,
        cluster  TEXT NOT NULL,
        checksum TEXT NOT NULL,
        run      INTEGER NOT NULL REFERENCES runs(id),
        PRIMARY KEY (out_dir, path)
      );
    `,
  },
  {
    version: 3,
    description: 'the post as each cluster run wrote it (Markdown and its data), so readers need not write it again',
    sql: `
      -- JSON: the Post without its path (post_path holds that): markdown, model, sentences. NULL for a
      -- cluster written before this migration, or by a run that wrote no post.
      ALTER TABLE clusters ADD COLUMN post TEXT;
    `,
  },
  {
    version: 4,
    description: 'the HTTP validator cache and the workbench tables (post revisions, restored lines) become part of the schema',
    sql: `
      -- Created on first use by earlier versions, hence IF NOT EXISTS: a store may already have them.
      CREATE TABLE IF NOT EXISTS http_cache (
        url           TEXT PRIMARY KEY,
        etag          TEXT,
        last_modified TEXT,
        content_type  TEXT,
        body          BLOB NOT NULL,
        fetched_at    TEXT NOT NULL
      );
      -- Post texts saved in the workbench, numbered per cluster.
      CREATE TABLE IF NOT EXISTS post_revisions (
        cluster  TEXT NOT NULL,
        number   INTEGER NOT NULL,
        markdown TEXT NOT NULL,
        origin   TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (cluster, number)
      );
      -- Boilerplate lines a person put back into a document's body (removal indexes its removed list).
      CREATE TABLE IF NOT EXISTS restorations (
        document    TEXT NOT NULL,
        removal     INTEGER NOT NULL,
        text        TEXT NOT NULL,
        restored_at TEXT NOT NULL,
        PRIMARY KEY (document, removal)
      );
    `,
  },
  {
    version: 5,
    description: 'the newest error per source (feed, page, file), for newsdesk doctor',
    sql: `
      CREATE TABLE source_errors (
        source TEXT PRIMARY KEY,
        run    INTEGER NOT NULL REFERENCES runs(id),
        stage  TEXT NOT NULL,
        rule   TEXT NOT NULL,
        reason TEXT NOT NULL,
        at     TEXT NOT NULL
      );
    `,
  },
  {
    version: 6,
    description: 'tokens cached per document text, so a re-digest does not tokenize unchanged documents again',
    sql: `
      -- key: a hash of the lines analysis tokenizes and of the analyser (analyze/token-cache.ts); tokens:
      -- their morphemes, encoded there. Documents with the same lines share a row.
      CREATE TABLE token_cache (
        key    TEXT PRIMARY KEY,
        tokens TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 7,
    description: 'clustering features kept per document text, so a re-digest does not count the terms of unchanged documents again',
    sql: `
      -- key: the features' maker (cluster/stored-features.ts) and a hash of the title and body; features: the
      -- term counts and MinHash signature the read workers made, encoded there. Documents with the same text share a row.
      CREATE TABLE feature_cache (
        key      TEXT PRIMARY KEY,
        features BLOB NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 8,
    description: 'digest JSON pieces kept per document and cluster, so a re-digest copies those of unchanged ones',
    sql: `
      -- json: the piece as the digest JSON holds it (UTF-8, cli/json-pieces.ts); stamp: what it was made from.
      CREATE TABLE json_pieces (
        kind  TEXT NOT NULL,
        id    TEXT NOT NULL,
        stamp TEXT NOT NULL,
        json  BLOB NOT NULL,
        PRIMARY KEY (kind, id)
      );
    `,
  },
  {
    version: 9,
    description: "each cluster's head (duplicates, write options, draft day, inferred dates, messages) and post checksum as columns of their own",
    sql: `
      -- head: JSON of what planning a run and the outputs' side lists need (store/rows.ts: clusterRow), so that a re-digest
      -- reads it without the analysis and post; post_checksum: the sha256 of the post's Markdown, by the function the store
      -- registers on its connection (sqlite/index.ts: POST_CHECKSUM_SQL; SQLite has no sha256 of its own).
      ALTER TABLE clusters ADD COLUMN head TEXT;
      ALTER TABLE clusters ADD COLUMN post_checksum TEXT;
      UPDATE clusters SET head = json_object(
        'duplicates', analysis -> '$.duplicates',
        'writtenWith', post ->> '$.writtenWith',
        'draftDate', CASE WHEN post ->> '$.model.draft' THEN coalesce(post ->> '$.model.date', '') END,
        'inferredDates', analysis -> '$.inferredDates',
        'messages', analysis -> '$.messages'),
        post_checksum = newsdesk_post_checksum(post);
    `,
  },
];
