package health.salus.messaging;

/** How a message reaches its recipient. */
public enum Channel {
    EMAIL, SMS, VOICE, IN_APP
}
