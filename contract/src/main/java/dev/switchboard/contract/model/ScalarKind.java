package dev.switchboard.contract.model;

import java.util.Arrays;
import java.util.Optional;

/** The built-in types of the contract format. */
public enum ScalarKind {
    BOOL("bool"),
    INT32("int32"),
    INT64("int64"),
    UINT32("uint32"),
    UINT64("uint64"),
    FLOAT("float"),
    DOUBLE("double"),
    STRING("string"),
    BYTES("bytes"),
    /** java.time.Instant, google.protobuf.Timestamp on the wire. */
    TIMESTAMP("timestamp"),
    /** java.time.Duration, google.protobuf.Duration on the wire. */
    DURATION("duration"),
    /** java.math.BigDecimal, a decimal string on the wire. */
    DECIMAL("decimal");

    private final String contractName;

    ScalarKind(String contractName) {
        this.contractName = contractName;
    }

    public String contractName() {
        return contractName;
    }

    public boolean isNumeric() {
        return switch (this) {
            case INT32, INT64, UINT32, UINT64, FLOAT, DOUBLE, DECIMAL -> true;
            default -> false;
        };
    }

    public boolean isIntegral() {
        return switch (this) {
            case INT32, INT64, UINT32, UINT64 -> true;
            default -> false;
        };
    }

    public static Optional<ScalarKind> byContractName(String name) {
        return Arrays.stream(values()).filter(k -> k.contractName.equals(name)).findFirst();
    }
}
