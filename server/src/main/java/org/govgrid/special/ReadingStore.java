package org.govgrid.special;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and writes utility readings in their monthly partitions: every step of a batch is
 * one statement over arrays or one COPY (never one per reading), and a month's partition
 * is created the first time it is needed (the default partition catches anything else),
 * as patrol's track points are.
 */
@Component
class ReadingStore {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

	private static final String COPY = "copy utility_reading (meter_id, read_at, value, cumulative, usage) from stdin";

	private static final String UNIQUE_VIOLATION = "23505";

	private final JdbcTemplate jdbc;

	private final Set<String> knownPartitions = ConcurrentHashMap.newKeySet();

	private final NamedParameterJdbcTemplate named;

	ReadingStore(JdbcTemplate jdbc, NamedParameterJdbcTemplate named) {
		this.jdbc = jdbc;
		this.named = named;
	}

	/** A meter as a reading names it: kind and number. */
	record MeterKey(String kind, String number) {
	}

	/** The meters inside {@code scope} among these keys, by key → id. */
	Map<MeterKey, Long> meters(Collection<MeterKey> keys, DataScope scope) {
		Map<MeterKey, Long> found = new HashMap<>();
		if (keys.isEmpty()) {
			return found;
		}
		String[] kinds = keys.stream().map(MeterKey::kind).toArray(String[]::new);
		String[] numbers = keys.stream().map(MeterKey::number).toArray(String[]::new);
		MapSqlParameterSource params = new MapSqlParameterSource("kinds", kinds).addValue("numbers", numbers);
		this.named.query("""
				select m.id, m.kind, m.meter_number from utility_meter m
				join unnest(cast(:kinds as text[]), cast(:numbers as text[])) as k(kind, num)
				    on m.kind = k.kind and m.meter_number = k.num
				where """ + ScopeFilter.of(scope, "m.region_path").addTo(params), params,
				(RowCallbackHandler) rs -> found.put(new MeterKey(rs.getString(2), rs.getString(3)), rs.getLong(1)));
		return found;
	}

	/**
	 * The span of a meter's readings in a batch that holds a cumulative count for it (the
	 * count is judged against the counts stored around the span).
	 */
	record Span(long meterId, Instant from, Instant to) {
	}

	/**
	 * For each span: all the meter's readings within it, its last cumulative reading
	 * before it and its first cumulative reading after it.
	 */
	Map<Long, List<ReadingChain.Stored>> around(List<Span> spans) {
		Map<Long, List<ReadingChain.Stored>> found = new HashMap<>();
		if (spans.isEmpty()) {
			return found;
		}
		Long[] ids = spans.stream().map(Span::meterId).toArray(Long[]::new);
		Timestamp[] froms = spans.stream().map(s -> Timestamp.from(s.from())).toArray(Timestamp[]::new);
		Timestamp[] tos = spans.stream().map(s -> Timestamp.from(s.to())).toArray(Timestamp[]::new);
		this.jdbc.query(con -> {
			var ps = con.prepareStatement("""
					select b.id, r.read_at, r.value, r.cumulative, r.usage
					from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) as b(id, lo, hi)
					cross join lateral (
					    (select read_at, value, cumulative, usage from utility_reading
					     where meter_id = b.id and cumulative and read_at < b.lo order by read_at desc limit 1)
					    union all
					    (select read_at, value, cumulative, usage from utility_reading
					     where meter_id = b.id and read_at between b.lo and b.hi)
					    union all
					    (select read_at, value, cumulative, usage from utility_reading
					     where meter_id = b.id and cumulative and read_at > b.hi order by read_at limit 1)) r""");
			ps.setArray(1, con.createArrayOf("bigint", ids));
			ps.setArray(2, con.createArrayOf("timestamptz", froms));
			ps.setArray(3, con.createArrayOf("timestamptz", tos));
			return ps;
		}, (RowCallbackHandler) rs -> found.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
			.add(new ReadingChain.Stored(rs.getTimestamp(2).toInstant(), rs.getDouble(3), rs.getBoolean(4),
					rs.getObject(5, Double.class))));
		return found;
	}

	/** A reading to store. */
	record Row(long meterId, Instant time, double value, boolean cumulative, Double usage) {
	}

	/**
	 * Stores rows by COPY (a batch is written at close to the database's own bulk speed);
	 * returns how many were new. Some instants may be stored already (interval usage is
	 * not looked up first, and a concurrent writer may have stored the same instants):
	 * then the COPY is undone to its savepoint and the rows go in again, skipping those
	 * already there.
	 */
	int insert(List<Row> rows) {
		if (rows.isEmpty()) {
			return 0;
		}
		rows.stream()
			.map(r -> r.time().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1))
			.distinct()
			.forEach(this::ensurePartition);
		Integer stored = this.jdbc.execute((ConnectionCallback<Integer>) con -> {
			if (con.getAutoCommit()) {
				return insertSkippingTaken(con, rows);
			}
			Savepoint beforeCopy = con.setSavepoint();
			try {
				long copied = con.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn(COPY, new StringReader(copyText(rows)));
				con.releaseSavepoint(beforeCopy);
				return (int) copied;
			}
			catch (SQLException ex) {
				if (!UNIQUE_VIOLATION.equals(ex.getSQLState())) {
					throw ex;
				}
				con.rollback(beforeCopy);
				return insertSkippingTaken(con, rows);
			}
			catch (IOException ex) {
				throw new SQLException("COPY of utility readings failed", ex);
			}
		});
		return stored == null ? 0 : stored;
	}

	/**
	 * COPY's text format: the values are numbers, booleans and ISO instants (no escaping
	 * needed).
	 */
	private static String copyText(List<Row> rows) {
		StringBuilder text = new StringBuilder(rows.size() * 56);
		Map<Instant, String> times = new HashMap<>();
		for (Row r : rows) {
			text.append(r.meterId())
				.append('\t')
				.append(times.computeIfAbsent(r.time(), Instant::toString))
				.append('\t')
				.append(r.value())
				.append('\t')
				.append(r.cumulative() ? 't' : 'f')
				.append('\t');
			if (r.usage() == null) {
				text.append("\\N");
			}
			else {
				text.append(r.usage().doubleValue());
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static int insertSkippingTaken(Connection con, List<Row> rows) throws SQLException {
		int n = rows.size();
		Long[] meters = new Long[n];
		Timestamp[] times = new Timestamp[n];
		Double[] values = new Double[n];
		Boolean[] cumulative = new Boolean[n];
		Double[] usages = new Double[n];
		for (int i = 0; i < n; i++) {
			Row r = rows.get(i);
			meters[i] = r.meterId();
			times[i] = Timestamp.from(r.time());
			values[i] = r.value();
			cumulative[i] = r.cumulative();
			usages[i] = r.usage();
		}
		try (PreparedStatement ps = con.prepareStatement("""
				insert into utility_reading (meter_id, read_at, value, cumulative, usage)
				select * from unnest(?::bigint[], ?::timestamptz[], ?::float8[], ?::boolean[], ?::float8[])
				on conflict do nothing""")) {
			ps.setArray(1, con.createArrayOf("bigint", meters));
			ps.setArray(2, con.createArrayOf("timestamptz", times));
			ps.setArray(3, con.createArrayOf("float8", values));
			ps.setArray(4, con.createArrayOf("boolean", cumulative));
			ps.setArray(5, con.createArrayOf("float8", usages));
			return ps.executeUpdate();
		}
	}

	/** Sets the usage of stored readings that a late reading now precedes. */
	void correct(List<Row> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Long[] meters = rows.stream().map(Row::meterId).toArray(Long[]::new);
		Timestamp[] times = rows.stream().map(r -> Timestamp.from(r.time())).toArray(Timestamp[]::new);
		Double[] usages = rows.stream().map(Row::usage).toArray(Double[]::new);
		this.jdbc.update(con -> {
			var ps = con.prepareStatement("""
					update utility_reading r set usage = u.usage
					from unnest(?::bigint[], ?::timestamptz[], ?::float8[]) as u(meter_id, read_at, usage)
					where r.meter_id = u.meter_id and r.read_at = u.read_at""");
			ps.setArray(1, con.createArrayOf("bigint", meters));
			ps.setArray(2, con.createArrayOf("timestamptz", times));
			ps.setArray(3, con.createArrayOf("float8", usages));
			return ps;
		});
	}

	void ensurePartition(LocalDate month) {
		String name = "utility_reading_" + month.format(MONTH);
		if (this.knownPartitions.contains(name)) {
			return;
		}
		// a month already caught by the default partition cannot be split off while it
		// holds rows; then the default partition keeps serving it
		Boolean exists = this.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, name);
		if (!Boolean.TRUE.equals(exists)) {
			Integer stray = this.jdbc.queryForObject(
					"select count(*) from utility_reading_default where read_at >= ?::date"
							+ " and read_at < (?::date + interval '1 month')",
					Integer.class, month.toString(), month.toString());
			if (stray != null && stray > 0) {
				this.knownPartitions.add(name);
				return;
			}
			this.jdbc.execute("create table if not exists " + name + " partition of utility_reading for values from ('"
					+ month + "') to ('" + month.plusMonths(1) + "')");
		}
		this.knownPartitions.add(name);
	}

}
