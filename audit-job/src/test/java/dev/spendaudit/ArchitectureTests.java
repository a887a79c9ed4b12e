package dev.spendaudit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the house: no cycles between the top-level packages; the root package is the composition root
 * alone, and nothing imports it; each feature package owns its library: LiteLLM's tables only in {@code source},
 * the job's day fact tables only in {@code history}, Freemarker only in {@code digest}, mail only in
 * {@code delivery}, Commons Math only in {@code baseline}, Commons CSV only in {@code reconcile.bill} (the bills),
 * the Prometheus client only in {@code health}, HTTP only in {@code health} (the heartbeat), {@code notify} (the
 * webhooks) and {@code reconcile.fetch} (the providers' bills, with the retry library), the progress bar only in
 * {@code progress}.
 * The findings pipeline knows no feature.
 */
class ArchitectureTests {

	static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("dev.spendaudit");
	}

	@Test
	void noCyclesBetweenPackages() {
		check(slices().matching("dev.spendaudit.(*)..").should().beFreeOfCycles());
	}

	@Test
	void theRootPackageHoldsOnlyTheCompositionRoot() {
		check(classes().that()
			.resideInAPackage("dev.spendaudit")
			.and()
			.areTopLevelClasses()
			.should()
			.be(SpendAuditApplication.class)
			.orShould()
			.be(AuditJobConfiguration.class));
	}

	@Test
	void nothingOutsideTheCompositionRootImportsTheRoot() {
		check(noClasses().that()
			.resideOutsideOfPackage("dev.spendaudit")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.spendaudit"));
	}

	@Test
	void onlyTheCompositionRootImportsFeaturePackagesFromTheRoot() {
		check(noClasses().that()
			.resideInAPackage("dev.spendaudit")
			.and()
			.doNotBelongToAnyOf(SpendAuditApplication.class, AuditJobConfiguration.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.spendaudit.*.."));
	}

	@Test
	void onlySourceTouchesLiteLlmTables() {
		check(noClasses().that()
			.resideOutsideOfPackages("dev.spendaudit.source..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.spendaudit.source.litellm.."));
	}

	/** The job's day fact tables and their records: read and written by the history package alone. */
	@Test
	void onlyHistoryTouchesTheDayFactTables() {
		check(noClasses().that()
			.resideOutsideOfPackages("dev.spendaudit.history..", "dev.spendaudit.store.jooq..")
			.should()
			.dependOnClassesThat()
			.haveNameMatching("dev\\.spendaudit\\.store\\.jooq\\.tables\\.(records\\.)?"
					+ "(AuditDay|SourceDay|KeyModelDay|AnomalousRow|PromptBucketDay|ProviderUtcHour|KeyUtcDate|KeyCallerDay"
					+ "|TagSetDay|TeamKeyDay|TeamBudgetDay)"
					+ "(Record)?(\\$.*)?"));
	}

	/** The bills, their request lookups and the reconciled days: read and written by the reconcile package alone. */
	@Test
	void onlyReconcileTouchesTheBillTables() {
		check(noClasses().that()
			.resideOutsideOfPackages("dev.spendaudit.reconcile..", "dev.spendaudit.store.jooq..")
			.should()
			.dependOnClassesThat()
			.haveNameMatching("dev\\.spendaudit\\.store\\.jooq\\.tables\\.(records\\.)?"
					+ "(BillFile|BillCoverage|BilledDay|BilledUsage|BilledRequest|BillMatchDay|BillMatch|ReconciledDay"
					+ "|ReconcileDigest)(Record)?(\\$.*)?"));
	}

	/** What the webhooks pushed: kept and read by the notify package alone. */
	@Test
	void onlyNotifyTouchesTheWebhookRecord() {
		check(noClasses().that()
			.resideOutsideOfPackages("dev.spendaudit.notify..", "dev.spendaudit.store.jooq..")
			.should()
			.dependOnClassesThat()
			.haveNameMatching("dev\\.spendaudit\\.store\\.jooq\\.tables\\.(records\\.)?SentNotification(Record)?(\\$.*)?"));
	}

	@Test
	void onlyDigestUsesFreemarker() {
		check(noClasses().that().resideOutsideOfPackages("dev.spendaudit.digest..").should().dependOnClassesThat()
			.resideInAnyPackage("freemarker..", "org.springframework.ui.freemarker.."));
	}

	@Test
	void onlyDeliveryUsesMail() {
		check(noClasses().that().resideOutsideOfPackages("dev.spendaudit.delivery..").should().dependOnClassesThat()
			.resideInAnyPackage("jakarta.mail..", "org.springframework.mail..", "org.eclipse.angus.mail.."));
	}

	@Test
	void onlyBaselineUsesCommonsMath() {
		check(noClasses().that().resideOutsideOfPackages("dev.spendaudit.baseline..").should().dependOnClassesThat()
			.resideInAPackage("org.apache.commons.math3.."));
	}

	@Test
	void onlyBillsUseCommonsCsv() {
		check(noClasses().that().resideOutsideOfPackages("dev.spendaudit.reconcile.bill..").should()
			.dependOnClassesThat().resideInAPackage("org.apache.commons.csv.."));
	}

	@Test
	void onlyHealthUsesThePrometheusClient() {
		check(noClasses().that().resideOutsideOfPackages("dev.spendaudit.health..").should().dependOnClassesThat()
			.resideInAnyPackage("io.prometheus.."));
	}

	/** The heartbeat's pings, the webhooks' pushes and the providers' bills: the only three places that speak HTTP. */
	@Test
	void onlyHealthNotifyAndReconcileFetchSpeakHttp() {
		check(noClasses().that()
			.resideOutsideOfPackages("dev.spendaudit.health..", "dev.spendaudit.notify..",
					"dev.spendaudit.reconcile.fetch..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.net.http.."));
	}

	@Test
	void onlyReconcileFetchUsesTheRetryLibrary() {
		check(noClasses().that()
			.resideOutsideOfPackages("dev.spendaudit.reconcile.fetch..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.failsafe.."));
	}

	@Test
	void onlyProgressDrawsProgressBars() {
		check(noClasses().that().resideOutsideOfPackages("dev.spendaudit.progress..").should().dependOnClassesThat()
			.resideInAnyPackage("me.tongfei.progressbar..", "org.jline.."));
	}

	@Test
	void theFindingsPipelineImportsNoFeature() {
		// features import findings (their rules implement FindingRule), never the other way round
		check(noClasses().that()
			.resideInAPackage("dev.spendaudit.findings..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.spendaudit.baseline..", "dev.spendaudit.staleness..",
					"dev.spendaudit.subscriptions..", "dev.spendaudit.keywatch..", "dev.spendaudit.digest..",
					"dev.spendaudit.delivery..", "dev.spendaudit.rollup..", "dev.spendaudit.cli..",
					"dev.spendaudit.source..", "dev.spendaudit.history..", "dev.spendaudit.health..",
					"dev.spendaudit.failures..", "dev.spendaudit.notify.."));
	}

	private static void check(ArchRule rule) {
		rule.allowEmptyShould(true).check(classes);
	}

}
