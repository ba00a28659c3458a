-- Search filters (date, language) read this narrow covering index by id instead of the wide
-- document rows, whose text and raw bytes would otherwise be paged in for every match.
CREATE INDEX documents_search ON documents (id, sort_date, language);
