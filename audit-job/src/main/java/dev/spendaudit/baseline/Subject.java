package dev.spendaudit.baseline;

import java.util.Objects;

/**
 * What a series sums: the whole day, one workload, one model, one workload's use of one model, or (for
 * explanations only) one provider. Levels are ordered by specificity, least specific first.
 */
record Subject(Level level, String workload, String model, String provider) {

	enum Level {

		TOTAL, PROVIDER, MODEL, WORKLOAD, PAIR

	}

	static final Subject TOTAL = new Subject(Level.TOTAL, null, null, null);

	Subject {
		Objects.requireNonNull(level, "level must not be null");
	}

	static Subject workload(String workload) {
		return new Subject(Level.WORKLOAD, workload, null, null);
	}

	static Subject model(String model) {
		return new Subject(Level.MODEL, null, model, null);
	}

	static Subject pair(String workload, String model) {
		return new Subject(Level.PAIR, workload, model, null);
	}

	static Subject provider(String provider) {
		return new Subject(Level.PROVIDER, null, null, provider);
	}

	/** The finding subject: {@code total}, {@code workload:NAME}, {@code model:NAME}, {@code workload:NAME/model:NAME}. */
	String label() {
		return switch (level) {
			case TOTAL -> "total";
			case PROVIDER -> "provider:" + provider;
			case MODEL -> "model:" + model;
			case WORKLOAD -> "workload:" + workload;
			case PAIR -> "workload:" + workload + "/model:" + model;
		};
	}

	/** How the subject reads in an explanation: "vk-vault-indexer · gemini-flash-lite". */
	String display() {
		return switch (level) {
			case TOTAL -> "total";
			case PROVIDER -> provider;
			case MODEL -> model;
			case WORKLOAD -> workload;
			case PAIR -> workload + " · " + model;
		};
	}

	/** Whether this subject's spend includes the pair's. */
	boolean covers(Subject pair) {
		return switch (level) {
			case TOTAL -> true;
			case PROVIDER -> false;
			case MODEL -> model.equals(pair.model);
			case WORKLOAD -> workload.equals(pair.workload);
			case PAIR -> equals(pair);
		};
	}

	/** Whether planned spend counts in this series (workload series) or is set aside (total, model, provider). */
	boolean ownsWorkload() {
		return level == Level.WORKLOAD || level == Level.PAIR;
	}

}
