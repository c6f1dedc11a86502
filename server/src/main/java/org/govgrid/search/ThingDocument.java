package org.govgrid.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** 部件 (manhole covers, hydrants, lamps, cameras, sensors): by code, name and address. */
@Entity
@Immutable
@Table(name = "bd_thing")
@Indexed(index = "thing")
class ThingDocument extends ScopedDocument {

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	private String code;

	@Column(name = "thing_type")
	private String thingType;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "name_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED)
	private String name;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED)
	private String address;

	private String status;

	protected ThingDocument() {
	}

	@Override
	String title(Labels labels) {
		return this.name;
	}

	@Override
	String subtitle(Labels labels) {
		return joined(this.code, labels.name("THING_TYPE", this.thingType), labels.name("THING_STATUS", this.status),
				this.address);
	}

}
