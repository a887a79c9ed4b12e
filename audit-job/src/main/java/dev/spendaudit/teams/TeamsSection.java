package dev.spendaudit.teams;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.spendaudit.digest.DigestDocument;
import dev.spendaudit.digest.DigestSection;
import dev.spendaudit.history.TeamHistory;
import dev.spendaudit.history.TeamHistory.TeamWorkloadDay;
import dev.spendaudit.source.Team;
import org.springframework.core.Ordered;

/**
 * The day's {@code teams}: spend, requests, failures and tokens per team (alias, else id, else {@value Team#NO_TEAM})
 * and per team × workload, largest first. Only on a day where at least one key belongs to a team: without teams
 * the one row would repeat the day's total.
 */
public class TeamsSection implements DigestSection, Ordered {

	static final String FIELD = "teams";

	private final TeamHistory history;

	public TeamsSection(TeamHistory history) {
		this.history = history;
	}

	@Override
	public int getOrder() {
		// right after the workload table it breaks down another way
		return 50;
	}

	@Override
	public Map<String, Object> fields(DigestDocument core) {
		List<TeamSpend> teams = teams(history.days(core.date(), core.date()));
		if (teams.stream().allMatch(t -> t.teamId() == null)) {
			return Map.of();
		}
		return Map.of(FIELD, teams);
	}

	static List<TeamSpend> teams(List<TeamWorkloadDay> rows) {
		Map<String, List<TeamWorkloadDay>> byTeam = new LinkedHashMap<>();
		rows.forEach(r -> byTeam.computeIfAbsent(r.teamId() == null ? "" : r.teamId(), id -> new ArrayList<>()).add(r));
		List<TeamSpend> teams = new ArrayList<>();
		byTeam.forEach((id, list) -> {
			List<WorkloadSpend> workloads = new ArrayList<>();
			list.forEach(r -> workloads.add(new WorkloadSpend(r.workload(), exact(r.usd()), r.requests(),
					r.failedRequests(), r.promptTokens(), r.completionTokens())));
			workloads.sort(Comparator.comparing(WorkloadSpend::usd).reversed().thenComparing(WorkloadSpend::workload));
			String alias = list.stream().map(TeamWorkloadDay::teamAlias).filter(a -> a != null).findFirst().orElse(null);
			String teamId = id.isEmpty() ? null : id;
			String name = teamId == null ? Team.NO_TEAM : alias != null ? alias : teamId;
			teams.add(new TeamSpend(name, teamId, alias,
					exact(workloads.stream().map(WorkloadSpend::usd).reduce(BigDecimal.ZERO, BigDecimal::add)),
					workloads.stream().mapToLong(WorkloadSpend::requests).sum(),
					workloads.stream().mapToLong(WorkloadSpend::failedRequests).sum(),
					workloads.stream().mapToLong(WorkloadSpend::promptTokens).sum(),
					workloads.stream().mapToLong(WorkloadSpend::completionTokens).sum(), List.copyOf(workloads)));
		});
		// no team last: it is what is left over, not a team
		teams.sort(Comparator.comparing((TeamSpend t) -> t.teamId() == null)
			.thenComparing(Comparator.comparing(TeamSpend::usd).reversed())
			.thenComparing(TeamSpend::team));
		return teams;
	}

	static BigDecimal exact(BigDecimal usd) {
		return usd == null || usd.signum() == 0 ? BigDecimal.ZERO : usd.stripTrailingZeros();
	}

	/**
	 * One team of the day.
	 *
	 * @param team the alias, else the team id, else {@value Team#NO_TEAM}
	 * @param teamId null for the keys without a team
	 * @param alias the team's alias, null when it has none
	 */
	@JsonPropertyOrder({ "team", "teamId", "alias", "usd", "requests", "failedRequests", "promptTokens",
			"completionTokens", "workloads" })
	public record TeamSpend(String team, String teamId, String alias, BigDecimal usd, long requests,
			long failedRequests, long promptTokens, long completionTokens, List<WorkloadSpend> workloads) {
	}

	/** One workload's calls within a team. */
	@JsonPropertyOrder({ "workload", "usd", "requests", "failedRequests", "promptTokens", "completionTokens" })
	public record WorkloadSpend(String workload, BigDecimal usd, long requests, long failedRequests,
			long promptTokens, long completionTokens) {
	}

}
