-- 重点人员排查: a form template seeded by the system (no author), per household, for a centre to start as a campaign.
alter table collection_form alter column created_by drop not null;
alter table collection_form_version alter column published_by drop not null;

insert into collection_form (code, name, current_version, created_by)
values ('KEY_PERSON_SCREENING', '重点人员排查', 1, null);

insert into collection_form_version (form_id, version, fields, published_by)
select id, 1, '[
  {"key": "house", "label": "排查房屋（门牌地址）", "type": "TEXT", "required": true, "options": [], "min": null, "max": null, "maxLength": 200},
  {"key": "householder", "label": "户主姓名", "type": "TEXT", "required": true, "options": [], "min": null, "max": null, "maxLength": 50},
  {"key": "phone", "label": "联系电话", "type": "PHONE", "required": false, "options": [], "min": null, "max": null, "maxLength": null},
  {"key": "residents", "label": "在住人数", "type": "NUMBER", "required": true, "options": [], "min": 0, "max": 50, "maxLength": null},
  {"key": "checked", "label": "排查人数", "type": "NUMBER", "required": true, "options": [], "min": 0, "max": 50, "maxLength": null},
  {"key": "keyPersons", "label": "重点人员姓名", "type": "TEXT", "required": false, "options": [], "min": null, "max": null, "maxLength": 200},
  {"key": "health", "label": "健康状况", "type": "SINGLE_CHOICE", "required": true, "options": ["正常", "发热", "咳嗽等呼吸道症状", "其他异常"], "min": null, "max": null, "maxLength": null},
  {"key": "whereabouts", "label": "行程去向", "type": "SINGLE_CHOICE", "required": true, "options": ["在本地", "市内外出", "市外外出", "从风险地区返回", "去向不明"], "min": null, "max": null, "maxLength": null},
  {"key": "contact", "label": "接触史", "type": "SINGLE_CHOICE", "required": true, "options": ["无", "密切接触者", "次密切接触者", "其他接触"], "min": null, "max": null, "maxLength": null},
  {"key": "measures", "label": "已采取措施", "type": "MULTIPLE_CHOICE", "required": false, "options": ["健康监测", "居家观察", "上门走访", "移交社区", "报告专班"], "min": null, "max": null, "maxLength": null},
  {"key": "result", "label": "排查结果", "type": "SINGLE_CHOICE", "required": true, "options": ["正常", "需关注", "需管控", "已上报"], "min": null, "max": null, "maxLength": null},
  {"key": "note", "label": "备注", "type": "LONG_TEXT", "required": false, "options": [], "min": null, "max": null, "maxLength": 1000}
]'::jsonb, null
from collection_form where code = 'KEY_PERSON_SCREENING';
