package org.govgrid.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventSupervised;
import org.govgrid.event.EventSupervision;
import org.govgrid.files.FileAttachments;
import org.govgrid.files.FileOwnerPolicy;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.supervision.SupervisionViews.CreateCommand;
import org.govgrid.supervision.SupervisionViews.RespondCommand;
import org.govgrid.supervision.model.SupervisionItem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to supervision items: one opened per 督办 step (however it was taken), the
 * unit's responses, reminders to the unit and closing. Every command checks that the
 * caller sees the item (404), the input (400, every field) and lets the model decide
 * whether the move is legal (409). Response files are as visible as their item.
 */
@Service
class SupervisionItems implements FileOwnerPolicy {

	static final String FILE_OWNER = "supervision";

	private static final int LONGEST_TEXT = 2000;

	private final SupervisionStore store;

	private final EventSupervision events;

	private final SupervisionNotices notices;

	private final FileAttachments files;

	private final AuditTrail audit;

	private final Clock clock;

	SupervisionItems(SupervisionStore store, EventSupervision events, SupervisionNotices notices, FileAttachments files,
			AuditTrail audit, Clock clock) {
		this.store = store;
		this.events = events;
		this.notices = notices;
		this.files = files;
		this.audit = audit;
		this.clock = clock;
	}

	/** Opens the item of a supervise step unless it exists; its own transaction. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public long open(EventSupervised step) {
		this.store.insert(step);
		return this.store.idOfFlow(step.flowId()).orElseThrow();
	}

	/**
	 * Supervises the event through the event module (its checks, its flow step, its
	 * notice) and returns the item. Not one transaction: the event's commits first, then
	 * the item is opened exactly as after a supervise on the event itself.
	 */
	long create(CreateCommand command, ScopedPrincipal caller) {
		if (command.eventId() == null) {
			FieldErrors errors = new FieldErrors().add("eventId", "required / 请选择督办的事件");
			if (command.comment() == null || command.comment().isBlank()) {
				errors.add("comment", "required / 请填写说明");
			}
			if (command.level() != null && EventSupervised.Level.of(command.level()).isEmpty()) {
				errors.add("level", "GENERAL, KEY or LISTED / 督办级别须为一般、重点或挂牌");
			}
			errors.throwIfAny();
		}
		EventSupervised step;
		try {
			step = this.events.supervise(command.eventId(), command.level(), command.deadline(), command.comment(),
					caller);
		}
		catch (NotFoundException ex) {
			throw new InvalidInputException("eventId", "no such event / 事件不存在");
		}
		return open(step);
	}

	@Transactional
	void respond(long id, RespondCommand command, ScopedPrincipal caller) {
		StoredItem stored = find(id, caller);
		FieldErrors errors = new FieldErrors();
		String content = text(command.content(), "content", true, errors);
		List<Long> fileIds = command.fileIds() == null ? List.of() : command.fileIds();
		errors.addAll(this.files.check(fileIds, FILE_OWNER, caller, "fileIds"));
		errors.throwIfAny();
		Instant now = this.clock.instant();
		SupervisionItem item = stored.lifecycle();
		item.respond(now);
		this.store.update(stored, item, null, null);
		this.store.addResponse(id, caller, content, fileIds, now);
		this.files.attach(fileIds, FILE_OWNER, id);
		this.audit.record(AuditRecord.success("SUPERVISION_RESPOND", "supervision", id, stored.eventCode()));
		this.notices.answered(stored, content);
	}

	@Transactional
	void remind(long id, String comment, ScopedPrincipal caller) {
		StoredItem stored = find(id, caller);
		FieldErrors errors = new FieldErrors();
		String text = text(comment, "comment", false, errors);
		errors.throwIfAny();
		SupervisionItem item = stored.lifecycle();
		item.remind();
		this.store.update(stored, item, null, null);
		this.store.addReminder(id, caller, text, this.clock.instant());
		this.audit.record(AuditRecord.success("SUPERVISION_REMIND", "supervision", id, stored.eventCode()));
		this.notices.reminded(stored, text);
	}

	@Transactional
	void close(long id, String comment, ScopedPrincipal caller) {
		StoredItem stored = find(id, caller);
		FieldErrors errors = new FieldErrors();
		String text = text(comment, "comment", false, errors);
		errors.throwIfAny();
		SupervisionItem item = stored.lifecycle();
		item.close(this.clock.instant());
		this.store.update(stored, item, caller.userId(), text);
		this.audit.record(AuditRecord.success("SUPERVISION_CLOSE", "supervision", id, stored.eventCode()));
	}

	@Override
	public String ownerType() {
		return FILE_OWNER;
	}

	@Override
	public boolean canRead(long ownerId, ScopedPrincipal caller) {
		return this.store.visible(ownerId, caller).isPresent();
	}

	private StoredItem find(long id, ScopedPrincipal caller) {
		return this.store.visible(id, caller).orElseThrow(() -> new NotFoundException("supervision item", id));
	}

	private static String text(String value, String field, boolean required, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(field, "required / 必填");
			}
			return null;
		}
		if (value.strip().length() > LONGEST_TEXT) {
			errors.add(field, "at most 2000 characters / 最多2000个字符");
		}
		return value.strip();
	}

}
