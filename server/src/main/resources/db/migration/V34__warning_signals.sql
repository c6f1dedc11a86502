-- Warning rules over special data and devices (signal kinds), judged by the module that owns the data; their alerts
-- have no evidence events but a detail, the measured value, the limit it crossed and the subject's place.
alter table warning_rule drop constraint warning_rule_kind_check;
alter table warning_rule add constraint warning_rule_kind_check check (kind in ('COUNT', 'REPEAT_ADDRESS', 'SPIKE',
    'OVERDUE_CLUSTER', 'UTILITY_SILENCE', 'UTILITY_SURGE', 'CROWD_DENSITY', 'OPINION_BURST', 'DEVICE_OFFLINE'));
alter table warning_rule drop constraint warning_rule_check1;
alter table warning_rule add constraint warning_rule_factor_check
    check (kind not in ('SPIKE', 'UTILITY_SURGE') or spike_k is not null);

alter table warning_alert add column detail varchar(500);
alter table warning_alert add column measured numeric(14, 2);
alter table warning_alert add column limit_value numeric(14, 2);
alter table warning_alert add column lon double precision;
alter table warning_alert add column lat double precision;
-- when the episode behind a signal alert began (a person's dismissal after it holds until the condition clears)
alter table warning_alert add column since timestamptz;
