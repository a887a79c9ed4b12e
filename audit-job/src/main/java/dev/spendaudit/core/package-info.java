/**
 * The few value types every feature shares: the audited day and its window.
 */
package dev.spendaudit.core;
