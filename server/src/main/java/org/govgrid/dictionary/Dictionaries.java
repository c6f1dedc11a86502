package org.govgrid.dictionary;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the code tables for every module. Tables are cached per type; a change on this
 * node drops its entry at once, and entries are re-read after {@link #TTL} so that a
 * change made on another node is seen within that time.
 */
@Service
public class Dictionaries {

	static final Duration TTL = Duration.ofSeconds(30);

	private record Cached(DictionaryType type, List<DictionaryItem> items, long loadedAt) {

		boolean fresh() {
			return System.nanoTime() - this.loadedAt < TTL.toNanos();
		}

	}

	private final JdbcClient jdbc;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	Dictionaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every code table, by code. */
	public List<DictionaryType> types() {
		return this.jdbc.sql("select * from dict_type order by code").query(Dictionaries::type).list();
	}

	/** The table's header (with its version). */
	public DictionaryType type(String type) {
		return load(type).type();
	}

	/** Every item of the table in display order, disabled ones included. */
	public List<DictionaryItem> items(String type) {
		return load(type).items();
	}

	/** The items that may be chosen (enabled), in display order. */
	public List<DictionaryItem> enabled(String type) {
		return items(type).stream().filter(DictionaryItem::enabled).toList();
	}

	/** Whether {@code code} is an enabled code of the table (what a write may use). */
	public boolean accepts(String type, String code) {
		return code != null && enabled(type).stream().anyMatch(i -> i.code().equals(code));
	}

	/** The item of that code, enabled or not (for display of stored codes). */
	public Optional<DictionaryItem> item(String type, String code) {
		return code == null ? Optional.empty() : items(type).stream().filter(i -> i.code().equals(code)).findFirst();
	}

	/**
	 * Dropped after a change here (the editor calls it once its transaction committed).
	 */
	void forget(String type) {
		this.cache.remove(type);
	}

	private Cached load(String type) {
		Cached cached = this.cache.get(type);
		if (cached != null && cached.fresh()) {
			return cached;
		}
		DictionaryType header = this.jdbc.sql("select * from dict_type where code = :type")
			.param("type", type)
			.query(Dictionaries::type)
			.optional()
			.orElseThrow(() -> new NotFoundException("code table", type));
		List<DictionaryItem> items = this.jdbc.sql("select * from dict_item where type = :type order by sort, code")
			.param("type", type)
			.query((rs, n) -> new DictionaryItem(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
					rs.getInt("sort"), rs.getBoolean("enabled"), rs.getBoolean("system"), rs.getString("parent_code")))
			.list();
		Cached loaded = new Cached(header, List.copyOf(items), System.nanoTime());
		this.cache.put(type, loaded);
		return loaded;
	}

	private static DictionaryType type(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DictionaryType(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				rs.getBoolean("system"), rs.getBoolean("closed"), rs.getInt("version"),
				rs.getObject("updated_at", OffsetDateTime.class));
	}

}
