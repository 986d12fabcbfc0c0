package health.salus.patients.eligibility;

/** Where an eligibility check stands, as the front desk sees it. */
enum EligibilityStatus {
    /** queued, or waiting to try again after a payer or clearinghouse could not answer */
    PENDING,
    /** the payer confirmed active coverage */
    VERIFIED,
    /** the payer knows the member but the coverage is not active */
    INACTIVE,
    /** the payer does not know the member as recorded (AAA 72, 75 …): the card needs another look */
    NOT_FOUND,
    /** no usable answer: rejected for another reason, or still unanswered after every attempt */
    FAILED;

    boolean settled() {
        return this != PENDING;
    }
}
