package org.tributary.webconsole.internal.console;

import java.util.Set;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.webconsole.internal.api.ApiRouter;

/** The Broadcasts page: live paths, relays, .sdp feeds, playlists (start, stop, skip) and MP3 stations. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=tributary-broadcasts",
        "felix.webconsole.title=Broadcasts",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class BroadcastsPage extends RouterPage {

    private static final long serialVersionUID = 1L;

    /** @param router the JSON API */
    @Activate
    public BroadcastsPage(@Reference ApiRouter router) {
        super("tributary-broadcasts", router, Set.of("broadcasts", "relays", "playlists", "stations"), Set.of("playlists"));
    }
}
