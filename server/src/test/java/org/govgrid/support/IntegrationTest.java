package org.govgrid.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole platform on a random port, on the embedded PostgreSQL (fresh data dir per
 * run) with the demo data. One context is shared by every integration test.
 */
@Target(ElementType.TYPE)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govgrid.data-dir=target/it-data", "govgrid.db.embedded-clean=true",
				// a throw-away database: no flush per commit (DatabaseCutIT proves
				// durability)
				"govgrid.db.embedded-durable=false", "govgrid.audit.seal-interval=200ms",
				"govgrid.security.login-attempts-per-minute=100000",
				// notification streams check their session at each heartbeat
				"govgrid.messaging.heartbeat=1s",
				// the search index in memory: fresh with the fresh database of each run
				"spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
				// the video-AI webhook on; test HLS streams are served from a local port
				"govgrid.video.webhook-secret=" + IntegrationTest.VIDEO_WEBHOOK_SECRET,
				"govgrid.video.stream-origins=http://127.0.0.1:*",
				// IoT devices sign their HTTP messages with this secret
				"govgrid.iot.device-secret=" + IntegrationTest.IOT_DEVICE_SECRET,
				// webhook receivers of the tests listen on http://127.0.0.1
				"govgrid.open.webhooks.allow-private-http=true",
				// the demo's six months of history would change the figures tests assert
				// (DemoHistoryIT loads it into its own database)
				"govgrid.demo.history.enabled=false" })
@ActiveProfiles("demo")
// the basemap comes from a local 天地图 stand-in
@ContextConfiguration(initializers = TestTiles.Initializer.class)
@Import({ TestClock.Configuration.class, RecordingSmsGateway.Configuration.class })
@ExtendWith(TestClockReset.class)
public @interface IntegrationTest {

	/** The secret the video-AI platform signs its webhook calls with in the tests. */
	String VIDEO_WEBHOOK_SECRET = "it-video-webhook-secret";

	/** The secret IoT devices sign their messages with in the tests. */
	String IOT_DEVICE_SECRET = "it-iot-device-secret";

}
