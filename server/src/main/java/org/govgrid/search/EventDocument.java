package org.govgrid.search;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.govgrid.event.model.EventStatus;
import org.hibernate.annotations.Immutable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.TermVector;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;

/**
 * 事件: by code, title, description and address. Reporter and assignee are indexed so that
 * a caller without {@code event:case:read-all} finds the events they reported or hold.
 */
@Entity
@Immutable
@Table(name = "event")
@Indexed(index = "event")
class EventDocument extends ScopedDocument {

	static final String REPORTER = "reporterId";

	static final String ASSIGNEE = "assigneeId";

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String code;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "title_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String title;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "description_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String description;

	@FullTextField(analyzer = LuceneAnalysis.FRAGMENT, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	@FullTextField(name = "address_cn", analyzer = LuceneAnalysis.CN, highlightable = Highlightable.UNIFIED,
			termVector = TermVector.WITH_POSITIONS_OFFSETS)
	private String address;

	private String status;

	@Column(name = "reporter_id")
	@GenericField(name = REPORTER)
	private Long reporterId;

	@Column(name = "assignee_id")
	@GenericField(name = ASSIGNEE)
	private Long assigneeId;

	protected EventDocument() {
	}

	@Override
	String title() {
		return this.title;
	}

	@Override
	String subtitle() {
		return joined(this.code, EventStatus.valueOf(this.status).label(), this.address);
	}

}
