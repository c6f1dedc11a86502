package org.govgrid.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.demo.HistoryTown.Department;
import org.govgrid.demo.HistoryTown.Grid;
import org.govgrid.demo.HistoryTown.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 狮山街道's last six months (issue 19 item 6), loaded once on the demo profile after the
 * demo city: about {@value #EVENTS} events with their flows, ratings, supervision and
 * points, and a grid worker for every grid of the town (so the rankings are full), all in
 * one transaction, so that a newcomer's dashboard, rankings, warnings, hotspots and 智能分拨
 * show real figures. Off with {@code govgrid.demo.history.enabled=false} (the integration
 * tests, whose counts it would change).
 */
@Component
@Profile("demo")
@Order(40)
class DemoHistory implements ApplicationRunner {

	static final int EVENTS = 3000;

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

	private static final String TOWN = "320505006";

	private static final String[] WORKER_NAMES = { "陈静", "王建国", "李娟", "张伟", "刘芳", "杨磊", "周敏", "吴强", "徐丽", "孙浩", "朱琳",
			"胡军" };

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final boolean enabled;

	DemoHistory(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
			@Value("${govgrid.demo.history.enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.enabled) {
			return;
		}
		try {
			load(EVENTS);
		}
		catch (RuntimeException ex) {
			// one transaction: nothing of it stays; the demo runs without history and the
			// next start tries again
			log.error("Demo history not loaded", ex);
		}
	}

	/** Loads the history unless it is there; the number of events written. */
	int load(int events) {
		HistoryStore store = new HistoryStore(this.jdbc);
		Integer written = this.transaction.execute(status -> {
			if (store.loaded() || this.jdbc.sql("select count(*) from region where code = :town")
				.param("town", TOWN)
				.query(Long.class)
				.single() == 0) {
				return 0;
			}
			long started = System.currentTimeMillis();
			HistoryTown town = town();
			Map<LocalDate, Integer> codesTaken = new HashMap<>();
			this.jdbc.sql("select day, last from event_code_sequence")
				.query((rs, n) -> codesTaken.put(rs.getDate("day").toLocalDate(), rs.getInt("last")))
				.list();
			List<HistoryEvent> history = new HistoryEvents(town).generate(events, this.clock.instant(), codesTaken);
			store.write(town, history);
			log.info("Demo history: {} events of 狮山街道 over {} days in {} ms", history.size(), HistoryEvents.DAYS,
					System.currentTimeMillis() - started);
			return history.size();
		});
		return written == null ? 0 : written;
	}

	private HistoryTown town() {
		Map<String, Object> town = this.jdbc.sql("select id, path from region where code = :town")
			.param("town", TOWN)
			.query()
			.singleRow();
		long townId = ((Number) town.get("id")).longValue();
		Person centre = person("center");
		Person leader = person("leader");
		Person chief = person("chief1");
		Person cityManagement = person("dept_cg");
		Map<String, Department> departments = new HashMap<>();
		this.jdbc.sql("select id, code, name from department where region_id = :town")
			.param("town", townId)
			.query((rs, n) -> {
				String code = rs.getString("code").substring(TOWN.length() + 1);
				Person handler = "CG".equals(code) ? cityManagement : new Person(null, rs.getString("name") + "处置员");
				return departments.put(code, new Department(rs.getLong("id"), rs.getString("name"), handler));
			})
			.list();
		List<Grid> grids = new ArrayList<>();
		List<Map<String, Object>> rows = this.jdbc.sql("""
				select g.id, g.code, g.path, g.center_lon, g.center_lat, g.max_lon - g.min_lon as width,
				    g.max_lat - g.min_lat as height, c.id as community_id, c.name as community_name,
				    (select min(u.id) from app_user u where u.scope_path = g.path) as worker_id,
				    (select min(u.display_name) from app_user u where u.scope_path = g.path) as worker_name
				from region g join region c on c.id = g.parent_id
				where g.level = 'GRID' and c.parent_id = :town order by g.code""")
			.param("town", townId)
			.query()
			.listOfRows();
		for (int i = 0; i < rows.size(); i++) {
			Map<String, Object> row = rows.get(i);
			long gridId = ((Number) row.get("id")).longValue();
			Person worker = row.get("worker_id") == null
					? worker(gridId, (String) row.get("path"), (String) row.get("code"), i)
					: new Person(((Number) row.get("worker_id")).longValue(), (String) row.get("worker_name"));
			String community = (String) row.get("community_name");
			Person communityStaff = i < 4 && chief.id() != null ? chief : new Person(null, community + "工作站");
			grids.add(new Grid(gridId, ((Number) row.get("community_id")).longValue(), community,
					(String) row.get("path"), ((Number) row.get("center_lon")).doubleValue(),
					((Number) row.get("center_lat")).doubleValue(), ((Number) row.get("width")).doubleValue(),
					((Number) row.get("height")).doubleValue(), worker, communityStaff));
		}
		return new HistoryTown(townId, TOWN, grids, centre, leader, departments);
	}

	private Person person(String username) {
		return this.jdbc.sql("select id, display_name from app_user where username = :username")
			.param("username", username)
			.query((rs, n) -> new Person(rs.getLong("id"), rs.getString("display_name")))
			.optional()
			.orElse(new Person(null, username));
	}

	/**
	 * A grid worker for a grid that has none, with the demo's initial password (worker1's
	 * hash, which must be changed at first sign-in like every demo account's; hashing
	 * afresh would cost seconds of the cold start).
	 */
	private Person worker(long gridId, String path, String gridCode, int index) {
		String username = "worker" + gridCode.substring(gridCode.length() - 6);
		String name = "网格员" + WORKER_NAMES[index % WORKER_NAMES.length];
		long id = this.jdbc.sql("""
				insert into app_user (username, display_name, scope_region_id, scope_path, password_hash,
				    must_change_password)
				select :username, :name, :grid, :path, password_hash, true from app_user where username = 'worker1'
				returning id""")
			.param("username", username)
			.param("name", name)
			.param("grid", gridId)
			.param("path", path)
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into user_role (user_id, role_id) select :user, id from role where code = 'GRID_WORKER'")
			.param("user", id)
			.update();
		return new Person(id, name);
	}

}
