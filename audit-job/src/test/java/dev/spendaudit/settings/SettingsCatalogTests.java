package dev.spendaudit.settings;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.spendaudit.settings.SettingsCatalog.Declared;
import dev.spendaudit.settings.SettingsTree.Bound;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names a set of settings records declares, read from the records: values, nested records, lists of values
 * and lists of records, in YAML spelling and as environment variables.
 */
class SettingsCatalogTests {

	record Root(@DefaultValue("UTC") String zone, List<Entry> plans, List<String> freeModels) {
	}

	record Entry(String name, Integer quietDays) {
	}

	record Source(String url, String masterKeySha256, @DefaultValue Nested nested, Map<String, String> labels) {
	}

	record Nested(@DefaultValue("5s") Duration retryDelay) {
	}

	static final SettingsCatalog CATALOG = SettingsCatalog
		.of(List.of(new Bound("spend-audit", Root.class), new Bound("spend-audit.source", Source.class)));

	@Test
	void declaresEveryComponentInKebabCase() {
		assertThat(declared("spend-audit.zone")).isTrue();
		assertThat(declared("spend-audit.source.master-key-sha256")).isTrue();
		assertThat(CATALOG.match(ConfigurationPropertyName.adapt("spend-audit.source.masterKeySha256", '.')))
			.as("relaxed, as Spring Boot binds")
			.isNotNull();
		assertThat(declared("spend-audit.source.nested.retry-delay")).isTrue();
		assertThat(declared("spend-audit.sorce.url")).isFalse();
		assertThat(declared("spend-audit.source.urll")).isFalse();
		assertThat(declared("spend-audit.zone.id")).as("a value has nothing below it").isFalse();
	}

	@Test
	void aRecordOnTheWayToSettingsIsKnownButSetsNothing() {
		// an empty "source:" block in YAML
		assertThat(CATALOG.match(ConfigurationPropertyName.of("spend-audit.source"))).isNotNull()
			.satisfies(m -> assertThat(m.setting()).isNull());
	}

	@Test
	void listsOfRecordsDeclareTheirEntriesFields() {
		assertThat(declared("spend-audit.plans[0].name")).isTrue();
		assertThat(declared("spend-audit.plans[3].quiet-days")).isTrue();
		assertThat(declared("spend-audit.plans[0].quiet-dayz")).isFalse();
		assertThat(CATALOG.match(ConfigurationPropertyName.of("spend-audit.plans[1].name")).setting())
			.hasToString("spend-audit.plans");
	}

	@Test
	void listsAndMapsOfValuesTakeAnythingBelow() {
		assertThat(declared("spend-audit.free-models[0]")).isTrue();
		assertThat(declared("spend-audit.free-models")).isTrue();
		assertThat(declared("spend-audit.source.labels.team")).isTrue();
	}

	@Test
	void environmentVariablesInEitherOfSpringBootsSpellings() {
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_SOURCE_URL").name()).hasToString("spend-audit.source.url");
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_SOURCE_MASTER_KEY_SHA256").setting())
			.hasToString("spend-audit.source.master-key-sha256");
		assertThat(CATALOG.matchVariable("SPENDAUDIT_SOURCE_MASTERKEYSHA256")).isNotNull();
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_SOURCE_NESTED_RETRY_DELAY")).isNotNull();
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_FREE_MODELS")).isNotNull();
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_PLANS_0_QUIET_DAYS").name())
			.hasToString("spend-audit.plans[0].quiet-days");
		assertThat(CATALOG.matchVariable("spend_audit_zone")).as("lower case binds too").isNotNull();
	}

	@Test
	void environmentVariablesThatBindNothingAreRefused() {
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_SORCE_URL")).isNull();
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_ZONE_ID")).isNull();
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_PLANS_0_QUIET_DAYZ")).isNull();
		// dashes dropped in one name and kept in the other: Spring Boot binds neither mix
		assertThat(CATALOG.matchVariable("SPEND_AUDIT_SOURCE_MASTERKEYSHA256")).isNull();
		assertThat(SettingsCatalog.isUnderRoot("SPEND_AUDIT_X")).isTrue();
		assertThat(SettingsCatalog.isUnderRoot("SPENDING")).isFalse();
	}

	@Test
	void declaredSettingsCarryTheirDefaults() {
		assertThat(CATALOG.declared()).extracting(d -> d.name().toString())
			.containsExactly("spend-audit.zone", "spend-audit.plans", "spend-audit.free-models",
					"spend-audit.source.url", "spend-audit.source.master-key-sha256",
					"spend-audit.source.nested.retry-delay", "spend-audit.source.labels");
		assertThat(CATALOG.declared()).extracting(Declared::defaultValue)
			.containsExactly("UTC", null, null, null, null, "5s", null);
	}

	private static boolean declared(String name) {
		return CATALOG.match(ConfigurationPropertyName.of(name)) != null;
	}

}
