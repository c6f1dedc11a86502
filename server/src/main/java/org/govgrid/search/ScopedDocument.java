package org.govgrid.search;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/**
 * A row placed in a grid, as the index sees it: read-only (the owning module writes the
 * table with JDBC), indexed with every ancestor of its region path so that one term
 * filter on the caller's scope path keeps exactly the rows at or under that scope.
 */
@MappedSuperclass
abstract class ScopedDocument {

	static final String SCOPE = "scope";

	@Id
	private Long id;

	@Column(name = "grid_id")
	private Long gridId;

	@Column(name = "region_path")
	private String regionPath;

	long id() {
		return this.id;
	}

	long gridId() {
		return this.gridId;
	}

	@KeywordField(name = SCOPE)
	@IndexingDependency(derivedFrom = @ObjectPath(@PropertyValue(propertyName = "regionPath")))
	public List<String> getScope() {
		return ancestors(this.regionPath);
	}

	/** {@code a/b/c} → {@code a}, {@code a/b}, {@code a/b/c}. */
	static List<String> ancestors(String path) {
		List<String> paths = new ArrayList<>();
		if (path == null || path.isEmpty()) {
			return paths;
		}
		int slash = path.indexOf('/');
		while (slash > 0) {
			paths.add(path.substring(0, slash));
			slash = path.indexOf('/', slash + 1);
		}
		paths.add(path);
		return paths;
	}

	/** The hit's headline (a name, an address, a title). */
	abstract String title(Labels labels);

	/** What tells hits with the same title apart. */
	abstract String subtitle(Labels labels);

	/** Code-table names for subtitles. */
	interface Labels {

		String name(String type, String code);

	}

	/** Joins the non-blank parts with a middle dot. */
	static String joined(String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				text.append(text.isEmpty() ? "" : " · ").append(part.strip());
			}
		}
		return text.toString();
	}

}
