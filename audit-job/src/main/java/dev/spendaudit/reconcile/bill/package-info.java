/**
 * The providers' bills as files: every format the inbox accepts, recognised from the content and read whole into
 * plain values ({@link dev.spendaudit.reconcile.bill.BillFile}). No Spring, no database, no network.
 */
package dev.spendaudit.reconcile.bill;
