package org.govgrid.special;

import java.util.List;

import org.govgrid.platform.InvalidInputException.FieldProblem;

/**
 * What a feeding system sends with {@code POST /api/v1/special/opinions}, and the answer.
 */
final class OpinionCommands {

	private OpinionCommands() {
	}

	/** Up to {@link Opinions#MAX_ITEMS} items. */
	record Batch(List<Item> items) {
	}

	/**
	 * One item as the feeding system scored it: {@code sentiment} from −1 (negative) to
	 * 1, {@code publishedAt} an ISO-8601 instant not in the future.
	 */
	record Item(String source, String url, String title, String text, String publishedAt, Double sentiment,
			List<String> keywords) {
	}

	/** One item that was not stored, by its index in the batch. */
	record Rejected(int index, List<FieldProblem> errors) {
	}

	/**
	 * {@code duplicates}: items whose source and URL were stored before (or twice in the
	 * batch); {@code rejected} is empty unless the batch was sent with
	 * {@code partial=true}.
	 */
	record Result(int accepted, int duplicates, List<Rejected> rejected) {
	}

}
