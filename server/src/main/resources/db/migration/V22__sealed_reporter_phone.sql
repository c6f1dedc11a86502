-- A reporter's phone is personal data: kept sealed (AES-GCM, with the sealing key's id) beside its masked form in
-- reporter_phone. Rows written before this migration are sealed by ReporterPhoneSealing at start.
alter table event add column reporter_phone_cipher bytea;
alter table event add column reporter_phone_key varchar(20);
