package org.consilium.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerProcessTest {

    @Test
    void extraJvmOptionsAreSplitOnWhitespace() {
        assertEquals(List.of("-XX:+UseZGC", "-Xlog:gc:file=/tmp/gc.log"),
                ServerProcess.jvmOptions("  -XX:+UseZGC \t -Xlog:gc:file=/tmp/gc.log "));
    }

    @Test
    void noExtraJvmOptionsWhenUnsetOrBlank() {
        assertEquals(List.of(), ServerProcess.jvmOptions(null));
        assertEquals(List.of(), ServerProcess.jvmOptions("   "));
    }
}
