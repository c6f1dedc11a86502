package org.govgrid.openplatform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.collection.RecordApproved;
import org.govgrid.event.EventChanged;
import org.govgrid.hotline.HotlineReplied;
import org.govgrid.warning.AlertRaised;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where each {@link WebhookType} comes from: the modules' change events, published inside
 * their writing transactions. These listeners run in those transactions, so the outbox
 * rows commit or roll back with the change itself.
 */
@Component
class WebhookSources {

	private final WebhookOutbox outbox;

	WebhookSources(WebhookOutbox outbox) {
		this.outbox = outbox;
	}

	@EventListener
	void on(EventChanged change) {
		List<EventChanged.Step> steps = change.steps();
		if (steps.isEmpty()) {
			return; // a time-limit flag only: no status moved
		}
		Map<String, Object> resource = eventResource(change);
		if (steps.stream().anyMatch(step -> "report".equals(step.action()))) {
			this.outbox.enqueue(WebhookType.EVENT_REPORTED, change.regionPath(), resource);
		}
		if (steps.stream().anyMatch(step -> step.fromStatus() != null && !step.fromStatus().equals(step.toStatus()))) {
			this.outbox.enqueue(WebhookType.EVENT_STATUS_CHANGED, change.regionPath(), resource);
		}
		if (steps.stream().anyMatch(step -> "CLOSED".equals(step.toStatus()) && !"CLOSED".equals(step.fromStatus()))) {
			this.outbox.enqueue(WebhookType.EVENT_CLOSED, change.regionPath(), resource);
		}
	}

	@EventListener
	void on(AlertRaised alert) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("id", alert.alertId());
		resource.put("ruleId", alert.ruleId());
		resource.put("ruleName", alert.ruleName());
		resource.put("level", alert.level());
		resource.put("regionId", alert.regionId());
		resource.put("regionPath", alert.regionPath());
		resource.put("key", alert.key());
		resource.put("raisedAt", alert.raisedAt());
		this.outbox.enqueue(WebhookType.ALERT_RAISED, alert.regionPath(), resource);
	}

	@EventListener
	void on(RecordApproved record) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("id", record.recordId());
		resource.put("formId", record.formId());
		resource.put("gridId", record.gridId());
		resource.put("regionPath", record.regionPath());
		resource.put("approvedAt", record.approvedAt());
		this.outbox.enqueue(WebhookType.RECORD_APPROVED, record.regionPath(), resource);
	}

	/**
	 * The reply to a 12345 work order, for the hotline system to pass on to the caller.
	 */
	@EventListener
	void on(HotlineReplied reply) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("orderId", reply.orderId());
		resource.put("orderNumber", reply.orderNumber());
		resource.put("eventId", reply.eventId());
		resource.put("reply", reply.reply());
		resource.put("repliedAt", reply.at());
		resource.put("regionPath", reply.regionPath());
		this.outbox.enqueue(WebhookType.HOTLINE_REPLIED, reply.regionPath(), resource);
	}

	/**
	 * An event as other systems see it: no reporter or phone, the steps just taken.
	 */
	static Map<String, Object> eventResource(EventChanged change) {
		Map<String, Object> resource = new LinkedHashMap<>();
		resource.put("id", change.eventId());
		resource.put("code", change.code());
		resource.put("categoryCode", change.categoryCode());
		resource.put("level", change.level());
		resource.put("source", change.source());
		resource.put("status", change.status());
		resource.put("flag", change.flag());
		resource.put("selfHandled", change.selfHandled());
		resource.put("gridId", change.gridId());
		resource.put("regionPath", change.regionPath());
		resource.put("reportedAt", change.reportedAt());
		resource.put("closedAt", change.closedAt());
		resource.put("disposalDeadline", change.disposalDeadline());
		resource.put("score", change.score());
		resource.put("steps", change.steps().stream().map(WebhookSources::step).toList());
		return resource;
	}

	private static Map<String, Object> step(EventChanged.Step step) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("action", step.action());
		map.put("fromStatus", step.fromStatus());
		map.put("toStatus", step.toStatus());
		map.put("at", step.at());
		return map;
	}

}
