package org.govgrid.exchange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.basedata.People;
import org.govgrid.exchange.CatalogueSources.PersonRow;

import static org.govgrid.exchange.CatalogueColumn.held;
import static org.govgrid.exchange.CatalogueColumn.missing;

/**
 * The tables of the Jiangsu resource catalogue (《江苏省城乡网格化服务管理办法》) as GB/T 31000-2015 lays
 * them out, and where our data fills them. This is the one definition: the export writes
 * it and docs/catalogue/jiangsu-resource-catalogue.md is generated from it
 * ({@link CatalogueDoc}). Codes of national code tables are written as the code, codes of
 * the platform's own lists as their Chinese name, dates as YYYYMMDD and yes/no as 1/0.
 */
final class JiangsuCatalogue {

	static final String GB31000 = "GB/T 31000-2015";

	private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

	static final List<CatalogueTable<?>> TABLES;

	static {
		List<CatalogueTable<?>> tables = new ArrayList<>();
		tables.add(people("people", "人口基本信息", GB31000 + " 实有人口的公共数据项", null, null, List.of()));
		tables.add(people("registered", "户籍人口", GB31000 + " 实有人口·户籍人口", "REGISTERED", null, registered()));
		tables.add(people("floating", "流动人口", GB31000 + " 实有人口·流动人口", "FLOATING", null, floating()));
		tables.add(new CatalogueTable<>("foreign", "境外人员", GB31000 + " 实有人口·境外人员",
				CatalogueSources.people(new People.Filter(null, null, "FOREIGN", null, null)), foreign()));
		tables.add(people("left-behind", "留守人员", GB31000 + " 实有人口·留守人员", "LEFT_BEHIND", null, leftBehind()));
		tables.add(people("released-prisoners", "刑满释放人员", GB31000 + " 特殊人群·刑满释放人员", null, "RELEASED_PRISONER",
				released()));
		tables.add(people("community-correction", "社区矫正人员", GB31000 + " 特殊人群·社区矫正人员", null, "COMMUNITY_CORRECTION",
				correction()));
		tables
			.add(people("mental-disorder", "严重精神障碍患者", GB31000 + " 特殊人群·严重精神障碍患者", null, "MENTAL_DISORDER", mental()));
		tables.add(people("drug-users", "吸毒人员", GB31000 + " 特殊人群·吸毒人员", null, "DRUG_USER", drugs()));
		tables.add(people("hiv-risk", "艾滋病危险人员", GB31000 + " 特殊人群·艾滋病危险人员", null, "HIV_RISK", hiv()));
		tables.add(people("key-youth", "重点青少年", GB31000 + " 重点青少年", null, "KEY_YOUTH", youth()));
		tables.addAll(CatalogueObjectTables.tables());
		TABLES = List.copyOf(tables);
	}

	private JiangsuCatalogue() {
	}

	static Optional<CatalogueTable<?>> find(String code) {
		return TABLES.stream().filter(t -> t.code().equals(code)).findFirst();
	}

	/** A table of people: the common items, then the table's own. */
	private static CatalogueTable<PersonRow> people(String code, String title, String basis, String householdType,
			String tag, List<CatalogueColumn<PersonRow>> own) {
		List<CatalogueColumn<PersonRow>> columns = new ArrayList<>(common());
		columns.addAll(own);
		columns.add(gridOfPerson());
		return new CatalogueTable<>(code, title, basis,
				CatalogueSources.people(new People.Filter(null, null, householdType, tag, null)), columns);
	}

	/** Not a catalogue item: the grid a town's list is kept by, last. */
	private static CatalogueColumn<PersonRow> gridOfPerson() {
		return gridColumn("bd_person.grid_id · gridId", r -> r.person().gridId());
	}

	static <T> CatalogueColumn<T> gridColumn(String field, java.util.function.ToLongFunction<T> grid) {
		return held(GRID_HEADER, field, "字符 15", true, "网格编码（本平台，前9位为 GB/T 2260 + 乡镇街道代码）",
				r -> new GridId(grid.applyAsLong(r)));
	}

	static final String GRID_HEADER = "所属网格编码";

	/** A grid, written as its code. */
	record GridId(long id) {
	}

	/** 实有人口的公共数据项, in GB/T 31000's order. */
	private static List<CatalogueColumn<PersonRow>> common() {
		return List.of(
				held("公民身份号码", "bd_person.id_cipher · idNumber", "字符 18", true, "GB 11643（脱敏，unmask 时明文）",
						PersonRow::idNumber),
				held("姓名", "bd_person.name · name", "字符 50", true, null, r -> r.person().name()),
				held("曾用名", "bd_person.former_name · formerName", "字符 50", false, null,
						r -> r.person().details().formerName()),
				held("性别", "bd_person.sex · sex", "字符 1", true, "GB/T 2261.1", r -> r.person().sex()),
				held("出生日期", "bd_person.birth_date · birthDate", "日期 8 (YYYYMMDD)", true, null,
						r -> ymd(r.person().birthDate())),
				held("民族", "bd_person.ethnicity · ethnicity", "字符 2", false, "GB/T 3304", r -> r.person().ethnicity()),
				held("籍贯", "bd_person.native_place · nativePlace", "字符 6", false, "GB/T 2260",
						r -> r.person().details().nativePlace()),
				held("婚姻状况", "bd_person.marital_status · maritalStatus", "字符 2", false, "GB/T 2261.2",
						r -> r.person().details().maritalStatus()),
				held("政治面貌", "bd_person.political_status · politicalStatus", "字符 2", false, "GB/T 4762",
						r -> r.person().politicalStatus()),
				held("学历", "bd_person.education · education", "字符 2", false, "GB/T 4658", r -> r.person().education()),
				held("宗教信仰", "bd_person.religion · religion", "字符 2", false, "GA 214.12",
						r -> r.person().details().religion()),
				held("职业类别", "bd_person.occupation_category · occupationCategory", "字符 5", false, "GB/T 6565",
						r -> r.person().details().occupationCategory()),
				held("职业", "bd_person.occupation · occupation", "字符 30", false, null,
						r -> r.person().details().occupation()),
				held("服务处所", "bd_person.work_unit · workUnit", "字符 200", false, null, r -> r.person().workUnit()),
				held("联系方式", "bd_person.phone_cipher · phone", "字符 20", false, "手机号或固定电话（脱敏，unmask 时明文）",
						PersonRow::phone),
				held("户籍地", "bd_person.registered_place · registeredPlace", "字符 6", false, "GB/T 2260",
						r -> r.person().details().registeredPlace()),
				held("户籍门（楼）详址", "bd_person.registered_address · registeredAddress", "字符 200", false, null,
						r -> r.person().registeredAddress()),
				held("现住地", "bd_person.current_place · currentPlace", "字符 6", false, "GB/T 2260",
						r -> r.person().details().currentPlace()),
				held("现住门（楼）详址", "bd_person.current_address · currentAddress", "字符 200", true, null,
						r -> r.person().currentAddress()));
	}

	private static List<CatalogueColumn<PersonRow>> registered() {
		return List.of(
				held("人户一致标识", "bd_person.household_consistency · householdConsistency", "字符 2", false,
						"01 一致 / 02 不一致", r -> r.person().details().householdConsistency()),
				held("户号", "bd_person.household_number · householdNumber", "字符 9", false, null,
						r -> r.person().details().householdNumber()),
				missing("户主公民身份号码", "字符 18", "GB 11643"), missing("户主姓名", "字符 50", null),
				held("与户主关系", "bd_person.household_head_relation · householdHeadRelation", "字符 2", false, "GB/T 4761",
						r -> r.person().details().householdHeadRelation()),
				missing("户主联系方式", "字符 50", null));
	}

	private static List<CatalogueColumn<PersonRow>> floating() {
		return List.of(missing("流入原因", "字符 2", "GB/T 31000 流入原因"), missing("办证类型", "字符 2", "GB/T 31000 办证类型"),
				missing("证件号码", "字符 22", null), missing("登记日期", "日期 8", null), missing("证件到期日期", "日期 8", null),
				missing("住所类型", "字符 2", "GB/T 31000 住所类型"), keyPerson());
	}

	/** 境外人员 has its own identity items instead of the common ones. */
	private static List<CatalogueColumn<PersonRow>> foreign() {
		return List.of(missing("外文姓", "字符 40", null), missing("外文名", "字符 40", null),
				held("中文姓名", "bd_person.name · name", "字符 50", true, null, r -> r.person().name()),
				held("性别", "bd_person.sex · sex", "字符 1", true, "GB/T 2261.1", r -> r.person().sex()),
				held("出生日期", "bd_person.birth_date · birthDate", "日期 8 (YYYYMMDD)", true, null,
						r -> ymd(r.person().birthDate())),
				missing("国籍（地区）", "字符 3", "GB/T 2659"),
				held("宗教信仰", "bd_person.religion · religion", "字符 2", false, "GA 214.12",
						r -> r.person().details().religion()),
				missing("证件代码", "字符 3", "GA/T 517"),
				held("证件号码", "bd_person.id_cipher · idNumber", "字符 30", true, "外国人永久居留身份证号（脱敏，unmask 时明文）",
						PersonRow::idNumber),
				missing("证件有效期", "日期 8", null),
				held("联系方式", "bd_person.phone_cipher · phone", "字符 20", false, "手机号或固定电话（脱敏，unmask 时明文）",
						PersonRow::phone),
				missing("来华目的", "字符 2", "GB/T 31000 来华目的"),
				held("职业类别", "bd_person.occupation_category · occupationCategory", "字符 5", false, "GB/T 6565",
						r -> r.person().details().occupationCategory()),
				held("职业", "bd_person.occupation · occupation", "字符 30", false, null,
						r -> r.person().details().occupation()),
				held("服务处所", "bd_person.work_unit · workUnit", "字符 200", false, null, r -> r.person().workUnit()),
				held("现住地", "bd_person.current_place · currentPlace", "字符 6", false, "GB/T 2260",
						r -> r.person().details().currentPlace()),
				held("现住门（楼）详址", "bd_person.current_address · currentAddress", "字符 200", true, null,
						r -> r.person().currentAddress()),
				missing("抵达日期", "日期 8", null), missing("预计离开日期", "日期 8", null), keyPerson(), gridOfPerson());
	}

	private static List<CatalogueColumn<PersonRow>> leftBehind() {
		return List.of(missing("健康状况", "字符 2", "GB/T 2261.3"), missing("个人年收入", "数值 8", null),
				held("人户一致标识", "bd_person.household_consistency · householdConsistency", "字符 2", false,
						"01 一致 / 02 不一致", r -> r.person().details().householdConsistency()),
				missing("留守人员类型", "字符 2", "GB/T 31000 留守人员类型"), missing("家庭主要成员公民身份号码", "字符 18", "GB 11643"),
				missing("家庭主要成员姓名", "字符 50", null), missing("家庭主要成员健康状况", "字符 2", "GB/T 2261.3"),
				missing("与留守人员关系", "字符 2", "GB/T 4761"), missing("家庭主要成员联系方式", "字符 50", null),
				missing("家庭主要成员工作详址", "字符 200", null), missing("家庭年收入", "数值 8", null),
				missing("困难及诉求", "字符 1024", null), missing("帮扶情况", "字符 1024", null));
	}

	private static List<CatalogueColumn<PersonRow>> released() {
		return List.of(
				detail("是否累犯", "RELEASED_PRISONER", "recidivist", "字符 1", false, "1 是 / 0 否", JiangsuCatalogue::yesNo),
				detail("原罪名", "RELEASED_PRISONER", "offence", "字符 100", false, null, JiangsuCatalogue::text),
				detail("原判刑期", "RELEASED_PRISONER", "originalSentence", "字符 100", false, null, JiangsuCatalogue::text),
				detail("服刑场所", "RELEASED_PRISONER", "prison", "字符 100", false, null, JiangsuCatalogue::text),
				detail("释放日期", "RELEASED_PRISONER", "releaseDate", "日期 8 (YYYYMMDD)", true, null,
						JiangsuCatalogue::ymd),
				missing("危险性评估类型", "字符 2", null), missing("衔接日期", "日期 8", null), missing("衔接情况", "字符 2", null),
				missing("安置日期", "日期 8", null),
				detail("安置情况", "RELEASED_PRISONER", "resettled", "字符 1", false, "1 已安置 / 0 未安置",
						JiangsuCatalogue::yesNo),
				missing("未安置原因", "字符 2000", null), missing("帮教情况", "字符 2000", null),
				missing("是否重新犯罪", "字符 1", "1 是 / 0 否"), missing("重新犯罪罪名", "字符 200", null));
	}

	private static List<CatalogueColumn<PersonRow>> correction() {
		String group = "COMMUNITY_CORRECTION";
		return List.of(detail("社区矫正人员编号", group, "correctionNumber", "字符 100", false, null, JiangsuCatalogue::text),
				missing("原羁押场所", "字符 200", null),
				detail("矫正类别", group, "correctionType", "字符 10", true, "管制 / 缓刑 / 假释 / 暂予监外执行（写中文名）",
						v -> named(v, CORRECTION_TYPES)),
				missing("案件类别", "字符 10", null),
				detail("具体罪名", group, "offence", "字符 100", false, null, JiangsuCatalogue::text),
				missing("原判刑期", "字符 2", null), missing("原判刑开始日期", "日期 8", null), missing("原判刑结束日期", "日期 8", null),
				detail("矫正开始日期", group, "correctionStart", "日期 8 (YYYYMMDD)", true, null, JiangsuCatalogue::ymd),
				detail("矫正结束日期", group, "correctionEnd", "日期 8 (YYYYMMDD)", true, null, JiangsuCatalogue::ymd),
				missing("接收方式", "字符 10", null), missing("“四史”情况", "字符 20", null), missing("是否累惯犯", "字符 1", null),
				missing("“三涉”情况", "字符 20", null), missing("是否建立矫正小组", "字符 1", null),
				missing("矫正解除（终止）类型", "字符 10", null), missing("脱管情况", "字符 2000", null),
				missing("漏管情况", "字符 2000", null), missing("奖惩情况", "字符 2000", null),
				missing("刑罚变更执行情况", "字符 2000", null), missing("是否重新犯罪", "字符 1", "1 是 / 0 否"),
				missing("重新犯罪罪名", "字符 200", null));
	}

	private static List<CatalogueColumn<PersonRow>> mental() {
		String group = "MENTAL_DISORDER";
		return List.of(missing("家庭经济状况", "字符 10", null),
				held("是否纳入低保", "bd_person_tag (SUBSISTENCE) · tags[SUBSISTENCE]", "字符 1", false, "1 是 / 0 否",
						r -> hasTag(r, "SUBSISTENCE")),
				missing("监护人公民身份号码", "字符 18", "GB 11643"),
				detail("监护人姓名", group, "guardianName", "字符 100", true, null, JiangsuCatalogue::text),
				missing("监护人联系方式", "字符 50", null),
				detail("初次发病日期", group, "firstOnset", "日期 8 (YYYYMMDD)", false, null, JiangsuCatalogue::ymd),
				missing("目前诊断类型", "字符 10", null),
				detail("有无肇事肇祸史", group, "incidentHistory", "字符 1", false, "1 有 / 0 无", JiangsuCatalogue::yesNo),
				missing("肇事肇祸次数", "数值 4", null), missing("上次肇事肇祸日期", "日期 8", null),
				detail("目前危险性评估等级", group, "riskLevel", "字符 1", true, "0–5 级", JiangsuCatalogue::text),
				missing("治疗情况", "字符 10", null), missing("治疗医院名称", "字符 50", null), missing("实施住院治疗原因", "字符 20", null),
				missing("接收康复训练机构名称", "字符 50", null), missing("参与管理人员", "字符 20", null), missing("帮扶情况", "字符 20", null));
	}

	private static List<CatalogueColumn<PersonRow>> drugs() {
		String group = "DRUG_USER";
		return List.of(detail("初次发现日期", group, "discoveredOn", "日期 8 (YYYYMMDD)", false, null, JiangsuCatalogue::ymd),
				detail("管控情况", group, "controlStatus", "字符 10", true, "社区戒毒 / 社区康复 / 已戒断 / 复吸（写中文名）",
						v -> named(v, CONTROL_STATUSES)),
				detail("管控人姓名", group, "controllerName", "字符 100", false, null, JiangsuCatalogue::text),
				missing("管控人联系方式", "字符 50", null), missing("帮扶情况", "字符 2000", null),
				detail("帮扶人姓名", group, "helperName", "字符 100", false, null, JiangsuCatalogue::text),
				missing("帮扶人联系方式", "字符 50", null), missing("有无犯罪史", "字符 1", null), missing("犯罪情况", "字符 2000", null),
				missing("吸毒原因", "字符 10", null), missing("吸毒后果", "字符 10", null), missing("滥用毒品种类", "字符 10", null));
	}

	private static List<CatalogueColumn<PersonRow>> hiv() {
		String group = "HIV_RISK";
		return List.of(missing("是否有违法犯罪史", "字符 1", null), missing("违法犯罪情况", "字符 1024", null),
				missing("案件类别", "字符 10", null),
				detail("感染途径", group, "infectionRoute", "字符 100", false, null, JiangsuCatalogue::text),
				missing("收治情况", "字符 10", null), missing("收治机构名称", "字符 200", null), missing("关注类型", "字符 10", null),
				missing("帮扶情况", "字符 1024", null),
				detail("帮扶人姓名", group, "helperName", "字符 100", false, null, JiangsuCatalogue::text),
				missing("帮扶人联系方式", "字符 50", null));
	}

	private static List<CatalogueColumn<PersonRow>> youth() {
		String group = "KEY_YOUTH";
		return List.of(detail("人员类型", group, "youthType", "字符 2", true, "写中文名", v -> named(v, YOUTH_TYPES)),
				detail("家庭情况", group, "familySituation", "字符 100", false, null, JiangsuCatalogue::text),
				missing("监护人公民身份号码", "字符 18", "GB 11643"),
				detail("监护人姓名", group, "guardianName", "字符 100", false, null, JiangsuCatalogue::text),
				missing("与监护人关系", "字符 2", "GB/T 4761"), missing("监护人联系方式", "字符 50", null),
				missing("监护人居住详址", "字符 200", null), missing("是否违法犯罪", "字符 1", "1 是 / 0 否"),
				missing("违法犯罪情况", "字符 1024", null),
				detail("帮扶人姓名", group, "helperName", "字符 100", false, null, JiangsuCatalogue::text),
				missing("帮扶人联系方式", "字符 50", null), missing("帮扶手段", "字符 2", null), missing("帮扶情况", "字符 1024", null));
	}

	/**
	 * An item kept in a key group's details ({@code bd_person_tag.details}), as its cell.
	 */
	private static CatalogueColumn<PersonRow> detail(String name, String group, String field, String type,
			boolean required, String codes, java.util.function.Function<Object, Object> cell) {
		return held(name, "bd_person_tag.details." + field + " · tags[" + group + "].details." + field, type, required,
				codes, r -> cell.apply(tag(r, group, field)));
	}

	/** 是否重点关注人员: we read it as "in any key group". */
	private static CatalogueColumn<PersonRow> keyPerson() {
		return held("是否重点关注人员", "bd_person_tag · tags（有任一重点人群标签）", "字符 1", false, "1 是 / 0 否",
				r -> r.person().tags().isEmpty() ? "0" : "1");
	}

	static final Map<String, String> CORRECTION_TYPES = Map.of("SURVEILLANCE", "管制", "PROBATION", "缓刑", "PAROLE", "假释",
			"TEMPORARY_OUTSIDE", "暂予监外执行");

	static final Map<String, String> CONTROL_STATUSES = Map.of("COMMUNITY_DETOX", "社区戒毒", "COMMUNITY_REHAB", "社区康复",
			"ABSTINENT", "已戒断", "RELAPSED", "复吸");

	static final Map<String, String> YOUTH_TYPES = Map.of("OUT_OF_SCHOOL", "闲散青少年", "UNEMPLOYED", "失业青少年",
			"UNSUPERVISED", "缺乏监护青少年", "MISCONDUCT", "有不良行为青少年", "LEFT_BEHIND_CHILD", "农村留守儿童");

	static String ymd(Object date) {
		if (date instanceof LocalDate local) {
			return local.format(YMD);
		}
		return date == null ? null : LocalDate.parse(date.toString()).format(YMD);
	}

	static String flag(Boolean value) {
		return value == null ? null : value ? "1" : "0";
	}

	private static Object tag(PersonRow row, String tag, String field) {
		return row.person()
			.tags()
			.stream()
			.filter(t -> t.tag().equals(tag))
			.findFirst()
			.map(t -> t.details().get(field))
			.orElse(null);
	}

	private static String hasTag(PersonRow row, String tag) {
		return flag(row.person().tags().stream().anyMatch(t -> t.tag().equals(tag)));
	}

	private static String yesNo(Object choice) {
		return choice == null ? null : flag("YES".equals(choice));
	}

	private static String named(Object code, Map<String, String> names) {
		return code == null ? null : names.getOrDefault(code.toString(), code.toString());
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}
