-- 积分每日上限: per rule version, the most ledger entries that earn points per user and local (Asia/Shanghai) day; null = no cap.
alter table point_rule add column daily_cap int check (daily_cap is null or daily_cap between 1 and 1000);
