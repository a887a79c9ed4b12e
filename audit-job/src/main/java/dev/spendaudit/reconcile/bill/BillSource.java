package dev.spendaudit.reconcile.bill;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A bill file as read from disk, before its format is known: its text (UTF-8, without a byte-order mark), the
 * SHA-256 of its bytes and its last-modified time.
 */
record BillSource(Path path, String content, String sha256, Instant modified) {
}
