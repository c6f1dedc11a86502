package org.govgrid.openplatform;

import java.util.List;

/**
 * An API client as registered or edited (a PUT replaces every field): its name, the unit
 * that runs it, the scopes it may ask for, the region it sees, its rate limit and the
 * address ranges it may call from (empty: any).
 */
record ApiClientCommand(String name, String unit, List<String> scopes, Long regionId, Integer rateLimitPerMinute,
		List<String> allowedIps, Integer version) {
}
