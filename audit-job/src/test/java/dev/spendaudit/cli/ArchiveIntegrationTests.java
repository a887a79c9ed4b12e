package dev.spendaudit.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.spendaudit.archive.ArchiveFiles;
import dev.spendaudit.source.KeyHash;
import dev.spendaudit.source.demo.Call;
import dev.spendaudit.testsupport.HeadlessChromium;
import dev.spendaudit.testsupport.LiteLlmDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.spendaudit.cli.CliIntegrationTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive from a real store ({@link MonthsOfTraffic}: three workloads, October to December, a WATCH and an
 * ALERT day): what its pages say, which files a night rewrites, the {@code archive} command's full rebuild, and
 * the pages in headless Chromium (no console message, every relative link resolves). Each test keeps its own
 * store schema.
 */
class ArchiveIntegrationTests {

	private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

	static LiteLlmDatabase db;

	@TempDir
	Path dir;

	@BeforeAll
	static void twoMonths() {
		db = MonthsOfTraffic.create("archive");
	}

	@AfterAll
	static void close() {
		db.close();
	}

	@Test
	void theNightWritesTheIndexTheMonthAndTheWorkloadsFromTheStore() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "arch_pages", 1, "");
		run(config, "2026-11-23");
		run(config, MonthsOfTraffic.ALERT_DAY.toString());
		String index = Files.readString(dir.resolve(ArchiveFiles.INDEX));
		// an audited day is coloured by its status and links its digest; a day only rolled up has no colour
		assertThat(index).contains("<a class=\"st-ALERT\" href=\"digest-2026-11-24.html\"")
			.contains("<a class=\"st-OK\" href=\"digest-2026-11-23.html\"")
			.contains("<span class=\"st-none\" title=\"2026-11-20 none $")
			.contains("href=\"archive/2026-11.html\"")
			.contains("href=\"archive/2026-10.html\"")
			.contains("<svg").contains("class=\"spark\"")
			.doesNotContainIgnoringCase("<script");
		for (String w : List.of("vk-alpha", "vk-beta", "vk-coder")) {
			assertThat(index).contains("href=\"archive/" + ArchiveFiles.workload(w) + "\">" + w + "</a>");
		}
		// vk-alpha: the 37 stored days (35 rolled up before the 23rd, the 23rd, the 24th) at $1, the $2.50, the $60
		String alpha = Files.readString(dir.resolve("archive").resolve(ArchiveFiles.workload("vk-alpha")));
		assertThat(alpha).contains("<h1>vk-alpha</h1>").contains("$99.50 metered over 37 days with calls")
			.contains("<td class=\"name\">gpt-4.1-mini</td><td class=\"name\">openai</td><td class=\"n\">$99.50</td>")
			.contains("<a href=\"../digest-2026-11-24.html\">2026-11-24</a></td><td><span class=\"pill st-ALERT\">ALERT")
			.contains("SPIKE")
			.contains("href=\"2026-11.html\">2026-11</a>");
		String november = Files.readString(dir.resolve("archive/2026-11.html"));
		assertThat(november).contains("<h1>November 2026</h1>")
			.contains("<tr><td>2026-11-24</td><td><span class=\"pill st-ALERT\">ALERT</span></td>")
			.contains("<a href=\"../digest-2026-11-24.html\">digest</a>")
			.contains("<a href=\"2026-10.html\">previous month</a>")
			.contains("href=\"" + ArchiveFiles.workload("vk-beta") + "\">vk-beta</a>");
		assertThat(dir.resolve("archive/2026-12.html")).as("no December day is stored yet").doesNotExist();
	}

	@Test
	void aNightRewritesOnlyTheIndexItsMonthAndItsWorkloads() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "arch_incremental", 1, "");
		run(config, "2026-11-30");
		assertThat(Files.readString(dir.resolve("archive/2026-11.html"))).doesNotContain("next month");
		run(config, "2026-12-01");
		assertThat(Files.readString(dir.resolve("archive/2026-11.html"))).as("December's first night links it")
			.contains("<a href=\"2026-12.html\">next month</a>");
		Map<Path, String> before = pages();
		FileTime old = FileTime.fromMillis(0);
		for (Path p : before.keySet()) {
			Files.setLastModifiedTime(p, old);
		}
		run(config, "2026-12-02");
		Map<Path, String> after = pages();
		List<Path> touched = new ArrayList<>();
		for (Path p : after.keySet()) {
			if (!Files.getLastModifiedTime(p).equals(old)) {
				touched.add(dir.relativize(p));
			}
		}
		assertThat(touched).containsExactlyInAnyOrder(Path.of("index.html"), Path.of("archive/2026-12.html"),
				Path.of("archive", ArchiveFiles.workload("vk-alpha")), Path.of("archive", ArchiveFiles.workload("vk-beta")),
				Path.of("archive", ArchiveFiles.workload("vk-coder")));
		assertThat(after.get(dir.resolve("archive/2026-11.html"))).isEqualTo(before.get(dir.resolve("archive/2026-11.html")));
		assertThat(after.get(dir.resolve("index.html"))).isNotEqualTo(before.get(dir.resolve("index.html")))
			.contains("digest-2026-12-02.html");

		// the command rebuilds every page, the same as the nights wrote them, and removes a page nobody has
		Files.writeString(dir.resolve("archive/workload-gone-00000000.html"), "stale");
		Files.delete(dir.resolve("archive/2026-11.html"));
		CliIntegrationTests.Result r = cli("archive", "--config", config.toString(), "--out", dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(r.out()).startsWith("archive  7 pages in ").contains(dir.resolve("index.html").toString());
		Map<Path, String> rebuilt = pages();
		assertThat(rebuilt.keySet()).containsExactlyInAnyOrderElementsOf(after.keySet());
		assertThat(rebuilt).isEqualTo(after);
	}

	@Test
	void aRangeWritesTheArchiveOnceOnItsLastDayForAllOfItsDays() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "arch_range", 1, "");
		CliIntegrationTests.Result r = cli("run", "--from", "2026-11-29", "--to", "2026-12-02", "--no-send", "--config",
				config.toString(), "--out", dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		// one update, by the last day's job, and none by the three before it
		List<Long> pagesByDay = db.writer()
			.dsl()
			.fetch("SELECT s.write_count FROM arch_range.batch_step_execution s"
					+ " WHERE s.step_name = 'updateArchive' ORDER BY s.job_execution_id")
			.getValues(0, Long.class);
		assertThat(pagesByDay).hasSize(4).startsWith(0L, 0L, 0L);
		assertThat(pagesByDay.get(3)).isPositive();
		// and that one update wrote what a full rebuild writes: both months (November linking December), every
		// workload, every day's digest linked from the index
		Map<Path, String> written = pages();
		String index = Files.readString(dir.resolve(ArchiveFiles.INDEX));
		assertThat(Files.readString(dir.resolve("archive/2026-11.html"))).contains("<a href=\"2026-12.html\">next month</a>");
		for (String day : List.of("2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02")) {
			assertThat(index).contains("digest-" + day + ".html");
		}
		CliIntegrationTests.Result rebuild = cli("archive", "--config", config.toString(), "--out", dir.toString());
		assertThat(rebuild.exit()).as(rebuild.err()).isZero();
		assertThat(pages()).isEqualTo(written);
		assertThat(Files.readString(dir.resolve(ArchiveFiles.INDEX))).isEqualTo(index);
	}

	@Test
	void onlyTheLargestWorkloadsGetPagesAndTheRestFoldIntoOneLine() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "arch_folded", 1, "");
		run(config, MonthsOfTraffic.ALERT_DAY.toString());
		assertThat(dir.resolve("archive").resolve(ArchiveFiles.workload("vk-coder"))).isRegularFile();
		// vk-coder has the least spend ($0: its plan carries it), so with two pages it is the one folded
		Path two = MonthsOfTraffic.config(dir, db, "arch_folded", 1, "archive:\n  max-workloads: 2\n");
		CliIntegrationTests.Result r = cli("archive", "--config", two.toString(), "--out", dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		String index = Files.readString(dir.resolve(ArchiveFiles.INDEX));
		assertThat(index).contains(">vk-alpha</a>").contains(">vk-beta</a>").doesNotContain("vk-coder")
			.contains("1 more workload, without pages of their own");
		assertThat(Files.readString(dir.resolve("archive/2026-11.html"))).doesNotContain("vk-coder")
			.contains("1 more workload, without pages of their own");
		// the rebuild removed the folded workload's page, and every link left resolves
		assertThat(dir.resolve("archive").resolve(ArchiveFiles.workload("vk-coder"))).doesNotExist();
		assertLinksResolve(dir.resolve(ArchiveFiles.INDEX), index);
		Path zero = MonthsOfTraffic.config(dir, db, "arch_folded", 1, "archive:\n  max-workloads: 0\n");
		CliIntegrationTests.Result refused = cli("archive", "--config", zero.toString(), "--out", dir.toString());
		assertThat(refused.exit()).isEqualTo(3);
		assertThat(refused.err()).contains("spend-audit.archive.max-workloads must be 1..5000, not 0");
	}

	@Test
	void theIndexAndAWorkloadPageLoadInABrowserWithEveryLinkResolving() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "arch_browser", 1, "");
		run(config, MonthsOfTraffic.ALERT_DAY.toString());
		for (Path page : List.of(dir.resolve("index.html"), dir.resolve("archive/2026-11.html"),
				dir.resolve("archive").resolve(ArchiveFiles.workload("vk-alpha")))) {
			HeadlessChromium.Page loaded = HeadlessChromium.load(page, Files.createTempDirectory(dir, "browser"));
			assertThat(loaded.consoleMessages()).as(page.toString()).isEmpty();
			assertThat(loaded.dom()).contains("spend-audit archive").doesNotContainIgnoringCase("<script");
			assertLinksResolve(page, loaded.dom());
		}
	}

	@Test
	void anArchiveThatCannotBeWrittenHoldsBackNeitherTheDigestNorTheNight() throws Exception {
		Path config = MonthsOfTraffic.config(dir, db, "arch_blocked", 1, "");
		Files.writeString(dir.resolve(ArchiveFiles.DIR), "a file where the archive's folder goes");
		run(config, "2026-11-30");
		assertThat(dir.resolve(ArchiveFiles.INDEX)).as("written before the folder was needed").isRegularFile();
		Files.delete(dir.resolve(ArchiveFiles.DIR));
		CliIntegrationTests.Result r = cli("archive", "--config", config.toString(), "--out", dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(dir.resolve("archive/2026-11.html")).isRegularFile();
	}

	@Test
	void hostileWorkloadNamesAreEscapedAndMakeSafeFileNames() throws Exception {
		List<String> names = List.of("<script>alert(1)</script>", "../../etc/passwd", "w".repeat(300),
				"Ünïcødé 工作 🚀", "\"quoted\" & 'single'");
		try (LiteLlmDatabase hostile = LiteLlmDatabase.create("archive_hostile")) {
			List<Call> calls = new ArrayList<>();
			for (int i = 0; i < names.size(); i++) {
				String key = KeyHash.of("sk-hostile-" + i);
				hostile.writer().key(key, names.get(i), "sk-...ile" + i);
				for (LocalDate d = LocalDate.of(2026, 11, 25); !d.isAfter(LocalDate.of(2026, 11, 30)); d = d.plusDays(1)) {
					calls.add(Call.of("h" + i + "-" + d, key, names.get(i), "gpt-4.1-mini", "openai", d.atTime(9, i),
							0.5 + i, 100, 10));
				}
			}
			hostile.writer().spendLogs(calls);
			Path config = MonthsOfTraffic.config(dir, hostile, "arch_hostile", 1, "");
			run(config, "2026-11-30");
		}
		try (Stream<Path> files = Files.list(dir.resolve("archive"))) {
			List<String> workloads = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("workload-"))
				.toList();
			assertThat(workloads).hasSize(names.size())
				.allMatch(n -> n.matches("workload-[a-z0-9-]{0,41}[0-9a-f]{8}\\.html"), "a safe file name");
		}
		try (Stream<Path> all = Files.walk(dir)) {
			assertThat(all.filter(p -> p.toString().endsWith(".html"))).allMatch(p -> p.startsWith(dir));
		}
		for (String n : names) {
			assertThat(dir.resolve("archive").resolve(ArchiveFiles.workload(n))).isRegularFile();
		}
		assertThat(ArchiveFiles.workload("<script>alert(1)</script>")).startsWith("workload-script-alert-1-script-");
		assertThat(ArchiveFiles.workload("Ünïcødé 工作 🚀")).startsWith("workload-unic-de-");
		String index = Files.readString(dir.resolve("index.html"));
		assertThat(index).doesNotContainIgnoringCase("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.contains("Ünïcødé 工作 🚀").contains("&quot;quoted&quot; &amp; &#39;single&#39;");
		String page = Files.readString(dir.resolve("archive").resolve(ArchiveFiles.workload(names.get(0))));
		assertThat(page).doesNotContainIgnoringCase("<script").contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
		HeadlessChromium.Page loaded = HeadlessChromium.load(dir.resolve("index.html"),
				Files.createTempDirectory(dir, "browser"));
		assertThat(loaded.consoleMessages()).isEmpty();
		assertLinksResolve(dir.resolve("index.html"), loaded.dom());
	}

	/** Every link of the page is relative and names a file that exists. */
	static void assertLinksResolve(Path page, String dom) {
		Matcher m = LINK.matcher(dom);
		int links = 0;
		while (m.find()) {
			String href = m.group(1).replace("&amp;", "&");
			assertThat(href).as("a relative link").doesNotContain(":").doesNotStartWith("/");
			assertThat(page.getParent().resolve(href).normalize()).as(page + " → " + href).isRegularFile();
			links++;
		}
		assertThat(links).as(page + " has links").isPositive();
	}

	private Map<Path, String> pages() throws IOException {
		Map<Path, String> pages = new TreeMap<>();
		pages.put(dir.resolve("index.html"), Files.readString(dir.resolve("index.html")));
		try (Stream<Path> files = Files.list(dir.resolve("archive"))) {
			for (Path p : files.toList()) {
				pages.put(p, Files.readString(p));
			}
		}
		return pages;
	}

	private void run(Path config, String date) {
		CliIntegrationTests.Result r = cli("run", "--date", date, "--no-send", "--config", config.toString(), "--out",
				dir.toString());
		assertThat(r.exit()).as(r.err()).isZero();
		assertThat(dir.resolve("digest-" + LocalDate.parse(date) + ".html")).exists();
	}

}
