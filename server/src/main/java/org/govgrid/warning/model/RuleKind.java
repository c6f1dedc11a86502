package org.govgrid.warning.model;

/**
 * What a rule looks for. {@code COUNT}: at least N matching events in one region within H
 * hours; {@code REPEAT_ADDRESS}: at least N reports at one (normalised) address within H
 * hours; {@code SPIKE}: today's count in a region above the trailing 28-day daily mean +
 * k standard deviations (and at least N); {@code OVERDUE_CLUSTER}: at least N overdue
 * open events in one region. The signal kinds ({@link #signal()}) are judged by the
 * {@code SignalSource} bean of the module that owns their data: {@code UTILITY_SILENCE}
 * (a watched household uses no water for N hours), {@code UTILITY_SURGE} (a day's usage
 * above k × the household's 30-day median), {@code CROWD_DENSITY} (a grid's count above N
 * or k × its usual for that weekday and hour), {@code OPINION_BURST} (N negative items
 * about one region within H hours), {@code DEVICE_OFFLINE} (no message for N minutes).
 * {@code HOTSPOT}: a spatial cluster of at least N events within R metres of each other
 * ({@code radiusMeters}) within H hours.
 */
public enum RuleKind {

	COUNT("数量阈值"), REPEAT_ADDRESS("同一地址重复上报"), SPIKE("突增"), OVERDUE_CLUSTER("超期聚集"), UTILITY_SILENCE("水电煤气静默"),
	UTILITY_SURGE("用量突增"), CROWD_DENSITY("人流密度"), OPINION_BURST("舆情突发"), DEVICE_OFFLINE("设备离线"), HOTSPOT("热点聚集");

	private final String label;

	RuleKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Evaluated on every new report (the others by the scheduled sweep). */
	public boolean onReport() {
		return this == COUNT || this == REPEAT_ADDRESS;
	}

	/** Needs a window of hours. */
	public boolean windowed() {
		return this == COUNT || this == REPEAT_ADDRESS || this == OPINION_BURST || this == HOTSPOT;
	}

	/** Judged over special data or devices by a signal source, not over events. */
	public boolean signal() {
		return this == UTILITY_SILENCE || this == UTILITY_SURGE || this == CROWD_DENSITY || this == OPINION_BURST
				|| this == DEVICE_OFFLINE;
	}

	/** Needs a radius in metres ({@code radiusMeters}). */
	public boolean spatial() {
		return this == HOTSPOT;
	}

	/** Needs the factor k ({@code spikeK}). */
	public boolean factored() {
		return this == SPIKE || this == UTILITY_SURGE;
	}

}
