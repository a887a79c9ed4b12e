package dev.spendaudit.source;

import java.time.LocalDateTime;

/**
 * A value seen in a key's rows (a model, a caller's IP, a tag...), how many rows had it and when it was last seen.
 */
public record CountedValue(String value, long requests, LocalDateTime lastSeen) {
}
