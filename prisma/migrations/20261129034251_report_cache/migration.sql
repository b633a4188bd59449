-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportCache" (
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "dataVersion" BIGINT NOT NULL,
    "inventoryToken" UUID NOT NULL,
    "payload" TEXT NOT NULL,
    "computeMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportCache_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ReportCache_day_idx" ON "ReportCache"("day");

-- Written by hand: one row, and a new version with every transaction that writes what the
-- coverage report reads (the inventory has its own token, InventoryVersion).
-- The bump runs at commit (deferred constraint triggers, once per transaction), so the
-- version row is locked only for the moment of the commit, not for a whole long transaction;
-- and a reader sees the new version exactly when it sees the new data.
ALTER TABLE "DataVersion" ADD CONSTRAINT "DataVersion_single_row_check" CHECK ("id" = 1);
INSERT INTO "DataVersion" ("id") VALUES (1);

CREATE FUNCTION "data_version_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('app.data_version_txid', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1;
    PERFORM set_config('app.data_version_txid', txid_current()::text, true);
  END IF;
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['Participant', 'Engagement', 'Activity', 'Indicator', 'CoverageSettings', 'Agency',
    'Objective', 'Recommendation', 'RecommendationObjective', 'CoreArea', 'KeyApplication', 'MaturityCell', 'Sdo']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED '
      'FOR EACH ROW EXECUTE FUNCTION "data_version_bump"()', t || '_data_version', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "data_version_bump"()',
      t || '_data_version_truncate', t);
  END LOOP;
END;
$$;

-- Reports are read whole and never searched: store them uncompressed (faster to write and read).
ALTER TABLE "ReportCache" ALTER COLUMN "payload" SET STORAGE EXTERNAL;
