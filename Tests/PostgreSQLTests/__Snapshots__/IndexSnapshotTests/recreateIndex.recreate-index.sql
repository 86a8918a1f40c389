-- recreate index ix_machine_site on ref.machine
DROP INDEX "ref"."ix_machine_site";
CREATE INDEX "ix_machine_site" ON "ref"."machine" ("site_id" ASC, "code" ASC);
