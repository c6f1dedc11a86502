package org.govgrid;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * GovGrid: grass-roots social governance platform (DB3205/T 1054-2022). A modular
 * monolith; each top-level package is an application module.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GovGridApplication {

	public static void main(String[] args) {
		SpringApplication.run(GovGridApplication.class, args);
	}

}
