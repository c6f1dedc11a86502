package org.govgrid.support;

/** Looks up a collection form (采集表单) by its code, as the caller sees the list. */
public final class CollectionForms {

	private CollectionForms() {
	}

	/** The id of the form with this code, e.g. {@code KEY_PERSON_SCREENING}. */
	public static long idOf(ApiClient client, String code) {
		return client.get("/api/v1/collection/forms")
			.json()
			.valueStream()
			.filter(form -> form.path("code").asString().equals(code))
			.findFirst()
			.map(form -> form.path("id").asLong())
			.orElseThrow(() -> new AssertionError("no collection form " + code));
	}

}
