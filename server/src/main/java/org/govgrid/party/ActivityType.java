package org.govgrid.party;

import java.util.Optional;

/** The kinds of party activity the standard names (7.2.1b). */
enum ActivityType {

	THREE_MEETINGS_ONE_LESSON("三会一课"), THEME_DAY("主题党日"), VOLUNTEER("志愿服务"), LIFE_MEETING("组织生活会"),
	HOUSEHOLD_VISIT("入户走访");

	static final String CHOICES = "THREE_MEETINGS_ONE_LESSON, THEME_DAY, VOLUNTEER, LIFE_MEETING or HOUSEHOLD_VISIT"
			+ " / 类型须为三会一课、主题党日、志愿服务、组织生活会或入户走访";

	private final String label;

	ActivityType(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	static Optional<ActivityType> parse(String value) {
		return PartyCodes.parse(ActivityType.class, value);
	}

}
