package org.govgrid.ops.logs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code govgrid.ops.log-digest}: when the daily digest is built, which
 * local hours count as unusual ({@code [unusualFrom, unusualTo)}, across midnight when
 * from &gt; to), and how many refused requests by one account within {@code burstWindow}
 * make a burst.
 */
@ConfigurationProperties("govgrid.ops.log-digest")
record LogDigestProperties(@DefaultValue("0 15 1 * * *") String cron, @DefaultValue("0") int unusualFrom,
		@DefaultValue("6") int unusualTo, @DefaultValue("5") int burstThreshold,
		@DefaultValue("5m") Duration burstWindow) {

}
