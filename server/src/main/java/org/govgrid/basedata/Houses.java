package org.govgrid.basedata;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 实有房屋 and their tenants (出租房), read and written within the caller's scope. The
 * normalised address is the natural key; adding a tenant marks the house rented.
 */
@Service
public class Houses {

	private static final String SELECT = """
			select h.*, g.name as grid_name from bd_house h join region g on g.id = h.grid_id""";

	private static final BigDecimal MAX_AREA = new BigDecimal("99999999.99");

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopedRows<HouseView> rows;

	private final Placement placement;

	private final Dicts dicts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Houses(NamedParameterJdbcTemplate jdbc, Placement placement, Dicts dicts, AuditTrail audit, Clock clock,
			ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.rows = new ScopedRows<>(jdbc, SELECT, "bd_house", "h", this::row);
		this.placement = placement;
		this.dicts = dicts;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	public record Filter(String q, Long gridId, String use, Boolean rented) {
	}

	/** The result of an import row: the house and whether the row created it. */
	public record Saved(long id, boolean created) {
	}

	/** A tenancy to record: the tenant is a registered person. */
	public record TenantCommand(Long personId, LocalDate since, LocalDate until) {
	}

	@Transactional
	public HouseView create(HouseCommand command, ScopedPrincipal caller) {
		RegionSummary grid = validate(command, caller);
		if (findIdByAddress(command.address()).isPresent()) {
			throw new ConflictException("a house with this address is already registered / 该地址的房屋已登记");
		}
		MapSqlParameterSource params = params(command, grid, Boolean.TRUE.equals(command.rented()));
		long id = this.jdbc.queryForObject("""
				insert into bd_house (address, address_key, building, unit, room, house_use, area, owner_name, rented,
				    grid_id, region_path, lon, lat, status, valid_from, valid_to, created_at, updated_at)
				values (:address, :key, :building, :unit, :room, :use, :area, :owner, :rented, :grid, :path, :lon, :lat,
				    :status, :validFrom, :validTo, :now, :now)
				returning id""", params, Long.class);
		changed("HOUSE_CREATE", id, grid);
		return view(id, caller);
	}

	@Transactional
	public HouseView update(long id, HouseCommand command, ScopedPrincipal caller) {
		HouseView current = view(id, caller);
		RegionSummary grid = validate(command, caller);
		findIdByAddress(command.address()).filter(other -> other != id).ifPresent(other -> {
			throw new ConflictException("another house has this address / 该地址已被其他房屋使用");
		});
		boolean rented = command.rented() == null ? current.rented() : command.rented();
		MapSqlParameterSource params = params(command, grid, rented).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version());
		int updated = this.jdbc.update(
				"""
						update bd_house set address = :address, address_key = :key, building = :building, unit = :unit,
						    room = :room, house_use = :use, area = :area, owner_name = :owner, rented = :rented, grid_id = :grid,
						    region_path = :path, lon = :lon, lat = :lat, status = :status, valid_from = :validFrom,
						    valid_to = :validTo, updated_at = :now, version = version + 1
						where id = :id and version = :version""",
				params);
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		changed("HOUSE_UPDATE", id, grid);
		return view(id, caller);
	}

	/**
	 * An import row: updates the house at the same normalised address (if in the caller's
	 * scope) or registers a new one. Throws as {@link #create} does; nothing is written
	 * then.
	 */
	@Transactional
	public Saved upsert(HouseCommand command, ScopedPrincipal caller) {
		Optional<Long> existing = findIdByAddress(command.address());
		if (existing.isPresent()) {
			HouseView current = find(existing.get(), caller)
				.orElseThrow(() -> new ConflictException("this address is registered outside your area / 该地址已在其他辖区登记"));
			update(current.id(),
					new HouseCommand(command.address(), command.building(), command.unit(), command.room(),
							command.use(), command.area(), command.ownerName(), command.rented(), command.gridId(),
							command.lon(), command.lat(), command.status(), command.validFrom(), command.validTo(),
							current.version()),
					caller);
			return new Saved(current.id(), false);
		}
		return new Saved(create(command, caller).id(), true);
	}

	/** Records (or changes) a tenancy and marks the house rented. */
	@Transactional
	public HouseView addTenant(long houseId, TenantCommand command, ScopedPrincipal caller) {
		HouseView house = view(houseId, caller);
		FieldErrors errors = new FieldErrors();
		if (command == null || command.personId() == null) {
			errors.add("personId", "required / 必填");
		}
		else if (!this.placement.visible(BaseDataKind.PERSON, command.personId(), caller)) {
			errors.add("personId", "no such person in your area / 人员不存在或不在您的辖区");
		}
		if (command != null && command.since() != null && command.until() != null
				&& command.until().isBefore(command.since())) {
			errors.add("until", "before since / 结束日期早于起租日期");
		}
		errors.throwIfAny();
		MapSqlParameterSource params = new MapSqlParameterSource("house", houseId)
			.addValue("person", command.personId())
			.addValue("since", command.since())
			.addValue("until", command.until());
		this.jdbc.update("""
				insert into bd_house_tenant (house_id, person_id, since, until) values (:house, :person, :since, :until)
				on conflict (house_id, person_id) do update set since = excluded.since, until = excluded.until""",
				params);
		touch(houseId, true);
		this.audit.record(AuditRecord.success("HOUSE_TENANT_ADD", "house", houseId, "person " + command.personId()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.HOUSE, houseId, false));
		return view(house.id(), caller);
	}

	/** Ends a tenancy record; the house stays marked as rented until edited. */
	@Transactional
	public HouseView removeTenant(long houseId, long personId, ScopedPrincipal caller) {
		view(houseId, caller);
		int removed = this.jdbc.update("delete from bd_house_tenant where house_id = :house and person_id = :person",
				new MapSqlParameterSource("house", houseId).addValue("person", personId));
		if (removed == 0) {
			throw new NotFoundException("tenant", personId);
		}
		touch(houseId, null);
		this.audit.record(AuditRecord.success("HOUSE_TENANT_REMOVE", "house", houseId, "person " + personId));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.HOUSE, houseId, false));
		return view(houseId, caller);
	}

	/**
	 * Removes a house registered by mistake (its tenancy records go with it). A house
	 * that people, places or meters still point at is kept: 409.
	 */
	@Transactional
	public void delete(long id, ScopedPrincipal caller) {
		HouseView house = view(id, caller);
		String path = this.jdbc.queryForObject("select region_path from bd_house where id = :id",
				new MapSqlParameterSource("id", id), String.class);
		try {
			this.jdbc.update("delete from bd_house where id = :id", new MapSqlParameterSource("id", id));
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("the house is still referenced / 该房屋仍有人员、场所或表计关联，不能删除");
		}
		this.audit.record(AuditRecord.success("HOUSE_DELETE", "house", id, house.address()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.HOUSE, id, true, path));
	}

	/** The house with its residents and tenants (if the caller may read people). */
	@Transactional(readOnly = true)
	public HouseView view(long id, ScopedPrincipal caller) {
		HouseView house = find(id, caller).orElseThrow(() -> new NotFoundException("house", id));
		if (!caller.can("basedata:person:read")) {
			return house;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		List<HouseView.Occupant> residents = this.jdbc.query("""
				select p.id, p.name, p.id_masked, null as since, null as until from bd_person p
				where p.house_id = :id and p.status = 'ACTIVE' order by p.id""", params, Houses::occupant);
		List<HouseView.Occupant> tenants = this.jdbc.query("""
				select p.id, p.name, p.id_masked, t.since, t.until
				from bd_house_tenant t join bd_person p on p.id = t.person_id
				where t.house_id = :id order by t.since nulls last, p.id""", params, Houses::occupant);
		return house.withOccupants(residents, tenants);
	}

	@Transactional(readOnly = true)
	public Optional<HouseView> find(long id, ScopedPrincipal caller) {
		return this.rows.find(id, caller.scope());
	}

	@Transactional(readOnly = true)
	public PageResponse<HouseView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.rows.page(where(filter, caller, params), params, paging);
	}

	/** Every house matching the filter, streamed in id order (exports). */
	@Transactional(readOnly = true)
	public void forEach(Filter filter, ScopedPrincipal caller, Consumer<HouseView> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.rows.forEach(where(filter, caller, params), params, action);
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		return new ListFilter("h", caller.scope(), params)
			.matching(filter.q(), "h.address like :q or h.owner_name like :q")
			.equal("grid_id", filter.gridId())
			.code(this.dicts, "use", "HOUSE_USE", "house_use", filter.use())
			.equal("rented", filter.rented())
			.sql();
	}

	Optional<Long> findIdByAddress(String address) {
		if (!Checks.present(address)) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select id from bd_house where address_key = :key",
					new MapSqlParameterSource("key", Addresses.key(address)), Long.class)
			.stream()
			.findFirst();
	}

	private RegionSummary validate(HouseCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Checks.required(errors, "address", c.address(), 200);
		Checks.length(errors, "building", c.building(), 30);
		Checks.length(errors, "unit", c.unit(), 30);
		Checks.length(errors, "room", c.room(), 30);
		Checks.code(errors, this.dicts, "use", "HOUSE_USE", c.use(), true);
		if (c.area() != null && (c.area().signum() <= 0 || c.area().compareTo(MAX_AREA) > 0)) {
			errors.add("area", "a positive number of square metres / 面积须为正数");
		}
		Checks.length(errors, "ownerName", c.ownerName(), 50);
		Checks.oneOf(errors, "status", c.status(), Checks.OBJECT_STATUSES);
		Checks.validity(errors, c.validFrom(), c.validTo());
		Placement.checkLocation(c.lon(), c.lat(), errors);
		RegionSummary grid = this.placement.grid(c.gridId(), null, c.lon(), c.lat(), caller, errors);
		errors.throwIfAny();
		return grid;
	}

	private MapSqlParameterSource params(HouseCommand c, RegionSummary grid, boolean rented) {
		return new MapSqlParameterSource("address", c.address().strip()).addValue("key", Addresses.key(c.address()))
			.addValue("building", Checks.blankToNull(c.building()))
			.addValue("unit", Checks.blankToNull(c.unit()))
			.addValue("room", Checks.blankToNull(c.room()))
			.addValue("use", c.use())
			.addValue("area", c.area())
			.addValue("owner", Checks.blankToNull(c.ownerName()))
			.addValue("rented", rented)
			.addValue("grid", grid.id())
			.addValue("path", grid.path())
			.addValue("lon", c.lon())
			.addValue("lat", c.lat())
			.addValue("status", c.status() == null ? "ACTIVE" : c.status())
			.addValue("validFrom", c.validFrom())
			.addValue("validTo", c.validTo())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	/** A tenancy changed: a new version, and rented if {@code rented} says so. */
	private void touch(long houseId, Boolean rented) {
		this.jdbc.update("""
				update bd_house set rented = coalesce(:rented, rented), updated_at = :now, version = version + 1
				where id = :id""", new MapSqlParameterSource("id", houseId).addValue("rented", rented)
			.addValue("now", Timestamp.from(this.clock.instant())));
	}

	private void changed(String action, long id, RegionSummary grid) {
		this.audit.record(AuditRecord.success(action, "house", id, grid.code()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.HOUSE, id, false));
	}

	private static HouseView.Occupant occupant(ResultSet rs, int n) throws SQLException {
		return new HouseView.Occupant(rs.getLong("id"), rs.getString("name"), rs.getString("id_masked"),
				rs.getObject("since", LocalDate.class), rs.getObject("until", LocalDate.class));
	}

	private HouseView row(ResultSet rs, int n) throws SQLException {
		String use = rs.getString("house_use");
		return new HouseView(rs.getLong("id"), rs.getString("address"), rs.getString("building"), rs.getString("unit"),
				rs.getString("room"), use, this.dicts.name("HOUSE_USE", use), rs.getBigDecimal("area"),
				rs.getString("owner_name"), rs.getBoolean("rented"), rs.getLong("grid_id"), rs.getString("grid_name"),
				rs.getObject("lon", Double.class), rs.getObject("lat", Double.class), rs.getString("status"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), null, null);
	}

}
