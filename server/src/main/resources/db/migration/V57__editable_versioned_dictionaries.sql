-- Dictionaries (字典管理, issue 20 item 5): the code tables become editable by the system admin, versioned and audited, system codes protected.

-- The code tables move from basedata to the dictionary module; bd_dict stays as a view for the search formulas.
alter table bd_dict rename to dict_item;
alter table dict_item rename constraint bd_dict_pkey to dict_item_pkey;
alter table dict_item
    add column enabled     boolean     not null default true,
    add column system      boolean     not null default false,
    add column parent_code varchar(30),
    add column updated_at  timestamptz not null default now();
update dict_item set system = true;
alter table dict_item add constraint dict_item_parent_fk
    foreign key (type, parent_code) references dict_item (type, code);

create view bd_dict as select type, code, name, name_en, sort from dict_item;

create table dict_type (
    code       varchar(40)  primary key,
    name       varchar(100) not null,
    name_en    varchar(100),
    -- seeded by a migration: cannot be removed, its item codes are fixed once written
    system     boolean      not null default false,
    -- the program acts on each code (an enum or rule): names and order may change, no new codes
    closed     boolean      not null default false,
    -- bumped on every change of the type or one of its items (ETag of GET /dictionaries/{type})
    version    int          not null default 1,
    updated_at timestamptz  not null default now()
);

insert into dict_type (code, name, name_en, system, closed) values
    ('SEX', '性别 (GB/T 2261.1)', 'Sex', true, true),
    ('ETHNICITY', '民族 (GB/T 3304)', 'Ethnicity', true, false),
    ('POLITICAL_STATUS', '政治面貌 (GB/T 4762)', 'Political status', true, false),
    ('EDUCATION', '学历 (GB/T 4658)', 'Education', true, false),
    ('RELATIONSHIP', '与户主关系 (GB/T 4761)', 'Relationship to householder', true, false),
    ('MARITAL_STATUS', '婚姻状况 (GB/T 2261.2)', 'Marital status', true, false),
    ('RELIGION', '宗教信仰', 'Religion', true, false),
    ('OCCUPATION', '职业 (GB/T 6565)', 'Occupation', true, false),
    ('HOUSEHOLD_TYPE', '人口类型', 'Population type', true, true),
    ('HOUSEHOLD_CONSISTENCY', '人户一致', 'Household consistency', true, true),
    ('PERSON_STATUS', '人员状态', 'Person status', true, true),
    ('KEY_GROUP', '重点人群', 'Key group', true, true),
    ('HOUSE_USE', '房屋用途', 'House use', true, false),
    ('PLACE_TYPE', '场所类型', 'Place type', true, false),
    ('ORG_KIND', '组织类别', 'Organisation kind', true, false),
    ('HAZARD_TYPE', '隐患类型', 'Hazard type', true, false),
    ('THING_TYPE', '部件类型', 'Facility type', true, false),
    ('THING_STATUS', '部件状态', 'Facility status', true, true),
    ('DISPUTE_TYPE', '矛盾纠纷类型', 'Dispute type', true, false),
    ('DISPUTE_SCALE', '纠纷规模', 'Dispute scale', true, true),
    ('DISPUTE_STATUS', '纠纷调处状态', 'Dispute status', true, true),
    ('PARTY_ACTIVITY_TYPE', '党建活动类型', 'Party activity type', true, true),
    ('PARTY_ORG_TYPE', '党组织类别', 'Party organisation type', true, true),
    ('PARTY_MEMBER_STATUS', '党员状态', 'Party member status', true, true),
    ('IOT_DEVICE_KIND', '物联设备类型', 'IoT device kind', true, true),
    ('EVENT_SOURCE', '事件来源', 'Event source', true, true);

-- the platform's own kinds, kept as enums in the code: listed here so that forms and reports name them alike
insert into dict_item (type, code, name, name_en, sort, system) values
    ('PARTY_ACTIVITY_TYPE', 'THREE_MEETINGS_ONE_LESSON', '三会一课', 'Three meetings, one lesson', 1, true),
    ('PARTY_ACTIVITY_TYPE', 'THEME_DAY', '主题党日', 'Party theme day', 2, true),
    ('PARTY_ACTIVITY_TYPE', 'VOLUNTEER', '志愿服务', 'Volunteer service', 3, true),
    ('PARTY_ACTIVITY_TYPE', 'LIFE_MEETING', '组织生活会', 'Organisational life meeting', 4, true),
    ('PARTY_ACTIVITY_TYPE', 'HOUSEHOLD_VISIT', '入户走访', 'Household visit', 5, true),
    ('PARTY_ORG_TYPE', 'COMMITTEE', '党委', 'Party committee', 1, true),
    ('PARTY_ORG_TYPE', 'GENERAL_BRANCH', '党总支', 'General branch', 2, true),
    ('PARTY_ORG_TYPE', 'BRANCH', '党支部', 'Branch', 3, true),
    ('PARTY_ORG_TYPE', 'GROUP', '党小组', 'Party group', 4, true),
    ('PARTY_MEMBER_STATUS', 'FULL', '正式党员', 'Full member', 1, true),
    ('PARTY_MEMBER_STATUS', 'PROBATIONARY', '预备党员', 'Probationary member', 2, true),
    ('PARTY_MEMBER_STATUS', 'CANDIDATE', '发展对象', 'Candidate', 3, true),
    ('PARTY_MEMBER_STATUS', 'ACTIVIST', '入党积极分子', 'Activist', 4, true),
    ('IOT_DEVICE_KIND', 'SMOKE_DETECTOR', '烟感', 'Smoke detector', 1, true),
    ('IOT_DEVICE_KIND', 'GAS_DETECTOR', '燃气探测器', 'Gas detector', 2, true),
    ('IOT_DEVICE_KIND', 'WATER_LEVEL', '水位计', 'Water level gauge', 3, true),
    ('IOT_DEVICE_KIND', 'MANHOLE_COVER', '智能井盖', 'Manhole cover', 4, true),
    ('IOT_DEVICE_KIND', 'HYDRANT_PRESSURE', '消防栓水压', 'Hydrant pressure', 5, true),
    ('IOT_DEVICE_KIND', 'CAMERA', '摄像机', 'Camera', 6, true),
    ('EVENT_SOURCE', 'GRID_WORKER', '网格员上报', 'Grid worker', 1, true),
    ('EVENT_SOURCE', 'HOTLINE_12345', '12345热线', '12345 hotline', 2, true),
    ('EVENT_SOURCE', 'CITIZEN', '群众随手拍', 'Citizen photo report', 3, true),
    ('EVENT_SOURCE', 'VIDEO_AI', '视频智能识别', 'Video AI', 4, true),
    ('EVENT_SOURCE', 'IOT', '物联感知', 'IoT sensor', 5, true),
    ('EVENT_SOURCE', 'DEPARTMENT', '部门移交', 'Department transfer', 6, true),
    ('EVENT_SOURCE', 'HIGHER_LEVEL', '上级交办', 'Higher level', 7, true),
    ('EVENT_SOURCE', 'WARNING', '研判预警', 'Early warning', 8, true);

-- any table seeded before this migration but not named above is kept, as a system type named by its code
insert into dict_type (code, name, system, closed)
select distinct i.type, i.type, true, false from dict_item i
where not exists (select 1 from dict_type t where t.code = i.type);

alter table dict_item add constraint dict_item_type_fk foreign key (type) references dict_type (code);

create table dict_change (
    id         bigserial    primary key,
    type       varchar(40)  not null references dict_type (code),
    item_code  varchar(30),
    action     varchar(20)  not null,
    version    int          not null,
    before     jsonb,
    after      jsonb,
    changed_by varchar(64)  not null,
    changed_at timestamptz  not null default now()
);
create index dict_change_type_idx on dict_change (type, id desc);

insert into permission (code, module, name) values
    ('dictionary:type:create', 'dictionary', '新增字典类型'),
    ('dictionary:item:create', 'dictionary', '新增字典项'),
    ('dictionary:item:update', 'dictionary', '修改、停用字典项'),
    ('dictionary:item:delete', 'dictionary', '删除非系统字典项'),
    ('dictionary:history:read', 'dictionary', '查看字典变更记录');
insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on p.module = 'dictionary'
where r.code = 'SYS_ADMIN';
