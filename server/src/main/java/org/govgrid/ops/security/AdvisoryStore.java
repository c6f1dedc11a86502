package org.govgrid.ops.security;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The loaded advisories ({@code ops_advisory}), one row per OSV id. */
@Repository
class AdvisoryStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	AdvisoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts or replaces the advisory (a newer copy of the same id wins). */
	void save(Advisory advisory, String loadedBy) {
		this.jdbc
			.sql("""
					insert into ops_advisory (id, summary, severity, aliases, modified, affected, packages, loaded_by)
					values (:id, :summary, :severity, :aliases, :modified, cast(:affected as jsonb), cast(:packages as text[]), :by)
					on conflict (id) do update set summary = excluded.summary, severity = excluded.severity,
					    aliases = excluded.aliases, modified = excluded.modified, affected = excluded.affected,
					    packages = excluded.packages, loaded_at = now(), loaded_by = excluded.loaded_by""")
			.param("id", advisory.id())
			.param("summary", advisory.summary())
			.param("severity", advisory.severity())
			.param("aliases", advisory.aliases())
			.param("modified", (advisory.modified() != null) ? Timestamp.from(advisory.modified()) : null)
			.param("affected", JSON.writeValueAsString(advisory.affected()))
			.param("packages", textArray(advisory.packages()))
			.param("by", loadedBy)
			.update();
	}

	int count() {
		return this.jdbc.sql("select count(*) from ops_advisory").query(Integer.class).single();
	}

	/** The advisories that name any of these {@code <ecosystem>:<name>} keys. */
	List<Advisory> naming(Collection<String> packageKeys) {
		if (packageKeys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select id, summary, severity, aliases, modified, affected::text as affected from ops_advisory
				where packages && cast(:keys as text[]) order by id""")
			.param("keys", textArray(packageKeys))
			.query((rs, n) -> new Advisory(rs.getString("id"), rs.getString("summary"), rs.getString("severity"),
					rs.getString("aliases"),
					(rs.getTimestamp("modified") != null) ? rs.getTimestamp("modified").toInstant() : null,
					JSON.readTree(rs.getString("affected"))))
			.list();
	}

	private static String[] textArray(Collection<String> values) {
		return values.toArray(String[]::new);
	}

}
