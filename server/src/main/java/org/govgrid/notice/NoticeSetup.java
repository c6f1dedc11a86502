package org.govgrid.notice;

import java.util.List;
import java.util.Set;

import org.govgrid.identity.Directory;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices written without a request (demo data): as a real author, within their scope.
 */
@Service
public class NoticeSetup {

	private final Notices notices;

	private final Directory directory;

	private final NamedParameterJdbcTemplate jdbc;

	NoticeSetup(Notices notices, Directory directory, NamedParameterJdbcTemplate jdbc) {
		this.notices = notices;
		this.directory = directory;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public boolean hasNone() {
		return Boolean.FALSE.equals(this.jdbc.queryForObject("select exists (select 1 from notice)",
				new MapSqlParameterSource(), Boolean.class));
	}

	/**
	 * Publishes a notice by {@code authorId} (a manager) to regions and roles; its id.
	 */
	@Transactional
	public long publish(long authorId, String title, String html, List<Long> regionIds, List<String> roleCodes) {
		Directory.Member author = this.directory.user(authorId).orElseThrow();
		ScopedPrincipal as = new Author(author.id(), author.name(),
				new DataScope(author.scopeRegionId(), author.scopePath()));
		return this.notices.create(new NoticeCommand(title, html, regionIds, roleCodes, List.of(), true), as).id();
	}

	/** Marks the notice read by the user, as if they opened it. */
	@Transactional
	public void markRead(long noticeId, long userId) {
		this.jdbc.update("""
				update notice_recipient set read_at = now() where notice_id = :id and user_id = :user
				  and read_at is null""", new MapSqlParameterSource("id", noticeId).addValue("user", userId));
	}

	private record Author(long userId, String displayName, DataScope scope) implements ScopedPrincipal {

		@Override
		public String username() {
			return "notice-setup";
		}

		@Override
		public Long departmentId() {
			return null;
		}

		@Override
		public Set<String> permissions() {
			return Set.of(StoredNotice.MANAGE, Recipients.READ);
		}

	}

}
