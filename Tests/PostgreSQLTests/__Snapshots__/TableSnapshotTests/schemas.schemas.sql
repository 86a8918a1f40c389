-- create schema ref
CREATE SCHEMA "ref";

-- create schema my "odd" schema
CREATE SCHEMA "my ""odd"" schema";

-- drop schema my "odd" schema
DROP SCHEMA "my ""odd"" schema";
