package org.govgrid.iot;

import java.util.Locale;
import java.util.regex.Pattern;

import org.govgrid.identity.Directory;
import org.govgrid.iot.model.DeviceKind;
import org.govgrid.iot.model.DeviceState;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

/**
 * Checks a device command, naming every bad field: the code (letters, digits, {@code -},
 * {@code _}, {@code .}: it is an MQTT topic level), the kind, the point in one of the
 * caller's grids, the owner department serving that grid.
 */
final class DevicePlaces {

	static final String KINDS = "SMOKE_DETECTOR, GAS_DETECTOR, WATER_LEVEL, MANHOLE_COVER, HYDRANT_PRESSURE or CAMERA"
			+ " / 设备类型无效";

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private final RegionService regions;

	private final Directory directory;

	DevicePlaces(RegionService regions, Directory directory) {
		this.regions = regions;
		this.directory = directory;
	}

	record Valid(String code, DeviceKind kind, DeviceState state, RegionSummary grid) {
	}

	Valid validate(DeviceCommand c, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		String code = c.code() == null ? null : c.code().strip();
		if (code == null || code.isEmpty()) {
			errors.add("code", "required / 必填");
		}
		else if (!CODE.matcher(code).matches()) {
			errors.add("code", "1–64 letters, digits, '.', '-' or '_' / 设备编码须为1–64位字母、数字或 . - _");
		}
		DeviceKind kind = DeviceKind.of(c.kind()).orElse(null);
		if (kind == null) {
			errors.add("kind", KINDS);
		}
		if (c.name() == null || c.name().isBlank()) {
			errors.add("name", "required / 必填");
		}
		else if (c.name().strip().length() > 100) {
			errors.add("name", "at most 100 characters / 最多100个字符");
		}
		if (c.address() != null && c.address().strip().length() > 200) {
			errors.add("address", "at most 200 characters / 最多200个字符");
		}
		DeviceState state = c.state() == null || c.state().isBlank() ? null : state(c.state(), errors);
		RegionSummary grid = grid(c, caller, errors);
		if (c.ownerDepartmentId() != null && grid != null) {
			boolean serves = this.directory.department(c.ownerDepartmentId())
				.map(d -> grid.path().equals(d.regionPath()) || grid.path().startsWith(d.regionPath() + "/"))
				.orElse(false);
			if (!serves) {
				errors.add("ownerDepartmentId", "no department serving this grid / 权属单位不存在或不负责该网格");
			}
		}
		errors.throwIfAny();
		return new Valid(code, kind, state, grid);
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	static DeviceState state(String value, FieldErrors errors) {
		try {
			return DeviceState.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.add("state", "ONLINE, OFFLINE, ALARM or DISABLED / 状态须为在线、离线、告警或停用");
			return null;
		}
	}

	private RegionSummary grid(DeviceCommand c, ScopedPrincipal caller, FieldErrors errors) {
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

}
