-- Bulk users and departments through exchange: dry-run import jobs, imported accounts' initial passwords kept sealed for one download, the import/export permissions.
alter table import_job add column dry_run boolean not null default false;

-- Written in the row's own transaction (a dry run or a refused row keeps none), deleted by the download.
create table import_initial_password (
    job_id         bigint        not null references import_job (id) on delete cascade,
    row_no         int           not null,
    username       varchar(64)   not null,
    display_name   varchar(100)  not null,
    secret_key     varchar(20)   not null,
    secret_cipher  bytea         not null,
    primary key (job_id, row_no)
);

insert into permission (code, module, name) values
    ('identity:user:import', 'identity', '批量导入用户与部门'),
    ('identity:user:export', 'identity', '导出用户与部门');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on
    p.code in ('identity:user:import', 'identity:user:export') and r.code = 'SYS_ADMIN';
