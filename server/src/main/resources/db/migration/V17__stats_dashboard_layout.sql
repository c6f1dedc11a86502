-- Each user's own arrangement of dashboard widgets (标准 7.2.2b: 可根据需要灵活设置展示内容).
create table stats_dashboard_layout (
    user_id    bigint      primary key references app_user (id),
    layout     jsonb       not null,
    updated_at timestamptz not null default now()
);
