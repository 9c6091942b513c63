package org.lawflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** LawFlow: statutory transport-enforcement procedures (交通运输行政执法程序) on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LawFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(LawFlowApplication.class, args);
    }
}
