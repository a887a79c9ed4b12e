/**
 * Reconciling the spend log with the providers' bills: the bills in the inbox (downloaded, or fetched with an admin
 * key), per provider and UTC day the billed and the logged money, the capture rate and the gap, the requests the log
 * lacks or priced differently, and the BILL_GAP and PRICE_MISMATCH findings.
 */
package dev.spendaudit.reconcile;
