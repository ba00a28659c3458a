-- Full text moves to a narrow table of its own: a search walks the GIN index and then visits the
-- matching rows for visibility, and those visits must not page through the wide document rows.
-- The tsvector is always stored out of line (toast_tuple_target), so the heap stays a few dozen
-- bytes a row and only the page of candidates that gets ranked is ever detoasted.
CREATE TABLE document_search (
  id integer PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  sort_date text NOT NULL,
  language text,
  fts tsvector NOT NULL
) WITH (toast_tuple_target = 128);
ALTER TABLE document_search ALTER COLUMN fts SET STORAGE EXTERNAL;
INSERT INTO document_search (id, sort_date, language, fts) SELECT id, sort_date, language, fts FROM documents;
CREATE INDEX document_search_fts ON document_search USING gin (fts);
ALTER TABLE documents DROP COLUMN fts;

