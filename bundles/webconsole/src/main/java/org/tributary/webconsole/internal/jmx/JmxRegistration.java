package org.tributary.webconsole.internal.jmx;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tributary.webconsole.internal.model.Services;

/**
 * Registers {@code org.tributary:type=Server} in Karaf's MBean server (the {@link MBeanServer} service
 * of the management feature), and unregisters it when this bundle stops or the MBean server goes.
 */
@Component
public class JmxRegistration {

    /** The MBean's name. */
    public static final String SERVER = "org.tributary:type=Server";

    private static final Logger LOG = LoggerFactory.getLogger(JmxRegistration.class);

    private final MBeanServer server;
    private final ObjectName name;

    /**
     * @param server   Karaf's MBean server
     * @param services what the MBean reads
     * @throws JMException when the MBean cannot be registered
     */
    @Activate
    public JmxRegistration(@Reference MBeanServer server, @Reference Services services) throws JMException {
        this.server = server;
        this.name = new ObjectName(SERVER);
        if (server.isRegistered(name)) {
            server.unregisterMBean(name);
        }
        server.registerMBean(new StandardMBean(new ServerBean(services), ServerMXBean.class, true), name);
    }

    @Deactivate
    void deactivate() {
        try {
            server.unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("{} was unregistered already: {}", SERVER, e.getMessage());
        }
    }
}
