package org.govgrid.bench;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Crowd-flow ingest (人流): a city-wide CENTER_STAFF account posts batches of 1,000 counts
 * (grid code, quarter-hour bucket, people) through {@code POST /api/v1/special/crowd-flow};
 * beside it the same number of rows written with {@code COPY crowd_count ... FROM STDIN}
 * (one COPY and one transaction per batch), on as many connections. Count {@code k} of a
 * side is grid {@code k mod n} at bucket {@code base + (k div n)} quarter hours; the two
 * sides use different months so that neither replaces the other's rows.
 */
final class CrowdBench {

	static final int BATCH = 1000;

	static final String COPY = "copy crowd_count (grid_id, region_path, bucket_start, people, received_at) from stdin";

	private static final long QUARTER = 900;

	private final List<long[]> gridIds = new ArrayList<>();

	private final List<String> codes = new ArrayList<>();

	private final List<String> paths = new ArrayList<>();

	private final Instant apiBase;

	private final Instant rawBase;

	private final int batchesPerClient;

	private Api center;

	CrowdBench(int batchesPerClient) {
		this.batchesPerClient = batchesPerClient;
		// whole quarter hours well in the past; the raw side two months before the API's
		long now = Instant.now().getEpochSecond();
		this.apiBase = Instant.ofEpochSecond(now - now % QUARTER).minus(200, ChronoUnit.DAYS);
		this.rawBase = this.apiBase.minus(60, ChronoUnit.DAYS);
	}

	/** Every grid of the data set, and a city-wide centre account to feed them. */
	void prepare(Connection db, Api admin, String url, long run) throws Exception {
		try (PreparedStatement query = db
			.prepareStatement("select id, code, path from region where level = 'GRID' order by code");
				ResultSet rs = query.executeQuery()) {
			while (rs.next()) {
				this.gridIds.add(new long[] { rs.getLong(1) });
				this.codes.add(rs.getString(2));
				this.paths.add(rs.getString(3));
			}
		}
		long city = EventBench.count(db, "select id from region where code = '320500'");
		this.center = Runner.newUser(admin, url, "benchcrowd" + run, city, "CENTER_STAFF");
	}

	int grids() {
		return this.codes.size();
	}

	Instant apiBase() {
		return this.apiBase;
	}

	private long index(int c, int b, int j) {
		return ((long) c * this.batchesPerClient + b) * BATCH + j;
	}

	private Instant bucket(Instant base, long k) {
		return base.plusSeconds(k / this.codes.size() * QUARTER);
	}

	private static int people(long k) {
		return (int) (50 + k * 7919 % 1500);
	}

	/** Batch {@code b} of client {@code c} through the API; all 1,000 must be new. */
	void apiBatch(int c, int b) throws Exception {
		StringBuilder json = new StringBuilder(BATCH * 80).append("{\"counts\":[");
		for (int j = 0; j < BATCH; j++) {
			long k = index(c, b, j);
			json.append(j == 0 ? "" : ",")
				.append("{\"gridCode\":\"")
				.append(this.codes.get((int) (k % this.codes.size())))
				.append("\",\"bucketStart\":\"")
				.append(bucket(this.apiBase, k))
				.append("\",\"people\":")
				.append(people(k))
				.append('}');
		}
		json.append("]}");
		HttpResponse<byte[]> response = this.center.post("/api/v1/special/crowd-flow", json.toString());
		Api.expect(response, 200, "POST /api/v1/special/crowd-flow");
		String body = Api.text(response);
		if (!String.valueOf(BATCH).equals(Api.field(body, "accepted"))) {
			throw new IllegalStateException("crowd batch " + b + " of client " + c + " answered " + body);
		}
	}

	/** The monthly partitions the raw side writes into, made as the server makes them. */
	List<String> ensurePartitions(Connection db, int clients) throws SQLException {
		TreeSet<LocalDate> months = new TreeSet<>();
		Instant last = bucket(this.rawBase, index(clients, 0, 0));
		for (Instant t = this.rawBase; !t.isAfter(last); t = t.plus(1, ChronoUnit.DAYS)) {
			months.add(t.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
		}
		months.add(last.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
		List<String> names = new ArrayList<>();
		for (LocalDate month : months) {
			String name = "crowd_count_" + month.format(DateTimeFormatter.ofPattern("yyyy_MM"));
			boolean exists = EventBench.count(db, "select count(*) from pg_class where relname = '" + name + "'") > 0;
			if (!exists) {
				try (Statement statement = db.createStatement()) {
					statement.execute("create table if not exists " + name + " partition of crowd_count "
							+ "for values from ('" + month + "') to ('" + month.plusMonths(1) + "')");
				}
			}
			names.add(name);
		}
		return names;
	}

	/** A baseline client on its own connection (autocommit off): one COPY and one commit per batch. */
	PatrolBench.BatchTask rawClient(int c, Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		return b -> {
			StringBuilder rows = new StringBuilder(BATCH * 80);
			String now = Instant.now().toString();
			for (int j = 0; j < BATCH; j++) {
				long k = index(c, b, j);
				int g = (int) (k % this.codes.size());
				rows.append(this.gridIds.get(g)[0])
					.append('\t')
					.append(this.paths.get(g))
					.append('\t')
					.append(bucket(this.rawBase, k))
					.append('\t')
					.append(people(k))
					.append('\t')
					.append(now)
					.append('\n');
			}
			try {
				long copied = copy.copyIn(COPY,
						new ByteArrayInputStream(rows.toString().getBytes(StandardCharsets.UTF_8)));
				connection.commit();
				if (copied != BATCH) {
					throw new IllegalStateException("COPY of batch " + b + " of client " + c + " wrote " + copied);
				}
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		};
	}

}
