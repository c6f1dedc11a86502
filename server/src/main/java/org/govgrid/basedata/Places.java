package org.govgrid.basedata;

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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 场所 (shops, schools, hazard sites...) with their hazard level, within the caller's
 * scope.
 */
@Service
public class Places {

	static final List<String> HAZARD_LEVELS = List.of("LOW", "MEDIUM", "HIGH");

	private static final String SELECT = """
			select r.*, g.name as grid_name, h.address as house_address
			from bd_place r join region g on g.id = r.grid_id left join bd_house h on h.id = r.house_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final ScopedRows<PlaceView> rows;

	private final Placement placement;

	private final Dicts dicts;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	Places(NamedParameterJdbcTemplate jdbc, Placement placement, Dicts dicts, AuditTrail audit, Clock clock,
			ApplicationEventPublisher publisher) {
		this.jdbc = jdbc;
		this.rows = new ScopedRows<>(jdbc, SELECT, "bd_place", "r", this::row);
		this.placement = placement;
		this.dicts = dicts;
		this.audit = audit;
		this.clock = clock;
		this.publisher = publisher;
	}

	public record Filter(String q, Long gridId, String type) {
	}

	@Transactional
	public PlaceView create(PlaceCommand command, ScopedPrincipal caller) {
		RegionSummary grid = validate(command, caller);
		long id = this.jdbc.queryForObject("""
				insert into bd_place (name, place_type, address, house_id, contact_name, hazard_level, grid_id,
				    region_path, lon, lat, status, valid_from, valid_to, created_at, updated_at)
				values (:name, :type, :address, :house, :contact, :hazard, :grid, :path, :lon, :lat, :status,
				    :validFrom, :validTo, :now, :now)
				returning id""", params(command, grid), Long.class);
		changed("PLACE_CREATE", id, grid);
		return view(id, caller);
	}

	@Transactional
	public PlaceView update(long id, PlaceCommand command, ScopedPrincipal caller) {
		PlaceView current = view(id, caller);
		RegionSummary grid = validate(command, caller);
		MapSqlParameterSource params = params(command, grid).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version());
		int updated = this.jdbc.update("""
				update bd_place set name = :name, place_type = :type, address = :address, house_id = :house,
				    contact_name = :contact, hazard_level = :hazard, grid_id = :grid, region_path = :path, lon = :lon,
				    lat = :lat, status = :status, valid_from = :validFrom, valid_to = :validTo, updated_at = :now,
				    version = version + 1
				where id = :id and version = :version""", params);
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		changed("PLACE_UPDATE", id, grid);
		return view(id, caller);
	}

	@Transactional(readOnly = true)
	public PlaceView view(long id, ScopedPrincipal caller) {
		return find(id, caller).orElseThrow(() -> new NotFoundException("place", id));
	}

	@Transactional(readOnly = true)
	public Optional<PlaceView> find(long id, ScopedPrincipal caller) {
		return this.rows.find(id, caller.scope());
	}

	@Transactional(readOnly = true)
	public PageResponse<PlaceView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.rows.page(where(filter, caller, params), params, paging);
	}

	/** Every place matching the filter, streamed in id order (exports). */
	@Transactional(readOnly = true)
	public void forEach(Filter filter, ScopedPrincipal caller, Consumer<PlaceView> action) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.rows.forEach(where(filter, caller, params), params, action);
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		return new ListFilter("r", caller.scope(), params).matching(filter.q(), "r.name like :q or r.address like :q")
			.equal("grid_id", filter.gridId())
			.code(this.dicts, "type", "PLACE_TYPE", "place_type", filter.type())
			.sql();
	}

	private RegionSummary validate(PlaceCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		Checks.required(errors, "name", c.name(), 100);
		Checks.code(errors, this.dicts, "type", "PLACE_TYPE", c.type(), true);
		Checks.required(errors, "address", c.address(), 200);
		Checks.length(errors, "contactName", c.contactName(), 50);
		Checks.oneOf(errors, "hazardLevel", c.hazardLevel(), HAZARD_LEVELS);
		Checks.oneOf(errors, "status", c.status(), Checks.OBJECT_STATUSES);
		Checks.validity(errors, c.validFrom(), c.validTo());
		Placement.checkLocation(c.lon(), c.lat(), errors);
		RegionSummary grid = this.placement.grid(c.gridId(), c.houseId(), c.lon(), c.lat(), caller, errors);
		if (c.houseId() != null && c.gridId() != null
				&& !this.placement.visible(BaseDataKind.HOUSE, c.houseId(), caller)) {
			errors.add("houseId", "no such house in your area / 房屋不存在或不在您的辖区");
		}
		errors.throwIfAny();
		return grid;
	}

	private MapSqlParameterSource params(PlaceCommand c, RegionSummary grid) {
		return new MapSqlParameterSource("name", c.name().strip()).addValue("type", c.type())
			.addValue("address", c.address().strip())
			.addValue("house", c.houseId())
			.addValue("contact", Checks.blankToNull(c.contactName()))
			.addValue("hazard", c.hazardLevel())
			.addValue("grid", grid.id())
			.addValue("path", grid.path())
			.addValue("lon", c.lon())
			.addValue("lat", c.lat())
			.addValue("status", c.status() == null ? "ACTIVE" : c.status())
			.addValue("validFrom", c.validFrom())
			.addValue("validTo", c.validTo())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private void changed(String action, long id, RegionSummary grid) {
		this.audit.record(AuditRecord.success(action, "place", id, grid.code()));
		this.publisher.publishEvent(new BaseDataChanged(BaseDataKind.PLACE, id, false));
	}

	private PlaceView row(ResultSet rs, int n) throws SQLException {
		String type = rs.getString("place_type");
		return new PlaceView(rs.getLong("id"), rs.getString("name"), type, this.dicts.name("PLACE_TYPE", type),
				rs.getString("address"), rs.getObject("house_id", Long.class), rs.getString("house_address"),
				rs.getString("contact_name"), rs.getString("hazard_level"), rs.getLong("grid_id"),
				rs.getString("grid_name"), rs.getObject("lon", Double.class), rs.getObject("lat", Double.class),
				rs.getString("status"), rs.getObject("valid_from", LocalDate.class),
				rs.getObject("valid_to", LocalDate.class), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
