-- The speaker an event is attributed to gains its country and offsets, as claims' speakers have.
ALTER TABLE events ALTER attributed_to TYPE
    STRUCT(actor_id VARCHAR, name VARCHAR, country VARCHAR, text VARCHAR, "start" INTEGER, "end" INTEGER)
    USING CASE WHEN attributed_to IS NULL THEN NULL ELSE struct_pack(
        actor_id := attributed_to.actor_id, name := attributed_to.name, country := NULL::VARCHAR,
        text := attributed_to.text, "start" := NULL::INTEGER, "end" := NULL::INTEGER) END;
