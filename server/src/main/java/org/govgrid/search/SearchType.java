package org.govgrid.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.govgrid.basedata.BaseDataKind;
import org.govgrid.platform.ScopedPrincipal;

/**
 * What can be searched, in the order the groups are answered: the document, the
 * permission that reading it takes, the base-data kind whose changes it follows, and its
 * text fields. A field is searched as a phrase of characters (any fragment) and, where it
 * has a {@code cn} twin, also by its words.
 */
enum SearchType {

	PEOPLE("people", PersonDocument.class, "basedata:person:read", BaseDataKind.PERSON,
			List.of(text("name", false, 4), text("address", true, 2), text("tags", true, 1))),
	HOUSES("houses", HouseDocument.class, SearchType.OBJECT_READ, BaseDataKind.HOUSE,
			List.of(text("address", true, 3), text("owner", false, 1))),
	ORGANIZATIONS("organizations", OrganizationDocument.class, SearchType.OBJECT_READ, BaseDataKind.ORGANIZATION,
			List.of(text("name", true, 4), text("code", false, 3), text("legalRepresentative", false, 1),
					text("address", true, 2))),
	PLACES("places", PlaceDocument.class, SearchType.OBJECT_READ, BaseDataKind.PLACE,
			List.of(text("name", true, 4), text("address", true, 2))),
	THINGS("things", ThingDocument.class, SearchType.OBJECT_READ, BaseDataKind.THING,
			List.of(text("code", false, 4), text("name", true, 3), text("address", true, 2))),
	EVENTS("events", EventDocument.class, "event:case:read", null, List.of(text("code", false, 4),
			text("title", true, 3), text("description", true, 2), text("address", true, 2)));

	static final String OBJECT_READ = "basedata:object:read";

	static final String EVENT_READ_ALL = "event:case:read-all";

	private final String code;

	private final Class<? extends ScopedDocument> document;

	private final String permission;

	private final BaseDataKind kind;

	private final List<TextField> fields;

	SearchType(String code, Class<? extends ScopedDocument> document, String permission, BaseDataKind kind,
			List<TextField> fields) {
		this.code = code;
		this.document = document;
		this.permission = permission;
		this.kind = kind;
		this.fields = fields;
	}

	/**
	 * A searchable text: {@code key} is the fragment field (and the highlight's name),
	 * {@code key_cn} its word-analysed twin if {@code words}.
	 */
	record TextField(String key, boolean words, float boost) {

		String wordField() {
			return this.key + "_cn";
		}

	}

	private static TextField text(String key, boolean words, float boost) {
		return new TextField(key, words, boost);
	}

	String code() {
		return this.code;
	}

	Class<? extends ScopedDocument> document() {
		return this.document;
	}

	List<TextField> fields() {
		return this.fields;
	}

	boolean readableBy(ScopedPrincipal caller) {
		return caller.can(this.permission);
	}

	static Optional<SearchType> ofCode(String code) {
		return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
	}

	static Optional<SearchType> following(BaseDataKind kind) {
		return Arrays.stream(values()).filter(type -> type.kind == kind).findFirst();
	}

}
