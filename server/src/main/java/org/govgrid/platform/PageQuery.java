package org.govgrid.platform;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Paging parameters: {@code page} is 1-based, {@code size} at most 200. Out-of-range
 * values are a 400 naming the field rather than silently clamped.
 */
public record PageQuery(Integer page, Integer size) {

	public static final int MAX_SIZE = 200;

	public Pageable toPageable(Sort sort) {
		FieldErrors errors = new FieldErrors();
		int p = this.page == null ? 1 : this.page;
		int s = this.size == null ? 20 : this.size;
		if (p < 1) {
			errors.add("page", "must be ≥ 1 / 页码须 ≥ 1");
		}
		if (s < 1 || s > MAX_SIZE) {
			errors.add("size", "must be between 1 and 200 / 每页条数须在 1–200 之间");
		}
		errors.throwIfAny();
		return PageRequest.of(p - 1, s, sort);
	}

}
