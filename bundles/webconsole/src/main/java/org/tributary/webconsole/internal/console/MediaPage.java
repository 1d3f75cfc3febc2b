package org.tributary.webconsole.internal.console;

import java.util.Set;
import javax.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tributary.webconsole.internal.api.ApiRouter;

/** The Media page: the media folder with URLs and embed snippets, upload, delete, and a playlist made of chosen files. */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=tributary-media",
        "felix.webconsole.title=Media",
        "felix.webconsole.category=" + ConsolePage.CATEGORY})
public final class MediaPage extends RouterPage {

    private static final long serialVersionUID = 1L;

    /** @param router the JSON API */
    @Activate
    public MediaPage(@Reference ApiRouter router) {
        super("tributary-media", router, Set.of("media"), Set.of("media", "playlists"));
    }
}
