package org.govgrid.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.Categories.Category;
import org.govgrid.event.model.EventCase;
import org.govgrid.event.model.EventLevel;
import org.govgrid.event.model.EventSource;
import org.govgrid.event.model.RoutingRule;
import org.govgrid.event.model.Unit;
import org.govgrid.files.FileAttachments;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes reports in (事件统一上报): validates every field, places the event in its grid, lets
 * the routing rules decide where it goes (自动流转) and stores it with its first flow steps.
 * A retried report with the same idempotency key gets the event it already created.
 */
@Service
class EventReporting {

	private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,20}");

	private final EventRepository events;

	private final Categories categories;

	private final RoutingRules rules;

	private final EventCodes codes;

	private final RegionService regions;

	private final FileAttachments files;

	private final EventNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	EventReporting(EventRepository events, Categories categories, RoutingRules rules, EventCodes codes,
			RegionService regions, FileAttachments files, EventNotices notices, AuditTrail audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.events = events;
		this.categories = categories;
		this.rules = rules;
		this.codes = codes;
		this.regions = regions;
		this.files = files;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** The event's id, and whether this call created it (false for a retried key). */
	Outcome report(ReportCommand command, String idempotencyKey, ScopedPrincipal caller) {
		return report(command, idempotencyKey, caller, false);
	}

	/**
	 * As {@link #report(ReportCommand, String, ScopedPrincipal)}; {@code fromAlert}:
	 * raised by the centre from an early-warning alert, so the source may be
	 * {@code WARNING} and the event waits in the town centre's queue (the rule's unit
	 * only suggested).
	 */
	Outcome report(ReportCommand command, String idempotencyKey, ScopedPrincipal caller, boolean fromAlert) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
			throw new org.govgrid.platform.InvalidInputException("Idempotency-Key", "1–100 characters / 幂等键长度须为1–100");
		}
		// the replay check and every lookup of the validation share one read-only
		// transaction
		Checked checked = this.readOnly.execute(status -> {
			Optional<Long> earlier = idempotencyKey == null ? Optional.empty()
					: this.events.findByIdempotencyKey(caller.userId(), idempotencyKey);
			return earlier.map(id -> new Checked(id, null))
				.orElseGet(() -> new Checked(null, validate(command, caller, fromAlert)));
		});
		if (checked.earlier() != null) {
			return new Outcome(checked.earlier(), false);
		}
		Instant now = this.clock.instant();
		String code = this.codes.next(now);
		return this.transaction
			.execute(status -> store(checked.report(), code, now, idempotencyKey, caller, fromAlert));
	}

	/**
	 * The bad fields a report would be refused for, storing nothing (so a caller with
	 * fields of its own can name every bad one in one answer).
	 */
	java.util.List<org.govgrid.platform.InvalidInputException.FieldProblem> check(ReportCommand command,
			ScopedPrincipal caller) {
		try {
			this.readOnly.execute(status -> validate(command, caller, false));
			return List.of();
		}
		catch (org.govgrid.platform.InvalidInputException ex) {
			return ex.errors();
		}
	}

	private Outcome store(Valid report, String code, Instant now, String idempotencyKey, ScopedPrincipal caller,
			boolean fromAlert) {
		Optional<RoutingRule> rule = this.rules.choose(new RoutingRule.EventFacts(report.category().code(),
				report.category().parentCode(), report.place().regionPath(), report.level()));
		int acceptanceMinutes = rule.map(r -> (int) r.acceptanceLimit().toMinutes())
			.orElse(report.category().acceptanceMinutes());
		int disposalMinutes = rule.map(r -> (int) r.disposalLimit().toMinutes())
			.orElse(report.category().disposalMinutes());
		Unit centre = report.place().townCentre();
		Unit target = rule.map(r -> Units.resolve(r.target(), report.place())).orElse(centre);
		boolean automatic = !fromAlert && rule.isPresent() && rule.get().autoDispatch()
				&& target.kind() != Unit.Kind.TOWN_CENTRE;
		// a community may take its own queue; a grid or a department waits at the centre
		// as the suggested unit unless the rule dispatches by itself
		Unit queue = target.kind() == Unit.Kind.COMMUNITY && !automatic && !fromAlert ? target : centre;
		Unit suggested = automatic || target.equals(queue) ? null : target;
		EventCase event = EventCase.report(code, report.category().code(), report.level(), report.source(),
				EventAccess.actor(caller), report.place().grid(), queue,
				now.plus(Duration.ofMinutes(acceptanceMinutes)), now, report.fileIds());
		if (automatic) {
			event.autoDispatch(target, now.plus(Duration.ofMinutes(disposalMinutes)), now,
					"自动派遣（流转规则 #" + rule.get().id() + "） / dispatched by routing rule #" + rule.get().id());
		}
		Optional<Long> inserted = this.events.insert(event, report.details(), report.place(), suggested,
				rule.map(RoutingRule::id).orElse(null), acceptanceMinutes, disposalMinutes, event.deadlineFlag(now),
				idempotencyKey);
		if (inserted.isEmpty()) {
			// the same key arrived twice at once; the other request stored it
			return new Outcome(this.events.findByIdempotencyKey(caller.userId(), idempotencyKey).orElseThrow(), false);
		}
		long id = inserted.get();
		this.events.appendFlow(id, event.flow());
		this.files.attach(report.fileIds(), "event", id);
		this.audit.record(AuditRecord.success("EVENT_REPORT", "event", id,
				code + " " + report.category().code() + " grid=" + report.place().gridId()));
		if (automatic) {
			this.audit.record(AuditRecord
				.success("EVENT_DISPATCH", "event", id,
						code + " REPORTED→DISPATCHED to " + target + " by rule #" + rule.get().id())
				.by(null, "system"));
		}
		this.notices.arrived(id, code, report.details().title(), event.currentUnit(), event.assigneeId());
		return new Outcome(id, true);
	}

	private Valid validate(ReportCommand command, ScopedPrincipal caller, boolean fromAlert) {
		FieldErrors errors = new FieldErrors();
		Category category = null;
		if (blank(command.categoryCode())) {
			errors.add("categoryCode", "required / 请选择事件分类");
		}
		else {
			category = this.categories.leaf(command.categoryCode()).orElse(null);
			if (category == null) {
				errors.add("categoryCode", "no such sub-category / 事件小类不存在");
			}
		}
		text(command.description(), "description", 2000, true, errors);
		text(command.title(), "title", 200, false, errors);
		text(command.address(), "address", 300, true, errors);
		text(command.reporterName(), "reporterName", 50, false, errors);
		if (!blank(command.reporterPhone()) && !PHONE.matcher(command.reporterPhone()).matches()) {
			errors.add("reporterPhone", "5–20 digits / 联系电话格式不正确");
		}
		EventSource source = null;
		if (blank(command.source())) {
			errors.add("source", "required / 请选择事件来源");
		}
		else {
			source = RoutingRuleController.parse(EventSource.class, command.source(), "source", errors);
			if (source == EventSource.WARNING && !fromAlert) {
				errors.add("source", "only an early-warning alert raises WARNING events / 研判预警来源仅用于预警转事件");
			}
		}
		EventLevel level = RoutingRuleController.parse(EventLevel.class, command.level(), "level", errors);
		StoredEvent.Place place = place(command, caller, errors);
		List<Long> fileIds = command.fileIds() == null ? List.of() : command.fileIds();
		errors.addAll(this.files.check(fileIds, "event", caller, "fileIds"));
		errors.throwIfAny();
		String title = blank(command.title()) ? summary(command.description()) : command.title().strip();
		String reporterName = blank(command.reporterName()) ? caller.displayName() : command.reporterName().strip();
		return new Valid(category, level == null ? category.defaultLevel() : level, source,
				new StoredEvent.Details(title, command.description().strip(), reporterName,
						blank(command.reporterPhone()) ? null : command.reporterPhone().strip()),
				place, fileIds);
	}

	private StoredEvent.Place place(ReportCommand command, ScopedPrincipal caller, FieldErrors errors) {
		boolean lonOk = command.lon() != null && command.lon() >= -180 && command.lon() <= 180;
		boolean latOk = command.lat() != null && command.lat() >= -90 && command.lat() <= 90;
		if (!lonOk) {
			errors.add("lon", "a longitude is required / 请提供经度");
		}
		if (!latOk) {
			errors.add("lat", "a latitude is required / 请提供纬度");
		}
		RegionSummary grid = null;
		if (command.gridId() != null) {
			grid = this.regions.find(command.gridId())
				.filter(r -> r.level() == RegionLevel.GRID && caller.scope().covers(r.path()))
				.orElse(null);
			if (grid == null) {
				errors.add("gridId", "no such grid in your area / 网格不存在或不在辖区内");
				return null;
			}
		}
		else if (lonOk && latOk) {
			grid = this.regions.gridAt(command.lon(), command.lat()).orElse(null);
			if (grid == null) {
				errors.add("lon", "the point is in no grid / 该位置不在任何网格内");
				return null;
			}
			if (!caller.scope().covers(grid.path())) {
				errors.add("lon", "the point is outside your area / 该位置不在您的辖区内");
				return null;
			}
		}
		if (grid == null || !lonOk || !latOk) {
			return null;
		}
		List<RegionSummary> lineage = this.regions.lineage(grid.path());
		Long community = lineage.stream()
			.filter(r -> r.level() == RegionLevel.COMMUNITY)
			.map(RegionSummary::id)
			.findFirst()
			.orElse(null);
		Long town = lineage.stream()
			.filter(r -> r.level() == RegionLevel.TOWN)
			.map(RegionSummary::id)
			.findFirst()
			.orElse(null);
		if (community == null || town == null) {
			errors.add("gridId", "the grid is not under a town and community / 网格缺少所属镇街或社区");
			return null;
		}
		return new StoredEvent.Place(command.lon(), command.lat(), blank(command.address()) ? "" : command.address(),
				grid.id(), community, town, grid.path());
	}

	private static void text(String value, String field, int max, boolean required, FieldErrors errors) {
		if (blank(value)) {
			if (required) {
				errors.add(field, "required / 必填");
			}
		}
		else if (value.strip().length() > max) {
			errors.add(field, "at most " + max + " characters / 最多" + max + "个字符");
		}
	}

	private static String summary(String description) {
		String flat = description.strip().replaceAll("\\s+", " ");
		return flat.length() <= 40 ? flat : flat.substring(0, 40) + "…";
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	record ReportCommand(String categoryCode, String title, String description, String level, String source,
			String reporterName, String reporterPhone, Double lon, Double lat, String address, Long gridId,
			List<Long> fileIds) {
	}

	record Outcome(long id, boolean created) {
	}

	private record Checked(Long earlier, Valid report) {
	}

	private record Valid(Category category, EventLevel level, EventSource source, StoredEvent.Details details,
			StoredEvent.Place place, List<Long> fileIds) {
	}

}
