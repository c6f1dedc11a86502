package org.govgrid.special;

import java.util.List;

import org.govgrid.platform.InvalidInputException.FieldProblem;

/**
 * What became of a batch: readings stored, readings already stored (re-sent), and the
 * rejected ones by their index in the batch with every error.
 */
record IngestReport(int accepted, int duplicates, List<Rejected> rejected) {

	record Rejected(int index, List<FieldProblem> errors) {
	}

}
