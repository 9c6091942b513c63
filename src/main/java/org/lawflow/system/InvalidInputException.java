package org.lawflow.system;

/** Bad input from a user: becomes a 400 problem detail naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
