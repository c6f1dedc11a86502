package org.govgrid.warning.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertTests {

	@Test
	void aNewAlertIsAcknowledgedThenConverted() {
		Alert alert = Alert.raised();
		assertThat(alert.allowedActions()).containsExactly("acknowledge", "dismiss", "convert");
		alert.acknowledge();
		assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(alert.allowedActions()).containsExactly("dismiss", "convert");
		alert.checkConvertible();
		alert.convert(42);
		assertThat(alert.status()).isEqualTo(AlertStatus.CONVERTED);
		assertThat(alert.convertedEventId()).isEqualTo(42);
		assertThat(alert.allowedActions()).isEmpty();
	}

	@Test
	void aNewAlertMayBeDismissedOrConvertedAtOnce() {
		Alert dismissed = Alert.raised();
		dismissed.dismiss("  误报  ");
		assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);
		assertThat(dismissed.dismissReason()).isEqualTo("误报");
		Alert converted = Alert.raised();
		converted.convert(7);
		assertThat(converted.status()).isEqualTo(AlertStatus.CONVERTED);
	}

	@Test
	void closedAlertsDoNotMoveAgain() {
		for (AlertStatus closed : new AlertStatus[] { AlertStatus.CONVERTED, AlertStatus.DISMISSED,
				AlertStatus.CLEARED }) {
			Alert alert = Alert.restore(closed);
			assertThatThrownBy(alert::acknowledge).isInstanceOf(IllegalAlertTransitionException.class)
				.hasMessageContaining("acknowledge");
			assertThatThrownBy(() -> alert.dismiss("again")).isInstanceOf(IllegalAlertTransitionException.class);
			assertThatThrownBy(alert::checkConvertible).isInstanceOf(IllegalAlertTransitionException.class);
			assertThatThrownBy(() -> alert.convert(1)).isInstanceOf(IllegalAlertTransitionException.class)
				.satisfies(ex -> assertThat(((IllegalAlertTransitionException) ex).status()).isEqualTo(closed));
			assertThatThrownBy(alert::clear).isInstanceOf(IllegalAlertTransitionException.class)
				.hasMessageContaining("clear");
			assertThat(alert.status()).isEqualTo(closed);
			assertThat(alert.allowedActions()).isEmpty();
		}
	}

	@Test
	void anAcknowledgedAlertIsNotAcknowledgedTwiceAndDismissingNeedsAReason() {
		Alert alert = Alert.restore(AlertStatus.ACKNOWLEDGED);
		assertThatThrownBy(alert::acknowledge).isInstanceOf(IllegalAlertTransitionException.class);
		assertThatIllegalArgumentException().isThrownBy(() -> alert.dismiss(" "));
		assertThat(alert.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
	}

	@Test
	void theSweepClearsANewOrAcknowledgedAlertWhoseConditionNoLongerHolds() {
		Alert fresh = Alert.raised();
		fresh.clear();
		assertThat(fresh.status()).isEqualTo(AlertStatus.CLEARED);
		assertThat(fresh.status().open()).isFalse();
		assertThat(fresh.allowedActions()).isEmpty();
		Alert acknowledged = Alert.restore(AlertStatus.ACKNOWLEDGED);
		acknowledged.clear();
		assertThat(acknowledged.status()).isEqualTo(AlertStatus.CLEARED);
		assertThat(AlertStatus.CLEARED.label()).isEqualTo("已消除");
	}

	@Test
	void clearingIsNotSomethingAPersonDoes() {
		assertThat(Alert.raised().allowedActions()).doesNotContain(Alert.CLEAR);
		assertThat(Alert.restore(AlertStatus.ACKNOWLEDGED).allowedActions()).doesNotContain(Alert.CLEAR);
	}

}
