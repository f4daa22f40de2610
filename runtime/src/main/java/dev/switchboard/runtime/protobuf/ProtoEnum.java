package dev.switchboard.runtime.protobuf;

/**
 * A generated enum's wire form, by number. It also tells a number the enum knows from one it does
 * not ({@code UNRECOGNIZED}), so a codec can keep the latter in {@link UnknownFields}.
 */
public interface ProtoEnum<E> extends ProtoType<E> {

    E forNumber(int number);

    /** The value's number; -1 for {@code UNRECOGNIZED}. */
    int number(E value);
}
