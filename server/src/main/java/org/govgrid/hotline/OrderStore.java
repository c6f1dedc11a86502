package org.govgrid.hotline;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.govgrid.hotline.model.Extension;
import org.govgrid.hotline.model.HotlineOrder;
import org.govgrid.hotline.model.OrderStatus;
import org.govgrid.hotline.model.Satisfaction;
import org.govgrid.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Loads an order's lifecycle under a row lock and writes it back. */
@Repository
class OrderStore {

	private final JdbcClient jdbc;

	OrderStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	HotlineOrder lock(long id) {
		return this.jdbc.sql("select * from hotline_order where id = :id for update")
			.param("id", id)
			.query((rs,
					n) -> HotlineOrder.restore(new HotlineOrder.State(OrderStatus.valueOf(rs.getString("status")),
							rs.getObject("deadline_date", LocalDate.class), rs.getString("reply"),
							Orders.instant(rs, "replied_at"),
							rs.getString("satisfaction") == null ? null
									: Satisfaction.valueOf(rs.getString("satisfaction")),
							rs.getString("visit_note"), Orders.instant(rs, "visited_at"), rs.getInt("reopen_count"))))
			.optional()
			.orElseThrow(() -> new NotFoundException("hotline order", id));
	}

	/** The order of an event, locked, if the event is a 12345 order's. */
	Optional<Locked> lockByEvent(long eventId) {
		return this.jdbc.sql("select id, order_number from hotline_order where event_id = :event for update")
			.param("event", eventId)
			.query((rs, n) -> new Locked(rs.getLong("id"), rs.getString("order_number")))
			.optional();
	}

	record Locked(long id, String orderNumber) {
	}

	Extension lockExtension(long id) {
		return this.jdbc.sql("select days, status from hotline_extension where id = :id for update")
			.param("id", id)
			.query((rs, n) -> Extension.restore(rs.getInt("days"), Extension.Status.valueOf(rs.getString("status"))))
			.optional()
			.orElseThrow(() -> new NotFoundException("hotline extension", id));
	}

	void save(long id, HotlineOrder order) {
		HotlineOrder.State s = order.state();
		this.jdbc.sql("""
				update hotline_order set status = :status, deadline_date = :deadline, deadline_at = :deadlineAt,
				    reply = :reply, replied_at = :repliedAt, satisfaction = :satisfaction, visit_note = :note,
				    visited_at = :visitedAt, reopen_count = :reopens, version = version + 1
				where id = :id""")
			.param("status", s.status().name())
			.param("deadline", s.deadline())
			.param("deadlineAt", Timestamp.from(OrderIntake.endOf(s.deadline())))
			.param("reply", s.reply())
			.param("repliedAt", s.repliedAt() == null ? null : Timestamp.from(s.repliedAt()))
			.param("satisfaction", s.satisfaction() == null ? null : s.satisfaction().name())
			.param("note", s.visitNote())
			.param("visitedAt", s.visitedAt() == null ? null : Timestamp.from(s.visitedAt()))
			.param("reopens", s.reopenCount())
			.param("id", id)
			.update();
	}

}
