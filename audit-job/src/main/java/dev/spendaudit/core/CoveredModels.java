package dev.spendaudit.core;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which models a flat-fee subscription pays for: their calls carry zero metered spend on purpose. Implemented by
 * the subscriptions feature; detection asks it before calling a zero-spend model unpriced.
 */
public interface CoveredModels {

	/** The name of the plan that pays for {@code model}'s calls on {@code day}, on any gateway, if any. */
	default Optional<String> planFor(String model, LocalDate day) {
		return planFor(null, model, day);
	}

	/**
	 * The name of the plan that pays for {@code model}'s calls on {@code day} through gateway {@code source}, if
	 * any; a null source asks about every gateway.
	 */
	Optional<String> planFor(String source, String model, LocalDate day);

}
