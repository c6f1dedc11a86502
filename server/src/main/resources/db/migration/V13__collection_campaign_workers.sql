-- A campaign may name the workers who collect for it; a campaign naming nobody is for every worker of its area.
create table collection_campaign_worker (
    campaign_id bigint not null references collection_campaign (id),
    user_id     bigint not null references app_user (id),
    primary key (campaign_id, user_id)
);
create index collection_campaign_worker_user_idx on collection_campaign_worker (user_id);
create index collection_record_campaign_idx on collection_record (campaign_id);
