package dev.switchboard.rest.server;

import dev.switchboard.runtime.validation.ConstraintViolation;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/** Jackson's complaints about a request body, as a violation naming the field that is wrong. */
final class JsonProblems {

    private JsonProblems() {}

    static ConstraintViolation violation(JacksonException invalid) {
        if (invalid instanceof StreamReadException && invalid.getPath().isEmpty()) {
            return new ConstraintViolation("body", "malformed JSON: " + invalid.getOriginalMessage()
                    + location(invalid));
        }
        String field = path(invalid.getPath());
        return new ConstraintViolation(field.isEmpty() ? "body" : field, describe(invalid));
    }

    /** {@code items[1].quantity}, the way constraint violations name fields. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(JacksonException invalid) {
        String message = invalid.getOriginalMessage();
        int detail = message.indexOf(" (");
        return "has the wrong type: " + (detail > 0 ? message.substring(0, detail) : message);
    }

    private static String location(JacksonException invalid) {
        return invalid.getLocation() == null ? ""
                : " at line " + invalid.getLocation().getLineNr() + ", column " + invalid.getLocation().getColumnNr();
    }
}
