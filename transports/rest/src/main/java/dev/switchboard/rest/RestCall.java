package dev.switchboard.rest;

import java.util.List;
import tools.jackson.core.type.TypeReference;

/**
 * Typed access to one HTTP request's path variables, query parameters and JSON body. A value
 * that cannot be read is recorded as a violation (the accessor returns the absent value) so
 * the caller gets every problem of the request in one 400 response.
 */
public interface RestCall {

    /** A path variable. */
    <T> T path(String name, RestValue<T> type);

    /** A query parameter; {@code type.absent()} when missing. */
    <T> T query(String name, RestValue<T> type);

    /** An optional query parameter; null when missing. */
    <T> T optionalQuery(String name, RestValue<T> type);

    /** A repeated query parameter ({@code ?tag=a&tag=b}); empty when missing. */
    <T> List<T> queryList(String name, RestValue<T> type);

    /** A query parameter holding JSON (objects and maps have no plain query form); null when missing. */
    <T> T queryJson(String name, TypeReference<T> type);

    /** The JSON request body. */
    <T> T body(Class<T> type);
}
