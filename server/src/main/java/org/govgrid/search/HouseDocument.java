package org.govgrid.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/** 实有房屋: found by its address and its owner's name. */
@Entity
@Immutable
@Table(name = "bd_house")
@Indexed(index = "house")
class HouseDocument extends ScopedDocument {

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String address;

	private String building;

	private String unit;

	private String room;

	@Formula("(select d.name from bd_dict d where d.type = 'HOUSE_USE' and d.code = house_use)")
	private String useName;

	@Column(name = "owner_name")
	@FullTextField(name = "owner", analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String ownerName;

	private Boolean rented;

	protected HouseDocument() {
	}

	@Override
	String title() {
		return this.address;
	}

	@Override
	String subtitle() {
		String position = String.join(" ",
				java.util.stream.Stream.of(this.building, this.unit, this.room)
					.filter(part -> part != null && !part.isBlank())
					.toList());
		return joined(position, this.useName, Boolean.TRUE.equals(this.rented) ? "出租房" : null, this.ownerName);
	}

}
