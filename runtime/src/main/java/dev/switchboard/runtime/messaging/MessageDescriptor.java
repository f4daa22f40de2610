package dev.switchboard.runtime.messaging;

import dev.switchboard.runtime.policy.PolicySettings;
import dev.switchboard.runtime.policy.RetrySettings;
import dev.switchboard.runtime.protobuf.ProtoCodec;
import java.util.Objects;

/**
 * One event or command of a contract as every transport sees it: where it goes, where it goes
 * when it cannot be processed, and how a consumer retries. Generated per message in
 * {@code <Service>Messages}.
 *
 * @param service     the producing service, the CloudEvent source
 * @param name        the event or command name, e.g. {@code orderCreated}
 * @param type        the CloudEvent type, e.g. {@code com.example.orders.orderCreated}
 * @param retry       the consumer's retry policy from the contract; unset parts take the defaults
 * @param protobuf    the payload's generated protobuf codec, for services that send protobuf payloads
 * @param ordered     whether consumers handle the messages of one key (the CloudEvent subject) in publish
 *                    order, one at a time ({@code ordered: true} in the contract)
 * @param publishing  the publisher's policy from the contract (timeout, deadline, retry); unset parts
 *                    take the configuration's overrides, then the defaults
 * @param batch       how consumers take the messages several at a time ({@code batch:} in the contract), or
 *                    null for one at a time
 */
public record MessageDescriptor(
        String service, String name, Kind kind, String type, String destination, String deadLetter,
        RetrySettings retry, ProtoCodec<?> protobuf, boolean ordered, PolicySettings publishing,
        Subscription.Batch batch) {

    public MessageDescriptor {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(deadLetter, "deadLetter");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(protobuf, "protobuf");
        Objects.requireNonNull(publishing, "publishing");
        if (batch != null && ordered) {
            throw new IllegalArgumentException(name + " is batched and ordered; it can be one or the other");
        }
    }

    /** A message its consumers take one at a time. */
    public MessageDescriptor(String service, String name, Kind kind, String type, String destination,
            String deadLetter, RetrySettings retry, ProtoCodec<?> protobuf, boolean ordered,
            PolicySettings publishing) {
        this(service, name, kind, type, destination, deadLetter, retry, protobuf, ordered, publishing, null);
    }

    /** A message whose contract sets no publishing policy: the configuration's and the defaults apply. */
    public MessageDescriptor(String service, String name, Kind kind, String type, String destination,
            String deadLetter, RetrySettings retry, ProtoCodec<?> protobuf, boolean ordered) {
        this(service, name, kind, type, destination, deadLetter, retry, protobuf, ordered, PolicySettings.NONE);
    }

    /** An unordered message with no publishing policy of its own. */
    public MessageDescriptor(String service, String name, Kind kind, String type, String destination,
            String deadLetter, RetrySettings retry, ProtoCodec<?> protobuf) {
        this(service, name, kind, type, destination, deadLetter, retry, protobuf, false);
    }

    public enum Kind {
        /** Publish/subscribe: every consuming service gets each event. */
        EVENT,
        /** Point-to-point: exactly one instance of one service handles each command. */
        COMMAND
    }

    /** How consumers of this message share it. */
    public Subscription.Mode mode() {
        return kind == Kind.EVENT ? Subscription.Mode.PUBLISH_SUBSCRIBE : Subscription.Mode.POINT_TO_POINT;
    }
}
