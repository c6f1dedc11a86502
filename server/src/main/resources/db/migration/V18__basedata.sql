-- 基础数据 (GB/T 31000-2015 "9+X"): people, houses (with tenants), places, organisations, things (部件),
-- disputes with their mediation steps, daily notes (民情日志), the national code tables, and the permissions.
-- ID numbers and phones are stored only as AES-GCM ciphertext (with the id of the key that sealed it), an HMAC
-- for exact lookup and a masked form for lists; never in clear text.

create table bd_dict (
    type    varchar(40)  not null,
    code    varchar(30)  not null,
    name    varchar(100) not null,
    name_en varchar(100),
    sort    int          not null,
    primary key (type, code)
);

create table bd_house (
    id              bigserial primary key,
    address         varchar(200)  not null,
    address_key     varchar(200)  not null unique,
    building        varchar(30),
    unit            varchar(30),
    room            varchar(30),
    house_use       varchar(20)   not null,
    area            numeric(10, 2),
    owner_name      varchar(50),
    rented          boolean       not null default false,
    grid_id         bigint        not null references region (id),
    region_path     varchar(255)  not null,
    lon             double precision,
    lat             double precision,
    status          varchar(20)   not null default 'ACTIVE',
    valid_from      date,
    valid_to        date,
    version         int           not null default 0,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create index bd_house_region_idx on bd_house (region_path text_pattern_ops);
create index bd_house_grid_idx on bd_house (grid_id);

create table bd_person (
    id                bigserial primary key,
    name              varchar(50)   not null,
    sex               varchar(1)    not null,
    ethnicity         varchar(2),
    birth_date        date          not null,
    id_cipher         bytea         not null,
    id_key            varchar(20)   not null,
    id_hash           bytea         not null unique,
    id_masked         varchar(20)   not null,
    phone_cipher      bytea,
    phone_key         varchar(20),
    phone_hash        bytea,
    phone_masked      varchar(20),
    household_type    varchar(20)   not null,
    registered_address varchar(200),
    current_address   varchar(200)  not null,
    house_id          bigint references bd_house (id),
    work_unit         varchar(200),
    political_status  varchar(2),
    education         varchar(2),
    grid_id           bigint        not null references region (id),
    region_path       varchar(255)  not null,
    status            varchar(20)   not null default 'ACTIVE',
    valid_from        date,
    valid_to          date,
    version           int           not null default 0,
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null
);
create index bd_person_region_idx on bd_person (region_path text_pattern_ops);
create index bd_person_grid_idx on bd_person (grid_id);
create index bd_person_phone_hash_idx on bd_person (phone_hash);
create index bd_person_house_idx on bd_person (house_id);

-- Key-group tags with the group's own fields (correction dates, risk level, guardian...).
create table bd_person_tag (
    person_id  bigint       not null references bd_person (id) on delete cascade,
    tag        varchar(30)  not null,
    details    jsonb        not null default '{}',
    since      date,
    primary key (person_id, tag)
);
create index bd_person_tag_tag_idx on bd_person_tag (tag);

create table bd_house_tenant (
    house_id   bigint not null references bd_house (id) on delete cascade,
    person_id  bigint not null references bd_person (id) on delete cascade,
    since      date,
    until      date,
    primary key (house_id, person_id)
);

create table bd_place (
    id            bigserial primary key,
    name          varchar(100)  not null,
    place_type    varchar(30)   not null,
    address       varchar(200)  not null,
    house_id      bigint references bd_house (id),
    contact_name  varchar(50),
    hazard_level  varchar(10),
    grid_id       bigint        not null references region (id),
    region_path   varchar(255)  not null,
    lon           double precision,
    lat           double precision,
    status        varchar(20)   not null default 'ACTIVE',
    valid_from    date,
    valid_to      date,
    version       int           not null default 0,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null
);
create index bd_place_region_idx on bd_place (region_path text_pattern_ops);

create table bd_organization (
    id                   bigserial primary key,
    name                 varchar(200)  not null,
    org_kind             varchar(30)   not null,
    credit_code          varchar(18)   not null unique,
    legal_representative varchar(50),
    staff_count          int,
    hazard_type          varchar(30),
    party_member_count   int,
    has_party_org        boolean       not null default false,
    address              varchar(200)  not null,
    grid_id              bigint        not null references region (id),
    region_path          varchar(255)  not null,
    lon                  double precision,
    lat                  double precision,
    status               varchar(20)   not null default 'ACTIVE',
    valid_from           date,
    valid_to             date,
    version              int           not null default 0,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null
);
create index bd_organization_region_idx on bd_organization (region_path text_pattern_ops);

create table bd_thing (
    id            bigserial primary key,
    code          varchar(40)   not null unique,
    thing_type    varchar(30)   not null,
    name          varchar(100)  not null,
    address       varchar(200),
    owner_unit    varchar(100),
    grid_id       bigint        not null references region (id),
    region_path   varchar(255)  not null,
    lon           double precision not null,
    lat           double precision not null,
    status        varchar(20)   not null default 'NORMAL',
    valid_from    date,
    valid_to      date,
    version       int           not null default 0,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null
);
create index bd_thing_region_idx on bd_thing (region_path text_pattern_ops);

create table bd_dispute (
    id            bigserial primary key,
    title         varchar(200)  not null,
    dispute_type  varchar(30)   not null,
    scale         varchar(20)   not null,
    parties       jsonb         not null,
    description   varchar(4000),
    address       varchar(200),
    occurred_on   date          not null,
    result        varchar(2000),
    grid_id       bigint        not null references region (id),
    region_path   varchar(255)  not null,
    lon           double precision,
    lat           double precision,
    status        varchar(20)   not null default 'OPEN',
    version       int           not null default 0,
    created_by    bigint        not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null
);
create index bd_dispute_region_idx on bd_dispute (region_path text_pattern_ops);

create table bd_dispute_step (
    id          bigserial primary key,
    dispute_id  bigint        not null references bd_dispute (id) on delete cascade,
    action      varchar(30)   not null,
    note        varchar(2000),
    actor_id    bigint        not null,
    actor_name  varchar(50)   not null,
    at          timestamptz   not null
);
create index bd_dispute_step_idx on bd_dispute_step (dispute_id, id);

create table bd_daily_note (
    id           bigserial primary key,
    author_id    bigint        not null,
    author_name  varchar(50)   not null,
    grid_id      bigint        not null references region (id),
    region_path  varchar(255)  not null,
    noted_on     date          not null,
    topic        varchar(30)   not null,
    content      varchar(4000) not null,
    created_at   timestamptz   not null
);
create index bd_daily_note_region_idx on bd_daily_note (region_path text_pattern_ops, noted_on desc);

-- GB/T 2261.1-2003 人的性别代码
insert into bd_dict (type, code, name, name_en, sort) values
    ('SEX', '0', '未知的性别', 'Unknown', 0), ('SEX', '1', '男性', 'Male', 1), ('SEX', '2', '女性', 'Female', 2),
    ('SEX', '9', '未说明的性别', 'Not stated', 9);

-- GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码
insert into bd_dict (type, code, name, name_en, sort)
select 'ETHNICITY', lpad(n::text, 2, '0'), v.name, v.en, n
from unnest(array['汉族','蒙古族','回族','藏族','维吾尔族','苗族','彝族','壮族','布依族','朝鲜族','满族','侗族','瑶族',
    '白族','土家族','哈尼族','哈萨克族','傣族','黎族','傈僳族','佤族','畲族','高山族','拉祜族','水族','东乡族','纳西族',
    '景颇族','柯尔克孜族','土族','达斡尔族','仫佬族','羌族','布朗族','撒拉族','毛南族','仡佬族','锡伯族','阿昌族',
    '普米族','塔吉克族','怒族','乌孜别克族','俄罗斯族','鄂温克族','德昂族','保安族','裕固族','京族','塔塔尔族',
    '独龙族','鄂伦春族','赫哲族','门巴族','珞巴族','基诺族'],
    array['Han','Mongol','Hui','Zang','Uygur','Miao','Yi','Zhuang','Buyei','Chosen','Man','Dong','Yao','Bai',
    'Tujia','Hani','Kazak','Dai','Li','Lisu','Va','She','Gaoshan','Lahu','Sui','Dongxiang','Naxi','Jingpo',
    'Kirgiz','Tu','Daur','Mulao','Qiang','Blang','Salar','Maonan','Gelao','Xibe','Achang','Pumi','Tajik','Nu',
    'Uzbek','Russ','Ewenki','Deang','Bonan','Yugur','Gin','Tatar','Derung','Oroqen','Hezhen','Monba','Lhoba',
    'Jino']) with ordinality as v(name, en, n);
insert into bd_dict (type, code, name, name_en, sort) values
    ('ETHNICITY', '97', '其他', 'Other', 97), ('ETHNICITY', '98', '外国血统中国籍人士', 'Naturalised', 98);

-- 户籍/流动/境外/留守
insert into bd_dict (type, code, name, name_en, sort) values
    ('HOUSEHOLD_TYPE', 'REGISTERED', '户籍人口', 'Registered', 1),
    ('HOUSEHOLD_TYPE', 'FLOATING', '流动人口', 'Floating', 2),
    ('HOUSEHOLD_TYPE', 'FOREIGN', '境外人员', 'Foreign', 3),
    ('HOUSEHOLD_TYPE', 'LEFT_BEHIND', '留守人员', 'Left behind', 4);

-- GB/T 4762-1984 政治面貌代码
insert into bd_dict (type, code, name, name_en, sort) values
    ('POLITICAL_STATUS', '01', '中国共产党党员', 'CPC member', 1),
    ('POLITICAL_STATUS', '02', '中国共产党预备党员', 'CPC probationary member', 2),
    ('POLITICAL_STATUS', '03', '中国共产主义青年团团员', 'CYL member', 3),
    ('POLITICAL_STATUS', '04', '中国国民党革命委员会会员', 'RCCK member', 4),
    ('POLITICAL_STATUS', '05', '中国民主同盟盟员', 'CDL member', 5),
    ('POLITICAL_STATUS', '06', '中国民主建国会会员', 'CNDCA member', 6),
    ('POLITICAL_STATUS', '07', '中国民主促进会会员', 'CAPD member', 7),
    ('POLITICAL_STATUS', '08', '中国农工民主党党员', 'CPWDP member', 8),
    ('POLITICAL_STATUS', '09', '中国致公党党员', 'CZGP member', 9),
    ('POLITICAL_STATUS', '10', '九三学社社员', 'JS member', 10),
    ('POLITICAL_STATUS', '11', '台湾民主自治同盟盟员', 'TDSL member', 11),
    ('POLITICAL_STATUS', '12', '无党派民主人士', 'Non-party', 12),
    ('POLITICAL_STATUS', '13', '群众', 'Ordinary citizen', 13);

-- GB/T 4658-2006 学历代码 (the main classes)
insert into bd_dict (type, code, name, name_en, sort) values
    ('EDUCATION', '10', '研究生教育', 'Postgraduate', 1),
    ('EDUCATION', '20', '大学本科教育', 'Bachelor', 2),
    ('EDUCATION', '30', '大学专科教育', 'Junior college', 3),
    ('EDUCATION', '40', '中等职业教育', 'Secondary vocational', 4),
    ('EDUCATION', '60', '普通高级中学教育', 'Senior high school', 5),
    ('EDUCATION', '70', '初级中学教育', 'Junior high school', 6),
    ('EDUCATION', '80', '小学教育', 'Primary school', 7),
    ('EDUCATION', '90', '其他', 'Other', 8);

-- GB/T 4761-2008 家庭关系代码 (the main classes)
insert into bd_dict (type, code, name, name_en, sort) values
    ('RELATIONSHIP', '01', '本人', 'Self', 1), ('RELATIONSHIP', '02', '户主', 'Head of household', 2),
    ('RELATIONSHIP', '10', '配偶', 'Spouse', 3), ('RELATIONSHIP', '20', '子', 'Son', 4),
    ('RELATIONSHIP', '30', '女', 'Daughter', 5), ('RELATIONSHIP', '40', '孙子、孙女或外孙子、外孙女', 'Grandchild', 6),
    ('RELATIONSHIP', '50', '父母', 'Parent', 7), ('RELATIONSHIP', '60', '祖父母或外祖父母', 'Grandparent', 8),
    ('RELATIONSHIP', '70', '兄、弟、姐、妹', 'Sibling', 9), ('RELATIONSHIP', '80', '其他', 'Other relative', 10),
    ('RELATIONSHIP', '99', '非亲属', 'Not related', 11);

-- The platform's own code lists
insert into bd_dict (type, code, name, name_en, sort) values
    ('KEY_GROUP', 'RELEASED_PRISONER', '刑满释放人员', 'Released prisoner', 1),
    ('KEY_GROUP', 'COMMUNITY_CORRECTION', '社区矫正人员', 'Community correction', 2),
    ('KEY_GROUP', 'MENTAL_DISORDER', '严重精神障碍患者', 'Severe mental disorder', 3),
    ('KEY_GROUP', 'DRUG_USER', '吸毒人员', 'Drug user', 4),
    ('KEY_GROUP', 'HIV_RISK', '艾滋病危险人员', 'HIV risk', 5),
    ('KEY_GROUP', 'KEY_YOUTH', '重点青少年', 'Key youth', 6),
    ('KEY_GROUP', 'ELDERLY_ALONE', '独居老人', 'Elderly living alone', 7),
    ('KEY_GROUP', 'DISABLED', '残疾人', 'Disabled', 8),
    ('KEY_GROUP', 'SUBSISTENCE', '低保对象', 'Subsistence allowance', 9),
    ('KEY_GROUP', 'VETERAN', '退役军人', 'Veteran', 10),
    ('PERSON_STATUS', 'ACTIVE', '在册', 'Active', 1),
    ('PERSON_STATUS', 'MOVED_OUT', '迁出', 'Moved out', 2),
    ('PERSON_STATUS', 'DECEASED', '死亡', 'Deceased', 3),
    ('HOUSE_USE', 'RESIDENTIAL', '住宅', 'Residential', 1),
    ('HOUSE_USE', 'COMMERCIAL', '商业', 'Commercial', 2),
    ('HOUSE_USE', 'OFFICE', '办公', 'Office', 3),
    ('HOUSE_USE', 'INDUSTRIAL', '工业', 'Industrial', 4),
    ('HOUSE_USE', 'MIXED', '商住两用', 'Mixed', 5),
    ('HOUSE_USE', 'OTHER', '其他', 'Other', 6),
    ('PLACE_TYPE', 'SHOP', '商铺', 'Shop', 1),
    ('PLACE_TYPE', 'SCHOOL', '学校', 'School', 2),
    ('PLACE_TYPE', 'HOSPITAL', '医疗机构', 'Hospital', 3),
    ('PLACE_TYPE', 'HAZARD_SITE', '危化品场所', 'Hazard site', 4),
    ('PLACE_TYPE', 'ENTERTAINMENT', '娱乐场所', 'Entertainment', 5),
    ('PLACE_TYPE', 'CROWDED', '人员密集场所', 'Crowded place', 6),
    ('PLACE_TYPE', 'OTHER', '其他场所', 'Other', 7),
    ('ORG_KIND', 'NON_PUBLIC_ECONOMIC', '非公有制经济组织', 'Non-public economic', 1),
    ('ORG_KIND', 'SOCIAL', '社会组织', 'Social organisation', 2),
    ('HAZARD_TYPE', 'NONE', '无', 'None', 1),
    ('HAZARD_TYPE', 'FIRE', '消防隐患', 'Fire', 2),
    ('HAZARD_TYPE', 'CHEMICAL', '危险化学品', 'Chemicals', 3),
    ('HAZARD_TYPE', 'GAS', '燃气', 'Gas', 4),
    ('HAZARD_TYPE', 'CONSTRUCTION', '建筑施工', 'Construction', 5),
    ('HAZARD_TYPE', 'OTHER', '其他', 'Other', 6),
    ('THING_TYPE', 'MANHOLE', '井盖', 'Manhole cover', 1),
    ('THING_TYPE', 'HYDRANT', '消防栓', 'Fire hydrant', 2),
    ('THING_TYPE', 'STREET_LIGHT', '路灯', 'Street light', 3),
    ('THING_TYPE', 'CAMERA', '监控探头', 'Camera', 4),
    ('THING_TYPE', 'IOT_SENSOR', '物联感知设备', 'IoT sensor', 5),
    ('THING_STATUS', 'NORMAL', '正常', 'Normal', 1),
    ('THING_STATUS', 'DAMAGED', '损坏', 'Damaged', 2),
    ('THING_STATUS', 'MISSING', '丢失', 'Missing', 3),
    ('THING_STATUS', 'REPAIRING', '维修中', 'Under repair', 4),
    ('THING_STATUS', 'RETIRED', '停用', 'Retired', 5),
    ('DISPUTE_TYPE', 'NEIGHBOUR', '邻里纠纷', 'Neighbours', 1),
    ('DISPUTE_TYPE', 'FAMILY', '婚姻家庭纠纷', 'Family', 2),
    ('DISPUTE_TYPE', 'PROPERTY', '物业纠纷', 'Property management', 3),
    ('DISPUTE_TYPE', 'LABOUR', '劳动争议', 'Labour', 4),
    ('DISPUTE_TYPE', 'LAND', '土地山林纠纷', 'Land', 5),
    ('DISPUTE_TYPE', 'CONTRACT', '合同纠纷', 'Contract', 6),
    ('DISPUTE_TYPE', 'OTHER', '其他纠纷', 'Other', 7),
    ('DISPUTE_SCALE', 'SMALL', '一般（2人以下）', 'Small', 1),
    ('DISPUTE_SCALE', 'MEDIUM', '较大（3-9人）', 'Medium', 2),
    ('DISPUTE_SCALE', 'LARGE', '重大（10-49人）', 'Large', 3),
    ('DISPUTE_SCALE', 'MASS', '群体性（50人以上）', 'Mass', 4),
    ('DISPUTE_STATUS', 'OPEN', '待调解', 'Open', 1),
    ('DISPUTE_STATUS', 'MEDIATING', '调解中', 'Mediating', 2),
    ('DISPUTE_STATUS', 'RESOLVED', '调解成功', 'Resolved', 3),
    ('DISPUTE_STATUS', 'FAILED', '调解不成', 'Failed', 4),
    ('DISPUTE_STATUS', 'ESCALATED', '已上报', 'Escalated', 5);

insert into permission (code, module, name) values
    ('basedata:person:read', 'basedata', '查看实有人口'),
    ('basedata:person:write', 'basedata', '维护实有人口'),
    ('basedata:object:read', 'basedata', '查看房屋、场所、组织、部件'),
    ('basedata:object:write', 'basedata', '维护房屋、场所、组织、部件'),
    ('basedata:situation:read', 'basedata', '查看矛盾纠纷与民情日志'),
    ('basedata:situation:write', 'basedata', '登记矛盾纠纷与民情日志'),
    ('basedata:import', 'basedata', '导入基础数据'),
    ('basedata:export', 'basedata', '导出基础数据（含个人信息）'),
    ('person:unmask', 'basedata', '查看完整身份证号与手机号'),
    ('search:query', 'search', '全文检索');

insert into role_permission (role_id, permission_code)
select r.id, p.code from role r join permission p on
    (r.code = 'GRID_WORKER' and p.code in ('basedata:person:read', 'basedata:person:write', 'basedata:object:read',
        'basedata:object:write', 'basedata:situation:read', 'basedata:situation:write', 'search:query'))
 or (r.code = 'GRID_CHIEF' and p.code in ('basedata:person:read', 'basedata:person:write', 'basedata:object:read',
        'basedata:object:write', 'basedata:situation:read', 'basedata:situation:write', 'basedata:import',
        'basedata:export', 'person:unmask', 'search:query'))
 or (r.code = 'CENTER_STAFF' and p.code in ('basedata:person:read', 'basedata:person:write', 'basedata:object:read',
        'basedata:object:write', 'basedata:situation:read', 'basedata:situation:write', 'basedata:import',
        'basedata:export', 'person:unmask', 'search:query'))
 or (r.code = 'TOWN_LEADER' and p.code in ('basedata:person:read', 'basedata:object:read', 'basedata:situation:read',
        'search:query'))
 or (r.code = 'DEPT_HANDLER' and p.code in ('basedata:object:read', 'search:query'));
