package org.govgrid.basedata;

import java.util.List;

import org.govgrid.dictionary.Dictionaries;
import org.springframework.stereotype.Service;

/**
 * The code tables as basedata and its imports use them (GB/T 2261.1 sex, GB/T 3304
 * ethnicity, GB/T 4762 political status, GB/T 4658 education, GB/T 4761 relationship, and
 * the platform's own lists), read through the dictionary module: a code the admin adds is
 * accepted at once, a disabled one no longer, while stored codes keep their names.
 */
@Service
public class Dicts {

	public record Entry(String code, String name, String nameEn) {
	}

	private final Dictionaries dictionaries;

	Dicts(Dictionaries dictionaries) {
		this.dictionaries = dictionaries;
	}

	/** The codes that may be chosen (enabled), in display order. */
	public List<Entry> entries(String type) {
		return this.dictionaries.enabled(type).stream().map(i -> new Entry(i.code(), i.name(), i.nameEn())).toList();
	}

	/** Whether a write may use the code: an enabled code of the table. */
	public boolean has(String type, String code) {
		return this.dictionaries.accepts(type, code);
	}

	/** The Chinese name of a stored code, disabled or not; the code itself if unknown. */
	public String name(String type, String code) {
		return code == null ? null : this.dictionaries.item(type, code).map(i -> i.name()).orElse(code);
	}

}
