package com.example.statements;

import com.example.ledger.Entry;
import com.example.ledger.GetEntryRequest;
import com.example.ledger.LedgerClient;

/** Prints a ledger entry as a statement line, reading it through the client generated from the imported jar. */
public class LedgerStatements implements StatementsService {

    private final LedgerClient ledger;

    public LedgerStatements(LedgerClient ledger) {
        this.ledger = ledger;
    }

    @Override
    public Statement printStatement(StatementRequest request) {
        Entry entry = ledger.getEntry(new GetEntryRequest(request.entryId()));
        String memo = entry.memo() == null ? "" : " " + entry.memo();
        return new Statement(entry.id() + " " + entry.amount() + memo);
    }
}
