-- Append-only, hash-chained audit trail: a trigger refuses UPDATE/DELETE/TRUNCATE except the one-time sealing step.
create table audit_log (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz   not null default clock_timestamp(),
    user_id     bigint,
    username    varchar(64),
    client_ip   varchar(64),
    action      varchar(64)   not null,
    object_type varchar(64),
    object_id   varchar(64),
    outcome     varchar(16)   not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    detail      varchar(2000),
    seq         bigint unique,
    prev_hash   char(64),
    hash        char(64)
);
create index audit_log_time_idx on audit_log (occurred_at desc);
create index audit_log_user_idx on audit_log (username, occurred_at desc);
create index audit_log_action_idx on audit_log (action, occurred_at desc);
create index audit_log_unsealed_idx on audit_log (id) where hash is null;

create function audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        raise exception 'audit_log is append-only: % is not allowed', tg_op;
    end if;
    -- the only permitted change: sealing an unsealed row once (seq, prev_hash, hash), nothing else
    if old.hash is not null or new.hash is null or new.seq is null
       or (new.id, new.occurred_at, new.user_id, new.username, new.client_ip, new.action, new.object_type,
           new.object_id, new.outcome, new.detail)
          is distinct from
          (old.id, old.occurred_at, old.user_id, old.username, old.client_ip, old.action, old.object_type,
           old.object_id, old.outcome, old.detail) then
        raise exception 'audit_log rows cannot be changed';
    end if;
    return new;
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_guard();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_guard();
