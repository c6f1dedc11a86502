package org.govgrid.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.govgrid.basedata.CreditCodes;
import org.govgrid.basedata.DailyNoteCommand;
import org.govgrid.basedata.DailyNotes;
import org.govgrid.basedata.DisputeCommand;
import org.govgrid.basedata.DisputeCommand.Party;
import org.govgrid.basedata.Disputes;
import org.govgrid.basedata.HouseCommand;
import org.govgrid.basedata.Houses;
import org.govgrid.basedata.OrganizationCommand;
import org.govgrid.basedata.Organizations;
import org.govgrid.basedata.People;
import org.govgrid.basedata.PersonCommand;
import org.govgrid.basedata.PersonDetails;
import org.govgrid.basedata.PlaceCommand;
import org.govgrid.basedata.Places;
import org.govgrid.basedata.ThingCommand;
import org.govgrid.basedata.Things;
import org.govgrid.demo.DemoGridRecords.House;
import org.govgrid.demo.DemoGridRecords.Person;
import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.platform.IdNumbers;
import org.govgrid.platform.PageQuery;
import org.govgrid.region.RegionSummary;
import org.govgrid.region.RegionService;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the base data of the first two grids of 狮山社区 ({@link DemoGridRecords}) through
 * the basedata services, once: only while both grids hold no people and no houses. ID
 * numbers (valid, GB 11643) and phones are made up from a fixed seed and never logged.
 */
@Component
@Profile("demo")
class DemoBaseData {

	private static final Logger log = LoggerFactory.getLogger(DemoBaseData.class);

	private static final String[] GRIDS = { "320505006001001", "320505006001002" };

	private static final String[][] WORKERS = { { "worker1", "网格员一" }, { "worker2", "网格员二" } };

	private static final Map<String, String> HOMETOWNS = Map.of("320505", "江苏省苏州市虎丘区", "340104", "安徽省合肥市蜀山区", "360124",
			"江西省南昌市进贤县", "420106", "湖北省武汉市武昌区", "320382", "江苏省邳州市", "370881", "山东省曲阜市", "450103", "广西壮族自治区南宁市青秀区",
			"411302", "河南省南阳市宛城区");

	private static final String HUQIU = "320505";

	private final RegionService regions;

	private final IdentityProvisioning identity;

	private final People people;

	private final Houses houses;

	private final Places places;

	private final Organizations organizations;

	private final Things things;

	private final Disputes disputes;

	private final DailyNotes notes;

	private final Clock clock;

	DemoBaseData(RegionService regions, IdentityProvisioning identity, People people, Houses houses, Places places,
			Organizations organizations, Things things, Disputes disputes, DailyNotes notes, Clock clock) {
		this.regions = regions;
		this.identity = identity;
		this.people = people;
		this.houses = houses;
		this.places = places;
		this.organizations = organizations;
		this.things = things;
		this.disputes = disputes;
		this.notes = notes;
		this.clock = clock;
	}

	/**
	 * All or nothing, so a failed start leaves the grids empty and seeds again next time.
	 */
	@Transactional
	public void seedIfEmpty() {
		List<RegionSummary> grids = new ArrayList<>();
		List<DemoActor> workers = new ArrayList<>();
		for (int g = 0; g < GRIDS.length; g++) {
			Optional<RegionSummary> grid = this.regions.findByCode(GRIDS[g]);
			Optional<Long> worker = this.identity.userId(WORKERS[g][0]);
			if (grid.isEmpty() || worker.isEmpty()) {
				return;
			}
			grids.add(grid.get());
			workers.add(new DemoActor(worker.get(), WORKERS[g][0], WORKERS[g][1]));
		}
		for (RegionSummary grid : grids) {
			if (this.people
				.list(new People.Filter(null, grid.id(), null, null, null), new PageQuery(1, 1), workers.get(0))
				.total() > 0
					|| this.houses
						.list(new Houses.Filter(null, grid.id(), null, null), new PageQuery(1, 1), workers.get(0))
						.total() > 0) {
				return;
			}
		}
		long started = System.currentTimeMillis();
		Seeding seeding = new Seeding(grids, workers, new Random(20261125L));
		seeding.houses();
		seeding.people();
		seeding.places();
		seeding.organizations();
		seeding.things();
		seeding.disputes();
		seeding.notes();
		log.info(
				"Demo base data seeded in {} ms: {} houses, {} people ({} in key groups), {} places, {} organisations,"
						+ " {} things, 3 disputes, {} daily notes",
				System.currentTimeMillis() - started, DemoGridRecords.HOUSES.size(), DemoGridRecords.PEOPLE.size(),
				DemoGridRecords.TAGS.stream().map(DemoGridRecords.Tag::person).distinct().count(),
				DemoGridRecords.PLACES.size(), DemoGridRecords.ORGANIZATIONS.size(), DemoGridRecords.THINGS.size(),
				DemoGridRecords.NOTES.size());
	}

	/** One seeding run: the grids, their workers and what was made so far. */
	private final class Seeding {

		private final List<RegionSummary> grids;

		private final List<DemoActor> workers;

		private final Random random;

		private final List<Geometry> cells = new ArrayList<>();

		private final List<Long> houseIds = new ArrayList<>();

		private final List<double[]> houseSpots = new ArrayList<>();

		private final Map<String, Long> personIds = new HashMap<>();

		private final LocalDate today = LocalDate.now(DemoBaseData.this.clock);

		Seeding(List<RegionSummary> grids, List<DemoActor> workers, Random random) {
			this.grids = grids;
			this.workers = workers;
			this.random = random;
			DemoLattice lattice = new DemoLattice();
			for (int g = 0; g < grids.size(); g++) {
				// a margin keeps every point clearly inside its grid
				this.cells.add(lattice.grid(0, 0, g).buffer(-0.0008));
			}
		}

		void houses() {
			for (House house : DemoGridRecords.HOUSES) {
				double[] spot = spot(house.grid());
				this.houseSpots.add(spot);
				this.houseIds.add(
						DemoBaseData.this.houses
							.create(new HouseCommand(house.address(), house.building(), house.unit(), house.room(),
									house.use(), BigDecimal.valueOf(house.area()), house.owner(), false,
									grid(house.grid()), spot[0], spot[1], null, null, null, null), worker(house.grid()))
							.id());
			}
		}

		void people() {
			for (Person person : DemoGridRecords.PEOPLE) {
				House house = DemoGridRecords.HOUSES.get(person.house());
				LocalDate birth = LocalDate.parse(person.birth());
				boolean adult = birth.plusYears(16).isBefore(this.today);
				PersonCommand command = PersonCommand.builder()
					.idNumber(idNumber(person.area(), birth, person.sex()))
					.name(person.name())
					.sex(person.sex())
					.ethnicity(person.ethnicity())
					.birthDate(birth)
					.phone(adult ? phone() : null)
					.householdType(person.household())
					.registeredAddress(HOMETOWNS.get(person.area()))
					.currentAddress(house.address())
					.houseId(this.houseIds.get(person.house()))
					.workUnit(person.workUnit())
					.politicalStatus(person.political())
					.education(person.education())
					.details(details(person, adult))
					.tags(tags(person.name()))
					.build();
				long id = DemoBaseData.this.people.create(command, worker(house.grid())).id();
				this.personIds.put(person.name(), id);
				if (person.rentedSince() != null) {
					LocalDate since = LocalDate.parse(person.rentedSince());
					DemoBaseData.this.houses.addTenant(this.houseIds.get(person.house()),
							new Houses.TenantCommand(id, since, since.plusYears(2).minusDays(1)), worker(house.grid()));
				}
			}
		}

		/** Born where registered; living in 虎丘区, at home if registered there. */
		private PersonDetails details(Person person, boolean adult) {
			boolean home = person.household().equals("REGISTERED") && person.area().equals(HUQIU);
			return PersonDetails
				.of(Map.of("nativePlace", person.area(), "maritalStatus", adult ? "20" : "10", "registeredPlace",
						person.area(), "currentPlace", HUQIU, "householdConsistency", home ? "01" : "02"));
		}

		void places() {
			for (DemoGridRecords.Place place : DemoGridRecords.PLACES) {
				double[] spot = place.house() >= 0 ? this.houseSpots.get(place.house()) : spot(place.grid());
				DemoBaseData.this.places.create(
						new PlaceCommand(place.name(), place.type(), place.address(),
								place.house() >= 0 ? this.houseIds.get(place.house()) : null, place.contact(),
								place.hazard(), grid(place.grid()), spot[0], spot[1], null, null, null, null),
						worker(place.grid()));
			}
		}

		void organizations() {
			for (DemoGridRecords.Organization org : DemoGridRecords.ORGANIZATIONS) {
				String first17 = org.registration() + "320505" + org.body() + organisationCheck(org.body());
				double[] spot = spot(org.grid());
				DemoBaseData.this.organizations.create(
						new OrganizationCommand(org.name(), org.kind(), first17 + CreditCodes.checkCharacter(first17),
								org.legal(), org.staff(), org.hazard(), org.partyMembers(), org.partyOrg(),
								org.address(), grid(org.grid()), spot[0], spot[1], null, null, null, null),
						worker(org.grid()));
			}
		}

		void things() {
			Map<String, Integer> numbers = new LinkedHashMap<>();
			for (DemoGridRecords.Thing thing : DemoGridRecords.THINGS) {
				String prefix = GRIDS[thing.grid()] + "-" + thing.letters();
				int number = numbers.merge(prefix, 1, Integer::sum);
				double[] spot = spot(thing.grid());
				DemoBaseData.this.things.create(new ThingCommand(prefix + String.format(Locale.ROOT, "-%03d", number),
						thing.type(), thing.name(), "苏州高新区狮山街道" + thing.address(), thing.owner(), spot[0], spot[1],
						grid(thing.grid()), thing.status(), null, null, null), worker(thing.grid()));
			}
		}

		/** Three disputes at different stages: open, being mediated, resolved. */
		void disputes() {
			dispute(0, "楼道堆放杂物引发邻里纠纷", "NEIGHBOUR", "SMALL", 3, "金山花园1幢住户反映同楼住户在楼道长期堆放纸箱杂物，存在消防隐患，双方多次争吵。",
					"苏州高新区狮山街道金山花园1幢", List.of(party("张志强", "APPLICANT"), party("黄磊", "RESPONDENT")), List.of());
			dispute(1, "装修工人工资拖欠纠纷", "LABOUR", "MEDIUM", 10, "五名装修工人反映装饰公司拖欠两个月工资共计四万余元。", "苏州高新区狮山街道玉山苑2幢",
					List.of(party("覃海", "APPLICANT"), new Party("苏州宏达装饰工程有限公司", "RESPONDENT", null),
							new Party("韦国强", "APPLICANT", null), new Party("农小军", "APPLICANT", null)),
					List.of(new DisputeCommand.Step("MEDIATE", "联系装饰公司负责人，约定下周三到街道劳动保障所协商支付方案。")));
			dispute(0, "厨房排烟管道维修费用纠纷", "CONTRACT", "SMALL", 20, "租户与房东就排烟管道老化维修费用的分担产生争议。", "苏州高新区狮山街道竹园路60号",
					List.of(party("蒋文斌", "APPLICANT"), party("周德明", "RESPONDENT")),
					List.of(new DisputeCommand.Step("MEDIATE", "约双方到社区调解室，核对租赁合同中的维修条款。"),
							new DisputeCommand.Step("RESOLVE", "房东承担七成、租户承担三成维修费用，双方签订调解协议。")));
		}

		void notes() {
			for (DemoGridRecords.Note note : DemoGridRecords.NOTES) {
				DemoBaseData.this.notes.create(new DailyNoteCommand(this.today.minusDays(note.daysAgo()), note.topic(),
						note.content(), grid(note.grid())), worker(note.grid()));
			}
		}

		private void dispute(int grid, String title, String type, String scale, int daysAgo, String description,
				String address, List<Party> parties, List<DisputeCommand.Step> steps) {
			double[] spot = spot(grid);
			long id = DemoBaseData.this.disputes
				.create(new DisputeCommand(title, type, scale, parties, description, address,
						this.today.minusDays(daysAgo), grid(grid), spot[0], spot[1], null), worker(grid))
				.id();
			for (DisputeCommand.Step step : steps) {
				DemoBaseData.this.disputes.step(id, step, worker(grid));
			}
		}

		private Party party(String name, String role) {
			return new Party(name, role, this.personIds.get(name));
		}

		private List<PersonCommand.Tag> tags(String name) {
			return DemoGridRecords.TAGS.stream()
				.filter(tag -> tag.person().equals(name))
				.map(tag -> new PersonCommand.Tag(tag.tag(), tag.since() == null ? null : LocalDate.parse(tag.since()),
						tag.details()))
				.toList();
		}

		/**
		 * A valid ID number: area, birth date, a sequence whose last digit gives the sex.
		 */
		private String idNumber(String area, LocalDate birth, String sex) {
			int last = this.random.nextInt(5) * 2 + (sex.equals("1") ? 1 : 0);
			String first17 = area + birth.toString().replace("-", "")
					+ String.format(Locale.ROOT, "%02d%d", this.random.nextInt(100), last);
			return first17 + IdNumbers.checkCharacter(first17);
		}

		private String phone() {
			String[] prefixes = { "139", "138", "137", "136", "135", "158", "159", "188", "189", "180", "181", "152" };
			return prefixes[this.random.nextInt(prefixes.length)]
					+ String.format(Locale.ROOT, "%08d", this.random.nextInt(100_000_000));
		}

		/** A point inside grid {@code g}. */
		private double[] spot(int g) {
			Geometry cell = this.cells.get(g);
			Envelope box = cell.getEnvelopeInternal();
			while (true) {
				double lon = Math.round((box.getMinX() + this.random.nextDouble() * box.getWidth()) * 1e6) / 1e6;
				double lat = Math.round((box.getMinY() + this.random.nextDouble() * box.getHeight()) * 1e6) / 1e6;
				if (cell.contains(cell.getFactory().createPoint(new Coordinate(lon, lat)))) {
					return new double[] { lon, lat };
				}
			}
		}

		private long grid(int g) {
			return this.grids.get(g).id();
		}

		private DemoActor worker(int g) {
			return this.workers.get(g);
		}

	}

	/** The check character of a GB 11714 organisation code's eight-character body. */
	static char organisationCheck(String body) {
		int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(body.charAt(i), 36) * weights[i];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}

}
