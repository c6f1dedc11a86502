package org.govgrid.platform;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code govgrid.*}; environment variables such as
 * {@code GOVGRID_DATA_DIR} and {@code GOVGRID_DB_URL} map onto them in
 * {@code application.yml}.
 */
@ConfigurationProperties("govgrid")
public record GovGridProperties(@DefaultValue("./data") Path dataDir, @DefaultValue Db db, @DefaultValue Map map,
		@DefaultValue Security security) {

	/**
	 * Database; an empty {@code url} starts the embedded PostgreSQL under the data dir.
	 */
	public record Db(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password,
			@DefaultValue("false") boolean embeddedClean, @DefaultValue("0") int embeddedPort,
			@DefaultValue("true") boolean embeddedDurable) {
	}

	/** Basemap; without a tile URL the console draws grids on a blank canvas. */
	public record Map(@DefaultValue("") String tileUrl, @DefaultValue("") String attribution) {
	}

	/** Security baseline of DESIGN §6, all configurable. */
	public record Security(@DefaultValue("15m") Duration idleTimeout, @DefaultValue("12h") Duration absoluteTimeout,
			@DefaultValue("90d") Duration passwordMaxAge, @DefaultValue("5") int lockoutThreshold,
			@DefaultValue("15m") Duration lockoutDuration, @DefaultValue("5") int passwordHistory,
			@DefaultValue("730d") Duration dormantAfter, @DefaultValue("30") int loginAttemptsPerMinute) {
	}

}
