/** The {@code Idempotency-Key} store shared by a service's instances, in the application's database. */
package dev.switchboard.jdbc.idempotency;
