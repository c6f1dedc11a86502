-- Bulk import jobs (exchange): the upload, sealed like an identifier until the job is done, the progress, and the
-- rows that failed with one error per bad column; a failed row's values are sealed too (they hold ID numbers).
create table import_job (
    id              bigserial primary key,
    kind            varchar(20)   not null,
    filename        varchar(200)  not null,
    format          varchar(10)   not null,
    status          varchar(10)   not null default 'QUEUED',
    headers         jsonb         not null,
    rows_total      int           not null default 0,
    rows_read       int           not null default 0,
    rows_ok         int           not null default 0,
    rows_failed     int           not null default 0,
    created         int           not null default 0,
    updated         int           not null default 0,
    message         varchar(500),
    content_key     varchar(20),
    content_cipher  bytea,
    created_by      bigint        not null references app_user (id),
    -- the submitter as they were at submission: user, scope and permissions the rows are checked against
    principal       jsonb         not null,
    runner          varchar(64),
    heartbeat_at    timestamptz,
    created_at      timestamptz   not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    constraint import_job_status_check check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
create index import_job_creator_idx on import_job (created_by, id desc);
create index import_job_open_idx on import_job (status) where status in ('QUEUED', 'RUNNING');

create table import_bad_row (
    job_id        bigint       not null references import_job (id) on delete cascade,
    row_no        int          not null,
    cells_key     varchar(20)  not null,
    cells_cipher  bytea        not null,
    primary key (job_id, row_no)
);

create table import_error (
    id           bigserial primary key,
    job_id       bigint        not null references import_job (id) on delete cascade,
    row_no       int           not null,
    column_name  varchar(100)  not null,
    reason       varchar(500)  not null
);
create index import_error_job_idx on import_error (job_id, row_no, id);
