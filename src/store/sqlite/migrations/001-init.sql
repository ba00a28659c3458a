-- Sources with their health, documents stored once per normalised text, the sources that carried
-- each one, the full-text index, entities, incidents and their reports, and the job queue.

CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  url TEXT NOT NULL UNIQUE,
  name TEXT,
  every_seconds INTEGER,
  created_at TEXT NOT NULL,
  last_success_at TEXT,
  last_error_at TEXT,
  last_error_code TEXT,
  last_error_message TEXT,
  items_seen INTEGER NOT NULL DEFAULT 0,
  etag TEXT,
  last_modified TEXT,
  next_poll_at TEXT,
  failures INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_next_poll ON sources (next_poll_at);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  url TEXT,
  title TEXT,
  published TEXT,
  language TEXT,
  -- published when known, else first seen: what date filters compare against
  sort_date TEXT NOT NULL,
  raw BLOB NOT NULL,
  content_type TEXT,
  extracted TEXT NOT NULL,
  text TEXT NOT NULL,
  analysis TEXT,
  model_version TEXT,
  first_seen_at TEXT NOT NULL,
  near_duplicate_of INTEGER REFERENCES documents (id),
  similarity REAL
);
CREATE INDEX documents_sort_date ON documents (sort_date);
CREATE INDEX documents_language_date ON documents (language, sort_date);
CREATE INDEX documents_model_version ON documents (model_version);
CREATE INDEX documents_near_duplicate ON documents (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;

CREATE TABLE document_sources (
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  external_id TEXT NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  url TEXT,
  fetched_at TEXT NOT NULL,
  PRIMARY KEY (source_id, external_id)
);
CREATE INDEX document_sources_document ON document_sources (document_id, source_id);

-- contentless: the text lives in documents; rowid = documents.id
CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  name_ar TEXT,
  country TEXT,
  data TEXT NOT NULL
);

CREATE TABLE document_entities (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity_id TEXT NOT NULL REFERENCES entities (id),
  mentions INTEGER NOT NULL,
  PRIMARY KEY (document_id, entity_id)
);
CREATE INDEX document_entities_entity ON document_entities (entity_id, document_id);

CREATE TABLE incidents (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  date_start TEXT,
  date_end TEXT,
  country TEXT,
  location TEXT,
  organization TEXT,
  attack_types TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX incidents_date ON incidents (date_end, date_start);
CREATE INDEX incidents_country ON incidents (country, date_end);
CREATE INDEX incidents_organization ON incidents (organization, date_end);

CREATE TABLE incident_reports (
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  event_index INTEGER NOT NULL,
  incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  event TEXT NOT NULL,
  attached_at TEXT NOT NULL,
  PRIMARY KEY (document_id, event_index)
);
CREATE INDEX incident_reports_incident ON incident_reports (incident_id);

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  data TEXT NOT NULL,
  key TEXT,
  state TEXT NOT NULL DEFAULT 'queued',
  attempts INTEGER NOT NULL DEFAULT 0,
  locked_by INTEGER,
  locked_at TEXT,
  error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT
);
CREATE UNIQUE INDEX jobs_pending_key ON jobs (key) WHERE key IS NOT NULL AND state IN ('queued', 'active');
CREATE INDEX jobs_state ON jobs (state, id);
