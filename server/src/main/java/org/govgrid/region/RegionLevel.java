package org.govgrid.region;

import java.util.regex.Pattern;

/**
 * Levels of the administrative hierarchy with their code formats: GB/T 2260 for city and
 * district, the 9- and 12-digit statistical codes for town and community, and the
 * community code plus three digits for a grid.
 */
public enum RegionLevel {

	CITY("市", "\\d{4}00", 0), DISTRICT("区县", "\\d{6}", 4), TOWN("镇/街道", "\\d{9}", 6), COMMUNITY("村/社区", "\\d{12}", 9),
	GRID("网格", "\\d{15}", 12);

	private final String label;

	private final Pattern codePattern;

	private final int parentPrefixLength;

	RegionLevel(String label, String codePattern, int parentPrefixLength) {
		this.label = label;
		this.codePattern = Pattern.compile(codePattern);
		this.parentPrefixLength = parentPrefixLength;
	}

	public String label() {
		return this.label;
	}

	/** The level directly below, or {@code null} for a grid. */
	public RegionLevel childLevel() {
		return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
	}

	boolean isValidCode(String code) {
		return code != null && this.codePattern.matcher(code).matches();
	}

	/**
	 * Whether a code of this level continues its parent's code (a district inside its
	 * city, ...).
	 */
	boolean continuesParentCode(String code, String parentCode) {
		int prefix = this.parentPrefixLength;
		if (this == DISTRICT) {
			return code.startsWith(parentCode.substring(0, 4)) && !code.equals(parentCode);
		}
		return prefix == 0 || (parentCode.length() >= prefix && code.startsWith(parentCode.substring(0, prefix)));
	}

}
