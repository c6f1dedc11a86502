package org.govgrid.openplatform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;

/**
 * Writes each operation's permission codes into the OpenAPI document as
 * {@value #EXTENSION}: a list of alternatives, each the codes that together allow the
 * call (from the handler's {@code @PreAuthorize}), so that {@link ScopedApiDocs} can cut
 * the document down to what a client's scopes allow.
 */
@Component
class ApiDocsPermissions implements OperationCustomizer {

	static final String EXTENSION = "x-permissions";

	private static final Pattern AUTHORITY = Pattern.compile("has(Any)?Authority\\(([^)]*)\\)");

	private static final Pattern CODE = Pattern.compile("'([^']+)'");

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		PreAuthorize rule = handler.getMethodAnnotation(PreAuthorize.class);
		if (rule == null) {
			rule = handler.getBeanType().getAnnotation(PreAuthorize.class);
		}
		List<List<String>> alternatives = rule == null ? List.of() : alternatives(rule.value());
		if (!alternatives.isEmpty()) {
			operation.addExtension(EXTENSION, alternatives);
		}
		return operation;
	}

	/**
	 * {@code hasAuthority('a') or hasAnyAuthority('b','c')} → [[a],[b],[c]];
	 * {@code hasAuthority('a') and hasAuthority('b')} → [[a,b]]. An expression with
	 * anything else in it (a bean call, a role check) gives no alternatives: the document
	 * for a client then leaves the operation out.
	 */
	static List<List<String>> alternatives(String expression) {
		List<List<String>> alternatives = new ArrayList<>();
		for (String alternative : expression.split("\\s+or\\s+|\\s*\\|\\|\\s*")) {
			List<List<String>> conjunction = new ArrayList<>();
			for (String part : alternative.split("\\s+and\\s+|\\s*&&\\s*")) {
				Matcher authority = AUTHORITY.matcher(part.strip());
				if (!authority.matches()) {
					return List.of();
				}
				List<String> codes = new ArrayList<>();
				Matcher code = CODE.matcher(authority.group(2));
				while (code.find()) {
					codes.add(code.group(1));
				}
				conjunction.add(codes);
			}
			alternatives.addAll(combine(conjunction));
		}
		return alternatives;
	}

	/** One code from each part of a conjunction, in every combination. */
	private static List<List<String>> combine(List<List<String>> parts) {
		List<List<String>> combinations = List.of(List.of());
		for (List<String> part : parts) {
			List<List<String>> next = new ArrayList<>();
			for (List<String> prefix : combinations) {
				for (String code : part) {
					List<String> extended = new ArrayList<>(prefix);
					extended.add(code);
					next.add(extended);
				}
			}
			combinations = next;
		}
		return combinations;
	}

}
