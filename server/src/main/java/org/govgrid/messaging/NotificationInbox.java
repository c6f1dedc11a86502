package org.govgrid.messaging;

import java.util.Collection;
import java.util.List;

import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own notifications. Every query is bound to the recipient: another user's
 * notification does not exist for the caller (404), whatever their role or scope.
 */
@Component
class NotificationInbox {

	private final JdbcTemplate jdbc;

	NotificationInbox(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	NotificationPage list(long userId, boolean unreadOnly, PageQuery paging) {
		Pageable page = paging.toPageable(Sort.unsorted());
		Counts counts = this.jdbc.queryForObject("""
				select count(*) as total, count(*) filter (where read_at is null) as unread
				from notification where user_id = ?""",
				(rs, n) -> new Counts(rs.getLong("total"), rs.getLong("unread")), userId);
		List<NotificationView> items = this.jdbc.query(
				"select " + NotificationView.COLUMNS + " from notification where user_id = ?"
						+ (unreadOnly ? " and read_at is null" : "")
						+ " order by created_at desc, id desc limit ? offset ?",
				NotificationView::map, userId, page.getPageSize(), page.getOffset());
		return new NotificationPage(items, unreadOnly ? counts.unread() : counts.total(), page.getPageNumber() + 1,
				page.getPageSize(), counts.unread());
	}

	/** Marks one of the user's notifications read; reading it again changes nothing. */
	@Transactional
	NotificationView markRead(long userId, long id) {
		this.jdbc.update("update notification set read_at = now() where id = ? and user_id = ? and read_at is null", id,
				userId);
		return this.jdbc
			.query("select " + NotificationView.COLUMNS + " from notification where id = ? and user_id = ?",
					NotificationView::map, id, userId)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("notification", id));
	}

	/** Marks every unread notification of the user read; returns how many. */
	@Transactional
	int markAllRead(long userId) {
		return this.jdbc.update("update notification set read_at = now() where user_id = ? and read_at is null",
				userId);
	}

	/**
	 * The rows among {@code ids} that belong to {@code userIds}, oldest first: what this
	 * node has to push to the consoles connected to it.
	 */
	List<Addressed> forDelivery(Collection<Long> ids, Collection<Long> userIds) {
		if (ids.isEmpty() || userIds.isEmpty()) {
			return List.of();
		}
		// pgJDBC binds a Long[] as bigint[]
		return this.jdbc.query(
				"select user_id, " + NotificationView.COLUMNS
						+ " from notification where id = any(?) and user_id = any(?) order by id",
				(rs, n) -> new Addressed(rs.getLong("user_id"), NotificationView.map(rs, n)), ids.toArray(Long[]::new),
				userIds.toArray(Long[]::new));
	}

	record Counts(long total, long unread) {
	}

	/** A notification and the user it is for. */
	record Addressed(long userId, NotificationView notification) {
	}

	/** The list shape of DESIGN §5 plus the caller's unread count. */
	record NotificationPage(List<NotificationView> items, long total, int page, int size, long unread) {
	}

}
