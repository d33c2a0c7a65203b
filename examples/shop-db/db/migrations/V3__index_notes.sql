-- CONCURRENTLY cannot run in a transaction: kept in a migration of its own
CREATE INDEX CONCURRENTLY order_notes_order ON order_notes (order_id);
