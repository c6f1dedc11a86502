-- Open311 GeoReport v2 (issue 16 item 6): what a citizen request brings beyond its event, and its token.
create table open311_request (
    event_id     bigint        primary key references event (id),
    -- the event's code, which Open311 calls service_request_id
    code         varchar(20)   not null unique,
    client_id    bigint        not null references open_api_client (id),
    token        varchar(40)   not null unique,
    -- the e-mail address, sealed like reporters' phones (IdentifierProtection's keyId:base64 text)
    email_sealed text,
    account_id   varchar(100),
    device_id    varchar(100),
    media_url    varchar(1000),
    created_at   timestamptz   not null
);
create index open311_request_client_idx on open311_request (client_id);
