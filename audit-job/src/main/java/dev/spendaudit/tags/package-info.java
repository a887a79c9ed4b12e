/**
 * Tags: the day's spend by {@code request_tags}, per tag (a request with several tags in each: the rows overlap)
 * and per exact tag set (the rows add up to the day); the digest's {@code tags} and {@code tagSets} fields and
 * section.
 */
package dev.spendaudit.tags;
