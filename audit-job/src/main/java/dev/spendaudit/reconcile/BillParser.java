package dev.spendaudit.reconcile;

import java.nio.file.Path;

import dev.spendaudit.reconcile.bill.BillFile;
import dev.spendaudit.reconcile.bill.BillFormatException;

/** Reads one inbox file whole into a {@link BillFile}, or throws {@link BillFormatException} naming file and line. */
@FunctionalInterface
public interface BillParser {

	BillFile read(Path file);

}
