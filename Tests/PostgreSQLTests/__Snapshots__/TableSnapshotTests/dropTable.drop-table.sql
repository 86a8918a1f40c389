-- drop foreign key fk_cycle_machine on fact.cycle
ALTER TABLE "fact"."cycle" DROP CONSTRAINT "fk_cycle_machine";

-- drop table ref.machine
DROP TABLE "ref"."machine";
