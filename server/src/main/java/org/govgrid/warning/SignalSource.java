package org.govgrid.warning;

import java.time.Instant;
import java.util.List;

/**
 * A warning condition over data that are not events — utility readings, crowd counts,
 * opinion items, devices — judged by the module that owns the data. Modules above
 * {@code warning} publish one bean per signal rule kind (warning never depends on them,
 * as {@code exchange} never depends on the owners of its sheet kinds). The sweep asks
 * {@link #holding} what holds now, opens one alert per rule, region and key, and clears
 * the open alerts whose key no longer holds; the backtest asks {@link #history}.
 */
public interface SignalSource {

	/**
	 * The rule kind this source judges: {@code UTILITY_SILENCE}, {@code UTILITY_SURGE},
	 * {@code CROWD_DENSITY}, {@code OPINION_BURST} or {@code DEVICE_OFFLINE}.
	 */
	String kind();

	/** What the rule's threshold means for this kind, for the rule editor (zh-CN). */
	String thresholdMeaning();

	/**
	 * The subjects whose condition holds at {@code query.now()} inside the rule's area,
	 * each once.
	 */
	List<Signal> holding(SignalQuery query);

	/**
	 * The times the condition began to hold between {@code from} and {@code to} (each
	 * signal's {@code since}), replayed from the stored data; nothing is written.
	 */
	List<Signal> history(SignalQuery query, Instant from, Instant to);

	/**
	 * The 小类 an alert of this kind becomes when it is converted to an event, when the
	 * rule names none; null sends it to the centre's queue uncategorised.
	 */
	default String categoryCode() {
		return null;
	}

}
