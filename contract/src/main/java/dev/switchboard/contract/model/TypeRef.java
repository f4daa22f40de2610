package dev.switchboard.contract.model;

/** The type of a field, as written in the contract ({@code int32}, {@code list<Item>}, {@code Money}). */
public sealed interface TypeRef permits TypeRef.Scalar, TypeRef.ListOf, TypeRef.MapOf, TypeRef.Named {

    /** The contract spelling, e.g. {@code map<string,Item>}. */
    String spelling();

    record Scalar(ScalarKind kind) implements TypeRef {
        @Override
        public String spelling() {
            return kind.contractName();
        }
    }

    record ListOf(TypeRef element) implements TypeRef {
        @Override
        public String spelling() {
            return "list<" + element.spelling() + ">";
        }
    }

    record MapOf(TypeRef key, TypeRef value) implements TypeRef {
        @Override
        public String spelling() {
            return "map<" + key.spelling() + "," + value.spelling() + ">";
        }
    }

    /** A reference to a message or enum type of the same contract. */
    record Named(String name) implements TypeRef {
        @Override
        public String spelling() {
            return name;
        }
    }
}
