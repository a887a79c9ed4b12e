package dev.spendaudit.subscriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.spendaudit.core.CoveredModels;

/**
 * The configured flat-fee plans and which of them pays for a model's calls on a day. When several plans name the
 * same model, the first one in the settings that is paid for that day carries the calls.
 */
public class SubscriptionPlans implements CoveredModels {

	private final List<Plan> plans;

	public SubscriptionPlans(List<Subscription> subscriptions) {
		this.plans = subscriptions.stream().map(Plan::new).toList();
	}

	public List<Subscription> all() {
		return plans.stream().map(Plan::subscription).toList();
	}

	@Override
	public Optional<String> planFor(String source, String model, LocalDate day) {
		return carrier(source, model, null, day).map(Subscription::name);
	}

	/**
	 * The plan's fee for the days {@code from .. to} (inclusive) on which it is paid for, amortized per calendar
	 * day as the nightly costs are ({@code Amortization}): a whole month of a $30 monthly plan is exactly $30.
	 */
	public static BigDecimal fee(Subscription plan, LocalDate from, LocalDate to) {
		return Amortization.fee(plan, from, to);
	}

	/**
	 * The plan that carries a call to {@code model} on {@code provider} on {@code day} through gateway
	 * {@code source} (null: any gateway), if any: the first active one that names the model and is for that gateway
	 * (a plan without a {@code source} is for every one).
	 */
	public Optional<Subscription> carrier(String source, String model, String provider, LocalDate day) {
		for (Plan p : plans) {
			if (p.subscription().activeOn(day) && (source == null || p.subscription().appliesTo(source))
					&& p.matches(model, provider)) {
				return Optional.of(p.subscription());
			}
		}
		return Optional.empty();
	}

	private record Plan(Subscription subscription, List<ModelGlob> globs) {

		Plan(Subscription subscription) {
			this(subscription, subscription.models().stream().map(ModelGlob::new).toList());
		}

		boolean matches(String model, String provider) {
			return globs.stream().anyMatch(g -> g.matches(model, provider));
		}

	}

}
