/**
 * The network's machinery, not API: links and their random streams, connections, the fair
 * egress NIC, and the path of a message ({@link io.stormglass.net.internal.LinkFabric}).
 */
package io.stormglass.net.internal;
