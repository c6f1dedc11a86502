package org.govgrid.demo;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Varied, realistic report texts per 小类 for 智能分拨's evaluation: several phrasings per
 * category put together with a place and a remark, with the typos and Suzhou/Wu dialect
 * words people really type, and now and then a sentence of another category mixed in (a
 * report about two things), so a classifier cannot simply learn one template.
 */
final class ReportTexts {

	private ReportTexts() {
	}

	private static final String[] PLACES = { "小区门口", "菜场边上", "3号楼楼下", "学校门口", "公交站旁边", "河边步道", "老新村里面", "商业街", "弄堂口",
			"工业园区", "十字路口", "地铁口", "幼儿园对面", "超市后面", "桥堍下", "停车场", "" };

	private static final String[] REMARKS = { "请尽快处理", "居民反映强烈", "已经好几天了", "多次反映没人管", "影响很大", "麻烦派人来看看", "希望尽快解决",
			"拍了照片", "老百姓意见很大", "", "", "" };

	/** Typos and dialect words people type, swapped in now and then. */
	private static final String[][] VARIANTS = { { "垃圾", "拉圾" }, { "电瓶车", "电驴子" }, { "电动车", "小电驴" }, { "邻居", "隔壁邻舍" },
			{ "没有", "呒没" }, { "不知道", "勿晓得" }, { "这里", "搿搭" }, { "很", "老" }, { "路灯", "路登" }, { "井盖", "井盖子" },
			{ "老人", "老人家" }, { "吵架", "吵相骂" }, { "小孩", "小囡" }, { "下水道", "阴沟" }, { "消防通道", "消防道" }, { "营业执照", "执照" },
			{ "工资", "工钿" } };

	static final Map<String, List<String>> PHRASES = Map.ofEntries(
			Map.entry("CSGL-01", List.of("有流动摊贩占道摆摊", "水果摊摆到人行道上了", "店家把货物摆到门外出店经营", "晚上夜市地摊占了半条马路", "早点摊占道影响通行")),
			Map.entry("CSGL-02", List.of("楼道外面乱堆杂物", "有人在空地上乱堆建材", "废品收购点东西堆得到处都是", "沿街乱堆乱放纸箱", "旧家具扔在路边一直没人收")),
			Map.entry("CSGL-03", List.of("有住户在楼顶违章搭建", "一楼院子私搭彩钢瓦棚子", "有人在绿化带上加盖房子", "阳台外扩违建", "屋顶在搭阳光房")),
			Map.entry("CSGL-04", List.of("店招广告牌快掉下来了", "电线杆上贴满了小广告", "沿街挂了很多横幅不规范", "广告牌设置不规范挡住窗户", "墙上牛皮癣小广告清不掉")),
			Map.entry("CSGL-05", List.of("共享单车乱停放堵住路口", "一大片共享单车倒在路边", "单车停满盲道", "地铁口共享单车堆成山", "共享单车停在消防通道上")),
			Map.entry("CSGL-06", List.of("渣土车撒漏一路泥土", "运输车掉了很多渣土在路上", "工地出来的车辆带泥上路", "路面上全是泥浆车轮印", "渣土抛洒没人清扫")),
			Map.entry("HJWS-01", List.of("生活垃圾堆了好几天没人清运", "垃圾桶满溢出来了", "垃圾乱倒堆成小山", "一堆垃圾发臭苍蝇很多", "垃圾房周边臭气熏天")),
			Map.entry("HJWS-02", List.of("垃圾分类不规范厨余和其他垃圾混投", "有人不按分类投放垃圾", "分类垃圾桶全部混在一起", "定时定点投放没人执行", "厨余垃圾扔进可回收桶")),
			Map.entry("HJWS-03", List.of("下水道堵塞污水外溢", "化粪池满了往外冒", "雨水井返水污水流到路上", "污水管破了一直流", "阴沟冒污水臭得不得了")),
			Map.entry("HJWS-04", List.of("公厕保洁不到位很脏", "公共厕所没水冲不了", "厕所地面全是污渍味道很重", "公厕里纸篓满了没人倒", "卫生间门坏了也没人打扫")),
			Map.entry("HJWS-05", List.of("河道里漂浮物很多", "河面上全是水葫芦", "河里漂着塑料瓶和泡沫", "河道有死鱼漂上来", "水面上有油污和垃圾")),
			Map.entry("AQSC-01", List.of("店里违规动火电焊没有防护", "有人在楼道里切割钢管火星乱飞", "工人在易燃物旁边焊接", "装修时明火作业没有审批", "屋顶违规动火作业")),
			Map.entry("AQSC-02", List.of("仓库里存放大量危化品", "小店违规存放汽油", "油漆桶和稀料堆在居民楼下", "有人在家里囤酒精和化学品", "易燃易爆物品乱放")),
			Map.entry("AQSC-03", List.of("工人下污水井作业没有防护", "有限空间作业没有通风检测", "窨井作业没人监护", "化粪池清掏人员直接下去了", "地下管道作业有沼气风险")),
			Map.entry("AQSC-04", List.of("工地脚手架不牢固", "施工人员不戴安全帽", "塔吊吊装下方没有警戒", "深基坑周边没有围挡", "工地围挡倒了")),
			Map.entry("AQSC-05", List.of("饭店液化气钢瓶乱放", "楼道里闻到很重的煤气味", "燃气管道老化漏气", "店里用的液化气没有报警器", "天然气表那边有气味")),
			Map.entry("XFAQ-01", List.of("消防通道被私家车堵死", "楼道堆满杂物堵住安全出口", "消防通道被占用", "安全出口被锁住了", "消防车通道停满电动车")),
			Map.entry("XFAQ-02", List.of("有人飞线给电瓶车充电", "电动自行车推进楼道充电", "从窗户拉电线下来充电", "电动车停在楼梯间充电", "私拉电线给电动车充电")),
			Map.entry("XFAQ-03", List.of("灭火器过期了没人换", "消火栓里面没有水带", "烟感报警器坏了", "消防栓被撞坏漏水", "楼里的喷淋头被拆了")),
			Map.entry("XFAQ-04", List.of("出租房隔成好多小间群租", "一套房住了十几个人", "群租房里乱拉电线", "隔断间没有窗户消防隐患大", "合租房人员进出很杂")),
			Map.entry("XFAQ-05", List.of("小作坊楼上住人楼下生产", "仓库里面住人", "前店后厂还住人", "三合一场所晚上有人睡在里面", "加工厂里搭了床铺住人")),
			Map.entry("ZAYH-01", List.of("有陌生人在小区里徘徊", "几个形迹可疑的人挨家敲门", "有人尾随小孩", "半夜有可疑人员翻围墙", "陌生人到处拍照踩点")),
			Map.entry("ZAYH-02", List.of("车棚里电瓶车被偷了", "家里门锁被撬", "楼道里快递老是失窃", "最近小偷很多", "停车场车窗被砸东西被盗")),
			Map.entry("ZAYH-03", List.of("一群人聚集在门口闹事", "有人组织围堵工地大门", "很多人聚集情绪激动", "非法集会拉横幅", "聚集人员越来越多")),
			Map.entry("ZAYH-04", List.of("棋牌室里有人赌博", "麻将馆赌资很大", "按摩店涉黄", "有人晚上聚众赌博", "足浴店有色情服务")),
			Map.entry("ZAYH-05", List.of("有人冒充客服让老人转账", "老人被拉进投资理财群", "刷单诈骗被骗了钱", "接到冒充公检法的电话", "有骗子上门推销保健品骗钱")),
			Map.entry("MDJF-01", List.of("楼上邻居半夜噪音扰民", "和楼下因为漏水吵起来了", "邻居占用公共走廊起了口角", "装修噪音影响休息发生纠纷", "邻居养狗扰民矛盾激化")),
			Map.entry("MDJF-02", List.of("夫妻吵架闹离婚", "家里有家暴情况", "子女不赡养老人", "婆媳矛盾很深天天吵", "家庭矛盾要调解")),
			Map.entry("MDJF-03", List.of("老板拖欠工资好几个月", "农民工讨薪", "工厂欠薪不发", "劳务公司克扣工资", "十几个工人来讨要工资")),
			Map.entry("MDJF-04", List.of("业主和物业因为物业费闹矛盾", "物业乱收停车费", "业委会和物业吵起来了", "物业不作为业主很不满", "小区管理混乱业主投诉物业")),
			Map.entry("MDJF-05", List.of("两家为宅基地界址争吵", "房屋产权有纠纷", "拆迁补偿谈不拢", "土地承包有争议", "老房子继承分配吵起来")),
			Map.entry("SCJG-01", List.of("有家店无证无照经营", "黑作坊没有营业执照", "无证经营的小饭店", "路边有人无照卖药", "没有执照的黑网吧")),
			Map.entry("SCJG-02", List.of("饭店卫生很差食品变质", "超市卖过期食品", "小吃店用地沟油", "吃了店里的东西拉肚子", "餐馆后厨老鼠乱窜")),
			Map.entry("SCJG-03", List.of("商店乱收费不明码标价", "停车场收费乱涨价", "口罩哄抬价格", "菜场缺斤短两价格乱", "标价和结账价格不一样")),
			Map.entry("SCJG-04", List.of("保健品店虚假宣传", "门店夸大宣传骗老人买东西", "广告说包治百病", "培训机构虚假承诺", "会销讲座忽悠老人")),
			Map.entry("SCJG-05", List.of("电梯经常困人", "电梯运行有异响", "锅炉房没有检验", "电梯年检过期", "压力容器存在隐患")),
			Map.entry("MSFW-01", List.of("有户人家生活困难需要帮扶", "家里没有收入申请低保", "困难群众需要救助", "失去劳动能力生活没着落", "因病致贫需要帮助")),
			Map.entry("MSFW-02", List.of("独居老人好几天没出门", "空巢老人需要上门关爱", "高龄老人一个人住没人照顾", "孤寡老人身体不好", "独居老人家里没人接电话")),
			Map.entry("MSFW-03", List.of("失业人员想找工作", "有居民咨询就业培训", "下岗了需要介绍工作", "大学生想了解招聘信息", "想参加技能培训再就业")),
			Map.entry("MSFW-04", List.of("咨询医保怎么报销", "社保断缴了怎么办", "养老保险怎么补缴", "医保卡异地就医", "想咨询参保手续")),
			Map.entry("MSFW-05", List.of("残疾人需要办理残疾证", "坐轮椅的居民出门不方便", "无障碍通道被占用", "残疾人家庭需要帮扶", "申请残疾人补贴")),
			Map.entry("GGSS-01", List.of("路上井盖缺失很危险", "窨井盖松动车一压就响", "井盖破损有个大洞", "人行道井盖不见了", "井口没有盖子小孩容易掉下去")),
			Map.entry("GGSS-02", List.of("路灯不亮", "一排路灯坏了晚上漆黑", "路灯杆歪了灯也不亮", "路灯一闪一闪", "好几盏灯不亮了")),
			Map.entry("GGSS-03", List.of("路面坑坑洼洼", "道路塌陷一个坑", "人行道地砖破损", "马路开裂积水", "路面破损电动车容易摔")),
			Map.entry("GGSS-04", List.of("护栏被撞坏了", "隔离栏倒伏在路中间", "桥边栏杆松动", "河边围栏断了", "道路护栏缺了一段")),
			Map.entry("GGSS-05", List.of("监控探头坏了", "路口摄像头没画面", "小区监控一直离线", "监控被树挡住了", "探头被人弄歪了")),
			Map.entry("QT-01", List.of("居民有事项想咨询", "有居民提建议", "反映一个其他问题", "有些情况想反映一下", "想了解政策")));

	/** One report text of {@code category}. */
	static String text(String category, Random random) {
		List<String> phrases = PHRASES.get(category);
		StringBuilder text = new StringBuilder();
		String place = PLACES[random.nextInt(PLACES.length)];
		text.append(place);
		text.append(phrases.get(random.nextInt(phrases.size())));
		if (random.nextInt(4) == 0) {
			text.append('，').append(phrases.get(random.nextInt(phrases.size())));
		}
		if (random.nextInt(12) == 0) {
			// a report about two things, filed under the first
			List<String> other = PHRASES.get(categoryOtherThan(category, random));
			text.append("，另外").append(other.get(random.nextInt(other.size())));
		}
		String remark = REMARKS[random.nextInt(REMARKS.length)];
		if (!remark.isEmpty()) {
			text.append('，').append(remark);
		}
		String out = text.toString();
		for (String[] variant : VARIANTS) {
			if (out.contains(variant[0]) && random.nextInt(5) == 0) {
				out = out.replace(variant[0], variant[1]);
			}
		}
		return out;
	}

	/** A place a report names ("小区门口", "菜场边上"…), now and then none. */
	static String place(Random random) {
		return PLACES[random.nextInt(PLACES.length)];
	}

	private static String categoryOtherThan(String category, Random random) {
		List<String> codes = PHRASES.keySet().stream().sorted().toList();
		String other;
		do {
			other = codes.get(random.nextInt(codes.size()));
		}
		while (other.equals(category));
		return other;
	}

}
