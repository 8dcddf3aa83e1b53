/**
 * Running many independent simulations at once: one simulation per thread, results returned in
 * input order whatever finishes first, an internal error in one run reported for that run. This is
 * the only place threads are made for simulations; a single simulation never spans threads.
 */
package io.stormglass.experiment.exec;
