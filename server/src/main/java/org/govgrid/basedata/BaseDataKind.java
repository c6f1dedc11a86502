package org.govgrid.basedata;

/** The kinds of base data, with the table each lives in. */
public enum BaseDataKind {

	PERSON("bd_person"), HOUSE("bd_house"), PLACE("bd_place"), ORGANIZATION("bd_organization"), THING("bd_thing"),
	DISPUTE("bd_dispute");

	private final String table;

	BaseDataKind(String table) {
		this.table = table;
	}

	public String table() {
		return this.table;
	}

}
