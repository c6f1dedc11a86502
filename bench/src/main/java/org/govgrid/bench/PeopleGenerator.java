package org.govgrid.bench;

import java.io.Reader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * 实有人口 for the search benchmark: {@code --people N} residents COPYed into the grids of
 * one town (the generated 320505100 if present, else the demo town 320505006), in the shape
 * {@code People} writes: common Chinese surnames by frequency with one- or two-character
 * given names, addresses of road + number + estate + building/unit/room, valid GB 11643 ID
 * numbers (birth date, sex by sequence parity, check character) and mobile phones, both
 * sealed with the server's own keys (read from {@code --data-dir}) and never stored in
 * clear. Person {@code i} is a function of the seed and {@code i} alone (earlier persons
 * decide only re-draws on a duplicate), so the runner can name persons it did not store.
 */
final class PeopleGenerator {

	/** The most common surnames, roughly by frequency (first ones drawn more often). */
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
			+ "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红玲建国志晓文斌宇浩凯鹏飞"
			+ "婷雪琳慧颖佳欣怡子轩梓涵一诺思雨博睿昊然嘉俊杰天佑宏远春梅秋菊海波永生德华立新建军卫东小龙云峰淑珍秀凤"
			+ "丹阳晨曦志远亚楠美玲丽娟国庆振华宝山金凤银花月娥";

	static final String[] ROADS = { "金山路", "玉山路", "狮山路", "长江路", "黄河路", "嵩山路", "珠江路", "塔园路", "竹园路",
			"枫桥路", "滨河路", "运河路", "华山路", "泰山路", "衡山路", "峨眉山路", "庐山路", "天平路", "灵岩路", "太湖路",
			"寒山路", "何山路", "马运路", "邓尉路", "向阳路", "东渚路", "通浒路", "浒杨路", "鸿禧路", "建林路", "湘江路",
			"汾湖路", "淮海街", "文昌路", "科灵路", "青花路", "紫藤路", "桂花路", "梅亭路", "松林路", "香樟路", "银杏路",
			"石林路", "玉屏路", "凤凰路", "朝阳路", "新市路", "横塘路", "阳山路", "真山路", "大庆路", "锦峰路", "昆仑路",
			"秦岭路", "太行路", "燕山路", "祁连路", "天目路", "武夷路", "雁荡路" };

	static final String[] ESTATES = { "阳光花园", "金色家园", "玉兰苑", "翠竹苑", "枫华新村", "滨河小区", "锦绣江南", "名都花园",
			"天平新村", "狮山苑", "新港公寓", "怡景湾", "海德公园", "绿城玫瑰园", "中海国际社区", "万科城", "星湖湾", "书香门第",
			"馨泰花园", "绿地华尔道", "青青家园", "东方之门", "星海花苑", "紫金苑", "世茂运河城", "保利观湖", "康佳花园",
			"长桥新村", "竹园新村", "泰山花园" };

	/** Where ID numbers come from: Suzhou's districts, and for floating residents elsewhere. */
	private static final String[] LOCAL_AREAS = { "320505", "320506", "320507", "320508", "320509", "320571",
			"320581", "320582", "320583", "320585" };

	private static final String[] OTHER_AREAS = { "340121", "341221", "410102", "411324", "510122", "421023",
			"362330", "430621", "522321", "370826" };

	private static final String[] KEY_GROUPS = { "RELEASED_PRISONER", "COMMUNITY_CORRECTION", "MENTAL_DISORDER",
			"DRUG_USER", "HIV_RISK", "KEY_YOUTH", "ELDERLY_ALONE", "DISABLED", "SUBSISTENCE", "VETERAN" };

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	private PeopleGenerator() {
	}

	/** One resident, in clear (the generator seals the identifiers before writing). */
	record Person(int index, String name, String idNumber, String sex, LocalDate birth, String phone,
			String household, String road, int number, String estate, int building, String address, int grid) {

		/** {@code 金山路88号}: what someone typing part of the address types. */
		String roadAndNumber() {
			return this.road + this.number + "号";
		}

	}

	/** Persons in index order; keeps the identifiers drawn so far to re-draw a duplicate. */
	static final class Sequence {

		private final Set<String> idNumbers = new HashSet<>();

		private final Set<String> phones = new HashSet<>();

		private final int grids;

		Sequence(int grids) {
			this.grids = grids;
		}

		Person next(int i) {
			SplittableRandom random = new SplittableRandom(Generator.SEED * 1_000_003L + i);
			String surname = String.valueOf(SURNAMES.charAt(skewed(random, SURNAMES.length())));
			String given = String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length())));
			if (random.nextInt(100) < 72) {
				given += GIVEN.charAt(random.nextInt(GIVEN.length()));
			}
			double roll = random.nextDouble();
			String household = roll < 0.70 ? "REGISTERED" : roll < 0.95 ? "FLOATING" : roll < 0.98 ? "LEFT_BEHIND"
					: "FOREIGN";
			String[] areas = household.equals("FLOATING") ? OTHER_AREAS : LOCAL_AREAS;
			String idNumber;
			LocalDate birth;
			String sex;
			do {
				birth = TODAY.minusDays(random.nextInt(365, 95 * 365));
				int sequence = random.nextInt(1000);
				sex = sequence % 2 == 1 ? "1" : "2";
				String first17 = areas[random.nextInt(areas.length)] + birth.toString().replace("-", "")
						+ String.format(Locale.ROOT, "%03d", sequence);
				idNumber = first17 + checkCharacter(first17);
			}
			while (!this.idNumbers.add(idNumber));
			String phone;
			do {
				phone = "1" + "3456789".charAt(random.nextInt(7)) + String.format(Locale.ROOT, "%09d",
						random.nextInt(1_000_000_000));
			}
			while (!this.phones.add(phone));
			String road = ROADS[random.nextInt(ROADS.length)];
			int number = 1 + random.nextInt(300);
			String estate = ESTATES[random.nextInt(ESTATES.length)];
			int building = 1 + random.nextInt(30);
			int unit = 1 + random.nextInt(4);
			int room = (1 + random.nextInt(18)) * 100 + 1 + random.nextInt(4);
			String address = road + number + "号" + estate + building + "幢" + unit + "单元" + room + "室";
			return new Person(i, surname + given, idNumber, sex, birth, phone, household, road, number, estate,
					building, address, random.nextInt(this.grids));
		}

	}

	/** GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 characters. */
	static char checkCharacter(String first17) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int k = 0; k < 17; k++) {
			sum += (first17.charAt(k) - '0') * weights[k];
		}
		return "10X98765432".charAt(sum % 11);
	}

	/** An index in {@code [0, n)} drawn more often near 0, like surname frequencies. */
	private static int skewed(SplittableRandom random, int n) {
		double u = random.nextDouble();
		return Math.min(n - 1, (int) (n * u * u));
	}

	/** The town the people live in: the generated one if present, else the demo town. */
	static String townCode(Connection db) throws SQLException {
		return DashboardBench.single(db,
				"select coalesce((select code from region where code = '320505100'), '320505006')");
	}

	/** The grids (id, path) of a town, in id order. */
	static List<Object[]> grids(Connection db, String townPath) throws SQLException {
		List<Object[]> grids = new ArrayList<>();
		try (Statement st = db.createStatement();
				ResultSet rs = st.executeQuery("select id, path from region where level = 'GRID' and path like '"
						+ townPath + "/%' order by id")) {
			while (rs.next()) {
				grids.add(new Object[] { rs.getLong(1), rs.getString(2) });
			}
		}
		if (grids.isEmpty()) {
			throw new IllegalStateException("no grids under " + townPath);
		}
		return grids;
	}

	/** {@code --people N --data-dir DIR}: adds residents until the town has N. */
	static void generate(Bench.Options options) throws Exception {
		int target = options.getInt("people", 200_000);
		SealedIdentifiers sealing = SealedIdentifiers.fromDataDir(Path.of(options.require("data-dir")));
		try (Connection db = DriverManager.getConnection(options.require("jdbc"), options.get("db-user", "postgres"),
				"")) {
			String town = townCode(db);
			String townPath = DashboardBench.single(db, "select path from region where code = '" + town + "'");
			List<Object[]> grids = grids(db, townPath);
			int existing = Integer.parseInt(
					DashboardBench.single(db, "select count(*) from bd_person where region_path like '" + townPath + "/%'"));
			if (existing >= target) {
				System.out.println("people: " + existing + " residents in town " + town + " already");
				return;
			}
			System.out.printf(Locale.ROOT, "people: generating %d residents in %d grids of town %s%n",
					target - existing, grids.size(), town);
			Sequence sequence = new Sequence(grids.size());
			for (int i = 0; i < existing; i++) {
				sequence.next(i);
			}
			db.setAutoCommit(false);
			CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
			long started = System.nanoTime();
			int chunk = 50_000;
			for (int from = existing; from < target; from += chunk) {
				int to = Math.min(target, from + chunk);
				copy.copyIn("""
						copy bd_person (name, sex, ethnicity, birth_date, id_cipher, id_key, id_hash, id_masked,
						    phone_cipher, phone_key, phone_hash, phone_masked, household_type, registered_address,
						    current_address, grid_id, region_path, status, created_at, updated_at)
						from stdin""", new Rows(sequence, from, to, grids, sealing));
				db.commit();
				System.out.printf(Locale.ROOT, "people: %d / %d (%.0f rows/s)%n", to, target,
						(to - existing) / ((System.nanoTime() - started) / 1e9));
			}
			try (Statement st = db.createStatement()) {
				// about 4 % carry a key-group tag (重点人群), searchable by its name
				st.executeUpdate("""
						insert into bd_person_tag (person_id, tag, details)
						select id, (array['%s'])[1 + (id %% 10)], '{}' from bd_person
						where region_path like '%s/%%' and id %% 25 = 0
						on conflict do nothing""".formatted(String.join("','", KEY_GROUPS), townPath));
				db.commit();
				st.execute("analyze bd_person");
				st.execute("analyze bd_person_tag");
			}
			db.commit();
		}
	}

	/** COPY text rows of persons {@code from … to - 1}. */
	private static final class Rows extends Reader {

		private static final HexFormat HEX = HexFormat.of();

		private final Sequence sequence;

		private final int to;

		private final List<Object[]> grids;

		private final SealedIdentifiers sealing;

		private final String now = Instant.now().toString();

		private final StringBuilder buffer = new StringBuilder();

		private int position;

		private int next;

		Rows(Sequence sequence, int from, int to, List<Object[]> grids, SealedIdentifiers sealing) {
			this.sequence = sequence;
			this.next = from;
			this.to = to;
			this.grids = grids;
			this.sealing = sealing;
		}

		@Override
		public int read(char[] target, int offset, int length) {
			if (this.position >= this.buffer.length()) {
				if (this.next >= this.to) {
					return -1;
				}
				this.buffer.setLength(0);
				this.position = 0;
				for (int k = 0; k < 1000 && this.next < this.to; k++) {
					row(this.sequence.next(this.next++));
				}
			}
			int n = Math.min(length, this.buffer.length() - this.position);
			this.buffer.getChars(this.position, this.position + n, target, offset);
			this.position += n;
			return n;
		}

		private void row(Person p) {
			Object[] grid = this.grids.get(p.grid());
			StringBuilder b = this.buffer;
			b.append(p.name()).append('\t').append(p.sex()).append('\t').append("01").append('\t');
			b.append(p.birth()).append('\t');
			b.append(bytea(this.sealing.seal(p.idNumber()))).append('\t').append(this.sealing.keyId()).append('\t');
			b.append(bytea(this.sealing.hash(p.idNumber()))).append('\t');
			b.append(SealedIdentifiers.maskIdNumber(p.idNumber())).append('\t');
			b.append(bytea(this.sealing.seal(p.phone()))).append('\t').append(this.sealing.keyId()).append('\t');
			b.append(bytea(this.sealing.hash(p.phone()))).append('\t');
			b.append(SealedIdentifiers.maskPhone(p.phone())).append('\t');
			b.append(p.household()).append('\t');
			b.append(p.household().equals("FLOATING") ? "\\N" : "苏州市虎丘区" + p.address()).append('\t');
			b.append(p.address()).append('\t').append(grid[0]).append('\t').append(grid[1]).append('\t');
			b.append("ACTIVE").append('\t').append(this.now).append('\t').append(this.now).append('\n');
		}

		/** bytea in COPY's text format: {@code \\x} and hex. */
		private static String bytea(byte[] bytes) {
			return "\\\\x" + HEX.formatHex(bytes);
		}

		@Override
		public void close() {
		}

	}

}
