package org.govgrid.hotline;

import java.time.Instant;
import java.time.LocalDate;

/** An extension request (延期申请) and its decision. */
record ExtensionView(long id, long orderId, String orderNumber, int days, String reason, String status,
		String statusName, long requestedBy, String requestedByName, Instant requestedAt, Long decidedBy,
		String decidedByName, Instant decidedAt, String decisionNote, LocalDate deadlineBefore,
		LocalDate deadlineAfter) {
}
