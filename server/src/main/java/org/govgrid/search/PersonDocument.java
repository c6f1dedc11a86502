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
 * 实有人口 as the index sees them: name, current address and key-group names. Only the masked
 * ID number is read (for the hit); the sealed identifiers and their hashes are not
 * mapped, and exact lookups go through {@code People.lookup}.
 */
@Entity
@Immutable
@Table(name = "bd_person")
@Indexed(index = "person")
class PersonDocument extends ScopedDocument {

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String name;

	@Column(name = "current_address")
	@FullTextField(name = "address", analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String currentAddress;

	@Column(name = "id_masked")
	private String idMasked;

	/** The names of the person's key groups (刑满释放人员 严重精神障碍患者 …). */
	@Formula("(select string_agg(d.name, ' ' order by d.sort) from bd_person_tag t"
			+ " join bd_dict d on d.type = 'KEY_GROUP' and d.code = t.tag where t.person_id = id)")
	@FullTextField(name = "tags", analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "tags_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String tagNames;

	protected PersonDocument() {
	}

	@Override
	String title() {
		return this.name;
	}

	@Override
	String subtitle() {
		return joined(this.idMasked, this.currentAddress);
	}

}
