package org.tributary.webconsole.internal.console;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class ConsolePageTest {

    @Test
    public void escapesLdapFilterValues() {
        assertEquals("org.tributary.a\\*\\(b\\)\\\\", ConfigForms.escapeFilter("org.tributary.a*(b)\\"));
    }

    @Test
    public void servesOnlyItsOwnResources() throws Exception {
        SettingsPage page = new SettingsPage(null, null, null);

        assertNotNull(page.getResource("/tributary-settings/res/tributary/tributary.js"));
        assertNotNull(page.getResource("/tributary-settings/res/tributary/tributary-settings.html"));
        assertNull(page.getResource("/tributary-settings/res/tributary/../../OSGI-INF/x"));
        assertNull(page.getResource("/tributary-dashboard/res/tributary/tributary.js"));
        assertNull(page.getResource("/tributary-settings/data.json"));
    }
}
