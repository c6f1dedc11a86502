package org.govgrid.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code govgrid.backup}: the directory (empty:
 * {@code <data dir>/backups}), the schedules, how many full backups to keep (0: every
 * one) and how long a restore drill may take.
 */
@ConfigurationProperties("govgrid.backup")
record BackupProperties(@DefaultValue("") String dir, @DefaultValue("0 0 1 * * SUN") String fullCron,
		@DefaultValue("0 0 1 * * MON-SAT") String incrementalCron, @DefaultValue("0") int keepFulls,
		@DefaultValue("120") int drillTimeoutSeconds) {
}
