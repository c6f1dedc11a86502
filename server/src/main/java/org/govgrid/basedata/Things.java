package org.govgrid.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 部件 (城市部件: manhole covers, hydrants, lights, cameras, sensors), each at a known
 * location, within the caller's scope; the code is the natural key.
 */
@Service
public class Things {

	private static final String SELECT = """
			select r.*, g.name as grid_name from bd_thing r join region g on g.id = r.grid_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopedRows<ThingView> rows;

	private final Placement placement;

	private final Dicts dicts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Things(NamedParameterJdbcTemplate jdbc, Placement placement, Dicts dicts, AuditTrail audit, Clock clock,
			ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.rows = new ScopedRows<>(jdbc, SELECT, "bd_thing", "r", this::row);
		this.placement = placement;
		this.dicts = dicts;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	public record Filter(String q, Long gridId, String type, String status) {
	}

	/** The result of an import row: the thing and whether the row created it. */
	public record Saved(long id, boolean created) {
	}

	@Transactional
	public ThingView create(ThingCommand command, ScopedPrincipal caller) {
		RegionSummary grid = validate(command, caller);
		if (findIdByCode(command.code()).isPresent()) {
			throw new ConflictException("a thing with this code is registered / 该部件编码已登记");
		}
		long id = this.jdbc.queryForObject("""
				insert into bd_thing (code, thing_type, name, address, owner_unit, grid_id, region_path, lon, lat,
				    status, valid_from, valid_to, created_at, updated_at)
				values (:code, :type, :name, :address, :owner, :grid, :path, :lon, :lat, :status, :validFrom, :validTo,
				    :now, :now)
				returning id""", params(command, grid), Long.class);
		changed("THING_CREATE", id, grid);
		return view(id, caller);
	}

	@Transactional
	public ThingView update(long id, ThingCommand command, ScopedPrincipal caller) {
		ThingView current = view(id, caller);
		RegionSummary grid = validate(command, caller);
		findIdByCode(command.code()).filter(other -> other != id).ifPresent(other -> {
			throw new ConflictException("another thing has this code / 该部件编码已被使用");
		});
		MapSqlParameterSource params = params(command, grid).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version());
		int updated = this.jdbc.update("""
				update bd_thing set code = :code, thing_type = :type, name = :name, address = :address,
				    owner_unit = :owner, grid_id = :grid, region_path = :path, lon = :lon, lat = :lat, status = :status,
				    valid_from = :validFrom, valid_to = :validTo, updated_at = :now, version = version + 1
				where id = :id and version = :version""", params);
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		changed("THING_UPDATE", id, grid);
		return view(id, caller);
	}

	/**
	 * An import row: updates the thing with the same code (if in the caller's scope) or
	 * registers a new one. Throws as {@link #create} does; nothing is written then.
	 */
	@Transactional
	public Saved upsert(ThingCommand command, ScopedPrincipal caller) {
		Optional<Long> existing = findIdByCode(command.code());
		if (existing.isPresent()) {
			ThingView current = find(existing.get(), caller)
				.orElseThrow(() -> new ConflictException("this code is registered outside your area / 该部件编码已在其他辖区登记"));
			update(current.id(),
					new ThingCommand(command.code(), command.type(), command.name(), command.address(),
							command.ownerUnit(), command.lon(), command.lat(), command.gridId(), command.status(),
							command.validFrom(), command.validTo(), current.version()),
					caller);
			return new Saved(current.id(), false);
		}
		return new Saved(create(command, caller).id(), true);
	}

	@Transactional(readOnly = true)
	public ThingView view(long id, ScopedPrincipal caller) {
		return find(id, caller).orElseThrow(() -> new NotFoundException("thing", id));
	}

	@Transactional(readOnly = true)
	public Optional<ThingView> find(long id, ScopedPrincipal caller) {
		return this.rows.find(id, caller.scope());
	}

	@Transactional(readOnly = true)
	public PageResponse<ThingView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.rows.page(where(filter, caller, params), params, paging);
	}

	/** Every thing matching the filter, streamed in id order (exports). */
	@Transactional(readOnly = true)
	public void forEach(Filter filter, ScopedPrincipal caller, Consumer<ThingView> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.rows.forEach(where(filter, caller, params), params, action);
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		return new ListFilter("r", caller.scope(), params)
			.matching(filter.q(), "r.code like :q or r.name like :q or r.address like :q")
			.equal("grid_id", filter.gridId())
			.code(this.dicts, "type", "THING_TYPE", "thing_type", filter.type())
			.code(this.dicts, "status", "THING_STATUS", "status", filter.status())
			.sql();
	}

	Optional<Long> findIdByCode(String code) {
		if (!Checks.present(code)) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select id from bd_thing where code = :code", new MapSqlParameterSource("code", code.strip()),
					Long.class)
			.stream()
			.findFirst();
	}

	private RegionSummary validate(ThingCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Checks.required(errors, "code", c.code(), 40);
		Checks.code(errors, this.dicts, "type", "THING_TYPE", c.type(), true);
		Checks.required(errors, "name", c.name(), 100);
		Checks.length(errors, "address", c.address(), 200);
		Checks.length(errors, "ownerUnit", c.ownerUnit(), 100);
		Checks.code(errors, this.dicts, "status", "THING_STATUS", c.status(), false);
		Checks.validity(errors, c.validFrom(), c.validTo());
		RegionSummary grid = null;
		if (c.lon() == null) {
			errors.add("lon", "a thing needs its location / 部件须有经纬度");
		}
		if (c.lat() == null) {
			errors.add("lat", "a thing needs its location / 部件须有经纬度");
		}
		if (c.lon() != null && c.lat() != null) {
			FieldErrors location = new FieldErrors();
			Placement.checkLocation(c.lon(), c.lat(), location);
			errors.addAll(location);
			if (location.isEmpty()) {
				grid = this.placement.grid(c.gridId(), null, c.lon(), c.lat(), caller, errors);
			}
		}
		errors.throwIfAny();
		return grid;
	}

	private MapSqlParameterSource params(ThingCommand c, RegionSummary grid) {
		return new MapSqlParameterSource("code", c.code().strip()).addValue("type", c.type())
			.addValue("name", c.name().strip())
			.addValue("address", Checks.blankToNull(c.address()))
			.addValue("owner", Checks.blankToNull(c.ownerUnit()))
			.addValue("grid", grid.id())
			.addValue("path", grid.path())
			.addValue("lon", c.lon())
			.addValue("lat", c.lat())
			.addValue("status", Checks.present(c.status()) ? c.status() : "NORMAL")
			.addValue("validFrom", c.validFrom())
			.addValue("validTo", c.validTo())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private void changed(String action, long id, RegionSummary grid) {
		this.audit.record(AuditRecord.success(action, "thing", id, grid.code()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.THING, id, false));
	}

	private ThingView row(ResultSet rs, int n) throws SQLException {
		String type = rs.getString("thing_type");
		String status = rs.getString("status");
		return new ThingView(rs.getLong("id"), rs.getString("code"), type, this.dicts.name("THING_TYPE", type),
				rs.getString("name"), rs.getString("address"), rs.getString("owner_unit"), rs.getDouble("lon"),
				rs.getDouble("lat"), rs.getLong("grid_id"), rs.getString("grid_name"), status,
				this.dicts.name("THING_STATUS", status), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
