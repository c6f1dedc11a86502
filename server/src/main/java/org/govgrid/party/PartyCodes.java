package org.govgrid.party;

import java.util.Locale;
import java.util.Optional;

/** The party enums' codes as the API takes them: any case, blank or unknown is none. */
final class PartyCodes {

	private PartyCodes() {
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
