package org.govgrid.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After every integration test: the test clock goes back to real time, and open alerts
 * that a moved clock stamped in the future are brought back to now. Without the second
 * step such alerts would stay "the newest" for the rest of the run and push the alerts of
 * later tests out of every newest-first list.
 */
class TestClockReset implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		ApplicationContext spring = SpringExtension.getApplicationContext(context);
		spring.getBean(TestClock.class).reset();
		spring.getBean(JdbcTemplate.class).update("""
				update warning_alert set first_seen = least(first_seen, now()), last_seen = least(last_seen, now())
				where last_seen > now() or first_seen > now()""");
	}

}
