-- drop index ix_machine_site on ref.machine
DROP INDEX "ref"."ix_machine_site";
