package org.govgrid.openplatform;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change feed (数据交换): the changes since a cursor, oldest first, inside the caller's
 * region and of the types the caller may read. Rows are handed out in (transaction id,
 * sequence) order and only once their transaction is older than the oldest one still
 * running, so no row can commit later behind a cursor already handed out: reading from
 * {@code next} never misses a change.
 */
@Service
class ChangeFeed {

	static final int DEFAULT_LIMIT = 100;

	static final int MAX_LIMIT = 1000;

	private static final Pattern CURSOR = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

	private final NamedParameterJdbcTemplate jdbc;

	private final JsonMapper json;

	ChangeFeed(NamedParameterJdbcTemplate jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** One change; {@code resource} (the object as the APIs show it) on upserts only. */
	record Change(String cursor, String type, long id, String op, Instant at, JsonNode resource) {
	}

	/** A page of changes and the cursor to read from next (the same when none came). */
	record Page(List<Change> changes, String next) {
	}

	@Transactional(readOnly = true)
	Page read(String since, String types, Integer limit, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Optional<long[]> cursor = cursor(since);
		if (cursor.isEmpty()) {
			errors.add("since", "not a cursor of this feed / 不是有效的游标");
		}
		Set<FeedType> wanted = new LinkedHashSet<>();
		if (types == null || types.isBlank()) {
			for (FeedType type : FeedType.values()) {
				if (caller.can(type.permission())) {
					wanted.add(type);
				}
			}
		}
		else {
			for (String code : types.split(",")) {
				FeedType.of(code.strip())
					.ifPresentOrElse(wanted::add, () -> errors.add("types", "unknown type " + code.strip() + "; any of "
							+ String.join(",", FeedType.codes()) + " / 未知的数据类型"));
			}
		}
		int size = limit == null ? DEFAULT_LIMIT : limit;
		if (size < 1 || size > MAX_LIMIT) {
			errors.add("limit", "between 1 and " + MAX_LIMIT + " / 须在 1–" + MAX_LIMIT + " 之间");
		}
		errors.throwIfAny();
		for (FeedType type : wanted) {
			if (!caller.can(type.permission())) {
				throw new AccessDeniedException("no permission to read " + type.code());
			}
		}
		if (wanted.isEmpty()) {
			throw new AccessDeniedException("no readable type");
		}
		long[] from = cursor.orElseThrow();
		MapSqlParameterSource params = new MapSqlParameterSource("xid", Long.toString(from[0])).addValue("seq", from[1])
			.addValue("kinds", wanted.stream().map(FeedType::code).toList())
			.addValue("limit", size);
		String scope = ScopeFilter.of(caller.scope(), "l.region_path").addTo(params);
		List<Change> changes = new ArrayList<>(this.jdbc.query("""
				select l.seq, l.xid::text as xid, l.kind, l.object_id, l.op, l.changed_at, l.resource::text as resource
				from open_change_log l
				where (l.xid, l.seq) > (cast(:xid as xid8), :seq) and l.kind in (:kinds)
				  and l.xid < pg_snapshot_xmin(pg_current_snapshot()) and""" + " " + scope + """

				order by l.xid, l.seq limit :limit""", params,
				(rs, n) -> new Change(rs.getString("xid") + "-" + rs.getLong("seq"), rs.getString("kind"),
						rs.getLong("object_id"), rs.getString("op"),
						((Timestamp) rs.getTimestamp("changed_at")).toInstant(),
						rs.getString("resource") == null ? null : this.json.readTree(rs.getString("resource")))));
		String next = changes.isEmpty() ? from[0] + "-" + from[1] : changes.get(changes.size() - 1).cursor();
		return new Page(changes, next);
	}

	/** {@code <transaction id>-<sequence>}; empty or absent: from the beginning. */
	static Optional<long[]> cursor(String since) {
		if (since == null || since.isBlank()) {
			return Optional.of(new long[] { 0, 0 });
		}
		Matcher matcher = CURSOR.matcher(since.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new long[] { Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)) });
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
