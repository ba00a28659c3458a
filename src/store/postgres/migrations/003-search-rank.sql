-- Search without reading the big vectors. Measured at 100,000 documents (bench/store.ts): ranking
-- 500 candidates with ts_rank over the whole-text vector detoasted ~6 KB each (~14 ms), and the
-- "newest matches" slice (id > floor) let the planner pick the primary key alone and evaluate
-- `fts @@` on every row in the slice, detoasting 4,000 vectors for a common word (20-50 ms).
--
-- 1. document_lead: a small vector of the title (weight A) and the first words of the text
--    (weight B), kept in its row (STORAGE MAIN), is what search ranks by. News puts what a report
--    is about in its headline and first sentences; the full vector `fts` only decides whether a
--    document matches. It has a table of its own so that document_search stays a few dozen bytes
--    a row (the candidate scan visits every match in a window and must stay in shared buffers).
--    Documents stored before this migration get their lead from PgStore.migrate (it needs the
--    application's Arabic normalisation); until then they rank 0.
-- 2. The GIN index also holds an id bucket (id >> 10: 1,024 ids), so "matches among the newest
--    documents" is one GIN scan (fts AND bucket) and never a heap filter on `fts`.
-- 3. marsad_search runs the whole search in one round trip, with sequential and plain index scans
--    off after reading max(id), so that `fts @@` is only ever answered by the GIN index (bitmap
--    scans). The SET clauses confine those settings to the function.
CREATE TABLE document_lead (
  id integer PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  fts tsvector NOT NULL
);
ALTER TABLE document_lead ALTER COLUMN fts SET STORAGE MAIN;

DROP INDEX document_search_fts;
CREATE INDEX document_search_fts ON document_search USING gin (fts, (ARRAY[id >> 10]));

-- Candidates: the newest `want` matches (at least offset + limit), looked for in the newest two
-- buckets first, then in a window widened by the density of matches seen so far (eight times
-- when none), then everywhere: a common word fills `want` from a recent slice, a rare word's
-- matches are few anyway. Only the candidates are ranked: ts_rank over their lead; among equal
-- ranks the newest sort_date first, then the first stored (the earliest copy of a syndicated
-- report, the one near-duplicates link to). The page's wide columns are read for the page only.
CREATE FUNCTION marsad_search(
  q tsquery, p_since text, p_until text, p_language text, p_source integer,
  p_want integer, p_limit integer, p_offset integer
) RETURNS TABLE (id integer, score real, title text, published text, language text, url text, body text)
LANGUAGE plpgsql STABLE
SET enable_seqscan = off
SET enable_indexscan = on
AS $$
#variable_conflict use_column
DECLARE
  newest integer;
  span integer := 2;
  found integer;
  buckets integer[];
  ids integer[];
BEGIN
  SELECT max(s.id) INTO newest FROM document_search s;
  IF newest IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('enable_indexscan', 'off', true);
  LOOP
    IF (newest >> 10) - span < 0 THEN
      -- the window reaches the oldest bucket: every match is a candidate
      SELECT array_agg(c.id) INTO ids FROM (
        SELECT s.id FROM document_search s
        WHERE s.fts @@ q
          AND (p_since IS NULL OR s.sort_date >= p_since)
          AND (p_until IS NULL OR s.sort_date <= p_until)
          AND (p_language IS NULL OR s.language = p_language)
          AND (p_source IS NULL OR EXISTS (SELECT 1 FROM document_sources ds WHERE ds.document_id = s.id AND ds.source_id = p_source))
        ORDER BY s.id DESC LIMIT p_want) c;
      EXIT;
    END IF;
    buckets := ARRAY(SELECT generate_series((newest >> 10) - span + 1, newest >> 10));
    SELECT array_agg(c.id) INTO ids FROM (
      SELECT s.id FROM document_search s
      WHERE s.fts @@ q AND ARRAY[s.id >> 10] && buckets
        AND (p_since IS NULL OR s.sort_date >= p_since)
        AND (p_until IS NULL OR s.sort_date <= p_until)
        AND (p_language IS NULL OR s.language = p_language)
        AND (p_source IS NULL OR EXISTS (SELECT 1 FROM document_sources ds WHERE ds.document_id = s.id AND ds.source_id = p_source))
      ORDER BY s.id DESC LIMIT p_want) c;
    found := coalesce(cardinality(ids), 0);
    EXIT WHEN found >= p_want;
    span := CASE WHEN found = 0 THEN span * 8 ELSE greatest(span * 2, ceil(span * p_want * 1.25 / found)::integer) END;
  END LOOP;
  IF ids IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT t.id, t.score, d.title, d.published, d.language, d.url, d.text
    FROM (
      SELECT u.id, coalesce(ts_rank(l.fts, q), 0)::real AS score, u.sort_date
      FROM document_search u LEFT JOIN document_lead l ON l.id = u.id
      WHERE u.id = ANY (ids)
      ORDER BY 2 DESC, u.sort_date DESC, u.id
      LIMIT p_limit OFFSET p_offset
    ) t
    JOIN documents d ON d.id = t.id
    ORDER BY t.score DESC, t.sort_date DESC, t.id;
END
$$;
