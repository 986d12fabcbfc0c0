package health.salus.messaging;

/** Where one channel's delivery of a notification stands. */
public enum DeliveryStatus {
    /** waiting for its first attempt or a retry */
    QUEUED,
    /** due during the patient's quiet hours: sent when they end */
    HELD,
    /** handed to the mail server or gateway */
    SENT,
    /** the gateway reported it reached the device */
    DELIVERED,
    /** gave up: attempts exhausted or a permanent error */
    FAILED;

    public boolean isFinal() {
        return this == SENT || this == DELIVERED || this == FAILED;
    }
}
