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

	/** A kind by its URL name, or by the constant spelling ({@code PARTY_MEMBERS}). */
	Optional<SheetKind> find(String kind) {
		if (kind == null) {
			return Optional.empty();
		}
		SheetKind found = this.kinds.get(kind);
		return Optional.ofNullable(found != null ? found
				: this.kinds.get(kind.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
	}

	/** A kind that can be imported, by its URL name or constant spelling. */
	Optional<SheetKind> findImportable(String kind) {
		return find(kind).filter(SheetKind::importable);
	}

	/** The names of the kinds that can be imported. */
	List<String> names() {
		return this.kinds.values().stream().filter(SheetKind::importable).map(SheetKind::kind).toList();
	}

}
