package org.tributary.itests.support;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.tributary.itests.support.ServerVitals.Vitals;

public class VitalsChartTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void drawsOnePanelPerMetricIntoAPng() throws Exception {
        VitalsSeries series = new VitalsSeries();
        for (int i = 0; i < 6; i++) {
            series.add(i * 10, new Vitals(50_000_000 + i, 300_000_000, 120, 300 + i, 8, i % 3));
        }
        Path png = folder.getRoot().toPath().resolve("soak/vitals.png");
        VitalsChart.write(series, "test", 20, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        assertTrue("six panels of 150 pixels", image.getHeight() >= 6 * 150);
    }
}
