package org.govgrid.event;

import java.util.Collection;
import java.util.Map;

/**
 * The number a source module gave the events it took in (the 12345 order number), for the
 * event ledger. Published so that the module above (hotline) brings its numbers as a bean
 * through its own query; event never depends on it.
 */
public interface EventSourceNumbers {

	/** The source whose events carry these numbers, an {@code EventSource} name. */
	String source();

	/** The numbers of those of the events that have one, by event id. */
	Map<Long, String> numbersOf(Collection<Long> eventIds);

}
