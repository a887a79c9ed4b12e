package dev.spendaudit.keywatch;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * When a retiring key may be revoked, and what its note says.
 */
class VerdictTests {

	static final LocalDateTime END = LocalDateTime.of(2026, 11, 27, 0, 0);

	@Test
	void trafficInTheLastDayIsActive() {
		assertThat(Verdict.of(true, 1, END.minusDays(3), END, 7)).isEqualTo(Verdict.ACTIVE);
		assertThat(Verdict.of(true, 0, END.minusHours(23), END, 7)).as("last_active alone counts too")
			.isEqualTo(Verdict.ACTIVE);
	}

	@Test
	void quietForLessThanQuietDaysIsQuietingThenSafe() {
		assertThat(Verdict.of(true, 0, END.minusHours(24), END, 7)).isEqualTo(Verdict.QUIETING);
		assertThat(Verdict.of(true, 0, END.minusDays(7).plusMinutes(1), END, 7)).isEqualTo(Verdict.QUIETING);
		assertThat(Verdict.of(true, 0, END.minusDays(7), END, 7)).isEqualTo(Verdict.SAFE_TO_REVOKE);
		assertThat(Verdict.of(true, 0, null, END, 7)).as("no sign at all in the look-back")
			.isEqualTo(Verdict.SAFE_TO_REVOKE);
	}

	@Test
	void aKeyNothingKnowsIsNotFound() {
		assertThat(Verdict.of(false, 0, null, END, 7)).isEqualTo(Verdict.NOT_FOUND);
	}

	@Test
	void theNotesFirstRealDateIsTheDeadline() {
		assertThat(new RetiringKey("k", null, "moved on 2026-13-40; revoke after 2026-11-20, then 2026-12-01", null)
			.deadline())
			.isEqualTo(LocalDate.of(2026, 11, 20));
		assertThat(new RetiringKey("k", null, "no date", null).deadline()).isNull();
		assertThat(new RetiringKey("k", null, null, null).quietDays()).isEqualTo(7);
	}

	@Test
	void settingsNameTheEntryAtFault() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetiringKey.validated(
					List.of(new RetiringKey("a", 3, null, null), new RetiringKey(" ", 3, null, null))))
			.withMessage("spend-audit.retiring-keys[1].key must be set (an alias, a key_name or a sha256 token hash)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RetiringKey.validated(
					List.of(new RetiringKey("a", 3, null, null), new RetiringKey("a", 5, null, null))))
			.withMessageContaining("spend-audit.retiring-keys[1].key 'a' is listed twice");
	}

}
