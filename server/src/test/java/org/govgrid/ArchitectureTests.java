package org.govgrid;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.govgrid.platform.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.ExceptionHandler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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
			.beAssignableTo(IllegalTransitionException.class)
			.check(this.classes);
	}

	@Test
	void onlyPlatformMapsAnIllegalTransitionToAProblem() {
		methods().that()
			.areAnnotatedWith(ExceptionHandler.class)
			.should(new ArchCondition<JavaMethod>("leave illegal transitions to platform's mapping") {
				@Override
				public void check(JavaMethod method, ConditionEvents events) {
					boolean maps = method.getRawParameterTypes()
						.stream()
						.anyMatch(type -> type.isAssignableTo(IllegalTransitionException.class));
					Object handled = method.getAnnotationOfType(ExceptionHandler.class.getName())
						.get("value")
						.orElse(new JavaClass[0]);
					for (JavaClass type : (JavaClass[]) handled) {
						maps |= type.isAssignableTo(IllegalTransitionException.class);
					}
					if (maps && !method.getOwner().getPackageName().equals("org.govgrid.platform")) {
						events.add(SimpleConditionEvent.violated(method, method.getFullName()
								+ " maps an illegal transition; platform's ProblemResponses does"));
					}
				}
			})
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
