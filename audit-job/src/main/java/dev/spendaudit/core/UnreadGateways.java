package dev.spendaudit.core;

import java.time.LocalDate;
import java.util.Set;

/**
 * The gateways whose part of a stored day is missing because they could not be read that night. The findings
 * pipeline holds such a gateway's open findings instead of saying them resolved on rows it never saw.
 */
@FunctionalInterface
public interface UnreadGateways {

	UnreadGateways NONE = date -> Set.of();

	/** The names of the gateways not read for {@code date}; empty when every one was. */
	Set<String> on(LocalDate date);

}
