package org.govgrid.search;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** 场所 (shops, schools, hazard sites): found by name and address. */
@Entity
@Immutable
@Table(name = "bd_place")
@Indexed(index = "place")
class PlaceDocument extends ScopedDocument {

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "name_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String name;

	@Formula("(select d.name from bd_dict d where d.type = 'PLACE_TYPE' and d.code = place_type)")
	private String typeName;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String address;

	protected PlaceDocument() {
	}

	@Override
	String title() {
		return this.name;
	}

	@Override
	String subtitle() {
		return joined(this.typeName, this.address);
	}

}
