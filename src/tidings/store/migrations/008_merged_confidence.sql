-- A merged event's confidence, stored when it is merged instead of computed by every query that
-- reads or filters on it: that of its best-supported report, the highest of its mentions'.
ALTER TABLE merged_events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
UPDATE merged_events m SET confidence = s.confidence FROM (
    SELECT em.event_id, max(e.confidence) AS confidence
    FROM event_mentions em JOIN events e ON e.id = em.id GROUP BY em.event_id) s
WHERE m.id = s.event_id;
