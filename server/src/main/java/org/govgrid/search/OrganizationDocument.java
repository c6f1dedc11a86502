package org.govgrid.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Highlightable;
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

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "name_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED)
	private String name;

	@Column(name = "org_kind")
	private String orgKind;

	@Column(name = "credit_code")
	@FullTextField(name = "code", analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	private String creditCode;

	@Column(name = "legal_representative")
	@FullTextField(name = "legalRepresentative", analyzer = LuceneAnalysis.FRAGMENT,
			highlightable = Highlightable.UNIFIED)
	private String legalRepresentative;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED)
	private String address;

	protected OrganizationDocument() {
	}

	@Override
	String title(Labels labels) {
		return this.name;
	}

	@Override
	String subtitle(Labels labels) {
		return joined(labels.name("ORG_KIND", this.orgKind), this.creditCode, this.address);
	}

}
