-- Staff phones are sealed (keyId:base64 of AES-GCM) like residents' phones; the sealed text needs more room.
alter table app_user alter column phone type varchar(200);
