-- Live worker positions (标准 7.2.6): each field worker's last known position, one row per user, and who may see them.
create table patrol_worker_position (
    user_id     bigint           primary key references app_user (id),
    -- the worker's scope when the position arrived: who may see it (the centre and leaders above it)
    scope_path  varchar(255)     not null,
    lon         double precision not null,
    lat         double precision not null,
    accuracy    double precision,
    -- the phone's time of the fix
    located_at  timestamptz      not null,
    -- the grid the point lies in, if any
    grid_id     bigint           references region (id),
    source      varchar(16)      not null check (source in ('TRACK', 'HEARTBEAT')),
    -- the patrol open when it arrived: a track point of a finished patrol is not on duty
    patrol_id   bigint           references patrol (id),
    -- the server's time it arrived (throttling, and what the live board polls)
    received_at timestamptz      not null
);
create index patrol_worker_position_scope_idx on patrol_worker_position (scope_path text_pattern_ops);
create index patrol_worker_position_received_idx on patrol_worker_position (received_at);

insert into permission (code, module, name) values
    ('patrol:position:write', 'patrol', '上报在岗位置'),
    ('dispatch:position:read', 'dispatch', '查看在岗人员实时位置');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on
    (p.code = 'patrol:position:write' and r.code in ('GRID_WORKER', 'GRID_CHIEF'))
 or (p.code = 'dispatch:position:read' and r.code in ('CENTER_STAFF', 'TOWN_LEADER'));
