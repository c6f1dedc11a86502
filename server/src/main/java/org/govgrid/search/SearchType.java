package org.govgrid.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.govgrid.basedata.BaseDataKind;
import org.govgrid.platform.ScopedPrincipal;

/**
 * What can be searched, in the order the groups are answered: the document, the
 * permission that reading it takes, the base-data kind whose changes it follows, and its
 * text fields. Every field is searched as a phrase of characters (any fragment); where it
 * has a {@code cn} twin, also by its words: free text by all of them in any order, an
 * address by them in order (so 阳光花园3幢 is not 阳光花园17幢3单元).
 */
enum SearchType {

	PEOPLE("people", PersonDocument.class, "basedata:person:read", BaseDataKind.PERSON,
			List.of(text("name", Words.NONE, 4), text("address", Words.IN_ORDER, 2), text("tags", Words.ANY_ORDER, 1))),
	HOUSES("houses", HouseDocument.class, SearchType.OBJECT_READ, BaseDataKind.HOUSE,
			List.of(text("address", Words.IN_ORDER, 3), text("owner", Words.NONE, 1))),
	ORGANIZATIONS("organizations", OrganizationDocument.class, SearchType.OBJECT_READ, BaseDataKind.ORGANIZATION,
			List.of(text("name", Words.ANY_ORDER, 4), text("code", Words.NONE, 3),
					text("legalRepresentative", Words.NONE, 1), text("address", Words.IN_ORDER, 2))),
	PLACES("places", PlaceDocument.class, SearchType.OBJECT_READ, BaseDataKind.PLACE,
			List.of(text("name", Words.ANY_ORDER, 4), text("address", Words.IN_ORDER, 2))),
	THINGS("things", ThingDocument.class, SearchType.OBJECT_READ, BaseDataKind.THING,
			List.of(text("code", Words.NONE, 4), text("name", Words.ANY_ORDER, 3), text("address", Words.IN_ORDER, 2))),
	EVENTS("events", EventDocument.class, "event:case:read", null,
			List.of(text("code", Words.NONE, 4), text("title", Words.ANY_ORDER, 3),
					text("description", Words.ANY_ORDER, 2), text("address", Words.IN_ORDER, 2)));

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

	/** How a field's {@code cn} twin (if any) is searched. */
	enum Words {

		NONE, IN_ORDER, ANY_ORDER

	}

	/**
	 * A searchable text: {@code key} is the fragment field (and the highlight's name),
	 * {@code key_cn} its word-analysed twin unless {@code words} is {@code NONE}.
	 */
	record TextField(String key, Words words, float boost) {

		String wordField() {
			return this.key + "_cn";
		}

	}

	private static TextField text(String key, Words words, float boost) {
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
