package org.govgrid.messaging;

import java.util.regex.Pattern;

/**
 * What a notification says, the same for every recipient. {@code kind} is a stable code
 * (the constants below are the contract's kinds); {@code title} and {@code body} are
 * display text and are shortened to what the table holds rather than refused;
 * {@code link} is a console path such as {@code /events/12} (never another site) and,
 * like the subject, optional.
 */
public record Notice(String kind, String title, String body, String link, String subjectType, Long subjectId) {

	public static final String EVENT_ASSIGNED = "EVENT_ASSIGNED";

	public static final String EVENT_RETURNED = "EVENT_RETURNED";

	public static final String EVENT_TO_VERIFY = "EVENT_TO_VERIFY";

	public static final String EVENT_SUPERVISED = "EVENT_SUPERVISED";

	public static final String DEADLINE_YELLOW = "DEADLINE_YELLOW";

	public static final String DEADLINE_RED = "DEADLINE_RED";

	public static final String TASK_ASSIGNED = "TASK_ASSIGNED";

	/** A new early-warning alert (研判预警) in the recipient's town. */
	public static final String WARNING_ALERT = "WARNING_ALERT";

	/** A notice (通知公告) published to the recipient. */
	public static final String NOTICE_PUBLISHED = "NOTICE_PUBLISHED";

	/** A 催办 of a supervision item held to the recipient's unit. */
	public static final String SUPERVISION_REMINDED = "SUPERVISION_REMINDED";

	/** A supervision item past its deadline (to the unit and the town's leaders). */
	public static final String SUPERVISION_OVERDUE = "SUPERVISION_OVERDUE";

	/** The unit answered a supervision item (to the supervisor). */
	public static final String SUPERVISION_ANSWERED = "SUPERVISION_ANSWERED";

	static final int TITLE_LENGTH = 200;

	static final int BODY_LENGTH = 1000;

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

	private static final Pattern SUBJECT_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

	/**
	 * A same-site path: one leading slash (not two, not a backslash) and no scheme, so
	 * that the console can navigate to it without becoming an open redirect.
	 */
	private static final Pattern LINK = Pattern.compile("/(?![/\\\\])[^\\s\\\\\\p{Cntrl}]{0,299}");

	public Notice {
		if (kind == null || !KIND.matcher(kind).matches()) {
			throw new IllegalArgumentException("kind must be an upper-case code of at most 32 characters: " + kind);
		}
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a notice needs a title");
		}
		if (link != null && !LINK.matcher(link).matches()) {
			throw new IllegalArgumentException("link must be a console path of at most 300 characters: " + link);
		}
		if (subjectType != null && !SUBJECT_TYPE.matcher(subjectType).matches()) {
			throw new IllegalArgumentException(
					"subjectType must be a code of at most 32 letters, digits or underscores: " + subjectType);
		}
		title = clip(title.strip(), TITLE_LENGTH);
		body = (body == null || body.isBlank()) ? null : clip(body.strip(), BODY_LENGTH);
	}

	/**
	 * At most {@code max} characters as PostgreSQL counts them (code points), ending in
	 * an ellipsis when cut; a surrogate pair is never split.
	 */
	static String clip(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
	}

}
