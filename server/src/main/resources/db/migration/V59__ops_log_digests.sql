-- Log review (标准 8a): one digest a day of the audit trail and the JSON log, its review by the security admin, permissions.
create table ops_log_digest (
    digest_date    date         primary key,
    built_at       timestamptz  not null,
    content        jsonb        not null,
    reviewed_at    timestamptz,
    reviewed_by    varchar(64),
    review_comment varchar(1000),
    check ((reviewed_at is null) = (reviewed_by is null))
);

insert into permission (code, module, name) values
    ('ops:log-digest:read', 'ops', '查看日志审查摘要'),
    ('ops:log-digest:review', 'ops', '审查日志摘要');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on
    (p.code = 'ops:log-digest:read' and r.code in ('SEC_ADMIN', 'AUDITOR'))
 or (p.code = 'ops:log-digest:review' and r.code = 'SEC_ADMIN');
