package org.govgrid.hotline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventRework;
import org.govgrid.hotline.model.Extension;
import org.govgrid.hotline.model.HotlineOrder;
import org.govgrid.hotline.model.IllegalMoveException;
import org.govgrid.hotline.model.Satisfaction;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to an order after intake: 延期申请 by a handler, approved (the deadline moves
 * by working days) or refused by the centre, and the return call (回访), whose unsatisfied
 * answer reopens the event through {@link EventRework} in the same transaction. Orders
 * outside the caller's scope are 404; the order row is locked while it changes, so two
 * decisions never cross.
 */
@Service
class OrderWork {

	private final Orders orders;

	private final OrderStore store;

	private final WorkingCalendar calendar;

	private final EventRework rework;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	OrderWork(Orders orders, OrderStore store, WorkingCalendar calendar, EventRework rework, JdbcClient jdbc,
			AuditTrail audit, Clock clock) {
		this.orders = orders;
		this.store = store;
		this.calendar = calendar;
		this.rework = rework;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	record ExtensionCommand(Integer days, String reason) {
	}

	record DecisionCommand(String note) {
	}

	record VisitCommand(String satisfaction, String note) {
	}

	@Transactional
	ExtensionView requestExtension(long orderId, ExtensionCommand command, ScopedPrincipal caller) {
		this.orders.view(orderId, caller);
		FieldErrors errors = new FieldErrors();
		if (command.days() == null || command.days() < 1 || command.days() > 30) {
			errors.add("days", "1–30 working days / 延期天数须为1–30个工作日");
		}
		if (OrderIntake.blank(command.reason()) || command.reason().strip().length() > 500) {
			errors.add("reason", "required, at most 500 characters / 请填写延期理由（最多500字）");
		}
		errors.throwIfAny();
		HotlineOrder order = this.store.lock(orderId);
		Extension extension = Extension.request(command.days());
		guard(order::requireInWork);
		Long id = this.jdbc.sql("""
				insert into hotline_extension (order_id, days, reason, status, requested_by, requested_by_name,
				    requested_at, deadline_before)
				values (:order, :days, :reason, :status, :by, :name, :at, :before)
				on conflict (order_id) where status = 'PENDING' do nothing
				returning id""")
			.param("order", orderId)
			.param("days", extension.days())
			.param("reason", command.reason().strip())
			.param("status", extension.status().name())
			.param("by", caller.userId())
			.param("name", caller.displayName())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("before", order.deadline())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new ConflictException("a request is already waiting / 已有待审批的延期申请"));
		this.audit.record(AuditRecord.success("HOTLINE_EXTENSION_REQUEST", "hotline-order", orderId,
				"extension " + id + " +" + extension.days() + " working days"));
		return this.orders.extension(id).orElseThrow();
	}

	@Transactional
	ExtensionView decide(long extensionId, boolean approve, DecisionCommand command, ScopedPrincipal caller) {
		ExtensionView current = this.orders.extension(extensionId)
			.orElseThrow(() -> new NotFoundException("hotline extension", extensionId));
		try {
			this.orders.view(current.orderId(), caller);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("hotline extension", extensionId);
		}
		String note = command == null || OrderIntake.blank(command.note()) ? null : command.note().strip();
		if (note != null && note.length() > 500) {
			new FieldErrors().add("note", "at most 500 characters / 最多500字").throwIfAny();
		}
		if (!approve && note == null) {
			new FieldErrors().add("note", "say why it is refused / 请填写驳回理由").throwIfAny();
		}
		HotlineOrder order = this.store.lock(current.orderId());
		Extension extension = this.store.lockExtension(extensionId);
		Instant now = this.clock.instant();
		guard(() -> {
			if (approve) {
				extension.approve(order, this.calendar.workingDays(), caller.userId(), note, now);
			}
			else {
				extension.refuse(caller.userId(), note, now);
			}
		});
		this.jdbc.sql("""
				update hotline_extension set status = :status, decided_by = :by, decided_by_name = :name,
				    decided_at = :at, decision_note = :note, deadline_after = :after
				where id = :id""")
			.param("status", extension.status().name())
			.param("by", caller.userId())
			.param("name", caller.displayName())
			.param("at", Timestamp.from(now))
			.param("note", note)
			.param("after", approve ? order.deadline() : null)
			.param("id", extensionId)
			.update();
		if (approve) {
			this.store.save(current.orderId(), order);
		}
		this.audit.record(AuditRecord.success(approve ? "HOTLINE_EXTENSION_APPROVE" : "HOTLINE_EXTENSION_REFUSE",
				"hotline-order", current.orderId(), "extension " + extensionId + " deadline " + order.deadline()));
		return this.orders.extension(extensionId).orElseThrow();
	}

	@Transactional
	OrderView returnVisit(long orderId, VisitCommand command, ScopedPrincipal caller) {
		OrderView view = this.orders.view(orderId, caller);
		FieldErrors errors = new FieldErrors();
		Satisfaction answer = OrderIntake.blank(command.satisfaction()) ? null
				: Orders.parse(Satisfaction.class, command.satisfaction());
		if (answer == null) {
			errors.add("satisfaction", "SATISFIED, BASICALLY or UNSATISFIED / 请选择满意度");
		}
		String note = OrderIntake.blank(command.note()) ? null : command.note().strip();
		if (note != null && note.length() > 1000) {
			errors.add("note", "at most 1000 characters / 最多1000字");
		}
		if (answer == Satisfaction.UNSATISFIED && note == null) {
			errors.add("note", "say what the caller is unsatisfied with / 请填写不满意的原因");
		}
		errors.throwIfAny();
		HotlineOrder order = this.store.lock(orderId);
		Instant now = this.clock.instant();
		guard(() -> order.returnVisit(answer, note, now));
		this.store.save(orderId, order);
		if (answer == Satisfaction.UNSATISFIED) {
			this.rework.reopen(view.eventId(), "12345回访不满意：" + note, caller);
		}
		this.audit.record(AuditRecord.success("HOTLINE_RETURN_VISIT", "hotline-order", orderId,
				view.orderNumber() + " " + answer.name()));
		return this.orders.view(orderId, caller);
	}

	private static void guard(Runnable move) {
		try {
			move.run();
		}
		catch (IllegalMoveException ex) {
			throw new ConflictException(ex.getMessage() + " / 当前状态不允许此操作");
		}
	}

}
