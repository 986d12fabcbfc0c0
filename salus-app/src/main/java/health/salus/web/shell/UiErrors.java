package health.salus.web.shell;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import health.salus.web.PageNotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages' answer when something is refused or breaks: the friendly "not permitted" page (403), a
 * "not found" page (404) or a plain apology (500) — in the user's language, never with a stack trace or
 * an exception's text. Only for the page controllers of the web, workspace and portal modules; the REST and
 * FHIR APIs keep their problem+json and OperationOutcome answers.
 */
@ControllerAdvice(basePackages = {"health.salus.web", "health.salus.workspace", "health.salus.portal"})
class UiErrors {

    private static final Logger log = LoggerFactory.getLogger(UiErrors.class);

    private final ShellModel shell;

    UiErrors(ShellModel shell) {
        this.shell = shell;
    }

    @ExceptionHandler({PageNotPermittedException.class, ForbiddenOperationException.class})
    ModelAndView notPermitted(HttpServletRequest request, HttpServletResponse response) {
        return page("web/not-permitted", HttpServletResponse.SC_FORBIDDEN, request, response);
    }

    @ExceptionHandler({ResourceNotFoundException.class, ResourceGoneException.class})
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return page("web/not-found", HttpServletResponse.SC_NOT_FOUND, request, response);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException
                || e instanceof ca.uhn.fhir.rest.server.exceptions.AuthenticationException) {
            throw e; // Spring's own handling (400s, the sign-in redirect) applies
        }
        log.error("A page failed", e);
        return page("web/error", HttpServletResponse.SC_INTERNAL_SERVER_ERROR, request, response);
    }

    private ModelAndView page(String view, int status, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView(view);
        page.addObject("shell", shell.shell(request));
        return page;
    }
}
