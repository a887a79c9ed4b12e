package dev.spendaudit.source;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.spendaudit.core.AuditDay;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one read of a day: every fact it returns equals what a row-by-row count of the same seeded calls gives, in a
 * zone whose midnight is neither UTC's nor on the hour (Asia/Kolkata, +05:30), so the day spans two UTC dates and
 * splits two UTC hours.
 */
class DayReadIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

	static final AuditDay DAY = AuditDay.of(LocalDate.of(2026, 11, 26), ZONE);

	static final String NAMED = KeyHash.of("sk-named");

	static final String OTHER = KeyHash.of("sk-other");

	/** In no key table: its workload comes from the request alias in its metadata, which is read. */
	static final String UNNAMED = KeyHash.of("sk-unnamed");

	static LiteLlmDatabase db;

	static LiteLlmSource source;

	static List<Call> calls;

	@BeforeAll
	static void seed() {
		db = LiteLlmDatabase.create("dayread");
		db.writer().key(NAMED, "vk-named", "sk-...amed");
		db.writer().key(OTHER, "vk-other", "sk-...ther");
		calls = calls();
		db.writer().spendLogs(calls);
		source = db.source();
	}

	@AfterAll
	static void close() {
		db.close();
	}

	/** Calls over the day and a few hours either side, every kind of row the facts tell apart. */
	static List<Call> calls() {
		Random random = new Random(8);
		String[] keys = { NAMED, OTHER, UNNAMED };
		String[][] models = { { "gpt-4.1-mini", "openai" }, { "claude-sonnet-4", "anthropic" },
				{ "gemini-flash", "gemini" }, { "claude-sonnet-4", "bedrock" } };
		int[] prompts = { 12, 900, 1_000, 5_000, 8_000, 20_000, 64_000, 128_000, 200_000 };
		List<Call> calls = new ArrayList<>();
		LocalDateTime from = DAY.fromUtc().minusHours(3);
		for (int i = 0; i < 400; i++) {
			String key = keys[random.nextInt(keys.length)];
			String[] model = models[random.nextInt(models.length)];
			LocalDateTime at = from.plusSeconds(random.nextInt(30 * 3600)).truncatedTo(ChronoUnit.SECONDS);
			double spend = random.nextInt(4) == 0 ? 0.0 : (1 + random.nextInt(400)) / 1000.0;
			Call c = Call.of("r-" + i, key, key.equals(UNNAMED) ? (i % 2 == 0 ? "vk-by-request" : "") : null,
					model[0], model[1], at, spend, prompts[random.nextInt(prompts.length)], random.nextInt(3) * 150);
			switch (i % 17) {
				case 3 -> c = c.asFailure();
				case 5 -> c = c.asCacheHit();
				case 7 -> c = c.withSpend(Double.NaN);
				case 11 -> c = c.withSpend(-0.5);
				case 13 -> c = key.equals(UNNAMED) ? c.withMetadata("[\"not\", \"an object\"]") : c;
				default -> {
				}
			}
			calls.add(c);
		}
		return calls;
	}

	static List<Call> ofTheDay() {
		return calls.stream()
			.filter(c -> !c.startTimeUtc().isBefore(DAY.fromUtc()) && c.startTimeUtc().isBefore(DAY.toUtc()))
			.toList();
	}

	static boolean valid(Call c) {
		return !Double.isNaN(c.spend()) && !Double.isInfinite(c.spend()) && c.spend() >= 0;
	}

	static BigDecimal usd(List<Call> calls) {
		return calls.stream().filter(DayReadIntegrationTests::valid).map(c -> BigDecimal.valueOf(c.spend()))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static boolean unpriced(Call c) {
		return c.spend() == 0.0 && c.promptTokens() + c.completionTokens() > 0 && !"failure".equals(c.status())
				&& !"True".equals(c.cacheHit());
	}

	@Test
	void theDaysTwoHalvesAddUpToTheWholeDaysStatement() {
		// a day read alone runs in two halves side by side; days read at once run whole: the facts are the same
		DaySpendScan scan = new DaySpendScan(db.writer().dsl(), SourceCapabilities.detect(db.writer().dsl()),
				AnomalousSettings.defaults());
		Scan halves = scan.scan(DAY, Set.of(NAMED), true);
		Scan whole = scan.scan(DAY, Set.of(NAMED), false);
		assertThat(sorted(halves.groups())).isEqualTo(sorted(whole.groups()));
		assertThat(sorted(halves.promptBuckets())).isEqualTo(sorted(whole.promptBuckets()));
		assertThat(sorted(halves.providerHours())).isEqualTo(sorted(whole.providerHours()));
		assertThat(sorted(halves.keyUtcDates())).isEqualTo(sorted(whole.keyUtcDates()));
		assertThat(halves.tagSetList()).isEqualTo(whole.tagSetList());
		assertThat(halves.callerHints()).isEqualTo(whole.callerHints());
		// the halves did split something: a group of the day has rows on both sides of the split
		assertThat(whole.groups()).anySatisfy(g -> assertThat(g.requests()).isGreaterThan(1));
		assertThat(halves.providerHours()).extracting(ProviderHour::hourUtc)
			.anyMatch(h -> h.isBefore(SideBySide.halves(DAY.fromUtc(), DAY.toUtc()).get(1).fromUtc()))
			.anyMatch(h -> !h.isBefore(SideBySide.halves(DAY.fromUtc(), DAY.toUtc()).get(1).fromUtc()));
	}

	private static <T> List<T> sorted(List<T> facts) {
		return facts.stream().sorted(Comparator.comparing(Object::toString)).toList();
	}

	@Test
	void groupsAreTheRowsSummedByKeyModelAndProvider() {
		DayFacts facts = source.readDay(DAY);
		Map<String, List<Call>> expected = ofTheDay().stream()
			.collect(Collectors.groupingBy(c -> c.apiKey() + "|" + c.modelGroup() + "|" + c.provider()));
		assertThat(facts.groups()).hasSize(expected.size());
		for (SpendGroup g : facts.groups()) {
			List<Call> rows = expected.get(g.apiKey() + "|" + g.model() + "|" + g.provider());
			assertThat(rows).as(g.toString()).isNotNull();
			assertThat(g.requests()).isEqualTo(rows.size());
			assertThat(g.failedRequests()).isEqualTo(rows.stream().filter(c -> "failure".equals(c.status())).count());
			assertThat(g.cacheHits()).isEqualTo(rows.stream().filter(c -> "True".equals(c.cacheHit())).count());
			assertThat(g.promptTokens()).isEqualTo(rows.stream().mapToLong(Call::promptTokens).sum());
			assertThat(g.completionTokens()).isEqualTo(rows.stream().mapToLong(Call::completionTokens).sum());
			assertThat(g.usd()).isEqualByComparingTo(usd(rows));
			assertThat(g.invalidSpendRows()).isEqualTo(rows.stream().filter(c -> !valid(c)).count());
			assertThat(g.newestStartUtc())
				.isEqualTo(rows.stream().map(Call::startTimeUtc).max(LocalDateTime::compareTo).orElseThrow());
			List<Call> unpriced = rows.stream().filter(DayReadIntegrationTests::unpriced).toList();
			assertThat(g.unpriced()).isEqualTo(new SpendGroup.Unpriced(unpriced.size(),
					unpriced.stream().mapToLong(Call::promptTokens).sum(),
					unpriced.stream().mapToLong(Call::completionTokens).sum()));
		}
		assertThat(facts.groups().stream().mapToLong(g -> g.unpriced().requests()).sum()).isPositive();
	}

	@Test
	void promptBucketsCountEveryRequestOnce() {
		DayFacts facts = source.readDay(DAY);
		Map<String, Long> expected = new HashMap<>();
		Map<String, BigDecimal> expectedUsd = new HashMap<>();
		for (Call c : ofTheDay()) {
			String key = c.apiKey() + "|" + c.modelGroup() + "|" + bucket(c.promptTokens());
			expected.merge(key, 1L, Long::sum);
			expectedUsd.merge(key, valid(c) ? BigDecimal.valueOf(c.spend()) : BigDecimal.ZERO, BigDecimal::add);
		}
		assertThat(facts.promptBuckets()).hasSize(expected.size());
		for (PromptBucket b : facts.promptBuckets()) {
			String key = b.apiKey() + "|" + b.model() + "|" + b.minPromptTokens();
			assertThat(b.requests()).as(key).isEqualTo(expected.get(key));
			assertThat(b.usd()).as(key).isEqualByComparingTo(expectedUsd.get(key));
		}
		assertThat(facts.promptBuckets().stream().map(PromptBucket::minPromptTokens).distinct())
			.containsExactlyInAnyOrderElementsOf(PromptBucket.BOUNDS);
	}

	static long bucket(int promptTokens) {
		long bucket = 0;
		for (long bound : PromptBucket.BOUNDS) {
			if (promptTokens >= bound) {
				bucket = bound;
			}
		}
		return bucket;
	}

	@Test
	void utcHoursAndDatesSplitTheDayWhereUtcDoes() {
		DayFacts facts = source.readDay(DAY);
		Map<String, List<Call>> byHour = ofTheDay().stream().collect(Collectors
			.groupingBy(c -> c.startTimeUtc().truncatedTo(ChronoUnit.HOURS) + "|" + c.provider()));
		assertThat(facts.providerHours()).hasSize(byHour.size());
		for (ProviderHour h : facts.providerHours()) {
			List<Call> rows = byHour.get(h.hourUtc() + "|" + h.provider());
			assertThat(h.requests()).isEqualTo(rows.size());
			assertThat(h.promptTokens()).isEqualTo(rows.stream().mapToLong(Call::promptTokens).sum());
			assertThat(h.completionTokens()).isEqualTo(rows.stream().mapToLong(Call::completionTokens).sum());
			assertThat(h.usd()).isEqualByComparingTo(usd(rows));
		}
		// the day starts at 18:30 UTC: that hour's figures hold only its last half hour
		assertThat(facts.providerHours()).extracting(ProviderHour::hourUtc)
			.contains(DAY.fromUtc().truncatedTo(ChronoUnit.HOURS), DAY.toUtc().truncatedTo(ChronoUnit.HOURS));
		Map<String, List<Call>> byDate = ofTheDay().stream()
			.collect(Collectors.groupingBy(c -> c.startTimeUtc().toLocalDate() + "|" + c.apiKey()));
		assertThat(facts.keyUtcDates()).hasSize(byDate.size());
		for (KeyUtcDate d : facts.keyUtcDates()) {
			List<Call> rows = byDate.get(d.utcDate() + "|" + d.apiKey());
			assertThat(d.requests()).isEqualTo(rows.size());
			assertThat(d.failedRequests()).isEqualTo(rows.stream().filter(c -> "failure".equals(c.status())).count());
			assertThat(d.usd()).isEqualByComparingTo(usd(rows));
		}
		assertThat(facts.keyUtcDates()).extracting(KeyUtcDate::utcDate)
			.containsOnly(LocalDate.of(2026, 11, 25), LocalDate.of(2026, 11, 26));
	}

	@Test
	void anomalousRowsAndMetadataOnlyOfTheHashesNoKeyTableNames() {
		DayFacts facts = source.readDay(DAY);
		List<Call> day = ofTheDay();
		List<Call> unnamed = day.stream().filter(c -> c.apiKey().equals(UNNAMED)).toList();
		List<Call> badMetadata = unnamed.stream().filter(c -> c.metadata().startsWith("[")).toList();
		assertThat(badMetadata).isNotEmpty();
		assertThat(facts.metadata()).isEqualTo(new DayFacts.MetadataRead(unnamed.size(), badMetadata.size()));
		assertThat(facts.invalidSpendRows()).isEqualTo(day.stream().filter(c -> !valid(c)).count());
		List<String> expected = day.stream()
			.filter(c -> !valid(c) || badMetadata.contains(c))
			.sorted(Comparator.comparing(Call::startTimeUtc).thenComparing(Call::requestId))
			.map(Call::requestId)
			.limit(DayRead.ANOMALY_SAMPLES)
			.toList();
		assertThat(facts.anomalousSamples()).extracting(AnomalousRow::requestId).containsExactlyElementsOf(expected);
		assertThat(facts.workloads().get(UNNAMED)).isEqualTo(new Workload("vk-by-request", Attribution.REQUEST_ALIAS));
		assertThat(facts.workloads().get(NAMED)).isEqualTo(new Workload("vk-named", Attribution.KEY_ALIAS));
		assertThat(facts.newestRowUtc()).isEqualTo(calls.stream()
			.map(Call::startTimeUtc)
			.filter(t -> t.isBefore(DAY.toUtc()))
			.max(LocalDateTime::compareTo)
			.orElseThrow());
	}

	@Test
	void theTotalsOfEachKindOfFactAgree() {
		DayFacts facts = source.readDay(DAY);
		Function<List<BigDecimal>, BigDecimal> total = l -> l.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal groups = total.apply(facts.groups().stream().map(SpendGroup::usd).toList());
		assertThat(groups).isEqualByComparingTo(usd(ofTheDay()));
		assertThat(total.apply(facts.promptBuckets().stream().map(PromptBucket::usd).toList()))
			.isEqualByComparingTo(groups);
		assertThat(total.apply(facts.providerHours().stream().map(ProviderHour::usd).toList()))
			.isEqualByComparingTo(groups);
		assertThat(total.apply(facts.keyUtcDates().stream().map(KeyUtcDate::usd).toList()))
			.isEqualByComparingTo(groups);
		assertThat(facts.providerHours().stream().mapToLong(ProviderHour::requests).sum())
			.isEqualTo(ofTheDay().size());
	}

}
