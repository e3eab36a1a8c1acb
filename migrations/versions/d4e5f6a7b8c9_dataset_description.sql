-- revision: d4e5f6a7b8c9
-- down_revision: 8c1d2e3f4a5b
-- message: dataset description and status seed
-- create_date: 2026-11-21 09:30:00.000000
-- transactional: true

-- An SQL revision beside the YAML ones: portable statements, plus a dialect-specific section.
-- migrate:upgrade
ALTER TABLE datasets ADD COLUMN description TEXT;
-- lint:ignore ddl-with-data a seed of the few rows without a tier; a large backfill belongs in a revision of its own
UPDATE users SET subscription_tier = 'free' WHERE subscription_tier IS NULL;

-- migrate:upgrade postgresql
COMMENT ON COLUMN datasets.description IS 'Free text shown in the dataset list; may contain ; and ''quotes''';

-- migrate:downgrade
ALTER TABLE datasets DROP COLUMN description;
