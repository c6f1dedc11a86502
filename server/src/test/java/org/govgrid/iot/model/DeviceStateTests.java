package org.govgrid.iot.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceStateTests {

	@Test
	void telemetryBringsASilentDeviceBackButLeavesAnAlarmStanding() {
		assertThat(DeviceState.OFFLINE.heard()).isEqualTo(DeviceState.ONLINE);
		assertThat(DeviceState.ONLINE.heard()).isEqualTo(DeviceState.ONLINE);
		assertThat(DeviceState.ALARM.heard()).isEqualTo(DeviceState.ALARM);
	}

	@Test
	void anAlarmHoldsUntilCleared() {
		assertThat(DeviceState.ONLINE.alarmed()).isEqualTo(DeviceState.ALARM);
		assertThat(DeviceState.OFFLINE.alarmed()).isEqualTo(DeviceState.ALARM);
		assertThat(DeviceState.ALARM.alarmed()).isEqualTo(DeviceState.ALARM);
		assertThat(DeviceState.ALARM.cleared()).isEqualTo(DeviceState.ONLINE);
		assertThat(MessageType.ALARM_CLEARED.apply(MessageType.ALARM.apply(DeviceState.ONLINE)))
			.isEqualTo(DeviceState.ONLINE);
	}

	@Test
	void onlyAnOnlineDeviceGoesOffline() {
		assertThat(DeviceState.ONLINE.silent()).isEqualTo(DeviceState.OFFLINE);
		assertThat(DeviceState.ONLINE.goesSilent()).isTrue();
		for (DeviceState state : new DeviceState[] { DeviceState.OFFLINE, DeviceState.ALARM, DeviceState.DISABLED }) {
			assertThat(state.goesSilent()).isFalse();
			assertThatThrownBy(state::silent).isInstanceOf(IllegalDeviceTransitionException.class);
		}
	}

	@Test
	void aDisabledDeviceTakesNoMessagesUntilEnabled() {
		DeviceState disabled = DeviceState.ALARM.disable();
		assertThat(disabled).isEqualTo(DeviceState.DISABLED);
		for (MessageType type : MessageType.values()) {
			assertThatThrownBy(() -> type.apply(disabled)).isInstanceOf(IllegalDeviceTransitionException.class)
				.hasMessageContaining("disabled");
		}
		assertThatThrownBy(disabled::disable).isInstanceOf(IllegalDeviceTransitionException.class);
		assertThat(disabled.enable()).isEqualTo(DeviceState.OFFLINE);
		assertThatThrownBy(DeviceState.ONLINE::enable).isInstanceOf(IllegalDeviceTransitionException.class);
	}

	@Test
	void kindsAndTypesAreReadStrictly() {
		assertThat(DeviceKind.of(" smoke_detector ")).contains(DeviceKind.SMOKE_DETECTOR);
		assertThat(DeviceKind.of("TOASTER")).isEmpty();
		assertThat(MessageType.of("ALARM")).contains(MessageType.ALARM);
		assertThat(MessageType.of("alarm")).isEmpty();
		assertThat(MessageType.of(null)).isEmpty();
	}

}
