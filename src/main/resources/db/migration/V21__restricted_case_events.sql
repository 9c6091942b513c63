-- Discipline clue entries (纪检监察问题线索) of the full-process record are restricted like the clue documents and
-- mails: only the agency head and the supervisor read them (README “Transfers”). The flag is not part of an entry's
-- hash (it governs who reads the entry, not what it says), so marking the older entries below keeps their chains intact.
alter table case_event add column restricted boolean default false not null;

-- Entries written before this version: the clue flow's steps all name the clue (登记问题线索, 问题线索移送函, ...).
update case_event set restricted = true
 where action like '%线索%' or step like '%线索%';

-- Reminder mails of the clue flow were written unrestricted before (their template is the shared transfer-reminder).
update mail_record set restricted = true where activity_id like 'Task_RemindClueOverdue%';
