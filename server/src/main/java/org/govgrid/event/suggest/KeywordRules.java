package org.govgrid.event.suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The keyword rules per 小类 (cold start of 智能分拨) and the enabled 小类 a suggestion may name.
 * Keywords are read on every suggestion: a few hundred short rows.
 */
@Component
class KeywordRules {

	static final int MAX_KEYWORDS = 100;

	static final int MAX_LENGTH = 50;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	KeywordRules(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** An enabled 小类 as a suggestion shows it. */
	record Leaf(String code, String name, String parentCode) {
	}

	/** The enabled 小类 (reports are filed under a 小类), by code. */
	Map<String, Leaf> leaves() {
		Map<String, Leaf> leaves = new LinkedHashMap<>();
		this.jdbc.sql("""
				select c.code, c.name, c.parent_code from event_category c
				where c.enabled and c.parent_code is not null
				  and not exists (select 1 from event_category child where child.parent_code = c.code)
				order by c.code""").query(rs -> {
			leaves.put(rs.getString("code"),
					new Leaf(rs.getString("code"), rs.getString("name"), rs.getString("parent_code")));
		});
		return leaves;
	}

	/** Every category's keywords. */
	Map<String, Collection<String>> all() {
		Map<String, Collection<String>> keywords = new LinkedHashMap<>();
		this.jdbc.sql("select category_code, keyword from event_category_keyword order by category_code, keyword")
			.query(rs -> {
				keywords.computeIfAbsent(rs.getString("category_code"), code -> new ArrayList<>())
					.add(rs.getString("keyword"));
			});
		return keywords;
	}

	/** One category's keywords; 404 for an unknown category. */
	@Transactional(readOnly = true)
	CategoryKeywords of(String categoryCode) {
		requireCategory(categoryCode);
		return new CategoryKeywords(categoryCode,
				this.jdbc.sql("select keyword from event_category_keyword where category_code = :code order by keyword")
					.param("code", categoryCode)
					.query(String.class)
					.list());
	}

	/** Replaces one category's keywords (blanks dropped, duplicates once). */
	@Transactional
	CategoryKeywords replace(String categoryCode, KeywordsCommand command) {
		requireCategory(categoryCode);
		FieldErrors errors = new FieldErrors();
		Set<String> words = new LinkedHashSet<>();
		if (command == null || command.keywords() == null) {
			errors.add("keywords", "a list of keywords is required / 请提供关键词列表");
		}
		else {
			for (int i = 0; i < command.keywords().size(); i++) {
				String word = command.keywords().get(i);
				if (word == null || word.isBlank()) {
					errors.add("keywords[" + i + "]", "must not be blank / 关键词不能为空");
				}
				else if (word.strip().length() > MAX_LENGTH) {
					errors.add("keywords[" + i + "]", "at most 50 characters / 关键词最多50个字");
				}
				else {
					words.add(word.strip());
				}
			}
			if (words.size() > MAX_KEYWORDS) {
				errors.add("keywords", "at most 100 keywords / 关键词最多100个");
			}
		}
		errors.throwIfAny();
		this.jdbc.sql("delete from event_category_keyword where category_code = :code")
			.param("code", categoryCode)
			.update();
		for (String word : words) {
			this.jdbc.sql("insert into event_category_keyword (category_code, keyword) values (:code, :word)")
				.param("code", categoryCode)
				.param("word", word)
				.update();
		}
		this.audit.record(AuditRecord.success("EVENT_CATEGORY_KEYWORDS_UPDATE", "event_category", categoryCode,
				words.size() + " keywords"));
		return of(categoryCode);
	}

	private void requireCategory(String code) {
		boolean exists = this.jdbc.sql("select exists (select 1 from event_category where code = :code)")
			.param("code", code)
			.query(Boolean.class)
			.single();
		if (!exists) {
			throw new NotFoundException("event category", code);
		}
	}

	record KeywordsCommand(List<String> keywords) {
	}

	record CategoryKeywords(String categoryCode, List<String> keywords) {
	}

}
