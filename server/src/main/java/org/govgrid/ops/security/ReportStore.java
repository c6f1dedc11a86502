package org.govgrid.ops.security;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The daily security reports ({@code ops_security_report}), findings as JSON. */
@Repository
class ReportStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored report. */
	record Report(long id, LocalDate date, Instant createdAt, int components, int advisories, List<Finding> findings) {
	}

	long save(LocalDate date, Instant createdAt, int components, int advisories, List<Finding> findings) {
		return this.jdbc.sql("""
				insert into ops_security_report (report_date, created_at, components, advisories, findings)
				values (:date, :created, :components, :advisories, cast(:findings as jsonb)) returning id""")
			.param("date", Date.valueOf(date))
			.param("created", Timestamp.from(createdAt))
			.param("components", components)
			.param("advisories", advisories)
			.param("findings", JSON.writeValueAsString(findings))
			.query(Long.class)
			.single();
	}

	Optional<Report> latest() {
		return this.jdbc.sql("""
				select id, report_date, created_at, components, advisories, findings::text as findings
				from ops_security_report order by created_at desc, id desc limit 1""")
			.query((rs, n) -> new Report(rs.getLong("id"), rs.getDate("report_date").toLocalDate(),
					rs.getTimestamp("created_at").toInstant(), rs.getInt("components"), rs.getInt("advisories"),
					JSON.readValue(rs.getString("findings"), FINDINGS)))
			.optional();
	}

	boolean existsFor(LocalDate date) {
		return this.jdbc.sql("select exists (select 1 from ops_security_report where report_date = :date)")
			.param("date", Date.valueOf(date))
			.query(Boolean.class)
			.single();
	}

}
