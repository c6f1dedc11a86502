package org.govgrid.notice.model;

/** A step the notice's status does not allow (editing a published notice, say). */
public class IllegalNoticeTransition extends IllegalStateException {

	IllegalNoticeTransition(String step, NoticeStatus from) {
		super("a " + from + " notice cannot be " + step);
	}

}
