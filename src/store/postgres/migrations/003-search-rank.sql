-- Search without reading the big vectors. Measured at 100,000 documents (bench/store.ts): ranking
-- 500 candidates with ts_rank over the whole-text vector detoasted ~6 KB each (~14 ms), and the
-- "newest matches" slice (id > floor) let the planner pick the primary key alone and evaluate
-- `fts @@` on every row in the slice, detoasting 4,000 vectors for a common word (20-50 ms).
--
-- 1. `lead`: a small vector of the title (weight A) and the first words of the text (weight B),
--    kept in the row (STORAGE MAIN), is what search ranks by. News puts what a report is about in
--    its headline and first sentences; the full vector `fts` only decides whether a document matches.
--    Rows stored before this migration get their lead from PgStore.migrate (it needs the
--    application's Arabic normalisation); until then they rank 0.
-- 2. The GIN index also holds an id bucket (id >> 12: 4,096 ids), so "matches among the newest
--    documents" is one GIN scan (fts AND bucket) and never a heap filter on `fts`.
-- 3. marsad_search runs the whole search in one round trip, with sequential and plain index scans
--    off after reading max(id), so that `fts @@` is only ever answered by the GIN index (bitmap
--    scans). The SET clauses confine those settings to the function.
ALTER TABLE document_search ADD COLUMN lead tsvector;
ALTER TABLE document_search ALTER COLUMN lead SET STORAGE MAIN;
CREATE INDEX document_search_no_lead ON document_search (id) WHERE lead IS NULL;

DROP INDEX document_search_fts;
CREATE INDEX document_search_fts ON document_search USING gin (fts, (ARRAY[id >> 12]));

-- Candidates: the newest `want` matches (at least offset + limit), looked for in the newest two
-- buckets first, then eight times as many, and so on, then everywhere: a common word fills `want`
-- from a recent slice, a rare word's matches are few anyway. Only the candidates are ranked
-- (ts_rank over `lead`; among equal ranks the newest sort_date first, then the first stored, as
-- the earliest copy of a syndicated report is the one near-duplicates link to), in a second
-- pass by id: carrying each lead through the candidates' sort cost more (measured). The page's
-- wide columns are read for the page only.
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
  buckets integer[];
  ids integer[];
BEGIN
  SELECT max(s.id) INTO newest FROM document_search s;
  IF newest IS NULL THEN
    RETURN;
  END IF;
  PERFORM set_config('enable_indexscan', 'off', true);
  LOOP
    -- NULL: the window reaches the oldest bucket, so every match is a candidate
    buckets := CASE WHEN (newest >> 12) - span < 0 THEN NULL
      ELSE ARRAY(SELECT generate_series((newest >> 12) - span + 1, newest >> 12)) END;
    IF buckets IS NULL THEN
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
    SELECT array_agg(c.id) INTO ids FROM (
      SELECT s.id FROM document_search s
      WHERE s.fts @@ q AND ARRAY[s.id >> 12] && buckets
        AND (p_since IS NULL OR s.sort_date >= p_since)
        AND (p_until IS NULL OR s.sort_date <= p_until)
        AND (p_language IS NULL OR s.language = p_language)
        AND (p_source IS NULL OR EXISTS (SELECT 1 FROM document_sources ds WHERE ds.document_id = s.id AND ds.source_id = p_source))
      ORDER BY s.id DESC LIMIT p_want) c;
    EXIT WHEN coalesce(cardinality(ids), 0) >= p_want;
    span := span * 8;
  END LOOP;
  IF ids IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT t.id, t.score, d.title, d.published, d.language, d.url, d.text
    FROM (
      SELECT u.id, coalesce(ts_rank(u.lead, q), 0)::real AS score, u.sort_date
      FROM document_search u WHERE u.id = ANY (ids)
      ORDER BY 2 DESC, u.sort_date DESC, u.id
      LIMIT p_limit OFFSET p_offset
    ) t
    JOIN documents d ON d.id = t.id
    ORDER BY t.score DESC, t.sort_date DESC, t.id;
END
$$;
