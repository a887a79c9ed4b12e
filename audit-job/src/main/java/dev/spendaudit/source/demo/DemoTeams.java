package dev.spendaudit.source.demo;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.spendaudit.source.KeyHash;

/**
 * The demo's teams and tags: the squads and the coding assistants in two aliased teams (the squads with a monthly
 * budget), the retrieval keys in a team without an alias, the rest in none; tags by workload, two of them on the
 * agents' calls, and yesterday's call without a key tagged with a JSON string instead of an array.
 */
final class DemoTeams {

	static final String SQUADS = "team-squads";

	static final String CODING = "team-coding";

	/** A team created without an alias: shown by its id. */
	static final String RETRIEVAL = "team-0c4f";

	/** Raw demo key → team. The deleted notes key was in the coding team. */
	static final Map<String, String> TEAMS = Map.of("sk-demo-hermes-4c1e", SQUADS, "sk-demo-atlas-1b2c", SQUADS,
			"sk-demo-boreas-9e0f", SQUADS, "sk-demo-ccmac-3a3a", CODING, "sk-demo-ccdgx-8b8b", CODING,
			"sk-demo-notes-7f7f", CODING, "sk-demo-embed-0d0d", RETRIEVAL, "sk-demo-vault-5d6e", RETRIEVAL);

	/** Raw demo key → its calls' {@code request_tags}. */
	static final Map<String, String> TAGS = Map.of("sk-demo-hermes-4c1e", "[\"agents\", \"prod\"]",
			"sk-demo-atlas-1b2c", "[\"agents\", \"squads\"]", "sk-demo-boreas-9e0f", "[\"squads\", \"agents\"]",
			"sk-demo-investing-77aa", "[\"prod\", \"finance\"]", "sk-demo-ccmac-3a3a", "[\"coding\"]",
			"sk-demo-ccdgx-8b8b", "[\"coding\"]", "sk-demo-embed-0d0d", "[\"rag\"]", "sk-demo-vault-5d6e", "[\"rag\"]");

	private DemoTeams() {
	}

	/** Creates the teams, puts the keys in them and gives the squads their monthly budget. */
	static void seed(LiteLlmWriter writer, List<Call> calls, LocalDateTime nowUtc) {
		writer.team(SQUADS, "Squads");
		writer.team(CODING, "Coding");
		writer.team(RETRIEVAL, null);
		TEAMS.forEach((raw, team) -> writer.keyTeam(KeyHash.of(raw), team));
		LocalDateTime month = nowUtc.toLocalDate().withDayOfMonth(1).atStartOfDay();
		Set<String> squads = Set.of(KeyHash.of("sk-demo-hermes-4c1e"), KeyHash.of("sk-demo-atlas-1b2c"),
				KeyHash.of("sk-demo-boreas-9e0f"));
		double spend = calls.stream()
			.filter(c -> squads.contains(c.apiKey()) && !c.startTimeUtc().isBefore(month))
			.mapToDouble(Call::spend)
			.filter(s -> !Double.isNaN(s))
			.sum();
		writer.teamBudget(SQUADS, 60.0, "1mo", month.plusMonths(1), spend);
	}

	/** The calls with their tags; yesterday's call without a key carries a JSON string, which is not an array. */
	static List<Call> withTags(List<Call> calls, LocalDateTime nowUtc) {
		Map<String, String> byHash = new HashMap<>();
		TAGS.forEach((raw, tags) -> byHash.put(KeyHash.of(raw), tags));
		String notAnArray = "demo-" + nowUtc.toLocalDate().minusDays(1) + "-nokey";
		List<Call> tagged = new ArrayList<>(calls.size());
		for (Call c : calls) {
			String tags = c.requestId().equals(notAnArray) ? "\"nightly\"" : byHash.get(c.apiKey());
			tagged.add(tags == null ? c : c.withCaller(c.user(), c.endUser(), c.requesterIp(), tags));
		}
		return tagged;
	}

}
