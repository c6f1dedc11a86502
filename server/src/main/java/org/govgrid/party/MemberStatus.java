package org.govgrid.party;

import java.util.Optional;

/** 正式党员, 预备党员, 发展对象, 入党积极分子. */
enum MemberStatus {

	FULL("正式党员"), PROBATIONARY("预备党员"), CANDIDATE("发展对象"), ACTIVIST("入党积极分子");

	static final String CHOICES = "FULL, PROBATIONARY, CANDIDATE or ACTIVIST / 须为正式党员、预备党员、发展对象或入党积极分子";

	private final String label;

	MemberStatus(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	static Optional<MemberStatus> parse(String value) {
		return PartyCodes.parse(MemberStatus.class, value);
	}

}
