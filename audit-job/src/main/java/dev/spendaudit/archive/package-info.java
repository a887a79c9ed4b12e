/**
 * The archive: {@code OUT/index.html}, a page per month ({@code OUT/archive/YYYY-MM.html}) and one per workload
 * ({@code OUT/archive/workload-SLUG-HASH.html}), static HTML with inline SVG and no scripts, brought up to date
 * from the store's history after every night and rebuilt in full by {@code spend-audit archive}.
 */
package dev.spendaudit.archive;
