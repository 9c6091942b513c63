-- The published 执法结论 is now generated from the case (案由, 法律依据 and 处罚依据 of up to 2000 characters each)
-- followed by the officer's note of up to 2000 characters: room for all of it.
alter table publication alter column conclusion set data type varchar(8000);
