package org.govgrid.iot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.warning.WarningSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo devices (profile {@code demo}), once: 40 sensors of five kinds spread over the
 * twelve grids of 狮山街道, each with an hour of telemetry taken in through the real intake;
 * one smoke detector in the first grid in ALARM with its IOT event; two devices last
 * heard three hours ago (offline); a DEVICE_OFFLINE rule (60 minutes) for the town.
 */
@Component
@Profile("demo")
@Order(32)
class DemoDevices implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);

	static final String TOWN = "320505006";

	private static final String[][] KINDS = { { "SMOKE_DETECTOR", "烟感", "12" }, { "GAS_DETECTOR", "燃气探测", "8" },
			{ "WATER_LEVEL", "水位监测", "6" }, { "MANHOLE_COVER", "智能井盖", "8" }, { "HYDRANT_PRESSURE", "消火栓水压", "6" } };

	private final Devices devices;

	private final Messages messages;

	private final RegionService regions;

	private final IotServiceAccount account;

	private final WarningSetup warnings;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	DemoDevices(Devices devices, Messages messages, RegionService regions, IotServiceAccount account,
			WarningSetup warnings, NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.devices = devices;
		this.messages = messages;
		this.regions = regions;
		this.account = account;
		this.warnings = warnings;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Integer seeded = this.jdbc.queryForObject("select count(*) from iot_device where code like 'DEMO-%'",
				new MapSqlParameterSource(), Integer.class);
		RegionSummary town = this.regions.findByCode(TOWN).orElse(null);
		if ((seeded != null && seeded > 0) || town == null) {
			return;
		}
		List<RegionSummary> grids = new ArrayList<>();
		for (int c = 1; c <= 3; c++) {
			for (int g = 1; g <= 4; g++) {
				this.regions.findByCode(TOWN + String.format(Locale.ROOT, "%03d%03d", c, g)).ifPresent(grids::add);
			}
		}
		if (grids.isEmpty()) {
			return;
		}
		ScopedPrincipal system = this.account.actor(town.path());
		Instant now = this.clock.instant();
		int n = 0;
		List<String> offlineCodes = new ArrayList<>();
		for (String[] kind : KINDS) {
			for (int i = 1; i <= Integer.parseInt(kind[2]); i++, n++) {
				RegionSummary grid = grids.get(n % grids.size());
				double[] centre = this.regions.centre(grid.id()).orElseThrow();
				// a small ring around the grid's centre, so markers do not sit on each
				// other
				double angle = n * 2.399963;
				double lon = centre[0] + 0.0006 * Math.cos(angle) * (1 + n / grids.size());
				double lat = centre[1] + 0.0005 * Math.sin(angle) * (1 + n / grids.size());
				String code = String.format(Locale.ROOT, "DEMO-%s-%02d", kind[0].substring(0, 3), i);
				DeviceView device = this.devices
					.create(new DeviceCommand(code, kind[0], grid.name() + kind[1] + i + "号", lon, lat, grid.id(),
							"苏州高新区狮山街道" + grid.name() + kind[1] + "点位" + i, null, null, null), system);
				boolean offline = n == 5 || n == 23;
				if (offline) {
					offlineCodes.add(code);
				}
				Instant last = offline ? now.minus(Duration.ofHours(3)) : now.minus(Duration.ofMinutes(2 + n % 7));
				for (int m = 3; m >= 0; m--) {
					telemetry(device.code(), kind[0], last.minus(Duration.ofMinutes(15L * m)), 100 - n % 30 - m);
				}
			}
		}
		String alarmed = "DEMO-SMO-01";
		send(alarmed, "ALARM", now.minus(Duration.ofMinutes(1)), "SMOKE", "{\"smokeDensity\":0.31,\"battery\":86}");
		// what the offline job would do half an hour after start
		this.jdbc.update("update iot_device set state = 'OFFLINE' where code in (:codes)",
				new MapSqlParameterSource("codes", offlineCodes));
		this.warnings.signalRule("设备离线超过1小时", "DEVICE_OFFLINE", town.id(), 60, null, null, "YELLOW", "XFAQ-03");
		log.info("Seeded {} demo IoT devices", n);
	}

	private void telemetry(String code, String kind, Instant at, int battery) {
		String reading = switch (kind) {
			case "SMOKE_DETECTOR" -> "\"smokeDensity\":0.02";
			case "GAS_DETECTOR" -> "\"lel\":1.5";
			case "WATER_LEVEL" -> "\"levelCm\":" + (35 + battery % 7);
			case "MANHOLE_COVER" -> "\"tiltDeg\":0.4";
			default -> "\"pressureMpa\":0.32";
		};
		send(code, "TELEMETRY", at, null, "{" + reading + ",\"battery\":" + battery + "}");
	}

	private void send(String code, String type, Instant at, String alarmKind, String payload) {
		String body = "{\"deviceCode\":\"" + code + "\",\"type\":\"" + type + "\",\"time\":\"" + at + "\""
				+ (alarmKind == null ? "" : ",\"alarmKind\":\"" + alarmKind + "\"") + ",\"payload\":" + payload + "}";
		this.messages.receive(body.getBytes(StandardCharsets.UTF_8), Messages.Channel.HTTP, null, null);
	}

}
