package health.salus.patients.eligibility.x12;

import java.time.LocalDateTime;

/**
 * The interchange and group headers of one exchange: who sends to whom, when, under which control
 * number, test or production ({@code usage} T or P), and the functional group ({@code HS} for 270,
 * {@code HB} for 271).
 */
public record Envelope(String senderId, String receiverId, long controlNumber, LocalDateTime at, String usage,
        String functionalId) {

    public static final String IMPLEMENTATION_GUIDE = "005010X279A1";

    public Envelope answering(Envelope request, long answerControlNumber, LocalDateTime answeredAt) {
        return new Envelope(request.receiverId(), request.senderId(), answerControlNumber, answeredAt, request.usage(),
                functionalId);
    }
}
