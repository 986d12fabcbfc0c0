package health.salus.security;

/**
 * The published credentials of the demo accounts (one per role, username = the role's code). They
 * exist only when Salus starts with demo data, and the sign-in page shows them only then.
 */
public final class DemoCredentials {

    /** Long and uncommon enough for the password policy; public, so never use it outside the demo. */
    public static final String PASSWORD = "salus-demo-password-2026";
    /** The authenticator key every demo staff account shares (base32), e.g. for {@code oathtool --totp -b}. */
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    /** The demo system client (client credentials, {@code system/*.rs}). */
    public static final String API_CLIENT_ID = "salus-demo-api";
    public static final String API_CLIENT_SECRET = "salus-demo-api-secret";
    /** The demo SMART app (authorization code with PKCE). */
    public static final String SMART_APP_ID = "salus-demo-smart-app";
    public static final String SMART_APP_SECRET = "salus-demo-smart-app-secret";

    private DemoCredentials() {
    }
}
