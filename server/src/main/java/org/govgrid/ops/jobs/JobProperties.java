package org.govgrid.ops.jobs;

import java.time.Duration;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code govgrid.ops.jobs}: the jobs an admin may start by hand (short,
 * idempotent ones that only catch up with what the schedule would do anyway), how long
 * run history is kept, and below which period a job counts as frequent (its successful
 * runs are summed up instead of each kept as a row).
 */
@ConfigurationProperties("govgrid.ops.jobs")
record JobProperties(@DefaultValue( {
		"event-deadline-flags", "supervision-overdue", "stats-rollup-fold", "audit-chain-seal", "warning-sweep",
		"iot-offline-devices", "patrol-track-partitions", "import-retention", "ops-job-history-retention",
		"ops-security-check", "ops-log-digest" }) Set<String> runnable, @DefaultValue("30d") Duration keepHistory,
		@DefaultValue("60s") Duration frequentBelow, @DefaultValue("0 40 3 * * *") String retentionCron){

}
