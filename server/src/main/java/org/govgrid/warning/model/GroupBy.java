package org.govgrid.warning.model;

/**
 * How matching events are told apart inside a region: by 小类 ({@code CATEGORY}), by 大类
 * ({@code TOP_CATEGORY}) or not at all ({@code NONE}, key {@value #ALL}).
 */
public enum GroupBy {

	CATEGORY, TOP_CATEGORY, NONE;

	public static final String ALL = "*";

}
