package health.salus.security.credential;

import java.util.List;

/**
 * A chosen password breaks the {@link PasswordPolicy}. The message is fixed and the problems are
 * the policy's own sentences, so neither can leak the password into logs or responses.
 */
public class WeakPasswordException extends RuntimeException {

    public static final String CODE = "weak-password";

    private final List<String> problems;

    public WeakPasswordException(List<String> problems) {
        super("The password does not meet the password policy");
        this.problems = List.copyOf(problems);
    }

    public String code() {
        return CODE;
    }

    public List<String> problems() {
        return problems;
    }
}
