-- A step's JSON answer (an http or health step's last response body, redacted, at most 64 KiB), kept so that the
-- when: conditions of later steps can read it (steps.NAME.json.PATH), also after a resume.
ALTER TABLE steps ADD COLUMN json_body VARCHAR;
