package org.govgrid.notice;

import org.govgrid.files.FileOwnerPolicy;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A notice's attachments and body images are read by its recipients (while it is
 * published), its managers and its author.
 */
@Component
class NoticeFiles implements FileOwnerPolicy {

	static final String OWNER_TYPE = "notice";

	private final NoticeQueries queries;

	private final NamedParameterJdbcTemplate jdbc;

	NoticeFiles(NoticeQueries queries, NamedParameterJdbcTemplate jdbc) {
		this.queries = queries;
		this.jdbc = jdbc;
	}

	@Override
	public String ownerType() {
		return OWNER_TYPE;
	}

	@Override
	public boolean canRead(long ownerId, ScopedPrincipal caller) {
		try {
			this.queries.visible(ownerId, caller);
			return true;
		}
		catch (NotFoundException ex) {
			return Boolean.TRUE.equals(
					this.jdbc.queryForObject("select exists (select 1 from notice where id = :id and author_id = :me)",
							new MapSqlParameterSource("id", ownerId).addValue("me", caller.userId()), Boolean.class));
		}
	}

}
