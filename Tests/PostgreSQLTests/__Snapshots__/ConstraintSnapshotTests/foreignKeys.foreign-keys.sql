-- drop foreign key fk_machine_site on ref.machine
ALTER TABLE "ref"."machine" DROP CONSTRAINT "fk_machine_site";

-- add foreign key fk_machine_site on ref.machine NOT VALID (validated at the end)
ALTER TABLE "ref"."machine" ADD CONSTRAINT "fk_machine_site" FOREIGN KEY ("site_id") REFERENCES "ref"."site" ("site_id") ON DELETE CASCADE NOT VALID;

-- drop foreign key fk_cycle_machine on fact.cycle
ALTER TABLE "fact"."cycle" DROP CONSTRAINT "fk_cycle_machine";

-- add foreign key fk_cycle_machine on fact.cycle
ALTER TABLE "fact"."cycle" ADD CONSTRAINT "fk_cycle_machine" FOREIGN KEY ("machine_id") REFERENCES "ref"."machine" ("machine_id") ON UPDATE CASCADE;

-- oeedb:step transaction
-- validate 1 constraint(s) added NOT VALID (writers keep writing)
ALTER TABLE "ref"."machine" VALIDATE CONSTRAINT "fk_machine_site";
