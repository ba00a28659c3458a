-- The PostgreSQL schema mirrors the SQLite one (same tables and column names); full text is a
-- tsvector with the 'simple' configuration over text already normalised in the application,
-- because the 'arabic' configuration's stemmer mangles names (بغداد → غداد).

CREATE TABLE sources (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  url text NOT NULL UNIQUE,
  name text,
  every_seconds integer,
  created_at timestamptz NOT NULL,
  last_success_at timestamptz,
  last_error_at timestamptz,
  last_error_code text,
  last_error_message text,
  items_seen integer NOT NULL DEFAULT 0,
  etag text,
  last_modified text,
  next_poll_at timestamptz,
  failures integer NOT NULL DEFAULT 0
);
CREATE INDEX sources_next_poll ON sources (next_poll_at);

CREATE TABLE documents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  url text,
  title text,
  published text,
  language text,
  sort_date text NOT NULL,
  raw bytea NOT NULL,
  content_type text,
  extracted text NOT NULL,
  text text NOT NULL,
  analysis jsonb,
  model_version text,
  first_seen_at timestamptz NOT NULL,
  near_duplicate_of integer REFERENCES documents (id),
  similarity real,
  fts tsvector NOT NULL
);
CREATE INDEX documents_sort_date ON documents (sort_date);
CREATE INDEX documents_language_date ON documents (language, sort_date);
CREATE INDEX documents_model_version ON documents (model_version);
CREATE INDEX documents_near_duplicate ON documents (near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
CREATE INDEX documents_fts ON documents USING gin (fts);

CREATE TABLE document_sources (
  source_id integer NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  external_id text NOT NULL,
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  url text,
  fetched_at timestamptz NOT NULL,
  PRIMARY KEY (source_id, external_id)
);
CREATE INDEX document_sources_document ON document_sources (document_id, source_id);

CREATE TABLE entities (
  id text PRIMARY KEY,
  type text NOT NULL,
  name text NOT NULL,
  name_ar text,
  country text,
  data jsonb NOT NULL
);

CREATE TABLE document_entities (
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  entity_id text NOT NULL REFERENCES entities (id),
  mentions integer NOT NULL,
  PRIMARY KEY (document_id, entity_id)
);
CREATE INDEX document_entities_entity ON document_entities (entity_id, document_id);

CREATE TABLE incidents (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type text NOT NULL,
  date_start text,
  date_end text,
  country text,
  location jsonb,
  organization text,
  attack_types jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX incidents_date ON incidents (date_end, date_start);
CREATE INDEX incidents_country ON incidents (country, date_end);
CREATE INDEX incidents_organization ON incidents (organization, date_end);

CREATE TABLE incident_reports (
  document_id integer NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  event_index integer NOT NULL,
  incident_id integer NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  event jsonb NOT NULL,
  attached_at timestamptz NOT NULL,
  PRIMARY KEY (document_id, event_index)
);
CREATE INDEX incident_reports_incident ON incident_reports (incident_id);
