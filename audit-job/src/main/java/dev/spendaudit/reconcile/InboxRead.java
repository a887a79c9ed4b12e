package dev.spendaudit.reconcile;

import java.util.List;

/**
 * One pass over the inbox.
 *
 * @param files the bill files in it (hidden files and {@code *.tmp} left out)
 * @param read how many of them were read this time (new or changed content)
 * @param unreadable the files in it that cannot be read, whenever they were read
 */
public record InboxRead(int files, int read, List<UnreadableFile> unreadable) {
}
