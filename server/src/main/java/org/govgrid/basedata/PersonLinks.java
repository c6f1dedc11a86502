package org.govgrid.basedata;

import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which registered people other modules' records stand for, by the platform's keyed hash
 * of the ID number (ADR 0007), so no module needs the number in clear to link a record to
 * its person.
 */
@Service
public class PersonLinks {

	private final NamedParameterJdbcTemplate jdbc;

	PersonLinks(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The people inside {@code scope} registered under these ID-number hashes, as the
	 * hash in lower-case hex → the person's id.
	 */
	@Transactional(readOnly = true)
	public Map<String, Long> byIdNumberHash(Collection<byte[]> hashes, DataScope scope) {
		Map<String, Long> found = new HashMap<>();
		if (hashes.isEmpty()) {
			return found;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("hashes", hashes);
		this.jdbc.query(
				"select p.id, p.id_hash from bd_person p where p.id_hash in (:hashes) and "
						+ ScopeFilter.of(scope, "p.region_path").addTo(params),
				params, (RowCallbackHandler) rs -> found.put(HexFormat.of().formatHex(rs.getBytes("id_hash")),
						rs.getLong("id")));
		return found;
	}

}
