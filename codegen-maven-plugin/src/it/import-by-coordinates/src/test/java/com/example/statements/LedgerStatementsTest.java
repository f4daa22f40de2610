package com.example.statements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.ledger.Entry;
import org.junit.jupiter.api.Test;

class LedgerStatementsTest {

    @Test
    void printsTheEntryTheLedgerClientReturns() {
        LedgerStatements statements = new LedgerStatements(request -> new Entry(request.id(), 1250, "rent"));

        assertEquals("e-7 1250 rent", statements.printStatement(new StatementRequest("e-7")).line());
    }
}
