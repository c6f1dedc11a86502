package org.govgrid.platform;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@link TextRules} for query parameters of the API (list filters, search terms): a bad
 * value is the same 400 problem as in a JSON body, naming the parameter. Runs after the
 * security filters, so an anonymous caller still gets 401 first. Only the query string is
 * read: a form or multipart body is never parsed here, before the controller's limits.
 */
@Component
class QueryTextFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	QueryTextFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getQueryString() == null || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String bad = firstBadParameter(request.getQueryString());
		if (bad == null) {
			chain.doFilter(request, response);
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ApiProblems.INVALID_INPUT.toString());
		problem.put("title", ProblemResponses.INVALID_TITLE);
		problem.put("status", HttpStatus.BAD_REQUEST.value());
		problem.put("detail", "1 field(s) invalid / 1 个字段有误");
		problem.put("instance", request.getRequestURI());
		problem.put("errors", List.of(Map.of("field", bad, "message", TextRules.MESSAGE)));
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

	/** The name of the first parameter whose name or value breaks the rule, or null. */
	static String firstBadParameter(String query) {
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String name = decode(eq < 0 ? pair : pair.substring(0, eq));
			String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
			if (!TextRules.acceptable(name)) {
				return "query";
			}
			if (!TextRules.acceptable(value)) {
				return name;
			}
		}
		return null;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a broken %-escape: left to the framework, which answers 400 itself
			return text;
		}
	}

}
