package org.govgrid.video;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The camera registry, scoped like base data: a grid worker sees the cameras of their
 * grid, a grid chief those of their community, the centre and the leader their town; a
 * camera outside the caller's scope is 404. Each camera lies in the grid its point falls
 * in (or the grid named, inside the caller's scope).
 */
@Service
class Cameras {

	private static final String SELECT = """
			select c.*, g.name as grid_name from video_camera c join region g on g.id = c.grid_id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final AuditTrail audit;

	private final Clock clock;

	Cameras(NamedParameterJdbcTemplate jdbc, RegionService regions, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	record Filter(Long regionId, Long gridId, String q, String status) {
	}

	@Transactional
	CameraView create(CameraCommand command, ScopedPrincipal caller) {
		Valid valid = validate(command, caller);
		if (idOf(valid.deviceId()).isPresent()) {
			throw new ConflictException("a camera with this device id is registered / 该国标编码的摄像机已登记");
		}
		long id = this.jdbc.queryForObject("""
				insert into video_camera (device_id, name, lon, lat, grid_id, region_path, address, stream_url,
				    stream_kind, status, owner_unit, created_at, updated_at)
				values (:deviceId, :name, :lon, :lat, :grid, :path, :address, :url, :kind, :status, :owner, :now, :now)
				returning id""", params(command, valid), Long.class);
		this.audit.record(AuditRecord.success("CAMERA_CREATE", "camera", id, valid.deviceId()));
		return view(id, caller);
	}

	@Transactional
	CameraView update(long id, CameraCommand command, ScopedPrincipal caller) {
		CameraView current = view(id, caller);
		Valid valid = validate(command, caller);
		idOf(valid.deviceId()).filter(other -> other != id).ifPresent(other -> {
			throw new ConflictException("another camera has this device id / 该国标编码已被其他摄像机使用");
		});
		int updated = this.jdbc.update("""
				update video_camera set device_id = :deviceId, name = :name, lon = :lon, lat = :lat, grid_id = :grid,
				    region_path = :path, address = :address, stream_url = :url, stream_kind = :kind,
				    status = :status, owner_unit = :owner, updated_at = :now, version = version + 1
				where id = :id and version = :version""", params(command, valid).addValue("id", id)
			.addValue("version", command.version() == null ? current.version() : command.version()));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 数据已被他人修改，请刷新");
		}
		this.audit.record(AuditRecord.success("CAMERA_UPDATE", "camera", id, valid.deviceId()));
		return view(id, caller);
	}

	@Transactional(readOnly = true)
	CameraView view(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc.query(SELECT + " where c.id = :id and " + within(caller.scope(), params), params, Cameras::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("camera", id));
	}

	@Transactional(readOnly = true)
	PageResponse<CameraView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(filter, caller, params);
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from video_camera c where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<CameraView> items = this.jdbc.query(
				SELECT + " where " + where + " order by c.updated_at desc, c.id desc limit :limit offset :offset",
				params, Cameras::row);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	/** Up to {@code limit} cameras of an area (already checked) inside the box, by id. */
	@Transactional(readOnly = true)
	List<CameraMap.CameraPoint> points(DataScope area, double[] box, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(within(area, params));
		if (box != null) {
			where.append(" and c.lon between :minLon and :maxLon and c.lat between :minLat and :maxLat");
			params.addValue("minLon", box[0])
				.addValue("minLat", box[1])
				.addValue("maxLon", box[2])
				.addValue("maxLat", box[3]);
		}
		params.addValue("limit", limit);
		return this.jdbc.query(SELECT + " where " + where + " order by c.id limit :limit", params, (rs, n) -> {
			CameraView camera = row(rs, n);
			return new CameraMap.CameraPoint(camera.id(), camera.name(), camera.deviceId(), camera.status(),
					camera.streamKind(), camera.gridId(), camera.lon(), camera.lat());
		});
	}

	/** A registered camera by its GB/T 28181 id, whatever the scope (the webhook's). */
	@Transactional(readOnly = true)
	Optional<CameraView> byDeviceId(String deviceId) {
		return this.jdbc
			.query(SELECT + " where c.device_id = :deviceId", new MapSqlParameterSource("deviceId", deviceId),
					Cameras::row)
			.stream()
			.findFirst();
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		FieldErrors errors = new FieldErrors();
		StringBuilder where = new StringBuilder(within(area(filter.regionId(), caller), params));
		if (filter.gridId() != null) {
			where.append(" and c.grid_id = :gridId");
			params.addValue("gridId", filter.gridId());
		}
		if (filter.q() != null && !filter.q().isBlank()) {
			where.append(" and (c.device_id like :q or c.name like :q or c.address like :q)");
			params.addValue("q",
					"%" + filter.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.status() != null && !filter.status().isBlank()) {
			CameraStatus status = status(filter.status(), errors);
			if (status != null) {
				where.append(" and c.status = :status");
				params.addValue("status", status.name());
			}
		}
		errors.throwIfAny();
		return where.toString();
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	private DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	private static String within(DataScope scope, MapSqlParameterSource params) {
		return ScopeFilter.of(scope, "c.region_path").addTo(params);
	}

	private Optional<Long> idOf(String deviceId) {
		return this.jdbc
			.queryForList("select id from video_camera where device_id = :deviceId",
					new MapSqlParameterSource("deviceId", deviceId), Long.class)
			.stream()
			.findFirst();
	}

	private Valid validate(CameraCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		String deviceId = c.deviceId() == null ? null : c.deviceId().strip();
		DeviceIds.check(deviceId, "deviceId", errors);
		text(errors, "name", c.name(), 100, true);
		text(errors, "address", c.address(), 200, false);
		text(errors, "ownerUnit", c.ownerUnit(), 100, false);
		StreamUrls.Kind kind = StreamUrls.check(c.streamUrl(), "streamUrl", errors);
		CameraStatus status = c.status() == null || c.status().isBlank() ? CameraStatus.ONLINE
				: status(c.status(), errors);
		RegionSummary grid = grid(c, caller, errors);
		errors.throwIfAny();
		return new Valid(deviceId, kind, status, grid);
	}

	private RegionSummary grid(CameraCommand c, ScopedPrincipal caller, FieldErrors errors) {
		boolean lonOk = c.lon() != null && c.lon() >= 73 && c.lon() <= 136;
		boolean latOk = c.lat() != null && c.lat() >= 3 && c.lat() <= 54;
		if (!lonOk) {
			errors.add("lon", "a longitude in China is required / 请提供有效经度");
		}
		if (!latOk) {
			errors.add("lat", "a latitude in China is required / 请提供有效纬度");
		}
		if (c.gridId() != null) {
			RegionSummary grid = this.regions.find(c.gridId())
				.filter(g -> g.level() == RegionLevel.GRID && caller.scope().covers(g.path()))
				.orElse(null);
			if (grid == null) {
				errors.add("gridId", "no such grid in your area / 网格不存在或不在您的辖区");
			}
			return grid;
		}
		if (!lonOk || !latOk) {
			return null;
		}
		RegionSummary grid = this.regions.gridAt(c.lon(), c.lat())
			.filter(g -> caller.scope().covers(g.path()))
			.orElse(null);
		if (grid == null) {
			errors.add("lon", "the location is in none of your grids / 位置不在您辖区的网格内");
		}
		return grid;
	}

	private static CameraStatus status(String value, FieldErrors errors) {
		try {
			return CameraStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add("status", "ONLINE, OFFLINE, FAULT or DISABLED / 状态须为在线、离线、故障或停用");
			return null;
		}
	}

	private static void text(FieldErrors errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(field, "required / 必填");
			}
		}
		else if (value.strip().length() > max) {
			errors.add(field, "at most " + max + " characters / 最多" + max + "个字符");
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private MapSqlParameterSource params(CameraCommand c, Valid valid) {
		return new MapSqlParameterSource("deviceId", valid.deviceId()).addValue("name", c.name().strip())
			.addValue("lon", c.lon())
			.addValue("lat", c.lat())
			.addValue("grid", valid.grid().id())
			.addValue("path", valid.grid().path())
			.addValue("address", blankToNull(c.address()))
			.addValue("url", c.streamUrl().strip())
			.addValue("kind", valid.kind().name())
			.addValue("status", valid.status().name())
			.addValue("owner", blankToNull(c.ownerUnit()))
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private static CameraView row(ResultSet rs, int n) throws SQLException {
		String deviceId = rs.getString("device_id");
		return new CameraView(rs.getLong("id"), deviceId, DeviceIds.typeCode(deviceId), rs.getString("name"),
				rs.getDouble("lon"), rs.getDouble("lat"), rs.getLong("grid_id"), rs.getString("grid_name"),
				rs.getString("address"), rs.getString("stream_url"), rs.getString("stream_kind"),
				rs.getString("status"), rs.getString("owner_unit"), rs.getInt("version"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private record Valid(String deviceId, StreamUrls.Kind kind, CameraStatus status, RegionSummary grid) {
	}

}
