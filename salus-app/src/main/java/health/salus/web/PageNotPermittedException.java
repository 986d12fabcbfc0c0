package health.salus.web;

/** The signed-in user may not open this page: answered with the friendly 403 page, never a stack trace. */
public class PageNotPermittedException extends RuntimeException {

    public PageNotPermittedException() {
        super("The access policy does not allow this page");
    }
}
