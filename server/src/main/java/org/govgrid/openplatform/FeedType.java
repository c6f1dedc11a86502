package org.govgrid.openplatform;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.govgrid.basedata.BaseDataKind;

/**
 * The kinds of data the change feed carries, each with the permission that reads it and
 * the base-data kind it follows (events: none).
 */
enum FeedType {

	EVENTS("events", "event:case:read-all", null), PEOPLE("people", "basedata:person:read", BaseDataKind.PERSON),
	HOUSES("houses", "basedata:object:read", BaseDataKind.HOUSE),
	PLACES("places", "basedata:object:read", BaseDataKind.PLACE),
	ORGANIZATIONS("organizations", "basedata:object:read", BaseDataKind.ORGANIZATION),
	THINGS("things", "basedata:object:read", BaseDataKind.THING);

	private final String code;

	private final String permission;

	private final BaseDataKind kind;

	FeedType(String code, String permission, BaseDataKind kind) {
		this.code = code;
		this.permission = permission;
		this.kind = kind;
	}

	String code() {
		return this.code;
	}

	String permission() {
		return this.permission;
	}

	static Optional<FeedType> of(String code) {
		return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
	}

	static Optional<FeedType> following(BaseDataKind kind) {
		return Arrays.stream(values()).filter(t -> t.kind == kind).findFirst();
	}

	static List<String> codes() {
		return Arrays.stream(values()).map(FeedType::code).toList();
	}

}
