package health.salus.web.shell;

import health.salus.security.CurrentSubject;
import health.salus.security.Subject;
import health.salus.web.NavigationLinks;
import health.salus.web.PageAccess;
import health.salus.web.RoleHomes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the layout needs on every rendered page: who is signed in, the header links the policy lets them
 * use, their home, the current path (for the language switch) and when to warn about the idle
 * sign-out. An interceptor rather than a controller advice, so JSON APIs never pay for it and error
 * pages get it too.
 */
@Component
class ShellModel implements HandlerInterceptor {

    /** the warning shows this long before the session's idle limit */
    private static final Duration WARNING_LEAD = Duration.ofMinutes(2);

    private final CurrentSubject currentSubject;
    private final PageAccess access;
    private final ObjectProvider<NavigationLinks> navigation;
    private final Duration idleLimit;

    ShellModel(CurrentSubject currentSubject, PageAccess access, ObjectProvider<NavigationLinks> navigation,
            @Value("${spring.session.timeout:30m}") Duration idleLimit) {
        this.currentSubject = currentSubject;
        this.access = access;
        this.navigation = navigation;
        this.idleLimit = idleLimit;
    }

    /** The layout's view of the signed-in user; {@code signedIn} is false on the sign-in pages. */
    record Shell(boolean signedIn, String home, List<NavigationLinks.Link> links, String currentPath,
            String currentQuery, long idleWarnSeconds, long idleLimitSeconds) {

        /**
         * This page again in another language: the same path and query (a reset or invitation link's
         * token, a search), with {@code lang} replaced.
         */
        public String inLanguage(String language) {
            String others = java.util.Arrays.stream(currentQuery.split("&"))
                    .filter(part -> !part.isEmpty() && !part.startsWith("lang=")).collect(java.util.stream.Collectors.joining("&"));
            return currentPath + "?" + (others.isEmpty() ? "" : others + "&") + "lang=" + language;
        }
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view != null && !(view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            view.addObject("shell", shell(request));
        }
    }

    Shell shell(HttpServletRequest request) {
        Optional<Subject> subject = signedInUser();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        long limit = idleLimit.toSeconds();
        long warn = Math.max(limit - WARNING_LEAD.toSeconds(), limit / 2);
        if (subject.isEmpty()) {
            return new Shell(false, "/", List.of(), path, query, warn, limit);
        }
        String home = RoleHomes.homeOf(subject.get().roles());
        // a link to the user's own home is the "Home" link already
        List<NavigationLinks.Link> links = navigation.orderedStream().flatMap(n -> n.links().stream())
                .filter(link -> !link.href().equals(home)).filter(access::shows).toList();
        return new Shell(true, home, links, path, query, warn, limit);
    }

    private Optional<Subject> signedInUser() {
        try {
            return currentSubject.current().filter(s -> s.kind() == Subject.Kind.USER);
        } catch (RuntimeException e) {
            // an error page rendered after the session broke still gets a layout, as if signed out
            return Optional.empty();
        }
    }
}
