package org.govgrid.video;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code govgrid.video}: the video-AI webhook's shared secret
 * ({@code GOVGRID_VIDEO_WEBHOOK_SECRET}; empty turns the webhook off), how old a
 * signature may be, and the table from the platform's alarm types to event categories (a
 * type not in it goes to {@code unmappedCategory} and the centre decides).
 */
@ConfigurationProperties("govgrid.video")
record VideoProperties(@DefaultValue("") String webhookSecret, @DefaultValue("5m") Duration signatureTolerance,
		@DefaultValue Map<String, String> alarmCategories, @DefaultValue("QT-01") String unmappedCategory) {

	boolean webhookEnabled() {
		return !this.webhookSecret.isBlank();
	}

}
