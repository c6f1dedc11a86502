-- Event ledger (事件台账) export: its own permission, for the roles that send the monthly ledger upward.
insert into permission (code, module, name) values
    ('event:export', 'event', '导出事件台账');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.code = 'event:export'
    and r.code in ('TOWN_LEADER', 'CENTER_STAFF', 'DEPT_HANDLER', 'GRID_CHIEF');
