package org.govgrid.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost filter: a database outage met before any controller — Spring Session reading
 * the session row, the security filters, a handler writing an audit row — answers the
 * same 503 problem as one met inside a controller, instead of reaching the container's
 * error page as a 500.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DatabaseOutage.beginRequest();
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// a request that met the outage answers 503 whatever failed after it (the
			// session's commit, a library's own wrapping of the failure)
			if (!DatabaseOutage.causedBy(ex) && !DatabaseOutage.metInThisRequest()) {
				throw ex;
			}
			DatabaseOutage.record("filter", ex);
			if (response.isCommitted()) {
				// the answer is out (a session save after the body): nothing left to tell
				return;
			}
			response.reset();
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(body(request.getRequestURI()));
		}
		finally {
			DatabaseOutage.endRequest();
		}
	}

	/**
	 * The problem as {@code ProblemResponses} writes it, without needing a JSON mapper.
	 */
	static String body(String instance) {
		return "{\"type\":\"" + ApiProblems.SERVICE_UNAVAILABLE + "\",\"title\":\"" + DatabaseOutage.TITLE
				+ "\",\"status\":503,\"detail\":\"" + DatabaseOutage.DETAIL + "\",\"instance\":\"" + escaped(instance)
				+ "\",\"retryAfter\":" + DatabaseOutage.RETRY_AFTER_SECONDS + "}";
	}

	private static String escaped(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
