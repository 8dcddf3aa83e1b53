/**
 * Random fault schedules for safety testing: the fault space a scenario offers
 * ({@link io.stormglass.experiment.fuzz.FaultSpace}), faults drawn as flat numbers that shrink well
 * ({@link io.stormglass.experiment.fuzz.FaultDraw}), the campaign over many seeds
 * ({@link io.stormglass.experiment.fuzz.FuzzCampaign}) and the shrinker that turns a failing schedule
 * into a short one ({@link io.stormglass.experiment.fuzz.ScheduleShrinker}). A failing schedule is
 * kept as a scenario file: {@code stormglass run} replays it event for event.
 */
package io.stormglass.experiment.fuzz;
