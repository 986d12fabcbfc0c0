/**
 * No-show prediction: point-in-time features from appointment history, an L2-regularised logistic
 * regression (see ADR 0013), versioned models retrained weekly, stored predictions with their top
 * features, and a coordinator call task for high-risk appointments.
 */
package health.salus.scheduling.noshow;
