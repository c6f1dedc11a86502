-- The 实有人口 data items of GB/T 31000-2015 and the Jiangsu resource catalogue a town is asked for that we did not keep
-- (曾用名, 籍贯, 婚姻状况, 宗教信仰, 职业类别, 职业, 户籍地, 现住地, 人户一致标识, 户号, 与户主关系), and their code tables.
alter table bd_person
    add column former_name             varchar(50),
    add column native_place            varchar(6),
    add column marital_status          varchar(2),
    add column religion                varchar(2),
    add column occupation_category     varchar(5),
    add column occupation              varchar(30),
    add column registered_place        varchar(6),
    add column current_place           varchar(6),
    add column household_consistency   varchar(2),
    add column household_number        varchar(9),
    add column household_head_relation varchar(2);

-- GB/T 2261.2-2003 婚姻状况代码
insert into bd_dict (type, code, name, name_en, sort) values
    ('MARITAL_STATUS', '10', '未婚', 'Unmarried', 1),
    ('MARITAL_STATUS', '20', '已婚', 'Married', 2),
    ('MARITAL_STATUS', '21', '初婚', 'First marriage', 3),
    ('MARITAL_STATUS', '22', '再婚', 'Remarried', 4),
    ('MARITAL_STATUS', '23', '复婚', 'Remarried to the former spouse', 5),
    ('MARITAL_STATUS', '30', '丧偶', 'Widowed', 6),
    ('MARITAL_STATUS', '40', '离婚', 'Divorced', 7),
    ('MARITAL_STATUS', '90', '未说明的婚姻状况', 'Not stated', 8);

-- GA 214.12-2004 宗教信仰代码 (the main classes)
insert into bd_dict (type, code, name, name_en, sort) values
    ('RELIGION', '00', '无宗教信仰', 'None', 1),
    ('RELIGION', '10', '佛教', 'Buddhism', 2),
    ('RELIGION', '11', '喇嘛教', 'Tibetan Buddhism', 3),
    ('RELIGION', '20', '道教', 'Taoism', 4),
    ('RELIGION', '30', '天主教', 'Catholicism', 5),
    ('RELIGION', '40', '基督教', 'Protestantism', 6),
    ('RELIGION', '50', '东正教', 'Orthodox Christianity', 7),
    ('RELIGION', '60', '伊斯兰教', 'Islam', 8),
    ('RELIGION', '99', '其他', 'Other', 9);

-- GB/T 6565-2015 职业分类与代码 (the eight major groups)
insert into bd_dict (type, code, name, name_en, sort) values
    ('OCCUPATION', '1', '党的机关、国家机关、群众团体和社会组织、企事业单位负责人', 'Heads of organisations', 1),
    ('OCCUPATION', '2', '专业技术人员', 'Professionals', 2),
    ('OCCUPATION', '3', '办事人员和有关人员', 'Clerical staff', 3),
    ('OCCUPATION', '4', '社会生产服务和生活服务人员', 'Service workers', 4),
    ('OCCUPATION', '5', '农、林、牧、渔业生产及辅助人员', 'Agriculture, forestry, husbandry, fishery', 5),
    ('OCCUPATION', '6', '生产制造及有关人员', 'Production and manufacturing', 6),
    ('OCCUPATION', '7', '军人', 'Military', 7),
    ('OCCUPATION', '8', '不便分类的其他从业人员', 'Other', 8);

-- GB/T 31000-2015 人户一致标识
insert into bd_dict (type, code, name, name_en, sort) values
    ('HOUSEHOLD_CONSISTENCY', '01', '一致', 'Lives where registered', 1),
    ('HOUSEHOLD_CONSISTENCY', '02', '不一致', 'Lives elsewhere', 2);
