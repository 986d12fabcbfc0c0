/**
 * The staff workspace: the screens clinic staff work in, server-rendered in the web module's shell.
 * Today the front desk's (the day's schedule and check-in, patient search, registration with the
 * duplicate warning and privacy consent, booking, rescheduling and cancelling), the clinician's (their
 * day, their patients, patient search, and the chart with its break-glass dialog) and the care
 * coordinator's (the duplicate review queue with its side-by-side comparison and merge, and the
 * confirmation calls the no-show model asks for). Screens call the same
 * module services as the REST API, as the signed-in user, so the access policy decides what each
 * person sees and may do; a page opens only for whoever the policy gives its work to.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Staff workspace")
package health.salus.workspace;
