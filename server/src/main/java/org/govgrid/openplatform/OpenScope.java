package org.govgrid.openplatform;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scopes a client may be granted, each mapped onto the permission codes a token with
 * it holds (the one table of this mapping; {@code docs/api/openplatform.md} repeats it).
 * A token never carries a code of user, role, audit or client administration.
 */
enum OpenScope {

	/**
	 * Read events (all of them inside the client's region) and the category catalogue.
	 */
	EVENTS_READ("events:read", "event:case:read", "event:case:read-all", "event:category:read"),

	/** Report events (the client's service account is the reporter). */
	EVENTS_WRITE("events:write", "event:case:report", "event:category:read"),

	/**
	 * Read base data: people (masked), houses, places, organisations, things, situations.
	 */
	BASEDATA_READ("basedata:read", "basedata:person:read", "basedata:object:read", "basedata:situation:read"),

	/** Open311 GeoReport v2: services and requests (civic reports). */
	OPEN311("open311", "event:category:read", "event:case:report", "event:case:read"),

	/**
	 * The 12345 hotline system: enter work orders and read them back (their replies also
	 * go out by the {@code hotline.replied} webhook).
	 */
	HOTLINE("hotline", "hotline:order:read", "hotline:order:write", "event:category:read");

	private final String code;

	private final Set<String> permissions;

	OpenScope(String code, String... permissions) {
		this.code = code;
		this.permissions = Set.of(permissions);
	}

	String code() {
		return this.code;
	}

	Set<String> permissions() {
		return this.permissions;
	}

	static Optional<OpenScope> of(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	/** The permission codes of the granted scopes (unknown scopes grant nothing). */
	static Set<String> permissionsOf(Collection<String> scopes) {
		Set<String> permissions = new TreeSet<>();
		scopes.forEach(scope -> of(scope).ifPresent(s -> permissions.addAll(s.permissions)));
		return permissions;
	}

	static java.util.List<String> codes() {
		return Arrays.stream(values()).map(OpenScope::code).toList();
	}

}
