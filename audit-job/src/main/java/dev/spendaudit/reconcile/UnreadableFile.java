package dev.spendaudit.reconcile;

/**
 * An inbox file that could not be read: nothing of it is used until its content changes.
 *
 * @param file the file's name inside the inbox
 * @param line the line at fault, 0 for the file as a whole
 * @param error the problem, naming file and line
 */
public record UnreadableFile(String file, int line, String error) {
}
