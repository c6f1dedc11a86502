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

/**
 * 组织: found by name, address, legal representative and unified social credit code.
 */
@Entity
@Immutable
@Table(name = "bd_organization")
@Indexed(index = "organization")
class OrganizationDocument extends ScopedDocument {

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "name_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String name;

	@Formula("(select d.name from bd_dict d where d.type = 'ORG_KIND' and d.code = org_kind)")
	private String kindName;

	@Column(name = "credit_code")
	@FullTextField(name = "code", analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String creditCode;

	@Column(name = "legal_representative")
	@FullTextField(name = "legalRepresentative", analyzer = LuceneAnalysis.FRAGMENT,
			highlightable = Highlightable.UNIFIED, termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String legalRepresentative;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String address;

	protected OrganizationDocument() {
	}

	@Override
	String title() {
		return this.name;
	}

	@Override
	String subtitle() {
		return joined(this.kindName, this.creditCode, this.address);
	}

}
