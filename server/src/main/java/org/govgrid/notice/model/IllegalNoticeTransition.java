package org.govgrid.notice.model;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A step the notice's status does not allow (editing a published notice, say): 409
 * {@code illegal-transition}, mapped once in platform for every workflow.
 */
public class IllegalNoticeTransition extends IllegalTransitionException {

	IllegalNoticeTransition(String action, String done, NoticeStatus from) {
		super("通知", action, from.name(), "a " + from + " notice cannot be " + done + " / 当前状态不允许此操作");
	}

}
