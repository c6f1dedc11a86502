package org.govgrid.supervision;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.govgrid.identity.Directory;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.springframework.stereotype.Component;

/**
 * Tells the unit held to an item when it is reminded or overdue (the town's leaders too
 * when overdue), and the supervisor when the unit answers.
 */
@Component
class SupervisionNotices {

	/** Who leads a town: those who may supervise its events. */
	private static final String LEADERS = "event:case:supervise";

	private final Directory directory;

	private final Notifications notifications;

	SupervisionNotices(Directory directory, Notifications notifications) {
		this.directory = directory;
		this.notifications = notifications;
	}

	void reminded(StoredItem item, String comment) {
		send(handlers(item), Notice.SUPERVISION_REMINDED, "督办催办 " + item.eventCode(),
				comment == null ? item.eventTitle() : comment, item.id());
	}

	void overdue(StoredItem item) {
		Set<Long> recipients = new LinkedHashSet<>(handlers(item));
		recipients.addAll(this.directory.usersAt(item.townId(), LEADERS));
		send(recipients, Notice.SUPERVISION_OVERDUE, "督办已超期 " + item.eventCode(), item.eventTitle(), item.id());
	}

	void answered(StoredItem item, String content) {
		send(List.of(item.supervisorId()), Notice.SUPERVISION_ANSWERED, "督办已反馈 " + item.eventCode(), content,
				item.id());
	}

	/** Everyone acting for the unit, as the event module reaches it. */
	private Collection<Long> handlers(StoredItem item) {
		Set<Long> ids = new LinkedHashSet<>();
		switch (item.unitKind()) {
			case "DEPARTMENT" ->
				this.directory.departmentMembers(List.of(item.unitId())).forEach(member -> ids.add(member.id()));
			case "GRID" -> ids.addAll(this.directory.usersAt(item.unitId(), "event:case:handle"));
			default -> ids.addAll(this.directory.usersAt(item.unitId(), "event:case:dispatch"));
		}
		return ids;
	}

	private void send(Collection<Long> recipients, String kind, String title, String body, long itemId) {
		if (!recipients.isEmpty()) {
			this.notifications.send(recipients,
					new Notice(kind, title, body, "/supervision?item=" + itemId, "supervision", itemId));
		}
	}

}
