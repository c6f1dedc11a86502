package org.govgrid.platform;

import java.util.List;

/**
 * Bad input found by business validation; every bad field is named so the client can mark
 * all of them at once.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidInputException(List<FieldProblem> errors) {
		super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

	/** One bad field. */
	public record FieldProblem(String field, String message) {
	}

}
