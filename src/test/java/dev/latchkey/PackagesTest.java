package dev.latchkey;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages form no import cycle: when two features need each other, one publishes an event or the shared type
 * moves to a leaf package (as the caller types did to {@code dev.latchkey.caller}).
 */
@AnalyzeClasses(packages = "dev.latchkey", importOptions = ImportOption.DoNotIncludeTests.class)
class PackagesTest {

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("dev.latchkey.(**)").should().beFreeOfCycles();
}
