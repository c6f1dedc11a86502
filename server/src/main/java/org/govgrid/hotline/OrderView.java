package org.govgrid.hotline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A work order as answered: the caller's phone masked; {@code deadline} the last working
 * day (end of day, Asia/Shanghai, is {@code deadlineAt}); {@code overdue} still in work
 * past it, or replied after it. {@code extensions} only in the detail.
 */
record OrderView(long id, String orderNumber, String appealType, String appealTypeName, String title, String content,
		String callerName, String callerPhone, String address, Double lon, Double lat, String categoryCode,
		Instant receivedAt, int timeLimitDays, LocalDate deadline, Instant deadlineAt, boolean overdue,
		int workingDaysLeft, String status, String statusName, String reply, Instant repliedAt, String satisfaction,
		String satisfactionName, String visitNote, Instant visitedAt, int reopenCount, long eventId, String eventCode,
		String eventStatus, long gridId, String gridName, int pendingExtensions, int version, Instant createdAt,
		List<ExtensionView> extensions) {

	OrderView withExtensions(List<ExtensionView> list) {
		return new OrderView(this.id, this.orderNumber, this.appealType, this.appealTypeName, this.title, this.content,
				this.callerName, this.callerPhone, this.address, this.lon, this.lat, this.categoryCode, this.receivedAt,
				this.timeLimitDays, this.deadline, this.deadlineAt, this.overdue, this.workingDaysLeft, this.status,
				this.statusName, this.reply, this.repliedAt, this.satisfaction, this.satisfactionName, this.visitNote,
				this.visitedAt, this.reopenCount, this.eventId, this.eventCode, this.eventStatus, this.gridId,
				this.gridName, this.pendingExtensions, this.version, this.createdAt, List.copyOf(list));
	}

}
