package org.govgrid.warning;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.warning.model.RuleKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a signal rule (a kind judged by another module's {@link SignalSource}): every
 * subject that holds now opens its alert or refreshes the open one, unless a person
 * closed an alert of the same rule, region and key since its episode began; open alerts
 * whose subject no longer holds are cleared by the system. Runs in the sweep's
 * transaction for the rule.
 */
@Component
class SignalSweep {

	private static final Logger log = LoggerFactory.getLogger(SignalSweep.class);

	private final Map<String, SignalSource> sources = new LinkedHashMap<>();

	private final AlertStore store;

	private final WarningNotices notices;

	private final AuditTrail audit;

	SignalSweep(List<SignalSource> sources, AlertStore store, WarningNotices notices, AuditTrail audit) {
		sources.forEach(source -> this.sources.put(source.kind(), source));
		this.store = store;
		this.notices = notices;
		this.audit = audit;
	}

	/** The source judging this kind, if its module is present. */
	Optional<SignalSource> source(RuleKind kind) {
		return Optional.ofNullable(this.sources.get(kind.name()));
	}

	static SignalQuery query(Rule rule, Instant now) {
		return new SignalQuery(rule.regionPath(), rule.threshold(), rule.windowHours(), rule.spikeK(), now);
	}

	Evaluator.Swept sweep(Rule rule, Instant now) {
		Optional<SignalSource> source = source(rule.kind());
		if (source.isEmpty()) {
			log.warn("Warning rule {} of kind {} has no signal source; skipped", rule.id(), rule.kind());
			return new Evaluator.Swept(0, 0);
		}
		List<AlertStore.OpenAlert> open = this.store.openOf(rule.id());
		int opened = 0;
		Set<String> holding = new HashSet<>();
		for (Signal signal : source.get().holding(query(rule, now))) {
			if (!holding.add(signal.regionId() + "|" + signal.key())) {
				continue;
			}
			if (this.store.closedByPersonSince(rule.id(), signal.regionId(), signal.key(), signal.since())) {
				continue;
			}
			AlertStore.Raised raised = this.store.raise(rule, signal, now);
			if (raised.created()) {
				this.notices.raised(raised.alertId(), rule, signal);
				opened++;
			}
		}
		int cleared = 0;
		for (AlertStore.OpenAlert alert : open) {
			if (!holding.contains(alert.regionId() + "|" + alert.key()) && this.store.clear(alert, now)) {
				this.audit.record(AuditRecord
					.success("WARNING_ALERT_CLEAR", "warning_alert", alert.id(), "rule " + rule.id() + " no longer met")
					.by(null, "system"));
				cleared++;
			}
		}
		return new Evaluator.Swept(opened, cleared);
	}

}
