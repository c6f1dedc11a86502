package org.govgrid.notice.model;

/** Where a notice is in its life: 草稿, 已发布, 已撤回. */
public enum NoticeStatus {

	DRAFT, PUBLISHED, WITHDRAWN

}
