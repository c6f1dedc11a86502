package org.govgrid.event.suggest;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.govgrid.event.suggest.ClosedEventIndex.Neighbour;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SuggestionScoresTests {

	@Test
	void neighboursVoteByTheirScoreRelativeToTheBestAndTheSharesSumToOne() {
		Map<String, Double> votes = SuggestionScores.votes(List.of(new Neighbour("A", 10f), new Neighbour("B", 5f),
				new Neighbour("A", 5f), new Neighbour("C", 2.5f)));
		// A: 1 + 0.5, B: 0.5, C: 0.25 of 2.25
		assertThat(votes.get("A")).isCloseTo(1.5 / 2.25, within(1e-9));
		assertThat(votes.get("B")).isCloseTo(0.5 / 2.25, within(1e-9));
		assertThat(votes.get("C")).isCloseTo(0.25 / 2.25, within(1e-9));
		assertThat(votes.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
		assertThat(SuggestionScores.votes(List.of())).isEmpty();
	}

	@Test
	void aCategoryScoresByHowManyOfItsKeywordsTheTextHoldsItsNameCountingAsOne() {
		Map<String, Collection<String>> keywords = Map.of("GGSS-01", List.of("井盖", "缺失", "松动"), "GGSS-02",
				List.of("路灯", "不亮"), "QT-01", List.of(" "));
		Map<String, String> names = Map.of("GGSS-01", "井盖缺失破损", "GGSS-02", "路灯损坏", "QT-01", "其他事项");
		Map<String, Double> scores = SuggestionScores.keywords("路口的井盖缺失了，路灯损坏", keywords, names);
		assertThat(scores.get("GGSS-01")).isCloseTo(2 / 3.0, within(1e-9));
		// 路灯 and the name 路灯损坏
		assertThat(scores.get("GGSS-02")).isCloseTo(2 / 3.0, within(1e-9));
		assertThat(scores).doesNotContainKey("QT-01");
		assertThat(SuggestionScores.keywords("Case-insensitive LED", Map.of("X", List.of("led")), Map.of()).get("X"))
			.isEqualTo(0.5);
	}

	@Test
	void aColdStartReliesOnKeywordsAndAFullHistoryMostlyOnWhatWasLearnt() {
		Map<String, Double> learnt = Map.of("A", 1.0);
		Map<String, Double> keywords = Map.of("B", 0.5);
		assertThat(SuggestionScores.blend(Map.of(), keywords, 0)).containsExactlyEntriesOf(keywords);
		assertThat(SuggestionScores.blend(learnt, Map.of(), 3)).containsExactlyEntriesOf(learnt);
		Map<String, Double> full = SuggestionScores.blend(learnt, keywords, 10_000);
		assertThat(full.get("A")).isCloseTo(0.8, within(1e-9));
		assertThat(full.get("B")).isCloseTo(0.1, within(1e-9));
		Map<String, Double> young = SuggestionScores.blend(learnt, keywords, SuggestionScores.FULL_HISTORY / 2);
		assertThat(young.get("A")).isCloseTo(0.4, within(1e-9));
		assertThat(young.get("B")).isCloseTo(0.3, within(1e-9));
	}

	@Test
	void theTopIsBestFirstWithinZeroAndOne() {
		Map<String, Double> top = SuggestionScores
			.top(Map.of("A", 0.2, "B", 0.9, "C", 0.2, "D", 0.05, "E", 0.0, "F", 1.0000001), 3);
		assertThat(top.keySet()).containsExactly("F", "B", "A");
		assertThat(top.values()).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
		assertThat(SuggestionScores.top(Map.of("E", 0.0), 3)).isEmpty();
	}

	@Test
	void theTitleIsLearntOnlyWhenItAddsToTheDescription() {
		assertThat(ClosedEventLearning.text("路灯不亮…", "路灯不亮很久了")).isEqualTo("路灯不亮很久了");
		assertThat(ClosedEventLearning.text("楼道充电", "电瓶车拉线")).isEqualTo("楼道充电\n电瓶车拉线");
		assertThat(ClosedEventLearning.text(null, " 描述 ")).isEqualTo("描述");
	}

}
