package dev.switchboard.contract;

import java.util.List;

/** Small contracts for tests, and the rendered problems of a contract. */
final class Contracts {

    /** The three required keys; problems in the text after it start at line 4. */
    static final String HEADER = """
            switchboard: 1
            service: Orders
            package: com.example.orders
            """;

    /** Types the operation cases use: a query-friendly input, a body-only input, an enum and an error. */
    static final String OPS_TYPES = """
            types:
              Query:
                fields:
                  id: { type: string, tag: 1 }
                  status: { type: Status, tag: 2 }
                  tags: { type: list<string>, tag: 3 }
                  note: { type: string, tag: 4, optional: true }
              Body:
                fields:
                  id: { type: string, tag: 1 }
                  item: { type: Query, tag: 2 }
                  blob: { type: bytes, tag: 3 }
                  attrs: { type: map<string,string>, tag: 4 }
              Status:
                enum: { ACTIVE: 1 }
            errors:
              OrderNotFound: { code: NOT_FOUND }
            """;

    /** Types the event and command cases use. */
    static final String MSG_TYPES = """
            types:
              Order:
                fields:
                  id: { type: string, tag: 1 }
                  items: { type: list<string>, tag: 2 }
              Status:
                enum: { ACTIVE: 1 }
            """;

    private Contracts() {}

    /** Every problem of the contract as rendered for users, in order; empty when it is valid. */
    static List<String> problems(String contract) {
        try {
            ContractLoader.parse("t.yaml", contract);
            return List.of();
        } catch (ContractException e) {
            return e.problems().stream().map(ContractProblem::toString).toList();
        }
    }
}
