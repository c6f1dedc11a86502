package org.govgrid.event.suggest;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.event.suggest.ClosedEventIndex.Neighbour;

/**
 * How a suggestion is scored (0..1): the neighbours vote for their label with their score
 * relative to the best one; keyword rules score a category by how many of its keywords
 * the text holds; the two blend by how much history there is, so a cold start relies on
 * the keywords and a deployment with history on what it learnt.
 */
final class SuggestionScores {

	/** Closed events from which on the learnt votes weigh fully. */
	static final int FULL_HISTORY = 50;

	/** The weight of the learnt votes once the history is full (the rest: keywords). */
	static final double LEARNT_WEIGHT = 0.8;

	private SuggestionScores() {
	}

	/**
	 * Each label's share of the votes: a neighbour votes {@code score / best score}; the
	 * shares sum to 1 (none without neighbours).
	 */
	static Map<String, Double> votes(List<Neighbour> neighbours) {
		Map<String, Double> votes = new HashMap<>();
		if (neighbours.isEmpty()) {
			return votes;
		}
		float best = neighbours.stream().map(Neighbour::score).max(Float::compare).orElse(1f);
		double total = 0;
		for (Neighbour neighbour : neighbours) {
			double vote = best > 0 ? neighbour.score() / best : 1;
			votes.merge(neighbour.label(), vote, Double::sum);
			total += vote;
		}
		double sum = total;
		votes.replaceAll((label, vote) -> vote / sum);
		return votes;
	}

	/**
	 * A category's keyword score: {@code m / (m + 1)} for {@code m} distinct keywords
	 * found in the text (one: 0.5, two: 0.67, three: 0.75); its name counts as one.
	 */
	static Map<String, Double> keywords(String text, Map<String, Collection<String>> keywordsByCategory,
			Map<String, String> namesByCategory) {
		Map<String, Double> scores = new HashMap<>();
		String lower = text.toLowerCase(java.util.Locale.ROOT);
		keywordsByCategory.forEach((code, words) -> {
			Set<String> found = new HashSet<>();
			for (String word : words) {
				if (!word.isBlank() && lower.contains(word.toLowerCase(java.util.Locale.ROOT))) {
					found.add(word);
				}
			}
			String name = namesByCategory.get(code);
			if (name != null && lower.contains(name.toLowerCase(java.util.Locale.ROOT))) {
				found.add(name);
			}
			if (!found.isEmpty()) {
				scores.put(code, found.size() / (found.size() + 1.0));
			}
		});
		return scores;
	}

	/** The learnt votes' weight for a history of {@code size} closed events. */
	static double learntWeight(int size) {
		return LEARNT_WEIGHT * Math.min(1.0, size / (double) FULL_HISTORY);
	}

	/**
	 * The blend of learnt votes and keyword scores; where one side is silent (no keyword
	 * rule matched, or nothing learnt), the other decides alone.
	 */
	static Map<String, Double> blend(Map<String, Double> learnt, Map<String, Double> keywords, int historySize) {
		double weight = learnt.isEmpty() ? 0 : keywords.isEmpty() ? 1 : learntWeight(historySize);
		Map<String, Double> blended = new HashMap<>();
		learnt.forEach((label, score) -> blended.merge(label, weight * score, Double::sum));
		keywords.forEach((label, score) -> blended.merge(label, (1 - weight) * score, Double::sum));
		return blended;
	}

	/**
	 * The best {@code limit} labels, best first (ties by label), scores rounded to 0.001.
	 */
	static Map<String, Double> top(Map<String, Double> scores, int limit) {
		Map<String, Double> top = new LinkedHashMap<>();
		scores.entrySet()
			.stream()
			.filter(e -> e.getValue() > 0)
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(limit)
			.forEach(e -> top.put(e.getKey(), Math.min(1.0, Math.round(e.getValue() * 1000) / 1000.0)));
		return top;
	}

}
