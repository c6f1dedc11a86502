package org.govgrid.platform;

import java.util.ArrayList;
import java.util.List;

import org.govgrid.platform.InvalidInputException.FieldProblem;

/** Collects every bad field of one request before failing, never just the first. */
public final class FieldErrors {

	private final List<FieldProblem> errors = new ArrayList<>();

	public FieldErrors add(String field, String message) {
		this.errors.add(new FieldProblem(field, message));
		return this;
	}

	public FieldErrors addAll(FieldErrors other) {
		this.errors.addAll(other.errors);
		return this;
	}

	public List<FieldProblem> list() {
		return List.copyOf(this.errors);
	}

	public boolean isEmpty() {
		return this.errors.isEmpty();
	}

	public void throwIfAny() {
		if (!this.errors.isEmpty()) {
			throw new InvalidInputException(this.errors);
		}
	}

}
