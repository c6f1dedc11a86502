package org.govgrid.basedata;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.platform.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The code tables (GB/T 2261.1 sex, GB/T 3304 ethnicity, GB/T 4762 political status, GB/T
 * 4658 education, GB/T 4761 relationship, and the platform's own lists). They change only
 * with a migration, so they are read once.
 */
@Service
public class Dicts {

	public record Entry(String code, String name, String nameEn) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final Map<String, List<Entry>> cache = new ConcurrentHashMap<>();

	Dicts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public List<Entry> entries(String type) {
		List<Entry> entries = this.cache.computeIfAbsent(type,
				t -> this.jdbc.query("select code, name, name_en from bd_dict where type = :type order by sort",
						new MapSqlParameterSource("type", t),
						(rs, n) -> new Entry(rs.getString("code"), rs.getString("name"), rs.getString("name_en"))));
		if (entries.isEmpty()) {
			this.cache.remove(type);
			throw new NotFoundException("code table", type);
		}
		return entries;
	}

	public boolean has(String type, String code) {
		return code != null && entries(type).stream().anyMatch(e -> e.code().equals(code));
	}

	public String name(String type, String code) {
		return code == null ? null
				: entries(type).stream().filter(e -> e.code().equals(code)).map(Entry::name).findFirst().orElse(code);
	}

}
