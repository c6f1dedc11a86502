package org.govgrid.platform;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** The list shape of DESIGN §5: {@code {items, total, page, size}}, page 1-based. */
public record PageResponse<T>(List<T> items, long total, int page, int size) {

	public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
		return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getTotalElements(),
				page.getNumber() + 1, page.getSize());
	}

}
