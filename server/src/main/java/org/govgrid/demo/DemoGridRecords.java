package org.govgrid.demo;

import java.util.List;
import java.util.Map;

/**
 * What the two demo grids of 狮山社区 hold: houses, the people living in them, places,
 * organisations, things, disputes and daily notes. Every name and address is made up.
 */
final class DemoGridRecords {

	private DemoGridRecords() {
	}

	/** A house: grid (0 or 1), estate, building, unit, room, use, m², owner, tenants. */
	record House(int grid, String estate, String building, String unit, String room, String use, double area,
			String owner) {

		String address() {
			return "苏州高新区狮山街道" + this.estate + (this.building == null ? "" : this.building)
					+ (this.unit == null ? "" : this.unit) + (this.room == null ? "" : this.room);
		}

	}

	static final List<House> HOUSES = List.of(
			// grid 1: 金山花园 and 竹园路
			new House(0, "金山花园", "1幢", "1单元", "101室", "RESIDENTIAL", 89.6, "张志强"),
			new House(0, "金山花园", "1幢", "2单元", "302室", "RESIDENTIAL", 102.3, "李秀英"),
			new House(0, "金山花园", "3幢", "1单元", "501室", "RESIDENTIAL", 76.8, "王建华"),
			new House(0, "金山花园", "5幢", "2单元", "402室", "RESIDENTIAL", 118.0, "刘国庆"),
			new House(0, "金山花园", "6幢", "1单元", "102室", "RESIDENTIAL", 65.2, "陈桂兰"),
			new House(0, "竹园路58号", null, null, null, "COMMERCIAL", 45.0, "周德明"),
			new House(0, "竹园路60号", null, null, null, "MIXED", 130.0, "周德明"),
			new House(0, "金山花园", "8幢", "1单元", "601室", "RESIDENTIAL", 95.0, "吴海燕"),
			// grid 2: 玉山苑 and 长江路
			new House(1, "玉山苑", "2幢", "1单元", "201室", "RESIDENTIAL", 88.0, "徐立新"),
			new House(1, "玉山苑", "2幢", "3单元", "502室", "RESIDENTIAL", 92.5, "孙丽娟"),
			new House(1, "玉山苑", "4幢", "1单元", "301室", "RESIDENTIAL", 110.0, "马俊"),
			new House(1, "玉山苑", "7幢", "2单元", "101室", "RESIDENTIAL", 72.0, "朱美华"),
			new House(1, "长江路368号", null, null, null, "OFFICE", 560.0, "苏州狮山科技发展有限公司"),
			new House(1, "长江路372号", null, null, null, "COMMERCIAL", 210.0, "胡建军"),
			new House(1, "玉山苑", "9幢", "1单元", "402室", "RESIDENTIAL", 98.0, "郭志明"));

	/**
	 * A person: the house (index into {@link #HOUSES}), name, sex, birth date, household
	 * type, the area code of the ID number, ethnicity, education, political status, work
	 * unit and, for tenants, since when they rent.
	 */
	record Person(int house, String name, String sex, String birth, String household, String area, String ethnicity,
			String education, String political, String workUnit, String rentedSince) {

		static Person resident(int house, String name, String sex, String birth, String education, String political,
				String workUnit) {
			return new Person(house, name, sex, birth, "REGISTERED", "320505", "01", education, political, workUnit,
					null);
		}

		static Person tenant(int house, String name, String sex, String birth, String area, String ethnicity,
				String education, String workUnit, String since) {
			return new Person(house, name, sex, birth, "FLOATING", area, ethnicity, education, "13", workUnit, since);
		}

		Person household(String type) {
			return new Person(this.house, this.name, this.sex, this.birth, type, this.area, this.ethnicity,
					this.education, this.political, this.workUnit, this.rentedSince);
		}

		Person ethnicity(String code) {
			return new Person(this.house, this.name, this.sex, this.birth, this.household, this.area, code,
					this.education, this.political, this.workUnit, this.rentedSince);
		}

	}

	static final List<Person> PEOPLE = List.of(Person.resident(0, "张志强", "1", "1978-04-12", "20", "01", "苏州高新区人民医院"),
			Person.resident(0, "林晓燕", "2", "1980-09-03", "20", "13", "狮山实验小学"),
			Person.resident(0, "张子涵", "2", "2009-06-18", "60", "03", null),
			Person.resident(0, "张福生", "1", "1950-10-10", "70", "01", null),
			Person.tenant(1, "黄磊", "1", "1992-11-02", "340104", "01", "30", "苏州金山电子有限公司", "2025-03-01"),
			Person.tenant(1, "邓丽", "2", "1994-02-27", "360124", "01", "40", "金山花园便利店", "2025-03-01"),
			Person.tenant(1, "江涛", "1", "1996-12-01", "420106", "01", "30", "苏州金山电子有限公司", "2025-09-15"),
			Person.resident(2, "王建华", "1", "1965-07-21", "40", "01", null),
			Person.resident(2, "赵素芬", "2", "1967-12-05", "70", "13", null),
			Person.resident(2, "王丽", "2", "1990-05-20", "20", "01", "狮山街道社区卫生服务中心"),
			Person.resident(3, "刘国庆", "1", "1972-10-01", "20", "13", "个体经营"),
			Person.resident(3, "何敏", "2", "1975-03-15", "30", "13", "苏州玉山养老服务中心"),
			Person.resident(3, "刘浩然", "1", "2004-08-30", "60", "03", "苏州科技大学（在读）"),
			Person.resident(3, "刘桂香", "2", "1944-02-02", "80", "13", null),
			Person.resident(4, "陈桂兰", "2", "1941-05-09", "80", "13", null),
			Person.resident(6, "周德明", "1", "1960-01-20", "40", "13", "苏州竹园商贸有限公司"),
			Person.resident(6, "钱淑珍", "2", "1962-08-18", "70", "13", null),
			Person.tenant(6, "蒋文斌", "1", "1988-06-06", "320382", "01", "40", "蒋记面馆", "2024-06-01"),
			Person.tenant(6, "孔敏", "2", "1990-01-01", "370881", "01", "40", "蒋记面馆", "2024-06-01"),
			Person.resident(7, "吴海燕", "2", "1983-08-08", "10", "01", "苏州科技大学"),
			Person.resident(7, "沈俊", "1", "1982-01-16", "10", "13", "苏州狮山科技发展有限公司"),
			Person.resident(7, "沈一诺", "1", "2016-03-03", null, null, null),
			Person.resident(8, "徐立新", "1", "1969-02-14", "30", "01", "苏州高新区管委会"),
			Person.resident(8, "杨红", "2", "1971-06-25", "60", "13", null),
			Person.resident(8, "徐晨", "1", "1997-09-09", "20", "03", "苏州云帆软件有限公司"),
			Person.resident(8, "潘雨", "2", "1998-11-11", "20", "13", "苏州云帆软件有限公司"),
			Person.resident(8, "徐桂珍", "2", "1946-07-07", "80", "13", null),
			Person.tenant(9, "覃海", "1", "1990-04-04", "450103", "08", "40", "苏州宏达装饰工程有限公司", "2025-05-01"),
			Person.tenant(9, "覃美玲", "2", "1992-07-19", "450103", "08", "40", "玉山苑物业服务中心", "2025-05-01"),
			Person.tenant(9, "覃志强", "1", "2015-05-05", "450103", "08", null, "狮山实验小学（在读）", "2025-05-01"),
			Person.resident(10, "马俊", "1", "1976-11-11", "20", "13", "苏州玉山汽车维修有限公司").ethnicity("03"),
			Person.resident(10, "钱永红", "2", "1979-10-10", "60", "13", null),
			Person.resident(10, "马欣怡", "2", "2008-01-22", "60", "03", null).ethnicity("03"),
			Person.resident(10, "马福", "1", "1948-08-08", "80", "01", null).ethnicity("03"),
			Person.resident(11, "朱美华", "2", "1968-05-05", "70", "13", null),
			Person.resident(11, "谢永福", "1", "1966-03-03", "70", "13", "待业"),
			Person.resident(11, "谢婷", "2", "1995-03-30", "20", "13", "苏州狮山科技发展有限公司"),
			Person.tenant(13, "曹磊", "1", "1985-09-09", "411302", "01", "40", "星光KTV", "2023-10-01"),
			Person.tenant(13, "彭丽", "2", "1987-04-04", "411302", "01", "40", "星光KTV", "2023-10-01"),
			Person.resident(14, "郭秀珍", "2", "1938-12-12", "80", "13", null).household("LEFT_BEHIND"));

	/** A key-group tag of the person named, with the group's own fields. */
	record Tag(String person, String tag, String since, Map<String, Object> details) {
	}

	static final List<Tag> TAGS = List.of(
			new Tag("陈桂兰", "ELDERLY_ALONE", "2021-03-01", Map.of("careLevel", "DAILY", "contactName", "陈建明（儿子）")),
			new Tag("陈桂兰", "SUBSISTENCE", "2022-01-01", Map.of("householdSize", 1, "monthlyAmount", 1080)),
			new Tag("郭秀珍", "ELDERLY_ALONE", "2019-07-01", Map.of("careLevel", "ATTENTION", "contactName", "郭志明（儿子）")),
			new Tag("谢永福", "COMMUNITY_CORRECTION", "2025-09-01",
					Map.of("correctionStart", "2025-09-01", "correctionEnd", "2027-08-31", "correctionType",
							"PROBATION")),
			new Tag("钱永红", "MENTAL_DISORDER", "2020-05-12",
					Map.of("riskLevel", 1, "guardianName", "马俊", "guardianRelationship", "配偶")),
			new Tag("杨红", "DISABLED", "2015-09-01", Map.of("disabilityType", "PHYSICAL", "grade", 3)),
			new Tag("张福生", "VETERAN", null, Map.of("dischargeDate", "1972-12-01", "branch", "陆军")));

	/** A place: grid, name, type, address, house (index or -1), contact, hazard level. */
	record Place(int grid, String name, String type, String address, int house, String contact, String hazard) {
	}

	static final List<Place> PLACES = List.of(new Place(0, "金山花园便利店", "SHOP", "苏州高新区狮山街道竹园路58号", 5, "邓丽", "LOW"),
			new Place(0, "狮山实验小学", "SCHOOL", "苏州高新区狮山街道竹园路100号", -1, "林晓燕", "LOW"),
			new Place(0, "竹园菜市场", "CROWDED", "苏州高新区狮山街道竹园路76号", -1, "周德明", "MEDIUM"),
			new Place(1, "玉山苑社区卫生服务站", "HOSPITAL", "苏州高新区狮山街道玉山苑11幢", -1, "王丽", "LOW"),
			new Place(1, "玉山加油站", "HAZARD_SITE", "苏州高新区狮山街道长江路380号", -1, "韩刚", "HIGH"),
			new Place(1, "星光KTV", "ENTERTAINMENT", "苏州高新区狮山街道长江路372号", 13, "曹磊", "MEDIUM"));

	/**
	 * An organisation: grid, name, kind, the first two characters of its credit code, the
	 * eight-character body of its organisation code, legal representative, staff, hazard,
	 * party members, party organisation, address.
	 */
	record Organization(int grid, String name, String kind, String registration, String body, String legal, int staff,
			String hazard, int partyMembers, boolean partyOrg, String address) {
	}

	static final List<Organization> ORGANIZATIONS = List.of(
			new Organization(1, "苏州狮山科技发展有限公司", "NON_PUBLIC_ECONOMIC", "91", "MA1MX3K2", "蔡志远", 86, "NONE", 6, true,
					"苏州高新区狮山街道长江路368号"),
			new Organization(0, "苏州竹园商贸有限公司", "NON_PUBLIC_ECONOMIC", "91", "MA1N4W7Q", "周德明", 12, "FIRE", 1, false,
					"苏州高新区狮山街道竹园路58号"),
			new Organization(0, "苏州高新区蒋记面馆", "NON_PUBLIC_ECONOMIC", "92", "L5GT2J8P", "蒋文斌", 3, "GAS", 0, false,
					"苏州高新区狮山街道竹园路60号"),
			new Organization(1, "苏州玉山汽车维修有限公司", "NON_PUBLIC_ECONOMIC", "91", "MA1P8R5D", "韩刚", 15, "CHEMICAL", 0, false,
					"苏州高新区狮山街道长江路390号"),
			new Organization(0, "苏州高新区狮山街道金山社区志愿者协会", "SOCIAL", "51", "MJ5C2B7T", "林晓燕", 3, "NONE", 2, false,
					"苏州高新区狮山街道金山花园社区服务中心"),
			new Organization(1, "苏州玉山养老服务中心", "SOCIAL", "52", "MJ5D8H3L", "唐慧", 24, "FIRE", 3, true,
					"苏州高新区狮山街道玉山苑11幢"));

	/** A thing: grid, type, the code's type letters, name, where, owner unit, status. */
	record Thing(int grid, String type, String letters, String name, String address, String owner, String status) {
	}

	static final List<Thing> THINGS = List.of(new Thing(0, "MANHOLE", "JG", "污水井盖", "金山花园1幢北侧", "高新区市政管理处", "NORMAL"),
			new Thing(0, "MANHOLE", "JG", "雨水井盖", "竹园路58号门前", "高新区市政管理处", "DAMAGED"),
			new Thing(0, "MANHOLE", "JG", "通信井盖", "金山花园南门", "中国电信苏州分公司", "NORMAL"),
			new Thing(0, "HYDRANT", "XHS", "室外消火栓", "金山花园3幢东侧", "高新区消防救援大队", "NORMAL"),
			new Thing(0, "HYDRANT", "XHS", "室外消火栓", "竹园路与金山路交叉口", "高新区消防救援大队", "NORMAL"),
			new Thing(0, "STREET_LIGHT", "LD", "路灯", "竹园路60号门前", "狮山街道城管办", "NORMAL"),
			new Thing(0, "STREET_LIGHT", "LD", "路灯", "金山花园5幢西侧", "狮山街道城管办", "REPAIRING"),
			new Thing(0, "STREET_LIGHT", "LD", "路灯", "金山花园8幢北侧", "狮山街道城管办", "NORMAL"),
			new Thing(0, "CAMERA", "JK", "高清监控探头", "金山花园南门", "高新区公安分局", "NORMAL"),
			new Thing(0, "IOT_SENSOR", "GZ", "井盖位移传感器", "竹园路58号门前", "高新区市政管理处", "NORMAL"),
			new Thing(1, "MANHOLE", "JG", "污水井盖", "玉山苑2幢南侧", "高新区市政管理处", "NORMAL"),
			new Thing(1, "MANHOLE", "JG", "雨水井盖", "长江路372号门前", "高新区市政管理处", "MISSING"),
			new Thing(1, "MANHOLE", "JG", "燃气井盖", "玉山苑7幢东侧", "苏州港华燃气有限公司", "NORMAL"),
			new Thing(1, "HYDRANT", "XHS", "室外消火栓", "玉山苑4幢北侧", "高新区消防救援大队", "NORMAL"),
			new Thing(1, "HYDRANT", "XHS", "室外消火栓", "长江路368号西侧", "高新区消防救援大队", "DAMAGED"),
			new Thing(1, "STREET_LIGHT", "LD", "路灯", "长江路380号门前", "狮山街道城管办", "NORMAL"),
			new Thing(1, "STREET_LIGHT", "LD", "路灯", "玉山苑9幢西侧", "狮山街道城管办", "NORMAL"),
			new Thing(1, "CAMERA", "JK", "高清监控探头", "玉山苑北门", "高新区公安分局", "NORMAL"),
			new Thing(1, "CAMERA", "JK", "人脸识别摄像机", "长江路与玉山路交叉口", "高新区公安分局", "NORMAL"),
			new Thing(1, "IOT_SENSOR", "GZ", "烟感报警器", "玉山加油站", "高新区应急管理局", "NORMAL"));

	/** A daily note: grid (its worker writes it), days ago, topic, content. */
	record Note(int grid, int daysAgo, String topic, String content) {
	}

	static final List<Note> NOTES = List.of(new Note(0, 0, "VISIT", "走访独居老人陈桂兰，血压偏高，已提醒按时服药，联系其子陈建明周末回来探望。"),
			new Note(0, 1, "SAFETY", "金山花园5幢楼道发现电动车入户充电，已当场劝离并张贴安全提示。"),
			new Note(0, 3, "MOOD", "竹园路商户反映雨水井盖破损影响通行，情绪较急，已上报并告知处理进度。"),
			new Note(1, 0, "VISIT", "入户回访社区矫正对象谢永福，按时报到，近期在找工作，已推荐街道就业服务站。"),
			new Note(1, 2, "SAFETY", "玉山加油站周边巡查，消防通道畅通，烟感设备在线。"), new Note(1, 4, "OTHER", "协助玉山苑物业开展垃圾分类宣传，发放宣传册60份。"));

}
