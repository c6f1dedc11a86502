package org.govgrid.special;

/** What a meter measures, with the unit its readings are in. */
enum MeterKind {

	WATER("水表", "m³"), ELECTRICITY("电表", "kWh"), GAS("燃气表", "m³");

	private final String label;

	private final String unit;

	MeterKind(String label, String unit) {
		this.label = label;
		this.unit = unit;
	}

	String label() {
		return this.label;
	}

	String unit() {
		return this.unit;
	}

	/** The kind named (any case), or null. */
	static MeterKind parse(String value) {
		if (value == null) {
			return null;
		}
		String name = value.strip();
		for (MeterKind kind : values()) {
			if (kind.name().equalsIgnoreCase(name)) {
				return kind;
			}
		}
		return null;
	}

}
