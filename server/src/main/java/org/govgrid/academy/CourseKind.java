package org.govgrid.academy;

/**
 * How a course is learnt: a video (mp4) watched, a pdf read page by page, or text read to
 * the end and confirmed.
 */
enum CourseKind {

	VIDEO, PDF, TEXT;

	boolean hasFile() {
		return this != TEXT;
	}

}
