package org.govgrid.event.suggest;

import org.govgrid.event.suggest.EventSuggestions.SuggestCommand;
import org.govgrid.event.suggest.EventSuggestions.Suggestion;
import org.govgrid.event.suggest.KeywordRules.CategoryKeywords;
import org.govgrid.event.suggest.KeywordRules.KeywordsCommand;
import org.govgrid.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 智能分拨: suggested 小类 and units for a report's text, and the keyword rules. */
@RestController
@RequestMapping("/api/v1/events/suggest")
class SuggestController {

	private final EventSuggestions suggestions;

	private final KeywordRules keywords;

	SuggestController(EventSuggestions suggestions, KeywordRules keywords) {
		this.suggestions = suggestions;
		this.keywords = keywords;
	}

	/** Whoever may report an event may ask what it is likely to be and who handles it. */
	@PostMapping
	@PreAuthorize("hasAuthority('event:case:report')")
	Suggestion suggest(@RequestBody(required = false) SuggestCommand command) {
		return this.suggestions.suggest(command, CurrentUser.require());
	}

	@GetMapping("/keywords/{code}")
	@PreAuthorize("hasAuthority('event:category:write')")
	CategoryKeywords keywords(@PathVariable("code") String categoryCode) {
		return this.keywords.of(categoryCode);
	}

	@PutMapping("/keywords/{code}")
	@PreAuthorize("hasAuthority('event:category:write')")
	CategoryKeywords replaceKeywords(@PathVariable("code") String categoryCode,
			@RequestBody(required = false) KeywordsCommand command) {
		return this.keywords.replace(categoryCode, command);
	}

}
