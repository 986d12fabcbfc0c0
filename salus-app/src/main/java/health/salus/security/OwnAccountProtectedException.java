package health.salus.security;

/**
 * An administrator tried to take away their own administrator role or disable their own account: refused,
 * so that the last administrator cannot lock everyone out of account administration by mistake.
 */
public class OwnAccountProtectedException extends RuntimeException {

    public OwnAccountProtectedException() {
        super("Administrators cannot remove their own administrator role or disable their own account");
    }
}
