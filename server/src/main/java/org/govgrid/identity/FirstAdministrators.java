package org.govgrid.identity;

import java.util.List;

import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A production installation starts empty: with {@code GOVGRID_BOOTSTRAP_CITY_CODE},
 * {@code GOVGRID_BOOTSTRAP_CITY_NAME} and {@code GOVGRID_BOOTSTRAP_PASSWORD} set, the
 * first start creates the city and the three separated administrators ({@code admin},
 * {@code secadmin}, {@code auditor}) with that initial password, to be changed at first
 * sign-in. Nothing happens once any account exists.
 */
@Component
@Profile("!demo")
class FirstAdministrators implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrators.class);

	private final IdentityProvisioning identity;

	private final RegionService regions;

	private final String cityCode;

	private final String cityName;

	private final String initialPassword;

	FirstAdministrators(IdentityProvisioning identity, RegionService regions,
			@Value("${govgrid.bootstrap.city-code:}") String cityCode,
			@Value("${govgrid.bootstrap.city-name:}") String cityName,
			@Value("${govgrid.bootstrap.password:}") String initialPassword) {
		this.identity = identity;
		this.regions = regions;
		this.cityCode = cityCode;
		this.cityName = cityName;
		this.initialPassword = initialPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.identity.hasAnyUser()) {
			return;
		}
		if (this.cityCode.isBlank() || this.cityName.isBlank() || this.initialPassword.isBlank()) {
			log.warn("No accounts exist. Set GOVGRID_BOOTSTRAP_CITY_CODE, GOVGRID_BOOTSTRAP_CITY_NAME and "
					+ "GOVGRID_BOOTSTRAP_PASSWORD to create the first administrators, or run with the demo profile.");
			return;
		}
		RegionSummary city = this.regions.findByCode(this.cityCode)
			.orElseGet(() -> this.regions.provision(RegionLevel.CITY, null, this.cityCode, this.cityName, null));
		this.identity.account("admin", "系统管理员", List.of("SYS_ADMIN"), city.id(), null, this.initialPassword);
		this.identity.account("secadmin", "安全管理员", List.of("SEC_ADMIN"), city.id(), null, this.initialPassword);
		this.identity.account("auditor", "安全审计员", List.of("AUDITOR"), city.id(), null, this.initialPassword);
		log.info("Created the first administrators admin, secadmin and auditor for {} ({}); "
				+ "each must change the initial password at first sign-in", this.cityName, this.cityCode);
	}

}
