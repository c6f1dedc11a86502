package org.govgrid.exchange;

import java.util.List;

import org.govgrid.basedata.DisputeView;
import org.govgrid.basedata.Disputes;
import org.govgrid.basedata.HouseView;
import org.govgrid.basedata.Houses;
import org.govgrid.basedata.OrganizationView;
import org.govgrid.basedata.Organizations;
import org.govgrid.basedata.PlaceView;
import org.govgrid.basedata.Places;
import org.govgrid.basedata.ThingView;
import org.govgrid.basedata.Things;

import static org.govgrid.exchange.CatalogueColumn.held;
import static org.govgrid.exchange.CatalogueColumn.missing;
import static org.govgrid.exchange.JiangsuCatalogue.flag;
import static org.govgrid.exchange.JiangsuCatalogue.gridColumn;
import static org.govgrid.exchange.JiangsuCatalogue.ymd;

/**
 * The catalogue's tables of houses, organisations, places, things and disputes. 出租房屋, the
 * two kinds of organisation and 矛盾纠纷 follow GB/T 31000-2015; 实有房屋, 场所 and 部件 have no GB/T
 * 31000 table, so their layout is ours (the items a town keeps for them).
 */
final class CatalogueObjectTables {

	private static final String GB31000 = JiangsuCatalogue.GB31000;

	private CatalogueObjectTables() {
	}

	static List<CatalogueTable<?>> tables() {
		return List.of(
				new CatalogueTable<>("houses", "实有房屋", "本平台布局（GB/T 31000 无实有房屋表）",
						CatalogueSources.houses(new Houses.Filter(null, null, null, null)), houses()),
				new CatalogueTable<>("rented-houses", "出租房屋", GB31000 + " 实有人口·出租房屋",
						CatalogueSources.houses(new Houses.Filter(null, null, null, true)), rentedHouses()),
				new CatalogueTable<>("non-public-organizations", "非公有制经济组织", GB31000 + " 非公有制经济组织",
						CatalogueSources.organizations(
								new Organizations.Filter(null, null, "NON_PUBLIC_ECONOMIC", null)),
						nonPublic()),
				new CatalogueTable<>("social-organizations", "社会组织", GB31000 + " 社会组织",
						CatalogueSources.organizations(new Organizations.Filter(null, null, "SOCIAL", null)), social()),
				new CatalogueTable<>("places", "场所", "本平台布局（GB/T 31000 无场所表）",
						CatalogueSources.places(new Places.Filter(null, null, null)), places()),
				new CatalogueTable<>("things", "部件", "本平台布局（GB/T 31000 无部件表）",
						CatalogueSources.things(new Things.Filter(null, null, null, null)), things()),
				new CatalogueTable<>("disputes", "矛盾纠纷", GB31000 + " 矛盾纠纷排查化解（事件信息与化解信息）",
						CatalogueSources.disputes(new Disputes.Filter(null, null, null, null)), disputes()));
	}

	private static List<CatalogueColumn<HouseView>> houses() {
		return List.of(held("房屋编号", "bd_house.id · id", "数值 19", true, null, HouseView::id),
				held("房屋地址", "bd_house.address · address", "字符 200", true, null, HouseView::address),
				held("楼栋", "bd_house.building · building", "字符 30", false, null, HouseView::building),
				held("单元", "bd_house.unit · unit", "字符 30", false, null, HouseView::unit),
				held("房号", "bd_house.room · room", "字符 30", false, null, HouseView::room),
				held("房屋用途", "bd_house.house_use · use", "字符 20", true, "HOUSE_USE（本平台，写中文名）", HouseView::useName),
				held("建筑面积（平方米）", "bd_house.area · area", "数值 10,2", false, null, HouseView::area),
				held("产权人姓名", "bd_house.owner_name · ownerName", "字符 50", false, null, HouseView::ownerName),
				held("是否出租", "bd_house.rented · rented", "字符 1", true, "1 是 / 0 否", h -> flag(h.rented())),
				held("经度", "bd_house.lon · lon", "数值", false, "WGS84 / CGCS2000", HouseView::lon),
				held("纬度", "bd_house.lat · lat", "数值", false, "WGS84 / CGCS2000", HouseView::lat),
				gridColumn("bd_house.grid_id · gridId", HouseView::gridId));
	}

	private static List<CatalogueColumn<HouseView>> rentedHouses() {
		return List.of(held("房屋编号", "bd_house.id · id", "字符 50", true, null, HouseView::id),
				missing("房屋名称", "字符 200", null),
				held("房屋地址", "bd_house.address · address", "字符 200", true, null, HouseView::address),
				held("建筑用途", "bd_house.house_use · use", "字符 2", true, "HOUSE_USE（本平台，写中文名）", HouseView::useName),
				missing("出租用途", "字符 2", "GB/T 31000 出租用途"),
				held("建筑面积（平方米）", "bd_house.area · area", "数值 8,2", false, null, HouseView::area),
				missing("房主证件代码", "字符 3", "GA/T 517"), missing("房主证件号码", "字符 30", null),
				held("房主姓名", "bd_house.owner_name · ownerName", "字符 50", true, null, HouseView::ownerName),
				missing("房主联系方式", "字符 50", null), missing("房主现居详址", "字符 200", null),
				missing("隐患类型", "字符 2", "GB/T 31000 房屋隐患类型"),
				missing("承租人公民身份号码", "字符 18", "GB 11643（承租人在 bd_house_tenant，一房多人，未并入本表）"),
				missing("承租人姓名", "字符 50", null), missing("承租人联系方式", "字符 50", null),
				held("经度", "bd_house.lon · lon", "数值", false, "WGS84 / CGCS2000", HouseView::lon),
				held("纬度", "bd_house.lat · lat", "数值", false, "WGS84 / CGCS2000", HouseView::lat),
				gridColumn("bd_house.grid_id · gridId", HouseView::gridId));
	}

	private static List<CatalogueColumn<OrganizationView>> nonPublic() {
		return List.of(
				held("工商执照注册号（统一社会信用代码）", "bd_organization.credit_code · creditCode", "字符 18", true, "GB 32100",
						OrganizationView::creditCode),
				held("企业名称", "bd_organization.name · name", "字符 200", true, null, OrganizationView::name),
				missing("企业类别", "字符 2", "GB/T 31000 企业类别"),
				held("企业地址", "bd_organization.address · address", "字符 200", true, null, OrganizationView::address),
				missing("企业联系方式", "字符 50", null),
				held("企业员工数", "bd_organization.staff_count · staffCount", "数值 6", false, null,
						OrganizationView::staffCount),
				missing("法定代表人证件代码", "字符 3", "GA/T 517"), missing("法定代表人证件号码", "字符 30", null),
				held("法定代表人姓名", "bd_organization.legal_representative · legalRepresentative", "字符 50", true, null,
						OrganizationView::legalRepresentative),
				missing("法定代表人联系方式", "字符 50", null), missing("治保负责人姓名", "字符 50", null),
				missing("治保负责人联系方式", "字符 50", null),
				held("是否危化企业", "bd_organization.hazard_type = CHEMICAL · hazardType", "字符 1", false, "1 是 / 0 否",
						o -> o.hazardType() == null ? null : flag("CHEMICAL".equals(o.hazardType()))),
				held("安全隐患类型", "bd_organization.hazard_type · hazardType", "字符 30", false, "HAZARD_TYPE（本平台，写中文名）",
						OrganizationView::hazardTypeName),
				missing("关注程度", "字符 2", "GB/T 31000 关注程度"), missing("是否具备建立中共党组织条件", "字符 1", "1 是 / 0 否"),
				held("是否有中共党组织", "bd_organization.has_party_org · hasPartyOrg", "字符 1", false, "1 是 / 0 否",
						o -> flag(o.hasPartyOrg())),
				held("中共党员数量", "bd_organization.party_member_count · partyMemberCount", "数值 6", false, null,
						OrganizationView::partyMemberCount),
				missing("是否有工会", "字符 1", "1 是 / 0 否"), missing("工会会员数量", "数值 6", null),
				missing("是否有共青团组织", "字符 1", "1 是 / 0 否"), missing("共青团团员数量", "数值 6", null),
				missing("是否有妇联组织", "字符 1", "1 是 / 0 否"), missing("妇女数量", "数值 6", null),
				held("经度", "bd_organization.lon · lon", "数值", false, "WGS84 / CGCS2000", OrganizationView::lon),
				held("纬度", "bd_organization.lat · lat", "数值", false, "WGS84 / CGCS2000", OrganizationView::lat),
				gridColumn("bd_organization.grid_id · gridId", OrganizationView::gridId));
	}

	private static List<CatalogueColumn<OrganizationView>> social() {
		return List.of(
				held("统一社会信用代码", "bd_organization.credit_code · creditCode", "字符 18", true, "GB 32100",
						OrganizationView::creditCode),
				missing("登记证号", "字符 30", null),
				held("社会组织名称", "bd_organization.name · name", "字符 200", true, null, OrganizationView::name),
				missing("登记管理机关代码", "字符 12", null), missing("登记管理机关名称", "字符 100", null),
				held("住所", "bd_organization.address · address", "字符 200", true, null, OrganizationView::address),
				missing("批准日期", "日期 8", null), missing("社会组织类型", "字符 2", "GB/T 31000 社会组织类型"),
				missing("法定代表人证件代码", "字符 3", "GA/T 517"), missing("法定代表人证件号码", "字符 30", null),
				held("法定代表人姓名", "bd_organization.legal_representative · legalRepresentative", "字符 50", true, null,
						OrganizationView::legalRepresentative),
				missing("法定代表人联系方式", "字符 50", null), missing("办公地址", "字符 200", null), missing("治保负责人姓名", "字符 50", null),
				missing("治保负责人联系方式", "字符 50", null), missing("关注程度", "字符 2", "GB/T 31000 关注程度"),
				missing("是否具备建立中共党组织条件", "字符 1", "1 是 / 0 否"),
				held("是否有中共党组织", "bd_organization.has_party_org · hasPartyOrg", "字符 1", false, "1 是 / 0 否",
						o -> flag(o.hasPartyOrg())),
				held("中共党员数量", "bd_organization.party_member_count · partyMemberCount", "数值 6", false, null,
						OrganizationView::partyMemberCount),
				missing("是否有工会", "字符 1", "1 是 / 0 否"), missing("工会会员数量", "数值 6", null),
				missing("是否有共青团组织", "字符 1", "1 是 / 0 否"), missing("共青团团员数量", "数值 6", null),
				missing("是否有妇联组织", "字符 1", "1 是 / 0 否"), missing("妇女数量", "数值 6", null), missing("资金来源", "字符 100", null),
				missing("是否有境外背景", "字符 1", "1 是 / 0 否"),
				held("经度", "bd_organization.lon · lon", "数值", false, "WGS84 / CGCS2000", OrganizationView::lon),
				held("纬度", "bd_organization.lat · lat", "数值", false, "WGS84 / CGCS2000", OrganizationView::lat),
				gridColumn("bd_organization.grid_id · gridId", OrganizationView::gridId));
	}

	private static List<CatalogueColumn<PlaceView>> places() {
		return List.of(held("场所名称", "bd_place.name · name", "字符 100", true, null, PlaceView::name),
				held("场所类型", "bd_place.place_type · type", "字符 30", true, "PLACE_TYPE（本平台，写中文名）", PlaceView::typeName),
				held("场所地址", "bd_place.address · address", "字符 200", true, null, PlaceView::address),
				held("所在房屋编号", "bd_place.house_id · houseId", "数值 19", false, null, PlaceView::houseId),
				held("负责人姓名", "bd_place.contact_name · contactName", "字符 50", false, null, PlaceView::contactName),
				held("隐患等级", "bd_place.hazard_level · hazardLevel", "字符 10", false, "低 / 中 / 高",
						p -> p.hazardLevel() == null ? null : switch (p.hazardLevel()) {
							case "LOW" -> "低";
							case "MEDIUM" -> "中";
							case "HIGH" -> "高";
							default -> p.hazardLevel();
						}),
				held("经度", "bd_place.lon · lon", "数值", false, "WGS84 / CGCS2000", PlaceView::lon),
				held("纬度", "bd_place.lat · lat", "数值", false, "WGS84 / CGCS2000", PlaceView::lat),
				gridColumn("bd_place.grid_id · gridId", PlaceView::gridId));
	}

	private static List<CatalogueColumn<ThingView>> things() {
		return List.of(held("部件编码", "bd_thing.code · code", "字符 40", true, null, ThingView::code),
				held("部件类型", "bd_thing.thing_type · type", "字符 30", true, "THING_TYPE（本平台，写中文名）", ThingView::typeName),
				held("部件名称", "bd_thing.name · name", "字符 100", true, null, ThingView::name),
				held("所在地址", "bd_thing.address · address", "字符 200", false, null, ThingView::address),
				held("权属单位", "bd_thing.owner_unit · ownerUnit", "字符 100", false, null, ThingView::ownerUnit),
				held("部件状态", "bd_thing.status · status", "字符 20", true, "THING_STATUS（本平台，写中文名）",
						ThingView::statusName),
				held("经度", "bd_thing.lon · lon", "数值", true, "WGS84 / CGCS2000", ThingView::lon),
				held("纬度", "bd_thing.lat · lat", "数值", true, "WGS84 / CGCS2000", ThingView::lat),
				gridColumn("bd_thing.grid_id · gridId", ThingView::gridId));
	}

	private static List<CatalogueColumn<DisputeView>> disputes() {
		return List.of(held("事件编号", "bd_dispute.id · id", "字符 50", true, null, DisputeView::id),
				held("事件名称", "bd_dispute.title · title", "字符 200", true, null, DisputeView::title),
				held("发生日期", "bd_dispute.occurred_on · occurredOn", "日期 8 (YYYYMMDD)", true, null,
						d -> ymd(d.occurredOn())),
				held("发生地点", "bd_dispute.address · address", "字符 200", false, null, DisputeView::address),
				held("事件规模", "bd_dispute.scale · scale", "字符 20", true, "DISPUTE_SCALE（本平台，写中文名）",
						DisputeView::scaleName),
				held("事件类别", "bd_dispute.dispute_type · type", "字符 30", true, "DISPUTE_TYPE（本平台，写中文名）",
						DisputeView::typeName),
				held("涉及人数", "bd_dispute.parties（人数） · parties", "数值 6", false, null, d -> d.parties().size()),
				held("事件简述", "bd_dispute.description · description", "字符 4000", false, null, DisputeView::description),
				missing("涉及单位", "字符 200", null), missing("主要当事人证件代码", "字符 3", "GA/T 517"),
				missing("主要当事人证件号码", "字符 30", null),
				held("主要当事人姓名", "bd_dispute.parties[0].name · parties[0].name", "字符 50", false, null,
						d -> d.parties().isEmpty() ? null : d.parties().get(0).name()),
				missing("主要当事人性别", "字符 1", "GB/T 2261.1"), missing("主要当事人民族", "字符 2", "GB/T 3304"),
				missing("主要当事人学历", "字符 2", "GB/T 4658"), missing("主要当事人人员类别", "字符 2", null),
				missing("主要当事人居住详址", "字符 200", null), missing("化解时限", "日期 8", null),
				missing("化解方式", "字符 2", "GB/T 31000 化解方式"), missing("化解组织", "字符 100", null),
				missing("化解责任人姓名", "字符 50", null), missing("化解责任人联系方式", "字符 50", null),
				held("化解是否成功", "bd_dispute.status · status", "字符 1", false, "1 成功（RESOLVED）/ 0 不成（FAILED）/ 空 未结",
						d -> switch (d.status()) {
							case "RESOLVED" -> "1";
							case "FAILED" -> "0";
							default -> null;
						}),
				held("化解情况", "bd_dispute.result · result", "字符 2000", false, null, DisputeView::result),
				missing("考评日期", "日期 8", null), missing("考评意见", "字符 2000", null),
				held("经度", "bd_dispute.lon · lon", "数值", false, "WGS84 / CGCS2000", DisputeView::lon),
				held("纬度", "bd_dispute.lat · lat", "数值", false, "WGS84 / CGCS2000", DisputeView::lat),
				gridColumn("bd_dispute.grid_id · gridId", DisputeView::gridId));
	}

}
