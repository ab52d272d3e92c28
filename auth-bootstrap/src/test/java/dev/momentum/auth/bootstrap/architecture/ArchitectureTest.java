package dev.momentum.auth.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.PackageMatchers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.momentum.auth.adapter.mail.planted.PlantedDrivingMailer;
import dev.momentum.auth.adapter.persistence.planted.PlantedSessions;
import dev.momentum.auth.adapter.web.planted.PlantedWebShortcut;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.planted.JsonPlantedHelper;
import dev.momentum.auth.application.plantedcycle.PlantedCycle;
import dev.momentum.auth.application.port.in.planted.PlantedPort;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.bootstrap.planted.PlantedCodingViolations;
import dev.momentum.auth.bootstrap.planted.PlantedWiring;
import dev.momentum.auth.domain.planted.PlantedDomainViolations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The layering of ADR-0001, checked on the compiled main code of every module. */
class ArchitectureTest {

    static final String ROOT = "dev.momentum.auth";
    static final String DOMAIN = ROOT + ".domain..";
    static final String APPLICATION = ROOT + ".application..";
    static final String PORT_IN = ROOT + ".application..port.in..";
    static final String PORT_OUT = ROOT + ".application..port.out..";
    static final String FAILURES = ROOT + ".application.error..";
    static final String ADAPTERS = ROOT + ".adapter..";
    static final String WEB = ROOT + ".adapter.web..";
    static final String PERSISTENCE = ROOT + ".adapter.persistence..";

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages(ROOT);

    static final ArchRule DOMAIN_DEPENDS_ON_NOTHING = classes().that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .because("the domain is pure Java (ADR-0001)");

    static final ArchRule APPLICATION_DEPENDS_ON_DOMAIN_AND_REACTOR = classes().that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "reactor.core..", "reactor.util.context..",
                    "org.reactivestreams..")
            .because("use cases know the domain and Reactor only (ADR-0002)");

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching(ROOT + ".adapter.(*)..")
            .should().notDependOnEachOther()
            .because("only the bootstrap sees every adapter (ADR-0001)");

    static final ArchRule ONLY_BOOTSTRAP_SEES_ADAPTERS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAPackage(ADAPTERS);

    /** Implementing an out-port is how the web adapter serves the core (the mailed links of its routes). */
    static final ArchRule WEB_USES_PRIMARY_PORTS_ONLY = classes().that().resideInAPackage(WEB)
            .should(ArchConditions.onlyHaveDependenciesWhere(new DescribedPredicate<Dependency>(
                    "the target is outside the application, an in-port, a failure, the settings reader, or an out-port it implements") {
                @Override
                public boolean test(Dependency dependency) {
                    JavaClass target = dependency.getTargetClass();
                    return !PackageMatchers.of(APPLICATION).test(target.getPackageName())
                            || PackageMatchers.of(PORT_IN, FAILURES).test(target.getPackageName())
                            || target.isEquivalentTo(SettingsReader.class)
                            || PackageMatchers.of(PORT_OUT).test(target.getPackageName())
                            && dependency.getOriginClass().isAssignableTo(target.getName());
                }
            }))
            .because("the web adapter drives use cases through their in-ports, never a service or an out-port");

    static final ArchRule CAPABILITY_WIRING_SEES_PORTS_ONLY = noClasses()
            .that().resideInAPackage(ROOT + ".bootstrap..").and().haveSimpleNameEndingWith("Wiring")
            .and().doNotHaveSimpleName("AdapterWiring").and().doNotHaveSimpleName("ServiceWiring")
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE, ROOT + ".adapter.crypto..",
                    ROOT + ".adapter.mail..")
            .because("beans are typed by port: only AdapterWiring knows which adapter implements one"
                    + " (ServiceWiring starts the servers and says which mail and database it runs on)");

    static final ArchRule PRIMARY_PORTS_NEVER_EXPOSE_DRIVEN_PORTS = noClasses().that().resideInAPackage(PORT_IN)
            .should().dependOnClassesThat().resideInAPackage(PORT_OUT)
            .because("a driving adapter must not see what the core drives");

    static final ArchRule CAPABILITIES_ARE_FREE_OF_CYCLES = slices().matching(ROOT + ".application.(*)..")
            .should().beFreeOfCycles()
            .because("each capability is a package a newcomer can read from its use cases down");

    static final ArchRule DRIVEN_ADAPTERS_NEVER_DRIVE = noClasses()
            .that().resideInAnyPackage(PERSISTENCE, ROOT + ".adapter.mail..", ROOT + ".adapter.crypto..")
            .should().dependOnClassesThat().resideInAPackage(PORT_IN);

    /** A sealed family of commands (one per OAuth grant) is an interface too, named as its members are. */
    static final ArchRule PRIMARY_PORTS_ARE_USE_CASES_OR_QUERIES = classes().that().resideInAPackage(PORT_IN)
            .and().areInterfaces().and().doNotHaveSimpleName("package-info")
            .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameEndingWith("Query")
            .orShould().haveSimpleNameEndingWith("Result").orShould().haveSimpleNameEndingWith("Command");

    static final ArchRule PRIMARY_PORT_RECORDS_ARE_COMMANDS_OR_RESULTS = classes().that().resideInAPackage(PORT_IN)
            .and().areRecords()
            .should().haveSimpleNameEndingWith("Command").orShould().haveSimpleNameEndingWith("Query")
            .orShould().haveSimpleNameEndingWith("Result");

    /**
     * Ports named by class, so that renaming one breaks the build instead of the rule. ArchUnit
     * joins the conditions left to right: the package applies to all the ports.
     */
    static final ArchRule PERSISTENCE_PORTS_ARE_PERSISTENCE_ADAPTERS = classes()
            .that().implement(UserLookup.class)
            .or().implement(PasswordCredentials.class)
            .or().implement(SessionRepository.class)
            .or().implement(VerificationTokenRepository.class)
            .and().resideInAPackage(PERSISTENCE)
            .should().haveSimpleNameEndingWith("PersistenceAdapter");

    static final ArchRule REQUESTS_AND_RESPONSES_LIVE_IN_WEB = classes()
            .that().haveSimpleNameEndingWith("Request").or().haveSimpleNameEndingWith("Response")
            .should().resideInAPackage(WEB);

    static final ArchRule NO_TECHNOLOGY_WORDS_IN_THE_CORE = noClasses().that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().haveNameMatching(".*(R2dbc|Postgres|Sql|Http|Json|Resend|Smtp).*")
            .because("the core speaks of users and sessions, not of the technology behind them");

    static final ArchRule CORE_TAKES_TIME_AND_RANDOMNESS_FROM_PORTS = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(UUID.class, "randomUUID")
            .because("time comes from an injected Clock and randomness from SecureTokenGenerator");

    static final ArchRule NO_WEAK_RANDOMNESS = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName(Random.class.getName())
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
            .because("every random value here protects something: SecureRandom only");

    /** Commands such as the better-auth import run on the main thread of a process that serves nothing. */
    static final ArchRule NO_BLOCKING_IN_PIPELINES = noClasses()
            .that().resideOutsideOfPackage(ROOT + ".bootstrap.migration..")
            .should().callMethodWhere(
                    new DescribedPredicate<JavaMethodCall>("Mono/Flux block*()") {
                        @Override
                        public boolean test(JavaMethodCall call) {
                            return call.getTargetOwner().getPackageName().equals("reactor.core.publisher")
                                    && call.getName().startsWith("block");
                        }
                    })
            .because("a blocked event-loop thread stalls every request it serves");

    static List<ArchRule> rules() {
        return List.of(DOMAIN_DEPENDS_ON_NOTHING, APPLICATION_DEPENDS_ON_DOMAIN_AND_REACTOR, ADAPTERS_ARE_INDEPENDENT,
                ONLY_BOOTSTRAP_SEES_ADAPTERS, WEB_USES_PRIMARY_PORTS_ONLY, CAPABILITY_WIRING_SEES_PORTS_ONLY,
                PRIMARY_PORTS_NEVER_EXPOSE_DRIVEN_PORTS,
                CAPABILITIES_ARE_FREE_OF_CYCLES, DRIVEN_ADAPTERS_NEVER_DRIVE,
                PRIMARY_PORTS_ARE_USE_CASES_OR_QUERIES, PRIMARY_PORT_RECORDS_ARE_COMMANDS_OR_RESULTS,
                PERSISTENCE_PORTS_ARE_PERSISTENCE_ADAPTERS, REQUESTS_AND_RESPONSES_LIVE_IN_WEB,
                NO_TECHNOLOGY_WORDS_IN_THE_CORE, CORE_TAKES_TIME_AND_RANDOMNESS_FROM_PORTS, NO_WEAK_RANDOMNESS,
                NO_BLOCKING_IN_PIPELINES, GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION,
                GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS,
                GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS,
                GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING);
    }

    @ParameterizedTest
    @MethodSource("rules")
    void mainCodeFollowsRule(ArchRule rule) {
        rule.check(MAIN);
    }

    @Test
    void everyNamedLayerHasClasses() {
        Stream.of(DOMAIN, PORT_IN, PORT_OUT, FAILURES, WEB, PERSISTENCE, ROOT + ".adapter.mail..",
                        ROOT + ".adapter.crypto..", ROOT + ".bootstrap..")
                .forEach(layer -> assertThat(MAIN.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage(layer))).as(layer).isNotEmpty());
    }

    /**
     * Each rule must be able to fail: run on planted violations, every rule fails, and for the
     * planted class that breaks it. ArchUnit also fails a rule that matches no class at all, so the
     * message must name the planted class.
     */
    @Test
    void rulesDetectPlantedViolations() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedDomainViolations.class,
                PlantedDomainViolations.PlantedSignUpRequest.class, JsonPlantedHelper.class, PlantedPort.class,
                PlantedPort.PlantedDetails.class, PlantedWebShortcut.class, PlantedDrivingMailer.class,
                PlantedSessions.class, PlantedCodingViolations.class, PlantedCycle.class, PlantedWiring.class,
                dev.momentum.auth.adapter.persistence.DatabaseUrl.class,
                dev.momentum.auth.application.session.SignOutService.class);
        Map<ArchRule, String> breakers = new LinkedHashMap<>();
        breakers.put(DOMAIN_DEPENDS_ON_NOTHING, "PlantedDomainViolations");
        breakers.put(APPLICATION_DEPENDS_ON_DOMAIN_AND_REACTOR, "JsonPlantedHelper");
        breakers.put(ADAPTERS_ARE_INDEPENDENT, "PlantedWebShortcut");
        breakers.put(ONLY_BOOTSTRAP_SEES_ADAPTERS, "JsonPlantedHelper");
        breakers.put(WEB_USES_PRIMARY_PORTS_ONLY, "PlantedWebShortcut");
        breakers.put(CAPABILITY_WIRING_SEES_PORTS_ONLY, "PlantedWiring");
        breakers.put(PRIMARY_PORTS_NEVER_EXPOSE_DRIVEN_PORTS, "PlantedPort");
        breakers.put(CAPABILITIES_ARE_FREE_OF_CYCLES, "PlantedCycle");
        breakers.put(DRIVEN_ADAPTERS_NEVER_DRIVE, "PlantedDrivingMailer");
        breakers.put(PRIMARY_PORTS_ARE_USE_CASES_OR_QUERIES, "PlantedPort");
        breakers.put(PRIMARY_PORT_RECORDS_ARE_COMMANDS_OR_RESULTS, "PlantedDetails");
        breakers.put(PERSISTENCE_PORTS_ARE_PERSISTENCE_ADAPTERS, "PlantedSessions");
        breakers.put(REQUESTS_AND_RESPONSES_LIVE_IN_WEB, "PlantedSignUpRequest");
        breakers.put(NO_TECHNOLOGY_WORDS_IN_THE_CORE, "JsonPlantedHelper");
        breakers.put(CORE_TAKES_TIME_AND_RANDOMNESS_FROM_PORTS, "PlantedDomainViolations");
        breakers.put(NO_WEAK_RANDOMNESS, "PlantedDomainViolations");
        breakers.put(NO_BLOCKING_IN_PIPELINES, "JsonPlantedHelper");
        breakers.put(GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION, "PlantedCodingViolations");
        breakers.put(GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS, "PlantedCodingViolations");
        breakers.put(GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS, "PlantedCodingViolations");
        breakers.put(GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING, "PlantedCodingViolations");

        assertThat(breakers.keySet()).as("every rule the main code follows has a planted violation")
                .containsExactlyInAnyOrderElementsOf(rules());
        breakers.forEach((rule, breaker) -> assertThat(catchThrowable(() -> rule.check(planted)))
                .as("planted violation of: %s", rule.getDescription())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(breaker));
        assertThat(catchThrowable(() -> WEB_USES_PRIMARY_PORTS_ONLY.check(planted)))
                .as("the web adapter reaches neither a service nor an out-port")
                .hasMessageContaining("SignOutService").hasMessageContaining("SessionRepository");
    }
}
