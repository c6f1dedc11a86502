-- 热点研判: the HOTSPOT rule kind (a spatial cluster of events within a radius and a window) and reading hotspots.
alter table warning_rule drop constraint warning_rule_kind_check;
alter table warning_rule add constraint warning_rule_kind_check check (kind in ('COUNT', 'REPEAT_ADDRESS', 'SPIKE',
    'OVERDUE_CLUSTER', 'UTILITY_SILENCE', 'UTILITY_SURGE', 'CROWD_DENSITY', 'OPINION_BURST', 'DEVICE_OFFLINE',
    'HOTSPOT'));
alter table warning_rule add column radius_meters int check (radius_meters between 10 and 5000);
alter table warning_rule add constraint warning_rule_radius_check
    check (kind <> 'HOTSPOT' or (radius_meters is not null and window_hours is not null));

insert into permission (code, module, name) values
    ('warning:hotspot:read', 'warning', '查看热点研判');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on
    p.code = 'warning:hotspot:read' and r.code in ('TOWN_LEADER', 'CENTER_STAFF', 'GRID_CHIEF');
