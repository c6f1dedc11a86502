package org.govgrid.search;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;

/**
 * A row placed in a grid, as the index sees it: read-only (the owning module writes the
 * table with JDBC), indexed with every ancestor of its region path so that one term
 * filter on the caller's scope path keeps exactly the rows at or under that scope. The
 * hit's title, subtitle and grid are stored in the document, so answering a search reads
 * the index only, never the table.
 */
@MappedSuperclass
abstract class ScopedDocument {

	static final String SCOPE = "scope";

	static final String GRID = "gridId";

	static final String TITLE = "hitTitle";

	static final String SUBTITLE = "hitSubtitle";

	@Id
	private Long id;

	@Column(name = "grid_id")
	@GenericField(name = GRID, projectable = Projectable.YES, searchable = Searchable.NO)
	private Long gridId;

	@Column(name = "region_path")
	private String regionPath;

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

	@GenericField(name = TITLE, projectable = Projectable.YES, searchable = Searchable.NO)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getHitTitle() {
		return title();
	}

	@GenericField(name = SUBTITLE, projectable = Projectable.YES, searchable = Searchable.NO)
	@IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
	public String getHitSubtitle() {
		return subtitle();
	}

	/** The hit's headline (a name, an address, a title). */
	abstract String title();

	/** What tells hits with the same title apart. */
	abstract String subtitle();

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
