package org.govgrid.hotline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventCatalog;
import org.govgrid.event.EventIntake;
import org.govgrid.event.EventLookup;
import org.govgrid.hotline.model.AppealType;
import org.govgrid.hotline.model.HotlineOrder;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.Masking;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes 12345 work orders in: every field checked first (400 naming each, nothing
 * written), then the event of source {@code HOTLINE_12345} reported through
 * {@link EventIntake} (routed by the rules when the order has a point and a category,
 * else waiting in the town centre's queue), then the order stored with its working-day
 * deadline and linked to the event. A repeated order number returns the order already
 * taken in.
 */
@Service
class OrderIntake {

	/** A category for orders that name none; the centre re-files them. */
	static final String UNFILED_CATEGORY = "QT-01";

	static final int DEFAULT_TIME_LIMIT = 5;

	private static final Pattern ORDER_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,49}");

	/** Older orders are not taken in (nor deadlines computed over calendars not kept). */
	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private static final Pattern PHONE = Pattern.compile("[0-9+\\-() ]{5,20}");

	private final EventIntake intake;

	private final EventLookup lookup;

	private final EventCatalog catalog;

	private final RegionService regions;

	private final WorkingCalendar calendar;

	private final Orders orders;

	private final IdentifierProtection protection;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	OrderIntake(EventIntake intake, EventLookup lookup, EventCatalog catalog, RegionService regions,
			WorkingCalendar calendar, Orders orders, IdentifierProtection protection, JdbcClient jdbc, AuditTrail audit,
			Clock clock, PlatformTransactionManager transactions) {
		this.intake = intake;
		this.lookup = lookup;
		this.catalog = catalog;
		this.regions = regions;
		this.calendar = calendar;
		this.orders = orders;
		this.protection = protection;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** The order, and whether this call took it in (false: the number was known). */
	record Outcome(OrderView order, boolean created) {
	}

	Outcome take(OrderCommand command, ScopedPrincipal caller) {
		if (command.orderNumber() != null) {
			Optional<Long> known = this.orders.idOf(command.orderNumber().strip());
			if (known.isPresent()) {
				return new Outcome(this.orders.view(known.get(), caller), false);
			}
		}
		Valid valid = validate(command, caller);
		// the event takes its code in its own short transaction: outside ours
		long eventId = this.intake.reportFromSource("HOTLINE_12345",
				new EventIntake.Report(valid.categoryCode(), eventTitle(valid), command.content().strip(), valid.lon(),
						valid.lat(), command.address().strip(), List.of()),
				"hotline-" + valid.orderNumber(), valid.centreDecides(), caller);
		Long id = this.transaction.execute(status -> store(command, valid, eventId, caller));
		if (id == null) {
			// the same number arrived twice at once; the other request stored it
			return new Outcome(this.orders.view(this.orders.idOf(valid.orderNumber()).orElseThrow(), caller), false);
		}
		return new Outcome(this.orders.view(id, caller), true);
	}

	private Long store(OrderCommand command, Valid valid, long eventId, ScopedPrincipal caller) {
		EventLookup.Match event = this.lookup.find(eventId).orElseThrow();
		LocalDate received = LocalDate.ofInstant(valid.receivedAt(), WorkingCalendar.ZONE);
		HotlineOrder order = HotlineOrder.open(this.calendar.workingDays().after(received, valid.timeLimitDays()));
		String phone = blank(command.callerPhone()) ? null : command.callerPhone().strip();
		IdentifierProtection.Sealed sealed = phone == null ? null : this.protection.seal(phone);
		List<Long> ids = this.jdbc
			.sql("""
					insert into hotline_order (order_number, appeal_type, title, content, caller_name, caller_phone,
					    caller_phone_cipher, caller_phone_key, address, lon, lat, category_code, received_at, time_limit_days,
					    deadline_date, deadline_at, status, event_id, grid_id, town_id, region_path, created_by)
					values (:number, :appeal, :title, :content, :name, :phone, :cipher, :key, :address, :lon, :lat, :category,
					    :received, :limit, :deadline, :deadlineAt, :status, :event, :grid, :town, :path, :by)
					on conflict (order_number) do nothing
					returning id""")
			.param("number", valid.orderNumber())
			.param("appeal", valid.appealType().name())
			.param("title", command.title().strip())
			.param("content", command.content().strip())
			.param("name", blank(command.callerName()) ? null : command.callerName().strip())
			.param("phone", Masking.phone(phone))
			.param("cipher", sealed == null ? null : sealed.cipherText())
			.param("key", sealed == null ? null : sealed.keyId())
			.param("address", command.address().strip())
			.param("lon", command.lon())
			.param("lat", command.lat())
			.param("category", blank(command.categoryCode()) ? null : command.categoryCode().strip())
			.param("received", Timestamp.from(valid.receivedAt()))
			.param("limit", valid.timeLimitDays())
			.param("deadline", order.deadline())
			.param("deadlineAt", Timestamp.from(endOf(order.deadline())))
			.param("status", order.status().name())
			.param("event", eventId)
			.param("grid", event.gridId())
			.param("town", event.townId())
			.param("path", event.regionPath())
			.param("by", caller.userId())
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return null;
		}
		this.audit.record(AuditRecord.success("HOTLINE_ORDER_CREATE", "hotline-order", ids.get(0),
				valid.orderNumber() + " event=" + event.code()));
		return ids.get(0);
	}

	/** The end of a deadline day, Asia/Shanghai. */
	static Instant endOf(LocalDate deadline) {
		return deadline.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
	}

	private static String eventTitle(Valid valid) {
		String title = "【12345" + valid.appealType().label() + "】" + valid.title();
		return title.length() <= 200 ? title : title.substring(0, 200);
	}

	private Valid validate(OrderCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		String number = blank(c.orderNumber()) ? null : c.orderNumber().strip();
		if (number == null) {
			errors.add("orderNumber", "required / 工单编号必填");
		}
		else if (!ORDER_NUMBER.matcher(number).matches()) {
			errors.add("orderNumber", "≤ 50 letters, digits, - / 限50位字母数字");
		}
		AppealType appeal = blank(c.appealType()) ? null : Orders.parse(AppealType.class, c.appealType());
		if (appeal == null) {
			errors.add("appealType", "required / 请选择诉求类型");
		}
		text(c.title(), "title", 180, errors);
		text(c.content(), "content", 2000, errors);
		text(c.address(), "address", 300, errors);
		if (!blank(c.callerName()) && c.callerName().strip().length() > 50) {
			errors.add("callerName", "at most 50 characters / 最多50个字符");
		}
		if (!blank(c.callerPhone()) && !PHONE.matcher(c.callerPhone().strip()).matches()) {
			errors.add("callerPhone", "5–20 digits / 来电号码格式不正确");
		}
		String category = blank(c.categoryCode()) ? null : c.categoryCode().strip();
		if (category != null) {
			EventCatalog.CategoryName known = this.catalog.categories().get(category);
			if (known == null || known.parentCode() == null) {
				errors.add("categoryCode", "no such sub-category / 事件小类不存在");
			}
		}
		Instant now = this.clock.instant();
		Instant received = c.receivedAt() == null ? now : c.receivedAt();
		if (received.isAfter(now.plus(Duration.ofMinutes(5))) || received.isBefore(EARLIEST)) {
			errors.add("receivedAt", "not in the future, not before 2000 / 受理时间不能晚于现在");
		}
		int limit = c.timeLimitDays() == null ? DEFAULT_TIME_LIMIT : c.timeLimitDays();
		if (limit < 1 || limit > 60) {
			errors.add("timeLimitDays", "1–60 working days / 办理时限须为1–60个工作日");
		}
		double[] point = point(c, caller, errors);
		errors.throwIfAny();
		boolean centreDecides = category == null || c.lon() == null;
		return new Valid(number, appeal, c.title().strip(), category == null ? UNFILED_CATEGORY : category, point[0],
				point[1], received, limit, centreDecides);
	}

	/**
	 * The order's point, or the centre of its town when it has none; errors name
	 * {@code lon}/{@code lat} or {@code townId}.
	 */
	private double[] point(OrderCommand c, ScopedPrincipal caller, FieldErrors errors) {
		double[] none = { 0, 0 };
		if (c.lon() != null || c.lat() != null) {
			boolean lonOk = c.lon() != null && c.lon() >= -180 && c.lon() <= 180;
			boolean latOk = c.lat() != null && c.lat() >= -90 && c.lat() <= 90;
			if (!lonOk) {
				errors.add("lon", "a longitude with the latitude / 请同时提供有效经度");
			}
			if (!latOk) {
				errors.add("lat", "a latitude with the longitude / 请同时提供有效纬度");
			}
			if (!lonOk || !latOk) {
				return none;
			}
			Optional<RegionSummary> grid = this.regions.gridAt(c.lon(), c.lat());
			if (grid.isEmpty() || !caller.scope().covers(grid.get().path())) {
				errors.add("lon", "the point is in no grid of your area / 该位置不在您辖区的网格内");
				return none;
			}
			return new double[] { c.lon(), c.lat() };
		}
		long townId = c.townId() != null ? c.townId() : caller.scope().regionId();
		Optional<RegionSummary> town = this.regions.find(townId)
			.filter(r -> r.level() == RegionLevel.TOWN && caller.scope().covers(r.path()));
		Optional<double[]> centre = town.flatMap(t -> this.regions.centre(t.id()));
		Optional<RegionSummary> grid = centre.flatMap(p -> this.regions.gridAt(p[0], p[1]))
			.filter(g -> town.isPresent() && g.path().startsWith(town.get().path() + "/"));
		if (grid.isEmpty()) {
			errors.add("townId", c.townId() == null ? "without a point, name the town / 无坐标时请选择所属镇街"
					: "no such town in your area / 镇街不存在或不在辖区内");
			return none;
		}
		return centre.get();
	}

	private static void text(String value, String field, int max, FieldErrors errors) {
		if (blank(value)) {
			errors.add(field, "required / 必填");
		}
		else if (value.strip().length() > max) {
			errors.add(field, "at most " + max + " characters / 最多" + max + "个字符");
		}
	}

	static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private record Valid(String orderNumber, AppealType appealType, String title, String categoryCode, double lon,
			double lat, Instant receivedAt, int timeLimitDays, boolean centreDecides) {
	}

}
