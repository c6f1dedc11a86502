package org.govgrid.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** 场所 (shops, schools, hazard sites): found by name and address. */
@Entity
@Immutable
@Table(name = "bd_place")
@Indexed(index = "place")
class PlaceDocument extends ScopedDocument {

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "name_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED)
	private String name;

	@Column(name = "place_type")
	private String placeType;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED)
	private String address;

	protected PlaceDocument() {
	}

	@Override
	String title(Labels labels) {
		return this.name;
	}

	@Override
	String subtitle(Labels labels) {
		return joined(labels.name("PLACE_TYPE", this.placeType), this.address);
	}

}
