-- Statistics: one narrow fact per event (kept in the event's own transaction), daily rollups per town, district and
-- city, and the deltas not yet folded into them (a reader adds both, so figures are exact at every commit).
create table stats_event_fact (
    event_id         bigint       primary key,
    report_day       date         not null,
    close_day        date,
    grid_id          bigint       not null,
    region_path      varchar(255) not null,
    category_code    varchar(32)  not null,
    source           varchar(32)  not null,
    level            varchar(16)  not null,
    status           varchar(16)  not null,
    overdue          boolean      not null,
    closed_on_time   boolean,
    handling_seconds bigint,
    score            int
);
create index stats_fact_report_idx on stats_event_fact (region_path text_pattern_ops, report_day);
create index stats_fact_close_idx on stats_event_fact (region_path text_pattern_ops, close_day)
    where close_day is not null;

create table stats_rollup (
    region_code varchar(15) not null,
    day         date        not null,
    dimension   varchar(16) not null,
    key         varchar(32) not null,
    value       bigint      not null,
    primary key (region_code, day, dimension, key)
);

create table stats_delta (
    id          bigint generated always as identity primary key,
    region_code varchar(15) not null,
    day         date        not null,
    dimension   varchar(16) not null,
    key         varchar(32) not null,
    value       bigint      not null
);
create index stats_delta_region_idx on stats_delta (region_code, day);

insert into permission (code, module, name) values ('stats:dashboard:read', 'stats', '查看统计与驾驶舱');
insert into role_permission (role_id, permission_code)
select r.id, 'stats:dashboard:read' from role r where r.code in ('TOWN_LEADER', 'CENTER_STAFF', 'GRID_CHIEF');
