package org.govgrid.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The kinds that can be imported and exported, by their URL name. */
@Component
class SheetKinds {

	private final Map<String, SheetKind> kinds = new LinkedHashMap<>();

	SheetKinds(List<SheetKind> kinds) {
		kinds.forEach(k -> this.kinds.put(k.kind(), k));
	}

	Optional<SheetKind> find(String kind) {
		return Optional.ofNullable(kind == null ? null : this.kinds.get(kind));
	}

	List<String> names() {
		return List.copyOf(this.kinds.keySet());
	}

}
