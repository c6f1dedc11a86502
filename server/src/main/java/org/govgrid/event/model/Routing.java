package org.govgrid.event.model;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Picks the rule for an event: the most specific matching rule wins (DESIGN §4, 自动流转).
 */
public final class Routing {

	private static final Comparator<int[]> BY_SPECIFICITY = Arrays::compare;

	private Routing() {
	}

	public static Optional<RoutingRule> choose(Collection<RoutingRule> rules, RoutingRule.EventFacts facts) {
		return rules.stream()
			.filter(rule -> rule.matches(facts))
			.max(Comparator.comparing((RoutingRule rule) -> rule.specificity(facts), BY_SPECIFICITY)
				.thenComparing(RoutingRule::id, Comparator.reverseOrder()));
	}

}
