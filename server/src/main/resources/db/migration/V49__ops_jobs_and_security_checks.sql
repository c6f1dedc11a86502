-- Operations (标准 §8, 8e, 8f): scheduled-job runs and their latest state, loaded advisories, daily security reports, permissions.
create table ops_job (
    name          varchar(100) primary key,
    module        varchar(40)  not null,
    last_started  timestamptz  not null,
    last_finished timestamptz  not null,
    last_outcome  varchar(16)  not null check (last_outcome in ('SUCCESS', 'FAILED')),
    last_error    text,
    duration_ms   bigint       not null,
    runs          bigint       not null default 0,
    failures      bigint       not null default 0,
    updated_at    timestamptz  not null default now()
);

create table ops_job_run (
    id          bigint generated always as identity primary key,
    job_name    varchar(100) not null,
    trigger     varchar(16)  not null check (trigger in ('SCHEDULED', 'MANUAL')),
    started_by  varchar(64),
    started_at  timestamptz  not null,
    finished_at timestamptz  not null,
    outcome     varchar(16)  not null check (outcome in ('SUCCESS', 'FAILED')),
    duration_ms bigint       not null,
    error       text
);
create index ops_job_run_job on ops_job_run (job_name, started_at desc);
create index ops_job_run_started on ops_job_run (started_at);

-- one OSV record (https://ossf.github.io/osv-schema/) as loaded; affected kept whole for matching
create table ops_advisory (
    id          varchar(100) primary key,
    summary     text,
    severity    varchar(16)  not null check (severity in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    aliases     text,
    modified    timestamptz,
    affected    jsonb        not null,
    packages    text[]       not null,
    loaded_at   timestamptz  not null default now(),
    loaded_by   varchar(64)
);
-- the SBOM's components find their advisories by "<ecosystem>:<name>"
create index ops_advisory_packages on ops_advisory using gin (packages);

create table ops_security_report (
    id          bigint generated always as identity primary key,
    report_date date         not null,
    created_at  timestamptz  not null,
    components  integer      not null,
    advisories  integer      not null,
    findings    jsonb        not null
);
create index ops_security_report_date on ops_security_report (report_date desc, id desc);

insert into permission (code, module, name) values
    ('ops:job:read', 'ops', '查看定时任务'),
    ('ops:job:run', 'ops', '手动执行定时任务'),
    ('ops:security:read', 'ops', '查看安全检查报告'),
    ('ops:advisory:load', 'ops', '导入漏洞通告');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on
    (p.code = 'ops:job:read' and r.code in ('SYS_ADMIN', 'AUDITOR'))
 or (p.code = 'ops:job:run' and r.code = 'SYS_ADMIN')
 or (p.code = 'ops:security:read' and r.code in ('SEC_ADMIN', 'AUDITOR', 'SYS_ADMIN'))
 or (p.code = 'ops:advisory:load' and r.code = 'SEC_ADMIN');
