-- Checklist sign-offs one row per person, so that an item may need several people's (sign_off count), and a
-- version of '*' for items signed off once for every version (sign_off once). Same portable SQL as V1.
CREATE TABLE checklist_signoffs_by_person (
    service     VARCHAR NOT NULL,
    environment VARCHAR NOT NULL,
    version     VARCHAR NOT NULL,
    item        VARCHAR NOT NULL,
    person      VARCHAR NOT NULL,
    comment     VARCHAR,
    signed_at   BIGINT  NOT NULL,
    PRIMARY KEY (service, environment, version, item, person)
);

INSERT INTO checklist_signoffs_by_person (service, environment, version, item, person, comment, signed_at)
    SELECT service, environment, version, item, person, comment, signed_at FROM checklist_signoffs;

DROP TABLE checklist_signoffs;

ALTER TABLE checklist_signoffs_by_person RENAME TO checklist_signoffs;
