package org.govgrid.search;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** 部件 (manhole covers, hydrants, lamps, cameras, sensors): by code, name and address. */
@Entity
@Immutable
@Table(name = "bd_thing")
@Indexed(index = "thing")
class ThingDocument extends ScopedDocument {

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String code;

	@Formula("(select d.name from bd_dict d where d.type = 'THING_TYPE' and d.code = thing_type)")
	private String typeName;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "name_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String name;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String address;

	@Formula("(select d.name from bd_dict d where d.type = 'THING_STATUS' and d.code = status)")
	private String statusName;

	protected ThingDocument() {
	}

	@Override
	String title() {
		return this.name;
	}

	@Override
	String subtitle() {
		return joined(this.code, this.typeName, this.statusName, this.address);
	}

}
