package dev.switchboard.spring.jdbc.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a handler writes through JPA in {@code JpaInboxTest}. */
@Entity
@Table(name = "sbt_reservation")
public class Reservation {

    @Id
    private String messageId;

    protected Reservation() {}

    public Reservation(String messageId) {
        this.messageId = messageId;
    }

    public String getMessageId() {
        return messageId;
    }
}
