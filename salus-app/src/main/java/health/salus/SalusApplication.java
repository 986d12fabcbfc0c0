package health.salus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SalusApplication {

    public static void main(String[] args) {
        SpringApplication.run(SalusApplication.class, args);
    }
}
