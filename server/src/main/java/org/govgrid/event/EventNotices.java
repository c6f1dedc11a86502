package org.govgrid.event;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.govgrid.event.model.DeadlineFlag;
import org.govgrid.event.model.Unit;
import org.govgrid.identity.Directory;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.messaging.SmsGateway;
import org.govgrid.messaging.SmsMessage;
import org.springframework.stereotype.Component;

/**
 * Tells people when an event reaches them: the unit (or the person) it was sent to, the
 * reporter when it waits for verification, the centre when it comes back, and the unit
 * with the town's leaders when a time limit turns yellow or red.
 */
@Component
class EventNotices {

	private final Directory directory;

	private final Notifications notifications;

	private final SmsGateway sms;

	EventNotices(Directory directory, Notifications notifications, SmsGateway sms) {
		this.directory = directory;
		this.notifications = notifications;
		this.sms = sms;
	}

	void arrived(long eventId, String code, String title, Unit unit, Long assigneeId) {
		send(holders(unit, assigneeId), Notice.EVENT_ASSIGNED, "新事件待处理 " + code, title, eventId);
	}

	void returned(long eventId, String code, String reason, Unit centre) {
		send(holders(centre, null), Notice.EVENT_RETURNED, "事件被退回 " + code, reason, eventId);
	}

	void toVerify(long eventId, String code, String result, long reporterId) {
		send(List.of(reporterId), Notice.EVENT_TO_VERIFY, "事件待核查 " + code, result, eventId);
	}

	void supervised(long eventId, String code, String comment, Unit unit, Long assigneeId) {
		send(holders(unit, assigneeId), Notice.EVENT_SUPERVISED, "事件被督办 " + code, comment, eventId);
	}

	void flagged(long eventId, String code, String title, DeadlineFlag flag, Unit unit, Long assigneeId, long townId) {
		Set<Long> recipients = new LinkedHashSet<>(holders(unit, assigneeId));
		Set<Long> leaders = this.directory.usersAt(townId, "event:case:supervise");
		recipients.addAll(leaders);
		if (flag == DeadlineFlag.RED) {
			// an overdue case reaches the leaders even away from the console
			this.directory.phones(leaders)
				.forEach((id, phone) -> this.sms
					.send(new SmsMessage(id, phone, "【网格治理】事件" + code + "已超时未办结，请督办：" + title)));
		}
		String heading = (flag == DeadlineFlag.RED ? "事件已超时 " : "事件即将超时 ") + code;
		send(recipients, flag == DeadlineFlag.RED ? Notice.DEADLINE_RED : Notice.DEADLINE_YELLOW, heading, title,
				eventId);
	}

	/** The assignee if there is one, otherwise everyone acting for the unit. */
	private Collection<Long> holders(Unit unit, Long assigneeId) {
		if (assigneeId != null) {
			return List.of(assigneeId);
		}
		return switch (unit.kind()) {
			case DEPARTMENT ->
				this.directory.departmentMembers(List.of(unit.id())).stream().map(Directory.Member::id).toList();
			case GRID -> this.directory.usersAt(unit.id(), "event:case:handle");
			case COMMUNITY, TOWN_CENTRE -> this.directory.usersAt(unit.id(), EventAccess.DISPATCH);
		};
	}

	private void send(Collection<Long> recipients, String kind, String title, String body, long eventId) {
		if (!recipients.isEmpty()) {
			this.notifications.send(recipients, new Notice(kind, title, body, "/events/" + eventId, "event", eventId));
		}
	}

}
