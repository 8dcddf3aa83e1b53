package io.stormglass.raft.check.safety;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Lets {@code -Dsafety.tries=N} override the tries of the fault-schedule properties, for long
 * campaigns outside the default build ({@code mvn -o -pl sim-raft test -Dtest=FaultScheduleProperties
 * -Dsafety.tries=5000}).
 */
public class CampaignTries implements AroundPropertyHook {
    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) throws Throwable {
        String tries = System.getProperty("safety.tries");
        if (tries != null && !tries.isBlank()) {
            context.attributes().setTries(Integer.parseInt(tries.trim()));
        }
        return property.execute();
    }
}
