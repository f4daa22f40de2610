package bench;

/** The one class of the floor project. */
public final class Empty {
    private Empty() {}
}
