-- Operations (标准 8g): base and WAL backups of the embedded database with their manifests, restore drills, permissions.
create table ops_backup (
    id          bigint generated always as identity primary key,
    type        varchar(16)  not null check (type in ('FULL', 'INCREMENTAL')),
    status      varchar(16)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    started_at  timestamptz  not null,
    finished_at timestamptz,
    size_bytes  bigint       not null default 0,
    verified    boolean      not null default false,
    start_lsn   varchar(32),
    end_lsn     varchar(32),
    wal_from    varchar(24),
    wal_to      varchar(24),
    parent_id   bigint references ops_backup (id),
    error       text,
    manifest    jsonb
);
create index ops_backup_started on ops_backup (started_at desc);

create table ops_drill (
    id          bigint generated always as identity primary key,
    backup_id   bigint       not null references ops_backup (id) on delete cascade,
    status      varchar(16)  not null check (status in ('RUNNING', 'PASSED', 'FAILED')),
    until       timestamptz,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    tables      jsonb,
    error       text
);
create index ops_drill_backup on ops_drill (backup_id);

insert into permission (code, module, name) values
    ('ops:backup:read', 'ops', '查看备份与恢复演练'),
    ('ops:backup:run', 'ops', '执行备份与恢复演练');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on
    (p.code = 'ops:backup:read' and r.code in ('SYS_ADMIN', 'AUDITOR'))
 or (p.code = 'ops:backup:run' and r.code = 'SYS_ADMIN');
