package org.trialmeta;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trialmeta.analysis.EfficacyAnalysis;
import org.trialmeta.check.ReviewerCheck;
import org.trialmeta.stats.Wald;
import org.trialmeta.stats.nma.Network;

/** The package dependency rules of the README's Layout section, enforced on the compiled classes. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trialmeta");
    }

    /**
     * cli → report → present → check → analysis → stats, repository → model. {@code present} (summaries and the one
     * formatter) is used only by the report and the commands: stats, analysis, check, repository and model never
     * know how their results are written.
     */
    @Test
    void layersDependOnlyUpward() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("org.trialmeta.model..")
                .layer("stats").definedBy("org.trialmeta.stats..")
                .layer("repository").definedBy("org.trialmeta.repository..")
                .layer("analysis").definedBy("org.trialmeta.analysis..")
                .layer("document").definedBy("org.trialmeta.document..")
                .layer("scan").definedBy("org.trialmeta.scan..")
                .layer("check").definedBy("org.trialmeta.check..")
                .layer("present").definedBy("org.trialmeta.present..")
                .layer("report").definedBy("org.trialmeta.report..")
                .layer("digitise").definedBy("org.trialmeta.digitise..")
                .layer("cli").definedBy("org.trialmeta.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("digitise").mayOnlyBeAccessedByLayers("present", "cli")
                .whereLayer("present").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("present", "report", "cli")
                .whereLayer("scan").mayOnlyBeAccessedByLayers("check", "present", "cli")
                .whereLayer("document").mayOnlyBeAccessedByLayers("check", "present", "cli")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("check", "present", "report", "cli")
                .whereLayer("repository").mayOnlyBeAccessedByLayers("analysis", "check", "present", "report", "cli")
                .whereLayer("stats").mayOnlyBeAccessedByLayers("analysis", "check", "present", "report", "cli")
                .whereLayer("model").mayOnlyBeAccessedByLayers("repository", "analysis", "check", "present", "report",
                        "digitise", "cli", "document", "scan")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * The commands, the presentation layer and the report compute no statistics themselves: the numerical
     * libraries are for {@code stats} (commands call {@code stats} and {@code analysis}, and lay out what they
     * return).
     */
    @Test
    void cliPresentAndReportComputeNoStatistics() {
        noClasses().that().resideInAnyPackage("org.trialmeta.cli..", "org.trialmeta.present..", "org.trialmeta.report..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.commons.math3..",
                        "org.apache.commons.statistics..", "org.apache.commons.numbers..")
                .allowEmptyShould(true)
                .check(classes);
    }

    private static final String[] PRESENTING = {"org.trialmeta.cli..", "org.trialmeta.present..", "org.trialmeta.report.."};

    /**
     * Network meta-analysis results are computed in {@code stats.nma} and only formatted above it: the commands, the
     * presentation layer and the report use its result records and enums, never a fitting class; call none of its
     * static methods (p-values, fits); and read no matrix of a fitted model (a method returning a two-dimensional
     * array, e.g. the components' covariance; the one exception is the data's own count table,
     * {@link Network#studiesPerPair()}, drawn as edge widths).
     */
    @Test
    void presentationDoesNoNetworkArithmetic() {
        DescribedPredicate<JavaClass> fittingClass = resideInAPackage("org.trialmeta.stats.nma..")
                .and(DescribedPredicate.describe("neither a record nor an enum", c -> !c.isRecord() && !c.isEnum()));
        noClasses().that().resideInAnyPackage(PRESENTING)
                .should().dependOnClassesThat(fittingClass)
                .allowEmptyShould(true)
                .check(classes);
        DescribedPredicate<JavaMethodCall> staticInNma = DescribedPredicate.describe("a static method of stats.nma",
                call -> call.getTargetOwner().getPackageName().startsWith("org.trialmeta.stats.nma")
                        && call.getTarget().resolveMember().map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                                .orElse(false));
        DescribedPredicate<JavaMethodCall> matrixOfAFit = DescribedPredicate.describe(
                "a stats.nma method returning a matrix",
                call -> call.getTargetOwner().getPackageName().startsWith("org.trialmeta.stats.nma")
                        && !call.getTargetOwner().isEquivalentTo(Network.class)
                        && call.getTarget().getRawReturnType().isArray()
                        && call.getTarget().getRawReturnType().getComponentType().isArray());
        noClasses().that().resideInAnyPackage(PRESENTING)
                .should().callMethodWhere(staticInNma)
                .orShould().callMethodWhere(matrixOfAFit)
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Wald intervals and p-values are statistics: formed in {@code stats}, not where results are written. */
    @Test
    void presentationFormsNoWaldIntervals() {
        noClasses().that().resideInAnyPackage(PRESENTING)
                .should().dependOnClassesThat().belongToAnyOf(Wald.class)
                .allowEmptyShould(true)
                .check(classes);
    }

    /** The report lays out results it is given: it never runs the analyses or the reviewer check. */
    @Test
    void reportOnlyLaysOutResults() {
        noClasses().that().resideInAPackage("org.trialmeta.report..")
                .should().dependOnClassesThat().belongToAnyOf(EfficacyAnalysis.class, ReviewerCheck.class)
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Finding statistics in text is pure: the JDK and the model's value types, no library, no I/O package. */
    @Test
    void scanUsesOnlyTheJdkAndTheModel() {
        noClasses().that().resideInAPackage("org.trialmeta.scan..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java.lang..", "java.util..", "java.math..",
                        "org.trialmeta.scan..", "org.trialmeta.model..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void statsUsesOnlyTheJdkAndCommons() {
        noClasses().that().resideInAPackage("org.trialmeta.stats..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "java..", "org.trialmeta.stats..", "org.apache.commons.math3..",
                        "org.apache.commons.statistics..", "org.apache.commons.numbers..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * Results never say how they are written: the model, the statistics and the analyses know no JSON library. JSON
     * is shaped in {@code present} (summaries, e.g. {@code present.SubgroupComparisonJson}) and written by
     * {@code repository.Json}, which also reads the trial files.
     */
    @Test
    void modelStatsAndAnalysisKnowNoJson() {
        noClasses().that().resideInAnyPackage("org.trialmeta.model..", "org.trialmeta.stats..",
                        "org.trialmeta.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheCliPrintsOrExits() {
        noClasses().that().resideOutsideOfPackage("org.trialmeta.cli..")
                .should().callMethod(System.class, "exit", int.class)
                .orShould().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** PDFBox and POI write figures and tables (report) and read documents for {@code scan} (document); nothing else. */
    @Test
    void chartingLibrariesStayInReport() {
        noClasses().that().resideOutsideOfPackages("org.trialmeta.report..", "org.trialmeta.document..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.jfree..", "org.apache.pdfbox..", "de.rototor..", "org.apache.poi..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
