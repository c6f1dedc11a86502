package org.govgrid.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys for personal identifiers: {@code keys} as {@code id:base64,id:base64} (AES-256),
 * the {@code activeKeyId} new values are sealed with, and the HMAC key for lookups; or
 * {@code keyFile}, a properties file holding the three (created on first start when
 * named). Environment: {@code GOVGRID_CRYPTO_KEYS}, {@code GOVGRID_CRYPTO_ACTIVE_KEY_ID},
 * {@code GOVGRID_CRYPTO_HMAC_KEY}, {@code GOVGRID_CRYPTO_KEY_FILE}.
 */
@ConfigurationProperties("govgrid.crypto")
public record CryptoProperties(@DefaultValue("") String keys, @DefaultValue("") String activeKeyId,
		@DefaultValue("") String hmacKey, @DefaultValue("") String keyFile) {
}
