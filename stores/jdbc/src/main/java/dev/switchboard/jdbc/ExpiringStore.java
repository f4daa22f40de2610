package dev.switchboard.jdbc;

/** A store whose rows expire: the scheduled clean-up calls it, on any number of instances at once. */
public interface ExpiringStore {

    /** Deletes the rows past their time, in batches; returns how many. */
    int removeExpired();
}
