ALTER TABLE suppliers ADD COLUMN status TEXT;
