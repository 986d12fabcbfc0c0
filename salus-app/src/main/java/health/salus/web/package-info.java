/**
 * The web application's shell: the page layout (skip link, role-based navigation, language switch,
 * idle-timeout warning), English and Spanish messages, each role's home page, the friendly "not
 * permitted" and error pages, and the installable web-app manifest. Feature screens live in the
 * modules that own them (the staff workspace, the portal) and use {@link health.salus.web.PageAccess}
 * to ask the access policy whether a page opens, and {@link health.salus.web.NavigationLinks} to
 * appear in the header.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package health.salus.web;
