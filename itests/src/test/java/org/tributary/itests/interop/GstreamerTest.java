package org.tributary.itests.interop;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.tributary.itests.support.ProcessResult;

public class GstreamerTest {

    private static final String PLAYED = "Setting pipeline to PLAYING ...\nGot EOS from element \"pipeline0\".\n"
            + "Execution ended after 0:00:03.206174120\nSetting pipeline to NULL ...\nFreeing pipeline ...\n";
    /** What GStreamer 1.22's rtspsrc says when its TEARDOWN cut its own PAUSE while the pipeline shut down. */
    private static final String PAUSE_CUT = "ERROR: from element /GstPipeline:pipeline0/GstRTSPSrc:s: Could not write to resource.\n"
            + "Additional debug info:\n../gst/rtsp/gstrtspsrc.c(9240): gst_rtspsrc_pause (): "
            + "/GstPipeline:pipeline0/GstRTSPSrc:s:\nCould not send message. (Received end-of-file)\n";

    private static ProcessResult run(int exitCode, boolean timedOut, String stdout, String stderr) {
        return new ProcessResult(List.of("gst-launch-1.0"), exitCode, timedOut, stdout, stderr);
    }

    @Test
    public void theEndOfTheStreamWithoutAnErrorIsTheEnd() {
        assertTrue(Gstreamer.reachedEndOfStream(run(0, false, PLAYED, "")));
    }

    @Test
    public void rtspsrcCuttingItsOwnPauseAfterTheEndDoesNotUndoIt() {
        assertTrue(Gstreamer.reachedEndOfStream(run(1, false, PLAYED, PAUSE_CUT)));
    }

    @Test
    public void noEndIsNoEnd() {
        assertFalse(Gstreamer.reachedEndOfStream(run(0, false, "Setting pipeline to PLAYING ...\n", "")));
        assertFalse(Gstreamer.reachedEndOfStream(run(-1, true, "Setting pipeline to PLAYING ...\n", "")));
        assertFalse(Gstreamer.reachedEndOfStream(run(1, false, "", PAUSE_CUT)));
    }

    @Test
    public void anyOtherErrorFails() {
        assertFalse(Gstreamer.reachedEndOfStream(run(1, false, PLAYED,
                "ERROR: from element /GstPipeline:pipeline0/GstFileSink:filesink0: Could not close resource.\n")));
        assertFalse(Gstreamer.reachedEndOfStream(run(0, false, PLAYED, "0:00:01.0 123 0x1 ERROR libav :0:: error\n")));
        assertFalse(Gstreamer.reachedEndOfStream(run(139, false, PLAYED, "")));
    }
}
