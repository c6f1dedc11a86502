package org.govgrid.collection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormDefinitionTests {

	private final FormDefinition form = new FormDefinition(List.of(
			new FormField("visited", "走访时间", FormField.Type.DATETIME, true, null, null, null, null),
			new FormField("needs", "需求", FormField.Type.MULTIPLE_CHOICE, false, List.of("助餐", "助医", "助洁"), null, null,
					null),
			new FormField("spot", "位置", FormField.Type.LOCATION, false, null, null, null, null),
			new FormField("note", "备注", FormField.Type.LONG_TEXT, false, null, null, null, 10)));

	@Test
	void goodAnswersPass() {
		assertThat(this.form.validate(Map.of("visited", "2026-11-24T09:30:00+08:00", "needs", List.of("助餐", "助医"),
				"spot", Map.of("lon", 120.5, "lat", 31.3), "note", "独居，行动不便"))
			.isEmpty()).isTrue();
	}

	@Test
	void everyBadAnswerIsNamed() {
		var errors = this.form.validate(Map.of("visited", "yesterday", "needs", List.of("助行"), "spot",
				Map.of("lon", 500, "lat", 31.3), "note", "这是一段超过十个字的备注内容"));
		assertThat(errors.list()).extracting(e -> e.field())
			.containsExactlyInAnyOrder("answers.visited", "answers.needs", "answers.spot", "answers.note");
		assertThat(this.form.validate(Map.of()).list()).extracting(e -> e.field()).containsExactly("answers.visited");
	}

	@Test
	void aTemplateNeedsDistinctKeysAndChoices() {
		var template = new FormDefinition(List.of(
				new FormField("a", "甲", FormField.Type.TEXT, true, null, null, null, null),
				new FormField("a", "乙", FormField.Type.SINGLE_CHOICE, false, List.of("x", "x"), 5.0, 1.0, null)));
		assertThat(template.check().list()).extracting(e -> e.field())
			.containsExactlyInAnyOrder("fields[1].key", "fields[1].options", "fields[1].min");
	}

}
