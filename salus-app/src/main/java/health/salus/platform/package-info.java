/**
 * The shared kernel: what every module may rely on — start-up reporting, clock and configuration
 * conventions, and (as they arrive) ids, paging and the mapping of domain errors to
 * OperationOutcome and problem+json. It depends on no other Salus module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package health.salus.platform;
