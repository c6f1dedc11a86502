package org.govgrid.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * {@code GOVGRID_BOOTSTRAP_CITY_NAME} and one initial secret for each of the three
 * separated administrators ({@code GOVGRID_BOOTSTRAP_ADMIN_PASSWORD} for {@code admin},
 * {@code GOVGRID_BOOTSTRAP_SECADMIN_PASSWORD} for {@code secadmin},
 * {@code GOVGRID_BOOTSTRAP_AUDITOR_PASSWORD} for {@code auditor}) set, the first start
 * creates the city and the three accounts, each to change its password at first sign-in.
 * 三员分立: the three secrets must differ, so that whoever receives one cannot sign in as
 * another; the old single {@code GOVGRID_BOOTSTRAP_PASSWORD} is refused. Nothing happens
 * once any account exists.
 */
@Component
@Profile("!demo")
class FirstAdministrators implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrators.class);

	private final IdentityProvisioning identity;

	private final RegionService regions;

	private final String cityCode;

	private final String cityName;

	private final String sharedPassword;

	private final Map<String, String> secrets = new LinkedHashMap<>();

	FirstAdministrators(IdentityProvisioning identity, RegionService regions,
			@Value("${govgrid.bootstrap.city-code:}") String cityCode,
			@Value("${govgrid.bootstrap.city-name:}") String cityName,
			@Value("${govgrid.bootstrap.password:}") String sharedPassword,
			@Value("${govgrid.bootstrap.admin-password:}") String adminPassword,
			@Value("${govgrid.bootstrap.secadmin-password:}") String secAdminPassword,
			@Value("${govgrid.bootstrap.auditor-password:}") String auditorPassword) {
		this.identity = identity;
		this.regions = regions;
		this.cityCode = cityCode;
		this.cityName = cityName;
		this.sharedPassword = sharedPassword;
		this.secrets.put("admin", adminPassword);
		this.secrets.put("secadmin", secAdminPassword);
		this.secrets.put("auditor", auditorPassword);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.identity.hasAnyUser()) {
			return;
		}
		boolean secretsGiven = this.secrets.values().stream().noneMatch(String::isBlank);
		if (this.cityCode.isBlank() || this.cityName.isBlank() || !secretsGiven) {
			log.warn("No accounts exist. Set GOVGRID_BOOTSTRAP_CITY_CODE, GOVGRID_BOOTSTRAP_CITY_NAME, "
					+ "GOVGRID_BOOTSTRAP_ADMIN_PASSWORD, GOVGRID_BOOTSTRAP_SECADMIN_PASSWORD and "
					+ "GOVGRID_BOOTSTRAP_AUDITOR_PASSWORD (three different secrets, 三员分立) to create the first "
					+ "administrators, or run with the demo profile." + (this.sharedPassword.isBlank() ? ""
							: " GOVGRID_BOOTSTRAP_PASSWORD (one password for all three) is no longer accepted."));
			return;
		}
		if (new java.util.HashSet<>(this.secrets.values()).size() < this.secrets.size()) {
			log.warn("No accounts created: GOVGRID_BOOTSTRAP_ADMIN_PASSWORD, GOVGRID_BOOTSTRAP_SECADMIN_PASSWORD and "
					+ "GOVGRID_BOOTSTRAP_AUDITOR_PASSWORD must be three different secrets (三员分立)");
			return;
		}
		RegionSummary city = this.regions.findByCode(this.cityCode)
			.orElseGet(() -> this.regions.provision(RegionLevel.CITY, null, this.cityCode, this.cityName, null));
		this.identity.account("admin", "系统管理员", List.of("SYS_ADMIN"), city.id(), null, this.secrets.get("admin"));
		this.identity.account("secadmin", "安全管理员", List.of("SEC_ADMIN"), city.id(), null, this.secrets.get("secadmin"));
		this.identity.account("auditor", "安全审计员", List.of("AUDITOR"), city.id(), null, this.secrets.get("auditor"));
		log.info("Created the first administrators admin, secadmin and auditor for {} ({}), each with its own "
				+ "initial secret, to be changed at first sign-in", this.cityName, this.cityCode);
	}

}
