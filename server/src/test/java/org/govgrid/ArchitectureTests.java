package org.govgrid;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules the module check does not cover. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.govgrid");

	@Test
	void geometryAndChainLogicStayFreeOfSpring() {
		ArchRule rule = noClasses().that()
			.haveSimpleName("Boundaries")
			.or()
			.haveSimpleName("AuditChain")
			.or()
			.haveSimpleName("DataScope")
			.or()
			.haveSimpleName("DemoLattice")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..");
		rule.check(this.classes);
	}

	@Test
	void domainModelsArePlainJava() {
		// package-info may name the package as a module's interface; the classes stay
		// plain
		noClasses().that()
			.resideInAPackage("org.govgrid..model..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..")
			.check(this.classes);
	}

	@Test
	void everyIllegalTransitionIsThePlatformOne() {
		// one type, so that one mapping in platform answers every workflow's illegal step
		classes().that()
			.haveSimpleNameStartingWith("Illegal")
			.and()
			.haveSimpleNameContaining("Transition")
			.should()
			.beAssignableTo(org.govgrid.platform.IllegalTransitionException.class)
			.check(this.classes);
	}

	@Test
	void nothingWritesToStandardOut() {
		noClasses().should()
			.accessField(System.class, "out")
			.orShould()
			.accessField(System.class, "err")
			.check(this.classes);
	}

}
