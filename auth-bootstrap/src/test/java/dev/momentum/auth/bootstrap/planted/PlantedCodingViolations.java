package dev.momentum.auth.bootstrap.planted;

import org.springframework.beans.factory.annotation.Autowired;

/** Breaks ArchUnit's general coding rules on purpose. Never used. */
public class PlantedCodingViolations {

    private static final java.util.logging.Logger JAVA_UTIL_LOGGING = java.util.logging.Logger.getLogger("planted");

    @Autowired
    private Object injectedIntoAField;

    public void printsToStandardOut() {
        System.out.println(injectedIntoAField);
    }

    public void throwsAGenericException() {
        throw new RuntimeException("generic");
    }

    public void logsThroughJavaUtilLogging() {
        JAVA_UTIL_LOGGING.info("planted");
    }
}
