package org.qicsim;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture as rules on the compiled classes (ArchUnit; production classes only, tests
 * excluded). Three kinds of rule:
 *
 * <ol>
 *   <li><b>Package direction</b>, from ../shared/ARCHITECTURE.md ("cli, web → experiment,
 *       analysis, report → results → scenario, model; the model knows nothing of files, threads or
 *       the command line") and the code as it stands: each top-level package of {@code org.qicsim}
 *       may use only the packages listed for it in {@link #packageDirection()}; every package
 *       belongs to that table; no cycles between any two packages (subpackages included).</li>
 *   <li><b>MASON only in the model</b>: {@code sim..} and {@code ec..} (MASON's engine, utilities
 *       and {@code MersenneTwisterFast}) are used by {@code org.qicsim.model} and nothing else.</li>
 *   <li><b>The model's determinism rules</b> (ARCHITECTURE.md "Randomness" and "Determinism"):
 *       no {@code java.lang.Math} transcendental function (StrictMath only, whose results are fixed
 *       by specification on every JVM), no unordered hash structure, no generator outside
 *       {@code Streams}' keyed ones ({@code new Random}, {@code ThreadLocalRandom},
 *       {@code Math.random}, a one-argument {@code Collections.shuffle}, the {@code long}
 *       constructor of {@code MersenneTwisterFast}).</li>
 * </ol>
 *
 * <p>A violation inside the model that cannot be fixed in the round that added the rule is listed
 * in {@link #MODEL_ALLOWED}, one exact ArchUnit violation line each, with the issue that removes it;
 * the test fails both on a new violation and on an entry that no longer occurs, so a fixed violation
 * forces the list to shrink. Today the list is empty: the model keeps every rule.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    /** One accepted violation: the rule ({@code strictMath}, {@code hashStructures}, {@code keyedStreams}), the exact line ArchUnit reports, and why. */
    record Allowed(String rule, String violation, String reason) {
    }

    /**
     * Exact violation lines of the model rules accepted for now, each with its reason and the issue
     * that removes it ("to be removed by issue 12"). Empty: no violation was found when the rules
     * were written (ArchUnit 1.5.1 on the model of this commit).
     */
    static final List<Allowed> MODEL_ALLOWED = List.of();

    /** Math functions whose results may differ between JVMs and CPUs (not required to be correctly rounded). */
    private static final Set<String> NON_STRICT_MATH = Set.of("exp", "expm1", "log", "log10", "log1p", "pow",
            "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "hypot", "cbrt", "random");

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.qicsim");
        // Guard against a vacuous pass: the model and the command line must have been found.
        assertThat(classes.contain("org.qicsim.model.QicSimulation")).isTrue();
        assertThat(classes.contain("org.qicsim.cli.Main")).isTrue();
    }

    /**
     * Each package's allowed dependencies on other packages of ours (bottom to top). The JMH
     * benchmarks ({@code org.qicsim.bench}, compiled into the main classes only under the
     * {@code bench} profile) sit on top and may use anything but are used by nothing.
     */
    @Test
    void packageDirection() {
        packageDirectionRule().check(classes);
    }

    static ArchRule packageDirectionRule() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("scenario").definedBy("org.qicsim.scenario..")
                .layer("model").definedBy("org.qicsim.model..")
                .layer("results").definedBy("org.qicsim.results..")
                .layer("analysis").definedBy("org.qicsim.analysis..")
                .layer("experiment").definedBy("org.qicsim.experiment..")
                .layer("report").definedBy("org.qicsim.report..")
                .layer("patterns").definedBy("org.qicsim.patterns..")
                .layer("web").definedBy("org.qicsim.web..")
                .layer("cli").definedBy("org.qicsim.cli..")
                .optionalLayer("bench").definedBy("org.qicsim.bench..")
                .whereLayer("scenario").mayNotAccessAnyLayer()
                .whereLayer("model").mayOnlyAccessLayers("scenario")
                .whereLayer("results").mayOnlyAccessLayers("model", "scenario")
                .whereLayer("analysis").mayOnlyAccessLayers("results", "model", "scenario")
                .whereLayer("experiment").mayOnlyAccessLayers("analysis", "results", "model", "scenario")
                .whereLayer("report").mayOnlyAccessLayers("analysis", "results", "model", "scenario")
                .whereLayer("patterns").mayOnlyAccessLayers("experiment", "analysis", "results", "model", "scenario")
                .whereLayer("web").mayOnlyAccessLayers("patterns", "report", "experiment", "analysis", "results",
                        "model", "scenario")
                .whereLayer("cli").mayOnlyAccessLayers("web", "patterns", "report", "experiment", "analysis",
                        "results", "model", "scenario")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("bench")
                .whereLayer("bench").mayNotBeAccessedByAnyLayer();
    }

    /** A new top-level package must be placed in {@link #packageDirection()}'s table before it is used. */
    @Test
    void everyPackageHasAPlaceInTheDirection() {
        noClasses().that().resideInAPackage("org.qicsim..")
                .should().resideOutsideOfPackages("org.qicsim.scenario..", "org.qicsim.model..",
                        "org.qicsim.results..", "org.qicsim.analysis..", "org.qicsim.experiment..",
                        "org.qicsim.report..", "org.qicsim.patterns..", "org.qicsim.web..", "org.qicsim.cli..",
                        "org.qicsim.bench..")
                .because("every package of qicsim has a place in the package direction")
                .check(classes);
    }

    /** No cycle between any two packages, subpackages such as {@code experiment.sweep} included. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.qicsim.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void masonOnlyInTheModel() {
        masonRule().check(classes);
    }

    static ArchRule masonRule() {
        return noClasses().that().resideOutsideOfPackage("org.qicsim.model..")
                .should().dependOnClassesThat().resideInAnyPackage("sim..", "ec..")
                .because("MASON is the model's engine; nothing else may depend on it (ARCHITECTURE.md)");
    }

    @Test
    void modelUsesStrictMathOnly() {
        checkModel("strictMath", strictMathRule());
    }

    static ArchRule strictMathRule() {
        return noClasses().that().resideInAPackage("org.qicsim.model..")
                .should().callMethodWhere(describe("a non-strict java.lang.Math function (exp, log, pow, …, random)",
                        (JavaCall<?> call) -> call.getTargetOwner().isEquivalentTo(Math.class)
                                && NON_STRICT_MATH.contains(call.getName())))
                .because("StrictMath's results are fixed by specification, so runs are bit-identical on every JVM");
    }

    @Test
    void modelUsesNoUnorderedHashStructures() {
        checkModel("hashStructures", hashStructuresRule());
    }

    static ArchRule hashStructuresRule() {
        return noClasses().that().resideInAPackage("org.qicsim.model..")
                .should().dependOnClassesThat().belongToAnyOf(java.util.HashMap.class, java.util.HashSet.class,
                        Hashtable.class, IdentityHashMap.class, WeakHashMap.class, ConcurrentHashMap.class)
                .because("iteration order of hash structures is not part of their contract: "
                        + "use arrays by site id, List, EnumMap, TreeMap or LinkedHashMap");
    }

    @Test
    void modelDrawsOnlyFromKeyedStreams() {
        checkModel("keyedStreams", keyedStreamsRule());
    }

    static ArchRule keyedStreamsRule() {
        return noClasses().that().resideInAPackage("org.qicsim.model..")
                .should().callConstructorWhere(describe("a java.util.Random constructor",
                        (JavaCall<?> call) -> call.getTargetOwner().isAssignableTo(Random.class)))
                .orShould().dependOnClassesThat().belongToAnyOf(ThreadLocalRandom.class)
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .orShould().callMethod(java.util.Collections.class, "shuffle", List.class)
                .orShould().callConstructor("ec.util.MersenneTwisterFast", "long")
                .because("randomness comes only from Streams' keyed generators (MODEL.md §7)");
    }

    /** Checks a model rule, allowing exactly its lines of {@link #MODEL_ALLOWED}, each of which must still occur. */
    private static void checkModel(String name, ArchRule rule) {
        List<String> allowed = MODEL_ALLOWED.stream().filter(a -> a.rule().equals(name)).map(Allowed::violation).toList();
        EvaluationResult result = rule.evaluate(classes);
        List<String> violations = new ArrayList<>(result.getFailureReport().getDetails());
        List<String> unexpected = violations.stream().filter(v -> !allowed.contains(v)).toList();
        assertThat(unexpected).as("violations of: " + rule.getDescription()).isEmpty();
        List<String> stale = allowed.stream().filter(a -> !violations.contains(a)).toList();
        assertThat(stale).as("allow-list entries of " + name + " that no longer occur: remove them from MODEL_ALLOWED")
                .isEmpty();
    }

    /**
     * The rules are not vacuous: each flags a deliberately bad class of the test sources (placed in
     * the package the rule guards), and only the expected lines.
     */
    @Test
    void eachRuleCatchesADeliberateViolation() {
        JavaClasses bad = new ClassFileImporter().importClasses(
                org.qicsim.model.ArchitectureViolations.class, org.qicsim.scenario.ArchitectureViolation.class,
                org.qicsim.results.ArchitectureViolation.class);
        assertThat(details(packageDirectionRule(), bad)).anySatisfy(
                d -> assertThat(d).contains("org.qicsim.scenario.ArchitectureViolation").contains("org.qicsim.model."));
        assertThat(details(masonRule(), bad)).anySatisfy(
                d -> assertThat(d).contains("org.qicsim.results.ArchitectureViolation").contains("sim.engine."));
        assertThat(details(strictMathRule(), bad)).hasSize(4)
                .anySatisfy(d -> assertThat(d).contains("Math.exp(double)"))
                .anySatisfy(d -> assertThat(d).contains("Math.log(double)"))
                .anySatisfy(d -> assertThat(d).contains("Math.pow(double, double)"))
                .anySatisfy(d -> assertThat(d).contains("Math.random()"));
        assertThat(details(hashStructuresRule(), bad)).anySatisfy(d -> assertThat(d).contains("java.util.HashMap"))
                .anySatisfy(d -> assertThat(d).contains("java.util.HashSet"))
                .noneSatisfy(d -> assertThat(d).contains("java.util.LinkedHashMap"));
        assertThat(details(keyedStreamsRule(), bad)).anySatisfy(d -> assertThat(d).contains("java.util.Random.<init>"))
                .anySatisfy(d -> assertThat(d).contains("ThreadLocalRandom"))
                .anySatisfy(d -> assertThat(d).contains("Math.random()"));
    }

    private static List<String> details(ArchRule rule, JavaClasses in) {
        return rule.evaluate(in).getFailureReport().getDetails();
    }

    @Test
    void everyAllowedViolationNamesAKnownRuleAndAReason() {
        assertThat(MODEL_ALLOWED).allSatisfy(a -> {
            assertThat(a.rule()).isIn("strictMath", "hashStructures", "keyedStreams");
            assertThat(a.reason()).contains("issue");
        });
    }
}
