package org.govgrid;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure (no cycles, no access to internals) and writes the module
 * docs.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GovGridApplication.class);

	@Test
	void modulesAreWellFormed() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
