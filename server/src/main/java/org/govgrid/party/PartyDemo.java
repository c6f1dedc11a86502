package org.govgrid.party;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.govgrid.identity.Directory;
import org.govgrid.platform.IdNumbers;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.SealedIdentifiers;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party demo (profile {@code demo}), once, while no party organisation exists: a 党委
 * for 狮山街道, a 党总支 per community, a 党支部 per grid placed in it, about 200 members (valid
 * made-up ID numbers, sealed like the rest, never logged) and three months of activities
 * dated back from today. Written in batches after the demo city exists.
 */
@Component
@Profile("demo")
@Order(10)
class PartyDemo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PartyDemo.class);

	private static final String TOWN = "320505006";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "朱", "沈",
			"顾", "陆" };

	private static final String[] GIVEN = { "建国", "秀英", "伟", "芳", "志强", "丽娟", "海燕", "明", "红梅", "国华", "晓东", "静", "文斌",
			"雪琴", "春华", "振宇", "婷", "立新", "佳怡", "子涵" };

	private static final ActivityType[] TYPES = ActivityType.values();

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final IdentifierProtection protection;

	private final Directory directory;

	private final Clock clock;

	PartyDemo(NamedParameterJdbcTemplate jdbc, RegionService regions, IdentifierProtection protection,
			Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.protection = protection;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		RegionSummary town = this.regions.findByCode(TOWN).orElse(null);
		Integer existing = this.jdbc.queryForObject("select count(*) from party_organization",
				new MapSqlParameterSource(), Integer.class);
		if (town == null || existing == null || existing > 0) {
			return;
		}
		long started = System.currentTimeMillis();
		Random random = new Random(20261206L);
		long committee = organization("DW" + TOWN + "00001", "中共狮山街道工作委员会", OrganizationType.COMMITTEE, null, town,
				null);
		List<long[]> branches = new ArrayList<>();
		List<RegionSummary> branchGrids = new ArrayList<>();
		int index = 1;
		for (RegionSummary community : children(town)) {
			long general = organization("DZZ" + community.code() + "00001", "中共" + community.name() + "总支部委员会",
					OrganizationType.GENERAL_BRANCH, committee, community, null);
			for (RegionSummary grid : children(community)) {
				long branch = organization(String.format(Locale.ROOT, "DZB%s%05d", community.code(), index++),
						grid.name() + "党支部", OrganizationType.BRANCH, general, community, grid);
				branches.add(new long[] { branch, community.id() });
				branchGrids.add(grid);
			}
		}
		List<List<Long>> membersByBranch = members(branches, branchGrids, random);
		int activities = activities(town, branches, branchGrids, membersByBranch, random);
		log.info("Party demo seeded in {} ms: {} branches, {} members, {} activities",
				System.currentTimeMillis() - started, branches.size(),
				membersByBranch.stream().mapToInt(List::size).sum(), activities);
	}

	private List<RegionSummary> children(RegionSummary parent) {
		return this.jdbc.query(
				"select id, code, name, level, parent_id, path from region where parent_id = :id order by code",
				new MapSqlParameterSource("id", parent.id()),
				(rs, n) -> new RegionSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						org.govgrid.region.RegionLevel.valueOf(rs.getString("level")),
						rs.getObject("parent_id", Long.class), rs.getString("path")));
	}

	private long organization(String code, String name, OrganizationType type, Long parent, RegionSummary region,
			RegionSummary grid) {
		long id = this.jdbc.queryForObject("""
				insert into party_organization (code, name, type, parent_id, region_id, region_path, secretary_name,
				    founded_on)
				values (:code, :name, :type, :parent, :region, :path, :secretary, :founded) returning id""",
				new MapSqlParameterSource("code", code).addValue("name", name)
					.addValue("type", type.name())
					.addValue("parent", parent)
					.addValue("region", region.id())
					.addValue("path", region.path())
					.addValue("secretary", SURNAMES[(int) (Math.abs(code.hashCode()) % SURNAMES.length)] + "书记")
					.addValue("founded", LocalDate.of(2000 + Math.abs(code.hashCode()) % 20, 7, 1)),
				Long.class);
		if (grid != null) {
			this.jdbc.update("""
					insert into party_organization_grid (organization_id, grid_id, grid_path, position)
					values (:id, :grid, :path, 0)""",
					new MapSqlParameterSource("id", id).addValue("grid", grid.id()).addValue("path", grid.path()));
		}
		return id;
	}

	/** 17 members a branch, the last two not yet placed in a grid. */
	private List<List<Long>> members(List<long[]> branches, List<RegionSummary> grids, Random random) {
		Set<String> issued = new HashSet<>();
		List<MapSqlParameterSource> rows = new ArrayList<>();
		String[] statuses = { "FULL", "FULL", "FULL", "FULL", "FULL", "FULL", "PROBATIONARY", "CANDIDATE", "ACTIVIST" };
		for (int b = 0; b < branches.size(); b++) {
			String communityPath = grids.get(b).path().substring(0, grids.get(b).path().lastIndexOf('/'));
			for (int m = 0; m < 17; m++) {
				String idNumber = idNumber(random, issued);
				String phone = "139" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
				boolean placed = m < 15;
				MapSqlParameterSource row = new MapSqlParameterSource("name",
						SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)])
					.addValue("gender", IdNumbers.sex(idNumber))
					.addValue("organization", branches.get(b)[0])
					.addValue("status", statuses[random.nextInt(statuses.length)])
					.addValue("joined", LocalDate.of(1985 + random.nextInt(38), 1 + random.nextInt(12), 1))
					.addValue("grid", placed ? grids.get(b).id() : null)
					.addValue("path", placed ? grids.get(b).path() : communityPath)
					.addValue("dual", random.nextInt(4) == 0);
				SealedIdentifiers.bindIdNumber(this.protection, row, idNumber);
				SealedIdentifiers.bindPhone(this.protection, row, phone);
				rows.add(row);
			}
		}
		this.jdbc.batchUpdate("""
				insert into party_member (name, gender, id_cipher, id_key, id_hash, id_masked, phone_cipher, phone_key,
				    phone_hash, phone_masked, organization_id, status, joined_on, grid_id, region_path, dual_report)
				values (:name, :gender, :idCipher, :idKey, :idHash, :idMasked, :phoneCipher, :phoneKey, :phoneHash,
				    :phoneMasked, :organization, :status, :joined, :grid, :path, :dual)""",
				rows.toArray(MapSqlParameterSource[]::new));
		List<List<Long>> byBranch = new ArrayList<>();
		for (long[] branch : branches) {
			byBranch.add(this.jdbc.queryForList("select id from party_member where organization_id = :id order by id",
					new MapSqlParameterSource("id", branch[0]), Long.class));
		}
		return byBranch;
	}

	private static String idNumber(Random random, Set<String> issued) {
		while (true) {
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18000));
			String first17 = "320505" + birth.toString().replace("-", "")
					+ String.format(Locale.ROOT, "%03d", random.nextInt(1000));
			String number = first17 + IdNumbers.checkCharacter(first17);
			if (issued.add(number)) {
				return number;
			}
		}
	}

	/**
	 * About two activities a branch a month over the last 90 days, at the grid's centre.
	 */
	private int activities(RegionSummary town, List<long[]> branches, List<RegionSummary> grids,
			List<List<Long>> members, Random random) {
		var reporter = this.directory.usersWithin(town.path(), "party:activity:report").stream().findFirst();
		if (reporter.isEmpty()) {
			return 0;
		}
		ZonedDateTime today = ZonedDateTime.now(this.clock.withZone(PartyActivities.ZONE))
			.withHour(9)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
		int count = 0;
		for (int b = 0; b < branches.size(); b++) {
			double[] centre = this.regions.centre(grids.get(b).id()).orElse(null);
			if (centre == null) {
				continue;
			}
			for (int k = 0; k < 6; k++) {
				ActivityType type = TYPES[random.nextInt(TYPES.length)];
				ZonedDateTime held = today.minusDays(1 + random.nextInt(89)).plusHours(random.nextInt(7));
				long id = this.jdbc.queryForObject("""
						insert into party_activity (organization_id, type, title, held_at, place, lon, lat, grid_id,
						    region_path, content, reported_by, reported_by_name)
						values (:organization, :type, :title, :held, :place, :lon, :lat, :grid, :path, :content, :by,
						    :byName) returning id""",
						new MapSqlParameterSource("organization", branches.get(b)[0]).addValue("type", type.name())
							.addValue("title", grids.get(b).name() + type.label())
							.addValue("held", Timestamp.from(held.toInstant()))
							.addValue("place", grids.get(b).name() + "党群服务站")
							.addValue("lon", centre[0])
							.addValue("lat", centre[1])
							.addValue("grid", grids.get(b).id())
							.addValue("path", grids.get(b).path())
							.addValue("content", "组织党员开展" + type.label() + "活动。")
							.addValue("by", reporter.get().id())
							.addValue("byName", reporter.get().name()),
						Long.class);
				List<Long> pool = new ArrayList<>(members.get(b));
				java.util.Collections.shuffle(pool, random);
				List<MapSqlParameterSource> participants = new ArrayList<>();
				for (Long member : pool.subList(0, Math.min(pool.size(), 5 + random.nextInt(8)))) {
					participants.add(new MapSqlParameterSource("id", id).addValue("member", member));
				}
				this.jdbc.batchUpdate(
						"insert into party_activity_participant (activity_id, member_id) values (:id, :member)",
						participants.toArray(MapSqlParameterSource[]::new));
				count++;
			}
		}
		return count;
	}

}
