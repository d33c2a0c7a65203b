-- A run of one of the runbook's named procedures (procedure = 'procedure') records which one it ran.
-- Deployments and rollbacks leave it NULL. Such a run has no version and never changes live_versions.
ALTER TABLE runs ADD COLUMN procedure_name VARCHAR;
