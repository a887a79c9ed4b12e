package dev.spendaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;

import dev.spendaudit.core.Quantities;
import tools.jackson.databind.JsonNode;

/**
 * The blind spots of an audited day in a few terminal lines, read back from its JSON: is the spend log written,
 * what the flat fees add, and which retiring keys are still in use.
 */
final class BlindSpotLines {

	private BlindSpotLines() {
	}

	static void print(Path json, PrintWriter out) {
		JsonNode d = DaySummary.read(json);
		ZoneId zone = DaySummary.zone(d);
		JsonNode f = d.get("freshness");
		if (f != null) {
			out.printf("Spend log: %s (%s). %s%n", f.get("status").asString(), f.get("signal").asString(),
					f.get("explanation").asString());
		}
		JsonNode costs = d.get("costs");
		if (costs != null) {
			out.printf("Cost: metered %s + flat-fee %s = %s today; month to date %s + %s = %s%n",
					usd(costs.get("metered").get("usd")), usd(costs.get("flatFee").get("usd")),
					usd(costs.get("total").get("usd")), usd(costs.get("metered").get("monthToDateUsd")),
					usd(costs.get("flatFee").get("monthToDateUsd")), usd(costs.get("total").get("monthToDateUsd")));
			for (JsonNode p : d.get("subscriptions")) {
				out.printf("  %-22s %s today (%s %s), %s calls, %s tokens%s%n", p.get("name").asString(),
						usd(p.get("usd")), usd(p.get("periodUsd")), p.get("period").asString(),
						Quantities.count(p.get("requests").asLong()), Quantities.tokens(p.get("tokens").asLong()),
						p.get("usdPerMillionTokens").isNull() ? ""
								: ", " + usd(p.get("usdPerMillionTokens")) + " per million tokens over 30 days");
			}
		}
		JsonNode keys = d.get("retiringKeys");
		if (keys != null && !keys.isEmpty()) {
			out.println("Retiring keys:");
			for (JsonNode k : keys) {
				out.printf("  %-16s %-26s %4s requests in 24 h, last seen %s%n", k.get("verdict").asString(),
						k.get("key").asString().length() > 26 ? k.get("key").asString().substring(0, 12) + "..."
								: k.get("key").asString(),
						Quantities.count(k.get("requests24h").asLong()), DaySummary.time(k.get("lastSeen"), zone));
			}
		}
		out.flush();
	}

	private static String usd(JsonNode value) {
		return DaySummary.usd(value);
	}

}
